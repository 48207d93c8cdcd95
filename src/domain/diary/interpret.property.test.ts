/**
 * Property tests of the diary math (facet-pathway.md §4). Scores are generated in whole tenths (NRS whole
 * points; VAS with one decimal), diaries with strictly increasing times, and thresholds, agents and windows
 * at random.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENTS, type Agent, type DiaryEntry, type PainScore } from '../case.js';
import {
  type AgentWindow,
  type BlockInput,
  type InterpretationParams,
  interpretBlock,
  reliefPercent,
  roundPercent,
  type Threshold,
} from './interpret.js';

const RUNS = 1000;

/** A pain score in tenths: NRS 0–10 whole points, or VAS 0.0–10.0. */
const scoreOn = (scale: PainScore['scale'], minTenths: number) =>
  scale === 'NRS'
    ? fc.integer({ min: Math.ceil(minTenths / 10), max: 10 })
    : fc.integer({ min: minTenths, max: 100 }).map((t) => t / 10);

const scale = fc.constantFrom<PainScore['scale']>('NRS', 'VAS');

/** A non-zero baseline and a matching scale for the diary scores. */
const baselineArb: fc.Arbitrary<PainScore> = scale.chain((s) =>
  scoreOn(s, 1).map((score) => ({ scale: s, score })),
);

/** Strictly increasing minutes after the block, 0 … 2000 (beyond the 24 h window sometimes). */
const timesArb = (maxLength: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 0, maxLength })
    .map((ts) => [...ts].sort((a, b) => a - b));

/** A diary on a scale: times strictly increasing, scores 0–10 on that scale. */
const diaryArb = (s: PainScore['scale'], maxLength = 14): fc.Arbitrary<DiaryEntry[]> =>
  timesArb(maxLength).chain((times) =>
    fc
      .array(scoreOn(s, 0), { minLength: times.length, maxLength: times.length })
      .map((scores) => times.map((minutesAfter, i) => ({ minutesAfter, score: scores[i]! }))),
  );

/** Diaries skewed towards long runs of relief: scores drawn near 0 more often. */
const reliefDiaryArb = (s: PainScore['scale']): fc.Arbitrary<DiaryEntry[]> =>
  timesArb(10).chain((times) =>
    fc
      .array(
        fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: scoreOn(s, 0) }),
        { minLength: times.length, maxLength: times.length },
      )
      .map((scores) => times.map((minutesAfter, i) => ({ minutesAfter, score: scores[i]! }))),
  );

/**
 * Diaries with no relief at first and relief from some entry to the end (late onset, or a diary that stops
 * while relieved): the shape that exercises the onset window and censoring.
 */
const lateReliefDiaryArb = (s: PainScore['scale']): fc.Arbitrary<DiaryEntry[]> =>
  timesArb(10).chain((times) =>
    fc
      .tuple(fc.integer({ min: 0, max: times.length }), scoreOn(s, 0), scoreOn(s, 0))
      .map(([k, high, low]) => {
        const [painful, relieved] = high >= low ? [high, low] : [low, high];
        return times.map((minutesAfter, i) => ({ minutesAfter, score: i < k ? painful : relieved }));
      }),
  );

const thresholdArb: fc.Arbitrary<Threshold> = fc.record({
  percent: fc.oneof(fc.constantFrom(50, 80), fc.integer({ min: 0, max: 100 })),
  inclusive: fc.boolean(),
});

const agentWindowArb: fc.Arbitrary<AgentWindow> = fc
  .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 }))
  .map(([minimumMinutes, extra, prolonged]) => ({
    minimumMinutes,
    typicalMaximumMinutes: minimumMinutes + extra,
    prolongedAfterMinutes: minimumMinutes + extra + prolonged,
  }));

/** Windows at random, including policies whose onset window is longer than the observation window. */
const paramsArb: fc.Arbitrary<InterpretationParams> = fc.record({
  onsetWindowMinutes: fc.oneof(fc.constant(120), fc.integer({ min: 0, max: 600 })),
  observationWindowMinutes: fc.oneof(
    fc.constant(1440),
    fc.integer({ min: 1, max: 240 }),
    fc.integer({ min: 1, max: 2000 }),
  ),
  agents: fc.record({ lidocaine: agentWindowArb, bupivacaine: agentWindowArb, ropivacaine: agentWindowArb }),
});

