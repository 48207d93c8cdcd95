/**
 * Interpreting a diagnostic block from its pain diary (facet-pathway.md §4).
 *
 * Relief per entry = (B − s) / B × 100, where B is the pre-block score. Thresholds compare the exact value;
 * scores have at most one decimal, so the comparison is done on whole tenths and is exact.
 */
import type { Agent, DiaryEntry, PainScore } from '../case.js';
import type { ReasonCode } from '../codes.js';

export interface Threshold {
  /** Percent relief, e.g. 80. */
  percent: number;
  /** true: relief ≥ percent; false: relief > percent (the cervical consensus says "> 50 %"). */
  inclusive: boolean;
}

export interface AgentWindow {
  /** Relief must last at least this long to be consistent with the agent. */
  minimumMinutes: number;
  /** What the agent typically lasts; shown to the physician. */
  typicalMaximumMinutes: number;
  /** A run longer than this carries PROLONGED_RELIEF. */
  prolongedAfterMinutes: number;
}

export interface InterpretationParams {
  /** The first entry of the relief run must lie within this many minutes of the block. */
  onsetWindowMinutes: number;
  /** Peak relief is taken among entries up to this many minutes after the block. */
  observationWindowMinutes: number;
  agents: Record<Agent, AgentWindow>;
}

export type BlockResult = 'positive' | 'negative' | 'indeterminate';

export interface ReliefPoint {
  minutesAfter: number;
  score: number;
  reliefPercent: number;
}

export interface BlockInterpretation {
  result: BlockResult;
  /** The pre-block score used as B, or null when there is none. */
  baselineScore: number | null;
  /** Exact peak relief in the observation window, or null when it cannot be computed. */
  peakReliefPercent: number | null;
  /**
   * Minutes after the block of the last entry of the counting relief run at the threshold that ends latest
   * (0 when there is none).
   */
  durationMinutes: number;
  threshold: Threshold;
  agent: Agent | null;
  agentWindow: AgentWindow | null;
  /** true when the diary stops while relief is still at the threshold. */
  censored: boolean;
  reasons: ReasonCode[];
  warnings: ReasonCode[];
  points: ReliefPoint[];
  /** A sentence with the numbers, for people. */
  explanation: string;
}

export interface BlockInput {
  preScore?: PainScore;
  diary?: DiaryEntry[];
  agent?: Agent;
}

const tenths = (score: number): number => Math.round(score * 10);

/** Relief percentage of one score against a pre-block score (exact, not rounded). */
export function reliefPercent(baseline: number, score: number): number {
  const b = tenths(baseline);
  return ((b - tenths(score)) * 100) / b;
}

