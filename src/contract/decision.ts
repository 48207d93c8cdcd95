/**
 * How a decision reads for people, shared by the clinic's decision panel and the medical-necessity packet
 * (zod-free, so the web bundle can use it): the earliest date the proposed procedure is allowed, and a
 * verdict in words.
 */
import type { EvaluationResult } from '../domain/result.js';

/** The stable reason codes (src/domain/codes.ts): the clinic's texts for them are keyed by this type. */
export type { ReasonCode } from '../domain/codes.js';
/** The comparative-block rule (short- vs long-acting agent), pure: the interpretation view uses it too. */
export { compareBlocks } from '../domain/diary/interpret.js';
export type { EvaluationResult } from '../domain/result.js';

export type EarliestAllowed =
  /** Allowed on its planned date. */
  | { kind: 'planned-date'; date: string }
  /**
   * Held back by a date-bound criterion: allowed from this date (once the other criteria are resolved);
   * `alreadyAllowed` when that date is already past on the as-of date.
   */
  | { kind: 'from'; date: string; alreadyAllowed: boolean; reason: string }
  /** No date can be given until the unmet or missing criteria are resolved. */
  | { kind: 'none'; reason: string };

export function earliestAllowed(r: EvaluationResult): EarliestAllowed {
  const reschedule = r.next.find((n) => n.action === 'reschedule' && n.earliestDate);
  if (reschedule?.earliestDate)
    return {
      kind: 'from',
      date: reschedule.earliestDate,
      alreadyAllowed: reschedule.alreadyAllowed,
      reason: reschedule.reason,
    };
  if (r.verdict === 'eligible') return { kind: 'planned-date', date: r.proposed.date };
  return {
    kind: 'none',
    reason:
      r.verdict === 'needs-information'
        ? 'No date until the missing information is recorded.'
        : 'Not allowed until the unmet criteria are resolved.',
  };
}

/**
 * When a next step is allowed, in words: "from 2026-03-16", or, when the rule's date is already past on the
 * as-of date, "from 2026-03-16 (already allowed on 2026-12-04)". Empty when no date can be given.
 */
export function whenAllowed(
  n: Pick<EvaluationResult['next'][number], 'earliestDate' | 'alreadyAllowed'>,
  asOf: string,
  formatDate: (iso: string) => string = (iso) => iso,
): string {
  if (!n.earliestDate) return '';
  const from = `from ${formatDate(n.earliestDate)}`;
  return n.alreadyAllowed ? `${from} (already allowed on ${formatDate(asOf)})` : from;
}

export const VERDICT_TEXT: Record<EvaluationResult['verdict'], string> = {
  eligible: 'Eligible',
  'not-eligible': 'Not eligible',
  'needs-information': 'Needs information',
};

export const CRITERION_STATUS_TEXT: Record<'met' | 'not-met' | 'unknown', string> = {
  met: 'Met',
  'not-met': 'Not met',
  unknown: 'Unknown — information missing',
};

export const PROCEDURE_KIND_TEXT: Record<string, string> = {
  mbb: 'Medial branch block',
  'intra-articular': 'Intra-articular facet injection',
  rfa: 'Radiofrequency ablation (RFA)',
  'other-block': 'Other block',
};