const agentArb: fc.Arbitrary<Agent | undefined> = fc.option(fc.constantFrom(...AGENTS), { nil: undefined });

interface Scenario {
  baseline: PainScore;
  block: BlockInput;
  threshold: Threshold;
  params: InterpretationParams;
}

const scenarioArb = (
  diaries: (s: PainScore['scale']) => fc.Arbitrary<DiaryEntry[]>,
): fc.Arbitrary<Scenario> =>
  baselineArb.chain((baseline) =>
    fc.record({
      baseline: fc.constant(baseline),
      block: fc.record({ diary: diaries(baseline.scale), agent: agentArb }),
      threshold: thresholdArb,
      params: paramsArb,
    }),
  );

const anyScenario = fc.oneof(
  scenarioArb((s) => diaryArb(s)),
  scenarioArb(reliefDiaryArb),
  scenarioArb(lateReliefDiaryArb),
);

const run = (s: Scenario) => interpretBlock(s.block, s.baseline, s.threshold, s.params);

const tenths = (x: number) => Math.round(x * 10);
/** Does a score meet the threshold? Exact integer arithmetic: (B − s) / B × 100 vs T, times B. */
const meetsExactly = (baseline: number, score: number, t: Threshold) => {
  const lhs = (tenths(baseline) - tenths(score)) * 100;
  const rhs = t.percent * tenths(baseline);
  return t.inclusive ? lhs >= rhs : lhs > rhs;
};

