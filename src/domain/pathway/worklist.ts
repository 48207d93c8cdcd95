/**
 * What is due for one episode, from its records and the payer policy: the worklist items the clinic sees.
 * Items are derived by asking the clinical core about the natural next procedure (a confirmatory block, an
 * RFA, a repeat RFA at the same joints), so the worklist says exactly what the decision panel would.
 */
import { type Case, categoryOf, type PastProcedure, type Procedure } from '../case.js';
import { addDays, addMonths, type IsoDate, maxDate } from '../dates.js';
import { interpretBlock } from '../diary/interpret.js';
import { thresholdFor } from '../policy/context.js';
import { evaluate } from '../policy/evaluate.js';
import { choosePolicy, type Policy, versionInEffect } from '../policy/load.js';
import type { Rule, RuleOf } from '../policy/schema.js';
import type { EvaluationResult } from '../result.js';

export const WORKLIST_KINDS = [
  'diary-in-progress',
  'awaiting-interpretation',
  'schedule-confirmatory-block',
  'eligible-for-rfa',
  'follow-up-due',
  'repeat-rfa-candidate',
  'missing-information',
] as const;
export type WorklistKind = (typeof WORKLIST_KINDS)[number];

export interface WorklistItem {
  kind: WorklistKind;
  dueDate: IsoDate;
  reason: string;
  detail: Record<string, unknown>;
}

export interface EpisodeFacts {
  /** The episode as a case without a proposed procedure (history = procedures done). */
  base: Omit<Case, 'proposed' | 'asOf'>;
  /** Procedures done, with whether a physician has signed off their interpretation. */
  interpreted: ReadonlySet<string>;
  /** Planned procedures already on the books (no "schedule" item when one is planned). */
  planned: readonly Pick<Procedure, 'kind' | 'intent' | 'date'>[];
}

const DIARY_HOURS = 24;
/** The follow-up visits after an RFA [D], in months; the repeat rule's own month is added. */
export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
const FOLLOW_UP_EARLY_DAYS = 14;

function hypothetical(
  base: EpisodeFacts['base'],
  kind: 'mbb' | 'rfa',
  intent: 'diagnostic' | 'therapeutic',
  joints: Procedure['joints'],
  date: IsoDate,
): Case {
  const last = base.history[base.history.length - 1];
  return {
    ...base,
    proposed: {
      id: `worklist-${kind}`,
      kind,
      intent,
      date,
      joints,
      guidance: 'fluoroscopy',
      sedation: 'local',
      ...(kind === 'rfa'
        ? { technique: 'thermal' as const, temperatureC: 80 }
        : { agent: last?.agent ?? 'lidocaine' }),
    },
  };
}

/** The rules of the policy version in effect on a date; none when no version is (nothing can be said then). */
function rulesInEffect(policy: Policy, date: IsoDate): readonly Rule[] {
  try {
    return versionInEffect(policy, date).rules;
  } catch {
    return [];
  }
}

function safeEvaluate(c: Case, policy: Policy, today: IsoDate): EvaluationResult | null {
  try {
    return evaluate(c, policy, today);
  } catch {
    // No policy version or jurisdiction in effect: nothing can be said; the decision panel explains why.
    return null;
  }
}

/** The joints the latest diagnostic blocks were aimed at: what the next step would treat. */
function latestDiagnosticJoints(history: readonly PastProcedure[]): PastProcedure | undefined {
  return [...history].reverse().find((p) => categoryOf(p) === 'diagnostic');
}

