import { describe, expect, it } from 'vitest';
import type { DiaryEntry, PainScore } from '../case.js';
import {
  type ComparativeInput,
  compareBlocks,
  formatThreshold,
  type InterpretationParams,
  interpretBlock,
  reliefPercent,
  roundPercent,
  type Threshold,
} from './interpret.js';

/** §4 defaults: onset window 120 min, observation 24 h; agent minimums 60 / 120 / 120 min. */
const PARAMS: InterpretationParams = {
  onsetWindowMinutes: 120,
  observationWindowMinutes: 1440,
  agents: {
    lidocaine: { minimumMinutes: 60, typicalMaximumMinutes: 240, prolongedAfterMinutes: 480 },
    bupivacaine: { minimumMinutes: 120, typicalMaximumMinutes: 720, prolongedAfterMinutes: 1440 },
    ropivacaine: { minimumMinutes: 120, typicalMaximumMinutes: 600, prolongedAfterMinutes: 1200 },
  },
};
const T80: Threshold = { percent: 80, inclusive: true };
const T50: Threshold = { percent: 50, inclusive: true };
const STRICT50: Threshold = { percent: 50, inclusive: false };

const nrs = (score: number): PainScore => ({ scale: 'NRS', score });
const vas = (score: number): PainScore => ({ scale: 'VAS', score });
const diary = (...pairs: [number, number][]): DiaryEntry[] =>
  pairs.map(([minutesAfter, score]) => ({ minutesAfter, score }));

describe('§4 worked example', () => {
  // Baseline 8; 15 → 2, 30 → 1, 60 → 1, 120 → 2, 180 → 5, 240 → 7.
  const entries = diary([15, 2], [30, 1], [60, 1], [120, 2], [180, 5], [240, 7]);
  const baseline = nrs(8);

  it('relief per entry is 75, 87.5, 87.5, 75, 37.5, 12.5 — reported 75, 88, 88, 75, 38, 13', () => {
    const r = interpretBlock({ diary: entries, agent: 'lidocaine' }, baseline, T80, PARAMS);
    expect(r.points.map((p) => p.reliefPercent)).toEqual([75, 87.5, 87.5, 75, 37.5, 12.5]);
    expect(r.points.map((p) => roundPercent(p.reliefPercent))).toEqual([75, 88, 88, 75, 38, 13]);
    expect(r.points.map((p) => p.minutesAfter)).toEqual([15, 30, 60, 120, 180, 240]);
    expect(r.baselineScore).toBe(8);
  });

  it('peak relief is 87.5 %, reported 88 %', () => {
    const r = interpretBlock({ diary: entries, agent: 'lidocaine' }, baseline, T80, PARAMS);
    expect(r.peakReliefPercent).toBe(87.5);
    expect(roundPercent(r.peakReliefPercent!)).toBe(88);
  });

  it('at T = 80 the run is 30–60 min: positive for lidocaine (≥ 60 min)', () => {
    const r = interpretBlock({ diary: entries, agent: 'lidocaine' }, baseline, T80, PARAMS);
    expect(r.durationMinutes).toBe(60);
    expect(r.result).toBe('positive');
    expect(r.reasons).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.censored).toBe(false);
    expect(r.agent).toBe('lidocaine');
    expect(r.agentWindow).toEqual(PARAMS.agents.lidocaine);
  });

  it('at T = 80 it is negative for bupivacaine (60 < 120 min): DURATION_INCONSISTENT', () => {
    const r = interpretBlock({ diary: entries, agent: 'bupivacaine' }, baseline, T80, PARAMS);
    expect(r.durationMinutes).toBe(60);
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['DURATION_INCONSISTENT']);
    expect(r.censored).toBe(false);
  });

  it('at T = 50 the run is 15–120 min → 120 min (positive for bupivacaine too)', () => {
    const r = interpretBlock({ diary: entries, agent: 'bupivacaine' }, baseline, T50, PARAMS);
    expect(r.durationMinutes).toBe(120);
    expect(r.result).toBe('positive');
  });

  it('the explanation names the numbers', () => {
    const r = interpretBlock({ diary: entries, agent: 'bupivacaine' }, baseline, T80, PARAMS);
    expect(r.explanation).toContain('88 %');
    expect(r.explanation).toContain('60 min');
    expect(r.explanation).toContain('120 min');
  });
});

