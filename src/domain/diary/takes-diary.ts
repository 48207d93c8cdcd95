/**
 * Which procedures take a pain diary (facet-pathway.md §1 steps 2–3, §3, §4): a diagnostic block, that is a
 * medial branch block or an intra-articular injection given with diagnostic intent (`categoryOf` is
 * 'diagnostic'). Its diary is what §4 interprets. An RFA, a therapeutic injection (MBB or intra-articular
 * used as treatment) and other blocks are followed up (§3 "Follow-up"), not diaried.
 *
 * The one home of this rule: the diary-link and diary-entry use cases, the block interpretation the
 * evaluator runs (policy/context.ts) and the clinic's screens (through contract/preview.ts) all ask here.
 *
 * Status (a record's, not the case file's: the case's history holds only procedures done, so it is
 * optional here):
 * - `cancelled` takes no diary: the block never happened, there is no relief to score.
 * - `planned` does take one: staff hand the patient the diary link at the visit, often before the block is
 *   marked done, and the first entries come minutes after the needle.
 * - `done` takes one.
 * Whether a diary can be *read* yet is another question: screens that list blocks with a result to
 * interpret also ask for `status === 'done'`.
 */
import { categoryOf, INTENTS, PROCEDURE_KINDS, type Procedure } from '../case.js';

export type ProcedureStatus = 'planned' | 'done' | 'cancelled';

/** What the rule looks at. Kind and intent are strings so that store rows (text columns) can ask too. */
export interface DiaryCandidate {
  readonly kind: string;
  readonly intent: string;
  readonly status?: ProcedureStatus;
}

const isKind = (k: string): k is Procedure['kind'] => (PROCEDURE_KINDS as readonly string[]).includes(k);
const isIntent = (i: string): i is Procedure['intent'] => (INTENTS as readonly string[]).includes(i);

/** A diagnostic block by kind and intent, whatever its status (an unknown kind or intent is not). */
export function isDiagnosticBlock(p: Pick<DiaryCandidate, 'kind' | 'intent'>): boolean {
  return (
    isKind(p.kind) && isIntent(p.intent) && categoryOf({ kind: p.kind, intent: p.intent }) === 'diagnostic'
  );
}

/** Whether a pain diary is kept for this procedure: a diagnostic block that is not cancelled. */
export function takesDiary(p: DiaryCandidate): boolean {
  return p.status !== 'cancelled' && isDiagnosticBlock(p);
}