export function computeWorklist(
  facts: EpisodeFacts,
  policies: readonly Policy[],
  today: IsoDate,
): WorklistItem[] {
  const items: WorklistItem[] = [];
  const { base } = facts;
  let policy: Policy;
  try {
    policy = choosePolicy(policies, base.coverage.kind, base.policy);
  } catch {
    return items;
  }
  const history = [...base.history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const lastBlock = latestDiagnosticJoints(history);
  const lastRfa = [...history].reverse().find((p) => p.kind === 'rfa');
  const sortedBase = { ...base, history };

  // Diaries and interpretation: the latest diagnostic block drives them.
  if (lastBlock) {
    const interpretation = rulesInEffect(policy, lastBlock.date).find(
      (r): r is RuleOf<'block-interpretation'> => r.kind === 'block-interpretation',
    );
    // Both items are stored with their dates; the worklist read shows the diary on its day and the
    // interpretation from the day after, so the passing of time needs no recomputation.
    const diaryEnds = addDays(lastBlock.date, DIARY_HOURS / 24);
    if (!facts.interpreted.has(lastBlock.id)) {
      items.push({
        kind: 'diary-in-progress',
        dueDate: lastBlock.date,
        reason: `Pain diary after the block on ${lastBlock.date}: ${lastBlock.diary?.length ?? 0} entries so far.`,
        detail: { procedureId: lastBlock.id, entries: lastBlock.diary?.length ?? 0 },
      });
      if (interpretation) {
        const i = interpretBlock(
          lastBlock,
          base.complaint.baseline,
          thresholdFor(lastBlock.joints, interpretation),
          interpretation.params,
        );
        items.push({
          kind: 'awaiting-interpretation',
          dueDate: diaryEnds,
          reason: `The block on ${lastBlock.date} awaits the physician's sign-off once its diary closes (result so far): ${i.explanation}`,
          detail: { procedureId: lastBlock.id, result: i.result, reasons: i.reasons },
        });
      }
    }
  }

  const plannedKinds = new Set(facts.planned.map((p) => categoryOf(p)));
  if (lastRfa) {
    // After an RFA: the follow-up a repeat needs, then whether a repeat is allowed.
    const c = hypothetical(
      sortedBase,
      'rfa',
      'therapeutic',
      lastRfa.joints,
      maxDate(today, addDays(lastRfa.date, 1)),
    );
    const ctxDate = c.proposed.date;
    const result = safeEvaluate(c, policy, today);
    const repeat = rulesInEffect(policy, ctxDate).find(
      (r): r is RuleOf<'repeat-relief'> => r.kind === 'repeat-relief' && r.params.category === 'rfa',
    );
    const months = repeat?.params.months ?? 6;
    const followDue = addMonths(lastRfa.date, months);
    const followUps = lastRfa.followUp ?? [];
    const hasLateFollowUp = followUps.some((f) => f.date >= followDue);
    // The follow-up visits (3, 6 and 12 months, and the repeat rule's), the earliest not recorded yet: a
    // follow-up counts for a visit from FOLLOW_UP_EARLY_DAYS before it.
    const visit = [...new Set([...FOLLOW_UP_MONTHS, months])]
      .sort((a, b) => a - b)
      .map((m) => ({ months: m, due: addMonths(lastRfa.date, m) }))
      .find((v) => !followUps.some((f) => f.date >= addDays(v.due, -FOLLOW_UP_EARLY_DAYS)));
    if (visit) {
      items.push({
        kind: 'follow-up-due',
        dueDate: visit.due,
        reason: `${visit.months}-month follow-up after the RFA of ${lastRfa.date}, due ${visit.due}: record relief and function${visit.months === months && repeat ? ` (rule ${repeat.id} needs it before a repeat)` : ''}.`,
        detail: { procedureId: lastRfa.id, months: visit.months },
      });
    }
    // No repeat can be judged before the repeat rule's follow-up.
    if (hasLateFollowUp && result && !plannedKinds.has('rfa')) {
      const dated = result.criteria.filter((x) => x.status === 'not-met' && x.earliestDate);
      const blocking = result.criteria.filter(
        (x) => x.severity === 'required' && x.status !== 'met' && !x.earliestDate,
      );
      if (blocking.length === 0) {
        const due = dated.length ? dated.map((x) => x.earliestDate!).reduce(maxDate) : ctxDate;
        items.push({
          kind: 'repeat-rfa-candidate',
          dueDate: due,
          reason: `A repeat RFA at the same joints is allowed from ${due} if pain has returned (${result.policy.id}).`,
          detail: { procedureId: lastRfa.id, verdict: result.verdict },
        });
      }
    }
    return items;
  }

  if (lastBlock && !plannedKinds.has('rfa')) {
    const rfaCase = hypothetical(
      sortedBase,
      'rfa',
      'therapeutic',
      lastBlock.joints,
      maxDate(today, addDays(lastBlock.date, 1)),
    );
    const rfa = safeEvaluate(rfaCase, policy, today);
    if (rfa?.verdict === 'eligible') {
      items.push({
        kind: 'eligible-for-rfa',
        dueDate: rfaCase.proposed.date,
        reason: `Eligible for RFA at ${lastBlock.joints.map((j) => `${j.joint} ${j.side}`).join(', ')} under ${rfa.policy.id}.`,
        detail: { verdict: rfa.verdict },
      });
    } else if (rfa) {
      const needsBlocks = rfa.reasons.every((r) => r === 'INSUFFICIENT_POSITIVE_BLOCKS');
      const lastPositive = rfa.blocks.find((b) => b.id === lastBlock.id)?.result === 'positive';
      if (needsBlocks && lastPositive && !plannedKinds.has('diagnostic')) {
        const blockCase = hypothetical(
          sortedBase,
          'mbb',
          'diagnostic',
          lastBlock.joints,
          maxDate(today, addDays(lastBlock.date, 1)),
        );
        const block = safeEvaluate(blockCase, policy, today);
        const earliest =
          block?.next.find((n) => n.action === 'reschedule')?.earliestDate ?? blockCase.proposed.date;
        items.push({
          kind: 'schedule-confirmatory-block',
          dueDate: earliest,
          reason: `The block on ${lastBlock.date} was positive; ${rfa.policy.id} needs another positive block before RFA, allowed from ${earliest}.`,
          detail: { procedureId: lastBlock.id },
        });
      } else if (rfa.verdict === 'needs-information') {
        items.push({
          kind: 'missing-information',
          dueDate: today,
          reason: `Before RFA: ${rfa.criteria
            .filter((x) => x.severity === 'required' && x.status === 'unknown')
            .map((x) => `rule ${x.rule} (${x.reason})`)
            .join(', ')}.`,
          detail: { reasons: rfa.reasons },
        });
      }
    }
  }
  if (!lastBlock && !plannedKinds.has('diagnostic')) {
    // A new episode: can a first block be done? Missing screening facts show up here.
    const joints = base.history[0]?.joints;
    if (joints) return items;
    const region = base.complaint.region;
    const joint = region === 'cervical' ? 'C5-C6' : region === 'thoracic' ? 'T6-T7' : 'L4-L5';
    const c = hypothetical(sortedBase, 'mbb', 'diagnostic', [{ joint, side: 'bilateral' }], today);
    const r = safeEvaluate(c, policy, today);
    if (r?.verdict === 'needs-information') {
      items.push({
        kind: 'missing-information',
        dueDate: today,
        reason: `Before a first block: ${r.criteria
          .filter((x) => x.severity === 'required' && x.status === 'unknown')
          .map((x) => `rule ${x.rule} (${x.reason})`)
          .join(', ')}.`,
        detail: { reasons: r.reasons },
      });
    }
  }
  return items;
}