describe('reliefPercent and roundPercent', () => {
  it('relief = (B − s) / B × 100', () => {
    expect(reliefPercent(8, 2)).toBe(75);
    expect(reliefPercent(10, 0)).toBe(100);
    expect(reliefPercent(10, 10)).toBe(0);
    expect(reliefPercent(8, 9)).toBe(-12.5);
    expect(reliefPercent(6, 2)).toBeCloseTo(66.6667, 3);
  });

  it('is exact on one-decimal VAS scores', () => {
    expect(reliefPercent(7.5, 1.5)).toBe(80);
    expect(reliefPercent(3, 0.6)).toBe(80);
    expect(reliefPercent(0.5, 0.1)).toBe(80);
    expect(reliefPercent(4.5, 0.9)).toBe(80);
    expect(reliefPercent(9.5, 1.9)).toBe(80);
    expect(reliefPercent(0.3, 0.1)).toBeCloseTo(66.6667, 3);
  });

  it.each([
    [87.5, 88],
    [37.5, 38],
    [12.5, 13],
    [0.5, 1],
    [0.4, 0],
    [-12.5, -13],
    [-0.5, -1],
    [75, 75],
    [66.66666666666667, 67],
    [100, 100],
    [0, 0],
  ])('roundPercent(%d) = %d (half away from zero)', (value, expected) => {
    expect(roundPercent(value)).toBe(expected);
  });

  it('formatThreshold', () => {
    expect(formatThreshold(T80)).toBe('≥ 80 %');
    expect(formatThreshold(STRICT50)).toBe('> 50 %');
  });
});