/** Rounds half away from zero, as a report shows a percentage (87.5 → 88). */
export function roundPercent(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** Does a score give relief at the threshold? Integer arithmetic on tenths: exact at the boundary. */
function meets(baseline: number, score: number, t: Threshold): boolean {
  const b = tenths(baseline);
  const lhs = (b - tenths(score)) * 100;
  const rhs = t.percent * b;
  return t.inclusive ? lhs >= rhs : lhs > rhs;
}

export function formatThreshold(t: Threshold): string {
  return `${t.inclusive ? '≥' : '>'} ${t.percent} %`;
}

/**
 * Interprets one block. `baseline` is the episode's baseline pain; the block's own pre-block score is used
 * as B when present, and must be on the baseline's scale.
 */
export function interpretBlock(
  block: BlockInput,
  baseline: PainScore | undefined,
  threshold: Threshold,
  params: InterpretationParams,
): BlockInterpretation {
  const agent = block.agent ?? null;
  const agentWindow = agent ? params.agents[agent] : null;
  const base = {
    threshold,
    agent,
    agentWindow,
    censored: false,
    warnings: [] as ReasonCode[],
  };
  const indeterminate = (
    reason: ReasonCode,
    explanation: string,
    extra: Partial<BlockInterpretation> = {},
  ): BlockInterpretation => ({
    ...base,
    result: 'indeterminate',
    baselineScore: null,
    peakReliefPercent: null,
    durationMinutes: 0,
    reasons: [reason],
    points: [],
    explanation,
    ...extra,
  });

  if (block.preScore && baseline && block.preScore.scale !== baseline.scale) {
    return indeterminate(
      'SCALE_MISMATCH',
      `The pre-block score is on ${block.preScore.scale} but the baseline is on ${baseline.scale}; relief cannot be compared.`,
    );
  }
  const pre = block.preScore ?? baseline;
  if (!pre) return indeterminate('BASELINE_MISSING', 'No pre-block or baseline pain score is recorded.');
  const B = pre.score;
  if (tenths(B) === 0) {
    return indeterminate('BASELINE_MISSING', 'The pre-block score is 0: relief cannot be measured.', {
      baselineScore: B,
    });
  }

  const entries = [...(block.diary ?? [])].sort((a, b) => a.minutesAfter - b.minutesAfter);
  const points: ReliefPoint[] = entries.map((e) => ({
    minutesAfter: e.minutesAfter,
    score: e.score,
    reliefPercent: reliefPercent(B, e.score),
  }));
  const inWindow = points.filter((p) => p.minutesAfter <= params.observationWindowMinutes);
  let peak: number | null = null;
  for (const p of inWindow) if (peak === null || p.reliefPercent > peak) peak = p.reliefPercent;

  if (inWindow.length < 2) {
    return indeterminate(
      'DIARY_INSUFFICIENT',
      `Only ${inWindow.length} diary ${inWindow.length === 1 ? 'entry' : 'entries'} within ${params.observationWindowMinutes} min of the block; at least 2 are needed.`,
      { baselineScore: B, peakReliefPercent: peak, points },
    );
  }

  // Runs (§4, amended 2026-12-04): unbroken sequences of entries at the threshold. A run counts when its
  // first entry lies within the onset window; the duration is the last entry of the counting run that ends
  // latest, so a better early score followed by a dip can never shorten it. The first entry must also count
  // for the peak (a policy may set an onset window longer than the observation window): otherwise a run
  // could start where the peak is not read, and a block negative for its peak would carry a duration and
  // the censored flag.
  const startBy = Math.min(params.onsetWindowMinutes, params.observationWindowMinutes);
  let start = -1;
  let end = -1;
  for (let i = 0; i < entries.length && entries[i]!.minutesAfter <= startBy; i++) {
    if (!meets(B, entries[i]!.score, threshold)) continue;
    start = i;
    end = i;
    while (end + 1 < entries.length && meets(B, entries[end + 1]!.score, threshold)) end++;
    i = end;
  }
  const durationMinutes = start >= 0 ? entries[end]!.minutesAfter : 0;
  const censored = start >= 0 && end === entries.length - 1;
  const peakMeets = inWindow.some((p) => meets(B, p.score, threshold));
  const peakText = `peak relief ${roundPercent(peak!)} % (B = ${B})`;
  const common = { ...base, baselineScore: B, peakReliefPercent: peak, durationMinutes, censored, points };

  if (!peakMeets) {
    return {
      ...common,
      result: 'negative',
      reasons: ['RELIEF_BELOW_THRESHOLD'],
      explanation: `Negative: ${peakText} is below the threshold ${formatThreshold(threshold)}.`,
    };
  }
  if (!agentWindow) {
    return {
      ...common,
      result: 'indeterminate',
      reasons: ['AGENT_UNKNOWN'],
      explanation: `Indeterminate: ${peakText} reaches ${formatThreshold(threshold)}, but no agent is recorded, so the expected duration is unknown.`,
    };
  }
  const minimum = agentWindow.minimumMinutes;
  if (start < 0) {
    return {
      ...common,
      result: 'negative',
      reasons: ['DURATION_INCONSISTENT'],
      explanation: `Negative: relief reached ${formatThreshold(threshold)} only after ${params.onsetWindowMinutes} min, which is not consistent with ${agent}.`,
    };
  }
  if (durationMinutes >= minimum) {
    const warnings: ReasonCode[] =
      durationMinutes > agentWindow.prolongedAfterMinutes ? ['PROLONGED_RELIEF'] : [];
    return {
      ...common,
      warnings,
      result: 'positive',
      reasons: [],
      explanation:
        `Positive: ${peakText} ${formatThreshold(threshold)}, relief lasted ${durationMinutes} min ` +
        `(${agent} needs ≥ ${minimum} min, typically acts up to ${agentWindow.typicalMaximumMinutes} min)` +
        (warnings.length
          ? `; it lasted beyond ${agentWindow.prolongedAfterMinutes} min, far longer than ${agent} acts (PROLONGED_RELIEF).`
          : '.'),
    };
  }
  if (censored) {
    return {
      ...common,
      result: 'indeterminate',
      reasons: ['DIARY_CENSORED'],
      explanation: `Indeterminate: relief was still ${formatThreshold(threshold)} at the last entry (${durationMinutes} min), before the ${minimum} min ${agent} needs; the diary stopped too early.`,
    };
  }
  return {
    ...common,
    result: 'negative',
    reasons: ['DURATION_INCONSISTENT'],
    explanation: `Negative: ${peakText}, but relief ${formatThreshold(threshold)} lasted only ${durationMinutes} min; ${agent} needs ≥ ${minimum} min.`,
  };
}

export type ComparativeResult = 'concordant' | 'discordant';

export interface ComparativeInput {
  id: string;
  agent: Agent | null;
  result: BlockResult;
  durationMinutes: number;
}

const SHORT_ACTING: ReadonlySet<Agent> = new Set(['lidocaine']);
const LONG_ACTING: ReadonlySet<Agent> = new Set(['bupivacaine', 'ropivacaine']);

/**
 * Comparative blocks: two positive blocks, one short- and one long-acting agent. Concordant when the
 * long-acting block lasted longer (S32, S33). `blocks` are in date order; the latest pair is used.
 */
export function compareBlocks(
  blocks: readonly ComparativeInput[],
): { result: ComparativeResult; shortBlockId: string; longBlockId: string } | null {
  let short: ComparativeInput | undefined;
  let long: ComparativeInput | undefined;
  for (const b of blocks) {
    if (b.result !== 'positive' || !b.agent) continue;
    if (SHORT_ACTING.has(b.agent)) short = b;
    else if (LONG_ACTING.has(b.agent)) long = b;
  }
  if (!short || !long) return null;
  return {
    result: long.durationMinutes > short.durationMinutes ? 'concordant' : 'discordant',
    shortBlockId: short.id,
    longBlockId: long.id,
  };
}