describe('diary math invariants (fast-check)', () => {
  it('relief is at most 100 %, exactly 100 % only at score 0, and equals (B − s) / B × 100', () => {
    fc.assert(
      fc.property(
        baselineArb.chain((b) => fc.tuple(fc.constant(b), scoreOn(b.scale, 0))),
        ([b, s]) => {
          const r = reliefPercent(b.score, s);
          expect(r).toBeLessThanOrEqual(100);
          expect(r === 100).toBe(s === 0);
          expect(Math.abs(r - ((b.score - s) / b.score) * 100)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('every reported relief point is ≤ 100 % and the peak is the largest point in the window', () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const r = run(s);
        for (const p of r.points) expect(p.reliefPercent).toBeLessThanOrEqual(100);
        if (r.peakReliefPercent !== null) {
          expect(r.peakReliefPercent).toBeLessThanOrEqual(100);
          const inWindow = r.points.filter((p) => p.minutesAfter <= s.params.observationWindowMinutes);
          expect(r.peakReliefPercent).toBe(Math.max(...inWindow.map((p) => p.reliefPercent)));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the reported (rounded) percentage is an integer within 0.5 of the exact value', () => {
    fc.assert(
      fc.property(
        baselineArb.chain((b) => fc.tuple(fc.constant(b), scoreOn(b.scale, 0))),
        ([b, s]) => {
          const exact = reliefPercent(b.score, s);
          const shown = roundPercent(exact);
          expect(Number.isInteger(shown)).toBe(true);
          expect(Math.abs(shown - exact)).toBeLessThanOrEqual(0.5);
          // Half away from zero: a tie goes to the larger magnitude.
          if (Math.abs(Math.abs(shown - exact) - 0.5) < 1e-12)
            expect(Math.abs(shown)).toBeGreaterThan(Math.abs(exact));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('lowering any entry’s score never lowers that entry’s relief nor the peak', () => {
    const arb = anyScenario
      .filter((s) => (s.block.diary?.length ?? 0) > 0)
      .chain((s) =>
        fc.tuple(
          fc.constant(s),
          fc.integer({ min: 0, max: s.block.diary!.length - 1 }),
          fc.integer({ min: 1, max: 100 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([s, index, drop]) => {
        const entry = s.block.diary![index]!;
        const step = s.baseline.scale === 'NRS' ? 10 : 1;
        const lowered = Math.max(0, tenths(entry.score) - drop * step) / 10;
        const diary = s.block.diary!.map((e, i) => (i === index ? { ...e, score: lowered } : e));
        const before = run(s);
        const after = run({ ...s, block: { ...s.block, diary } });
        const at = (r: typeof before) => r.points.find((p) => p.minutesAfter === entry.minutesAfter);
        if (before.points.length)
          expect(at(after)!.reliefPercent).toBeGreaterThanOrEqual(at(before)!.reliefPercent);
        if (before.peakReliefPercent !== null)
          expect(after.peakReliefPercent!).toBeGreaterThanOrEqual(before.peakReliefPercent);
        expect(reliefPercent(s.baseline.score, lowered)).toBeGreaterThanOrEqual(
          reliefPercent(s.baseline.score, entry.score),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('lowering any score never lowers peak relief or duration, and never turns a positive block negative (§4, amended 2026-12-04)', () => {
    const arb = anyScenario
      .filter((s) => (s.block.diary?.length ?? 0) > 0)
      .chain((s) =>
        fc.tuple(
          fc.constant(s),
          fc.uniqueArray(fc.integer({ min: 0, max: s.block.diary!.length - 1 }), { minLength: 1 }),
          fc.integer({ min: 1, max: 100 }),
        ),
      );
    let positives = 0;
    fc.assert(
      fc.property(arb, ([s, indices, drop]) => {
        const step = s.baseline.scale === 'NRS' ? 10 : 1;
        const diary = s.block.diary!.map((e, i) =>
          indices.includes(i) ? { ...e, score: Math.max(0, tenths(e.score) - drop * step) / 10 } : e,
        );
        const before = run(s);
        const after = run({ ...s, block: { ...s.block, diary } });
        if (before.peakReliefPercent !== null)
          expect(after.peakReliefPercent!).toBeGreaterThanOrEqual(before.peakReliefPercent);
        expect(after.durationMinutes).toBeGreaterThanOrEqual(before.durationMinutes);
        if (before.result === 'positive') {
          positives++;
          expect(after.result).toBe('positive');
        }
        if (before.result !== 'negative') expect(after.result).not.toBe('negative');
      }),
      { numRuns: RUNS * 2 },
    );
    // The property is only worth something if it met positive blocks often enough.
    expect(positives).toBeGreaterThan(RUNS / 10);
  });

  it('a better early score followed by a dip never shortens the duration (the amended §4 example)', () => {
    // Baseline 8, lidocaine, ≥ 80 %: 15 min → 1 (87.5 %), 30 min → 3 (62.5 %, the dip), 45, 60, 90 min → 1,
    // 120 min → 6. Counting runs 15–15 and 45–90 (both start within 120 min): duration 90 min ≥ 60 → positive.
    const params: InterpretationParams = {
      onsetWindowMinutes: 120,
      observationWindowMinutes: 1440,
      agents: {
        lidocaine: { minimumMinutes: 60, typicalMaximumMinutes: 240, prolongedAfterMinutes: 720 },
        bupivacaine: { minimumMinutes: 120, typicalMaximumMinutes: 720, prolongedAfterMinutes: 1440 },
        ropivacaine: { minimumMinutes: 120, typicalMaximumMinutes: 600, prolongedAfterMinutes: 1440 },
      },
    };
    const diary = [
      { minutesAfter: 15, score: 1 },
      { minutesAfter: 30, score: 3 },
      { minutesAfter: 45, score: 1 },
      { minutesAfter: 60, score: 1 },
      { minutesAfter: 90, score: 1 },
      { minutesAfter: 120, score: 6 },
    ];
    const t = { percent: 80, inclusive: true };
    const base = { scale: 'NRS' as const, score: 8 };
    const r = interpretBlock({ diary, agent: 'lidocaine' }, base, t, params);
    expect({ result: r.result, durationMinutes: r.durationMinutes }).toEqual({
      result: 'positive',
      durationMinutes: 90,
    });
    // The same diary with a worse first score (15 min → 3): one run 45–90, the same 90 min.
    const worse = diary.map((e, i) => (i === 0 ? { ...e, score: 3 } : e));
    expect(interpretBlock({ diary: worse, agent: 'lidocaine' }, base, t, params).durationMinutes).toBe(90);
  });

  it('duration never exceeds the last entry, and is 0 or the time of an entry', () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const r = run(s);
        const times = (s.block.diary ?? []).map((e) => e.minutesAfter);
        expect(r.durationMinutes).toBeLessThanOrEqual(times.length ? Math.max(...times) : 0);
        if (r.durationMinutes !== 0) expect(times).toContain(r.durationMinutes);
        // and the entry it names was relieved at the threshold.
        const last = s.block.diary?.find((e) => e.minutesAfter === r.durationMinutes);
        if (r.durationMinutes !== 0)
          expect(meetsExactly(s.baseline.score, last!.score, s.threshold)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a censored diary is never negative', () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const r = run(s);
        if (r.censored) expect(r.result).not.toBe('negative');
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('positive ⇒ the peak meets the threshold and the duration reaches the agent minimum', () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const r = run(s);
        if (r.result !== 'positive') return;
        expect(r.agent).not.toBeNull();
        const peak = r.peakReliefPercent!;
        if (s.threshold.inclusive) expect(peak).toBeGreaterThanOrEqual(s.threshold.percent);
        else expect(peak).toBeGreaterThan(s.threshold.percent);
        expect(r.durationMinutes).toBeGreaterThanOrEqual(s.params.agents[r.agent!].minimumMinutes);
        expect(r.reasons).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('a peak below the threshold (with at least two entries in the window) is negative', () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const inWindow = (s.block.diary ?? []).filter(
          (e) => e.minutesAfter <= s.params.observationWindowMinutes,
        );
        if (inWindow.length < 2) return;
        if (inWindow.some((e) => meetsExactly(s.baseline.score, e.score, s.threshold))) return;
        const r = run(s);
        expect(r.result).toBe('negative');
        expect(r.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
      }),
      { numRuns: RUNS },
    );
  });

  it('the result does not depend on the order the diary is given in', () => {
    const arb = anyScenario.chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.shuffledSubarray(s.block.diary ?? [], { minLength: s.block.diary?.length ?? 0 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([s, shuffled]) => {
        expect(run({ ...s, block: { ...s.block, diary: shuffled } })).toEqual(run(s));
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with an independent reading of §4 on result, reason, duration and warnings', () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const r = run(s);
        const expected = reference(s);
        expect({
          result: r.result,
          reasons: r.reasons,
          durationMinutes: r.durationMinutes,
          warnings: r.warnings,
        }).toEqual(expected);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

/**
 * §4 read directly, in whole tenths so that every comparison is exact. Deliberately written differently
 * from the implementation (index-free, on the time-ordered list), so the two can disagree.
 */
function reference(s: Scenario): {
  result: string;
  reasons: string[];
  durationMinutes: number;
  warnings: string[];
} {
  const B = s.baseline.score;
  const entries = [...(s.block.diary ?? [])].sort((a, b) => a.minutesAfter - b.minutesAfter);
  const { onsetWindowMinutes: onset, observationWindowMinutes: observe } = s.params;
  const relieved = (e: DiaryEntry) => meetsExactly(B, e.score, s.threshold);
  const out = (result: string, reasons: string[], durationMinutes = 0, warnings: string[] = []) => ({
    result,
    reasons,
    durationMinutes,
    warnings,
  });

  const window = entries.filter((e) => e.minutesAfter <= observe);
  if (window.length < 2) return out('indeterminate', ['DIARY_INSUFFICIENT']);

  // §4 as amended on 2026-12-04: every run (an unbroken sequence of relieved entries) whose first entry lies
  // within the onset window (and counts for the peak) is a counting run; the one that ends latest gives the
  // duration. Runs are collected first, then filtered, then the latest end is taken.
  const runs: DiaryEntry[][] = [];
  let current: DiaryEntry[] = [];
  for (const e of entries) {
    if (relieved(e)) current.push(e);
    else if (current.length) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length) runs.push(current);
  const counting = runs.filter((r) => r[0]!.minutesAfter <= onset && r[0]!.minutesAfter <= observe);
  const first = counting[0]?.[0];
  const lastOfRun = counting
    .map((r) => r[r.length - 1]!)
    .reduce<DiaryEntry | undefined>((a, b) => (!a || b.minutesAfter > a.minutesAfter ? b : a), undefined);
  const duration = lastOfRun?.minutesAfter ?? 0;
  const censored = lastOfRun !== undefined && lastOfRun === entries[entries.length - 1];

  if (!window.some(relieved)) return out('negative', ['RELIEF_BELOW_THRESHOLD'], duration);
  const agent = s.block.agent;
  if (!agent) return out('indeterminate', ['AGENT_UNKNOWN'], duration);
  if (!first) return out('negative', ['DURATION_INCONSISTENT']);
  const w = s.params.agents[agent];
  if (duration >= w.minimumMinutes)
    return out('positive', [], duration, duration > w.prolongedAfterMinutes ? ['PROLONGED_RELIEF'] : []);
  if (censored) return out('indeterminate', ['DIARY_CENSORED'], duration);
  return out('negative', ['DURATION_INCONSISTENT'], duration);
}
