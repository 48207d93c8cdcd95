/**
 * What every rule needs to know about a case, computed once per evaluation: the history in date order,
 * the interpretation of every diagnostic block, and the proposed joints as (joint, side) units.
 */
import {
  type Case,
  categoryOf,
  type PastProcedure,
  type Procedure,
  type ProcedureCategory,
} from '../case.js';
import type { ReasonCode } from '../codes.js';
import { addDays, addMonths, type IsoDate } from '../dates.js';
import { type BlockInterpretation, interpretBlock, type Threshold } from '../diary/interpret.js';
import { isDiagnosticBlock as diagnosticByKindAndIntent } from '../diary/takes-diary.js';
import {
  type CptRegion,
  cptRegionOf,
  type Joint,
  type JointSide,
  jointIndex,
  regionOf,
} from '../spine/joints.js';
import type { Rule, RuleOf } from './schema.js';

export type InterpretationRule = RuleOf<'block-interpretation'>;

/** One side of one joint: the unit in which blocks confirm and RFAs treat. */
export interface SideUnit {
  joint: Joint;
  side: 'left' | 'right';
}

export function unitsOf(joints: readonly JointSide[]): SideUnit[] {
  const out: SideUnit[] = [];
  for (const { joint, side } of joints) {
    if (side !== 'right') out.push({ joint, side: 'left' });
    if (side !== 'left') out.push({ joint, side: 'right' });
  }
  // Sides are 'left' and 'right' (ASCII): a plain comparison orders them as localeCompare did, without ICU.
  return out.sort(
    (a, b) => jointIndex(a.joint) - jointIndex(b.joint) || (a.side < b.side ? -1 : a.side > b.side ? 1 : 0),
  );
}

export function covers(p: Pick<Procedure, 'joints'>, u: SideUnit): boolean {
  return p.joints.some((j) => j.joint === u.joint && (j.side === 'bilateral' || j.side === u.side));
}

export function sharesUnit(p: Pick<Procedure, 'joints'>, units: readonly SideUnit[]): boolean {
  return units.some((u) => covers(p, u));
}

/** "L4-L5 bilateral, L5-S1 left": units grouped back into joints for messages. */
export function describeUnits(units: readonly SideUnit[]): string {
  const byJoint = new Map<Joint, Set<string>>();
  for (const u of units) {
    const s = byJoint.get(u.joint) ?? new Set<string>();
    s.add(u.side);
    byJoint.set(u.joint, s);
  }
  return [...byJoint]
    .sort((a, b) => jointIndex(a[0]) - jointIndex(b[0]))
    .map(([j, s]) => `${j} ${s.size === 2 ? 'bilateral' : [...s][0]}`)
    .join(', ');
}

export function describeJoints(joints: readonly JointSide[]): string {
  return describeUnits(unitsOf(joints));
}

export interface EvalContext {
  readonly case: Case;
  readonly proposed: Procedure;
  readonly category: ProcedureCategory;
  /** The date of service of the proposed procedure. */
  readonly date: IsoDate;
  readonly asOf: IsoDate;
  /** Past procedures in date order (stable for the same date). */
  readonly history: readonly PastProcedure[];
  /** Past diagnostic blocks (MBB or intra-articular, diagnostic intent) in date order. */
  readonly diagnosticBlocks: readonly PastProcedure[];
  readonly interpretations: ReadonlyMap<string, BlockInterpretation>;
  readonly interpretation: InterpretationRule;
  /** The policy's interval between diagnostic blocks at the same joints (rule 9), 0 when it has none. */
  readonly blockIntervalDays: number;
  readonly units: readonly SideUnit[];
  readonly cptRegions: readonly CptRegion[];
}

export function isDiagnosticBlock(p: Procedure): boolean {
  return diagnosticByKindAndIntent(p);
}

/** The threshold for a block: the strictest among the regions of its joints. */
export function thresholdFor(joints: readonly JointSide[], rule: InterpretationRule): Threshold {
  let best: Threshold | undefined;
  for (const { joint } of joints) {
    const t = rule.params.thresholds[regionOf(joint)];
    if (!best || t.percent > best.percent || (t.percent === best.percent && !t.inclusive)) best = t;
  }
  return best ?? rule.params.thresholds.lumbar;
}

export function buildContext(
  c: Case,
  asOf: IsoDate,
  interpretation: InterpretationRule,
  rules: readonly Rule[] = [],
): EvalContext {
  const history = c.history
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i))
    .map((x) => x.p);
  const diagnosticBlocks = history.filter(isDiagnosticBlock);
  const interpretations = new Map<string, BlockInterpretation>();
  for (const b of diagnosticBlocks) {
    interpretations.set(
      b.id,
      interpretBlock(b, c.complaint.baseline, thresholdFor(b.joints, interpretation), interpretation.params),
    );
  }
  const cptRegions = [...new Set(c.proposed.joints.map((j) => cptRegionOf(j.joint)))].sort();
  return {
    case: c,
    proposed: c.proposed,
    category: categoryOf(c.proposed),
    date: c.proposed.date,
    asOf,
    history,
    diagnosticBlocks,
    interpretations,
    interpretation,
    blockIntervalDays: rules.find((r) => r.kind === 'block-interval')?.params.days ?? 0,
    units: unitsOf(c.proposed.joints),
    cptRegions,
  };
}

/** The status of a rule for one case. `null` from a rule means: not applicable here. */
export interface Outcome {
  status: 'met' | 'not-met' | 'unknown';
  reason?: ReasonCode;
  message: string;
  /** For a date-bound criterion that is not met: the first date of service it would allow. */
  earliestDate?: IsoDate;
}

export const met = (message: string): Outcome => ({ status: 'met', message });
export const notMet = (reason: ReasonCode, message: string, earliestDate?: IsoDate): Outcome => ({
  status: 'not-met',
  reason,
  message,
  ...(earliestDate ? { earliestDate } : {}),
});
export const unknown = (reason: ReasonCode, message: string): Outcome => ({
  status: 'unknown',
  reason,
  message,
});

/**
 * The first date on or after `from` for which `ok` holds. Calendar-month clamping can make the natural
 * candidate (e.g. a date + 12 months) a day early around month ends; a few days of search settle it.
 */
export function firstDateFrom(from: IsoDate, ok: (d: IsoDate) => boolean): IsoDate {
  let d = from;
  for (let i = 0; i < 7 && !ok(d); i++) d = addDays(d, 1);
  return d;
}

/** Whole calendar months from `from` to `to` (0 when `to` is less than a month later). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  let m =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7));
  while (m > 0 && addMonths(from, m) > to) m--;
  return Math.max(0, m);
}