describe('exact threshold boundaries', () => {
  it('relief of exactly 80 % meets ≥ 80 % and not > 80 % (NRS: baseline 10, score 2)', () => {
    const block = { diary: diary([30, 2], [60, 2], [90, 9]), agent: 'lidocaine' as const };
    const incl = interpretBlock(block, nrs(10), T80, PARAMS);
    expect(incl.result).toBe('positive');
    expect(incl.durationMinutes).toBe(60);
    const excl = interpretBlock(block, nrs(10), { percent: 80, inclusive: false }, PARAMS);
    expect(excl.result).toBe('negative');
    expect(excl.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
    expect(excl.durationMinutes).toBe(0);
  });

  it.each([
    [7.5, 1.5],
    [3, 0.6],
    [4.5, 0.9],
    [9.5, 1.9],
    [0.5, 0.1],
  ])('VAS baseline %d, score %d is exactly 80 %: meets ≥ 80, not > 80', (b, s) => {
    const block = { diary: diary([30, s], [60, s], [120, b]), agent: 'lidocaine' as const };
    const incl = interpretBlock(block, vas(b), T80, PARAMS);
    expect(incl.result).toBe('positive');
    expect(incl.durationMinutes).toBe(60);
    const excl = interpretBlock(block, vas(b), { percent: 80, inclusive: false }, PARAMS);
    expect(excl.result).toBe('negative');
    expect(excl.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
  });

  it('one tenth short of 80 % is below (VAS baseline 7.5, score 1.6 = 78.67 %)', () => {
    const r = interpretBlock(
      { diary: diary([30, 1.6], [60, 1.6]), agent: 'lidocaine' },
      vas(7.5),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
  });

  it('cervical consensus is strict: exactly 50 % is not positive, 66.7 % is', () => {
    const exactly = interpretBlock(
      { diary: diary([30, 3], [60, 3], [120, 3]), agent: 'lidocaine' },
      nrs(6),
      STRICT50,
      PARAMS,
    );
    expect(exactly.result).toBe('negative');
    expect(exactly.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
    expect(exactly.peakReliefPercent).toBe(50);

    const above = interpretBlock(
      { diary: diary([30, 2], [60, 2], [120, 3]), agent: 'lidocaine' },
      nrs(6),
      STRICT50,
      PARAMS,
    );
    expect(above.result).toBe('positive');
    expect(above.durationMinutes).toBe(60);
  });

  it('the same 50 % is positive at the inclusive lumbar ≥ 50 %', () => {
    const r = interpretBlock(
      { diary: diary([30, 3], [60, 3], [120, 6]), agent: 'lidocaine' },
      nrs(6),
      T50,
      PARAMS,
    );
    expect(r.result).toBe('positive');
    expect(r.durationMinutes).toBe(60);
  });
});

describe('which score is B', () => {
  it('uses the block’s own pre-block score when present', () => {
    // Against the pre-block 10: 2 is 80 %; against the episode baseline 8 it would be 75 %.
    const r = interpretBlock(
      { preScore: nrs(10), diary: diary([30, 2], [60, 2], [120, 8]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.baselineScore).toBe(10);
    expect(r.peakReliefPercent).toBe(80);
    expect(r.result).toBe('positive');
  });

  it('uses the episode baseline when the block has no pre-block score', () => {
    const r = interpretBlock(
      { diary: diary([30, 2], [60, 2], [120, 8]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.baselineScore).toBe(8);
    expect(r.peakReliefPercent).toBe(75);
    expect(r.result).toBe('negative');
  });

  it('a pre-block score alone is enough', () => {
    const r = interpretBlock(
      { preScore: vas(5), diary: diary([30, 1], [60, 1]), agent: 'lidocaine' },
      undefined,
      T80,
      PARAMS,
    );
    expect(r.baselineScore).toBe(5);
    expect(r.result).toBe('positive');
  });
});

describe('indeterminate results', () => {
  it('SCALE_MISMATCH when the pre-block score is on another scale than the baseline', () => {
    const r = interpretBlock(
      { preScore: vas(8), diary: diary([30, 1], [60, 1]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('indeterminate');
    expect(r.reasons).toEqual(['SCALE_MISMATCH']);
    expect(r.peakReliefPercent).toBeNull();
  });

  it('BASELINE_MISSING when there is no score at all', () => {
    const r = interpretBlock({ diary: diary([30, 1], [60, 1]), agent: 'lidocaine' }, undefined, T80, PARAMS);
    expect(r.result).toBe('indeterminate');
    expect(r.reasons).toEqual(['BASELINE_MISSING']);
    expect(r.baselineScore).toBeNull();
    expect(r.peakReliefPercent).toBeNull();
  });

  it('BASELINE_MISSING when the baseline is 0 (relief cannot be measured)', () => {
    const r = interpretBlock({ diary: diary([30, 0], [60, 0]), agent: 'lidocaine' }, nrs(0), T80, PARAMS);
    expect(r.result).toBe('indeterminate');
    expect(r.reasons).toEqual(['BASELINE_MISSING']);
    expect(r.peakReliefPercent).toBeNull();
  });

  it('BASELINE_MISSING when the pre-block score is 0, even with a non-zero episode baseline', () => {
    const r = interpretBlock(
      { preScore: nrs(0), diary: diary([30, 0], [60, 0]), agent: 'lidocaine' },
      nrs(7),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('indeterminate');
    expect(r.reasons).toEqual(['BASELINE_MISSING']);
  });

  it.each([
    ['no diary', undefined],
    ['an empty diary', []],
    ['one entry', diary([30, 0])],
    ['one entry in the 24 h window and one after it', diary([30, 0], [1500, 0])],
  ])('DIARY_INSUFFICIENT with %s', (_label, entries) => {
    const r = interpretBlock({ diary: entries, agent: 'lidocaine' }, nrs(8), T80, PARAMS);
    expect(r.result).toBe('indeterminate');
    expect(r.reasons).toEqual(['DIARY_INSUFFICIENT']);
  });

  it('two entries in the window are enough', () => {
    const r = interpretBlock({ diary: diary([30, 0], [60, 0]), agent: 'lidocaine' }, nrs(8), T80, PARAMS);
    expect(r.result).toBe('positive');
  });

  it('an entry exactly at the end of the 24 h window counts', () => {
    const r = interpretBlock({ diary: diary([30, 8], [1440, 8]), agent: 'lidocaine' }, nrs(8), T80, PARAMS);
    expect(r.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
  });

  it('DIARY_CENSORED when the diary stops while relieved, before the agent minimum', () => {
    // Bupivacaine needs 120 min; the last entry (90 min) still shows 100 % relief.
    const r = interpretBlock(
      { diary: diary([15, 4], [30, 0], [60, 0], [90, 0]), agent: 'bupivacaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('indeterminate');
    expect(r.reasons).toEqual(['DIARY_CENSORED']);
    expect(r.censored).toBe(true);
    expect(r.durationMinutes).toBe(90);
  });

  it('a diary that stops while relieved after the agent minimum is positive', () => {
    const r = interpretBlock(
      { diary: diary([30, 0], [60, 0], [120, 0]), agent: 'bupivacaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('positive');
    expect(r.durationMinutes).toBe(120);
    expect(r.censored).toBe(true);
  });

  it('AGENT_UNKNOWN when relief reaches the threshold but no agent is recorded', () => {
    const r = interpretBlock({ diary: diary([30, 1], [60, 1], [120, 7]) }, nrs(8), T80, PARAMS);
    expect(r.result).toBe('indeterminate');
    expect(r.reasons).toEqual(['AGENT_UNKNOWN']);
    expect(r.agent).toBeNull();
    expect(r.agentWindow).toBeNull();
    expect(r.peakReliefPercent).toBe(87.5);
  });

  it('without an agent, relief below the threshold is still negative', () => {
    const r = interpretBlock({ diary: diary([30, 4], [60, 4]) }, nrs(8), T80, PARAMS);
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
  });
});

describe('negative results', () => {
  it('RELIEF_BELOW_THRESHOLD when the peak is below T', () => {
    // Peak 75 %.
    const r = interpretBlock(
      { diary: diary([15, 2], [30, 2], [60, 4], [120, 8]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
    expect(r.peakReliefPercent).toBe(75);
    expect(r.durationMinutes).toBe(0);
  });

  it('relief after the 24 h observation window does not count towards the peak', () => {
    const r = interpretBlock(
      { diary: diary([30, 6], [60, 6], [1500, 0]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.peakReliefPercent).toBe(25);
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
  });

  it('relief that begins only after the 120-min onset window is DURATION_INCONSISTENT', () => {
    const r = interpretBlock(
      { diary: diary([15, 8], [60, 7], [150, 1], [240, 1], [300, 8]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.peakReliefPercent).toBe(87.5);
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['DURATION_INCONSISTENT']);
    expect(r.durationMinutes).toBe(0);
  });

  it('relief first seen exactly at 120 min is within the onset window', () => {
    const r = interpretBlock(
      { diary: diary([15, 8], [120, 1], [240, 1], [300, 8]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('positive');
    expect(r.durationMinutes).toBe(240);
  });

  it('the duration comes from the counting run that ends latest (§4 amended 2026-12-04)', () => {
    // 80 % at 30 and 60, broken at 90 (50 %), relieved again from 120 to 240. Both runs start within the
    // 120-min onset window, so both count; the one ending latest ends at 240 → 240 min ≥ 120 (bupivacaine).
    // (Before the amendment only the first run counted: 60 min, negative.)
    const r = interpretBlock(
      { diary: diary([30, 2], [60, 2], [90, 5], [120, 1], [240, 1], [300, 9]), agent: 'bupivacaine' },
      nrs(10),
      T80,
      PARAMS,
    );
    expect(r.durationMinutes).toBe(240);
    expect(r.result).toBe('positive');
    expect(r.reasons).toEqual([]);
  });

  it('a later run that starts after the onset window does not count', () => {
    // Runs 30–60 and 150–240: the second starts at 150 > 120 min, so only 30–60 counts → 60 < 120 → negative.
    const r = interpretBlock(
      { diary: diary([30, 2], [60, 2], [90, 5], [150, 1], [240, 1], [300, 9]), agent: 'bupivacaine' },
      nrs(10),
      T80,
      PARAMS,
    );
    expect(r.durationMinutes).toBe(60);
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['DURATION_INCONSISTENT']);
  });

  it('no interpolation: duration is the last entry seen relieved, not a point between entries', () => {
    // Relieved at 30 and 100; not at 180. Duration 100, not anything up to 180.
    const r = interpretBlock(
      { diary: diary([30, 0], [100, 0], [180, 8]), agent: 'bupivacaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.durationMinutes).toBe(100);
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['DURATION_INCONSISTENT']);
  });

  it('sorts the diary by time before reading it', () => {
    const r = interpretBlock(
      { diary: diary([240, 7], [60, 1], [15, 2], [180, 5], [30, 1], [120, 2]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.durationMinutes).toBe(60);
    expect(r.result).toBe('positive');
    expect(r.points.map((p) => p.minutesAfter)).toEqual([15, 30, 60, 120, 180, 240]);
  });
});

describe('onset window longer than the observation window (a policy may set both)', () => {
  // Observation 60 min, onset 120 min: relief first at 90 min, outside the window the peak is read in.
  const params: InterpretationParams = { ...PARAMS, onsetWindowMinutes: 120, observationWindowMinutes: 60 };
  const block = { diary: diary([15, 8], [60, 8], [90, 0], [600, 0]), agent: 'lidocaine' as const };

  it('relief outside the observation window starts no run: negative, no duration, not censored', () => {
    const r = interpretBlock(block, nrs(8), T80, params);
    expect(r.peakReliefPercent).toBe(0);
    expect(r.result).toBe('negative');
    expect(r.reasons).toEqual(['RELIEF_BELOW_THRESHOLD']);
    expect(r.durationMinutes).toBe(0);
    expect(r.censored).toBe(false);
  });

  it('relief inside both windows starts the run as usual', () => {
    const r = interpretBlock(
      { ...block, diary: diary([15, 8], [45, 0], [60, 0], [600, 0]) },
      nrs(8),
      T80,
      params,
    );
    expect(r.result).toBe('positive');
    expect(r.durationMinutes).toBe(600);
  });
});

describe('PROLONGED_RELIEF', () => {
  it('a lidocaine run beyond 480 min is positive with the warning', () => {
    const r = interpretBlock(
      { diary: diary([30, 0], [240, 0], [600, 1], [720, 6]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('positive');
    expect(r.durationMinutes).toBe(600);
    expect(r.reasons).toEqual([]);
    expect(r.warnings).toEqual(['PROLONGED_RELIEF']);
  });

  it('a lidocaine run of exactly 480 min carries no warning', () => {
    const r = interpretBlock(
      { diary: diary([30, 0], [480, 0], [600, 8]), agent: 'lidocaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('positive');
    expect(r.warnings).toEqual([]);
  });

  it('the same 600 min is ordinary for bupivacaine', () => {
    const r = interpretBlock(
      { diary: diary([30, 0], [240, 0], [600, 1], [720, 6]), agent: 'bupivacaine' },
      nrs(8),
      T80,
      PARAMS,
    );
    expect(r.result).toBe('positive');
    expect(r.warnings).toEqual([]);
  });
});

describe('compareBlocks', () => {
  const block = (
    id: string,
    agent: ComparativeInput['agent'],
    durationMinutes: number,
    result: ComparativeInput['result'] = 'positive',
  ): ComparativeInput => ({ id, agent, result, durationMinutes });

  it('concordant when the long-acting block lasted longer', () => {
    expect(compareBlocks([block('a', 'lidocaine', 120), block('b', 'bupivacaine', 360)])).toEqual({
      result: 'concordant',
      shortBlockId: 'a',
      longBlockId: 'b',
    });
  });

  it('ropivacaine is long-acting too, and the order of the blocks does not matter', () => {
    expect(compareBlocks([block('r', 'ropivacaine', 300), block('l', 'lidocaine', 90)])).toEqual({
      result: 'concordant',
      shortBlockId: 'l',
      longBlockId: 'r',
    });
  });

  it('discordant when the long-acting block lasted as long', () => {
    expect(compareBlocks([block('a', 'lidocaine', 240), block('b', 'bupivacaine', 240)])?.result).toBe(
      'discordant',
    );
  });

  it('discordant when the long-acting block lasted less', () => {
    expect(compareBlocks([block('a', 'lidocaine', 240), block('b', 'bupivacaine', 180)])?.result).toBe(
      'discordant',
    );
  });

  it('null without a positive short + long pair', () => {
    expect(compareBlocks([])).toBeNull();
    expect(compareBlocks([block('a', 'lidocaine', 120)])).toBeNull();
    expect(compareBlocks([block('a', 'lidocaine', 120), block('b', 'lidocaine', 240)])).toBeNull();
    expect(compareBlocks([block('a', 'bupivacaine', 120), block('b', 'ropivacaine', 240)])).toBeNull();
    expect(
      compareBlocks([block('a', 'lidocaine', 120), block('b', 'bupivacaine', 0, 'negative')]),
    ).toBeNull();
    expect(
      compareBlocks([block('a', 'lidocaine', 60, 'indeterminate'), block('b', 'bupivacaine', 360)]),
    ).toBeNull();
    expect(compareBlocks([block('a', null, 60), block('b', 'bupivacaine', 360)])).toBeNull();
  });

  it('uses the latest positive block of each kind', () => {
    const r = compareBlocks([
      block('l1', 'lidocaine', 400),
      block('b1', 'bupivacaine', 300),
      block('l2', 'lidocaine', 120),
      block('b2', 'bupivacaine', 0, 'negative'),
    ]);
    expect(r).toEqual({ result: 'concordant', shortBlockId: 'l2', longBlockId: 'b1' });
  });
});
