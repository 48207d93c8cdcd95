/** Rules about diagnostic blocks (facet-pathway.md §5.1 rules 8, 9, 11, 12, 17; §5.2 volume). */
import type { PastProcedure } from '../../case.js';
import { addDays, addMonths, daysBetween } from '../../dates.js';
import { formatThreshold, roundPercent } from '../../diary/interpret.js';
import {
  covers,
  describeJoints,
  describeUnits,
  type EvalContext,
  met,
  notMet,
  type Outcome,
  type SideUnit,
  unknown,
} from '../context.js';
import { type CountedKind, countBlocks } from '../counting-blocks.js';
import type { RuleOf } from '../schema.js';

function blockSummary(ctx: EvalContext, b: PastProcedure): string {
  const i = ctx.interpretations.get(b.id)!;
  const peak =
    i.peakReliefPercent === null ? 'no relief computed' : `peak ${roundPercent(i.peakReliefPercent)} %`;
  return `${b.id} on ${b.date} (${b.kind}, ${b.agent ?? 'agent not recorded'}): ${i.result}, ${peak}, ${i.durationMinutes} min at ${formatThreshold(i.threshold)}`;
}

/** The latest earlier diagnostic block covering each proposed unit. */
function latestPriorBlocks(ctx: EvalContext): Map<SideUnit, PastProcedure> {
  const out = new Map<SideUnit, PastProcedure>();
  for (const u of ctx.units) {
    for (const b of ctx.diagnosticBlocks) if (covers(b, u)) out.set(u, b);
  }
  return out;
}

/** Rule 8: a further diagnostic block at a joint needs the previous block there to be positive. */
export function priorBlockPositive(ctx: EvalContext): Outcome {
  const latest = latestPriorBlocks(ctx);
  if (latest.size === 0) {
    return met(`First diagnostic block at ${describeUnits(ctx.units)}: no earlier block to confirm.`);
  }
  const blocks = [...new Set(latest.values())];
  const negative = blocks.filter((b) => ctx.interpretations.get(b.id)!.result === 'negative');
  if (negative.length) {
    return notMet(
      'PRIOR_BLOCK_NOT_POSITIVE',
      `The previous block at these joints was not positive: ${negative.map((b) => blockSummary(ctx, b)).join('; ')}.`,
    );
  }
  const open = blocks.filter((b) => ctx.interpretations.get(b.id)!.result === 'indeterminate');
  if (open.length) {
    const first = ctx.interpretations.get(open[0]!.id)!;
    return unknown(
      first.reasons[0] ?? 'PRIOR_BLOCK_NOT_POSITIVE',
      `The previous block cannot be interpreted yet: ${open.map((b) => `${blockSummary(ctx, b)} — ${ctx.interpretations.get(b.id)!.explanation}`).join('; ')}`,
    );
  }
  return met(
    `The previous block at these joints was positive: ${blocks.map((b) => blockSummary(ctx, b)).join('; ')}.`,
  );
}

/** Rule 9: at least N days after the previous diagnostic block at the same joints. */
export function blockInterval(ctx: EvalContext, rule: RuleOf<'block-interval'>): Outcome {
  const latest = [...latestPriorBlocks(ctx).values()].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const { days } = rule.params;
  if (!latest) return met('No earlier diagnostic block at these joints.');
  const gap = daysBetween(latest.date, ctx.date);
  const text = `${gap} days after block ${latest.id} on ${latest.date} (≥ ${days} required)`;
  if (gap >= days) return met(`Block interval: ${text}.`);
  return notMet('BLOCK_INTERVAL_TOO_SHORT', `Too soon: ${text}.`, addDays(latest.date, days));
}

/** The latest RFA covering a unit, with whether it succeeded (a follow-up with relief ≥ the percentage). */
function latestRfa(ctx: EvalContext, u: SideUnit): PastProcedure | undefined {
  let found: PastProcedure | undefined;
  for (const p of ctx.history) if (p.kind === 'rfa' && covers(p, u)) found = p;
  return found;
}

/** Rule 11: no diagnostic block at a joint with a successful RFA (unless that RFA is old: rule 16). */
export function jointAlreadyAblated(ctx: EvalContext, rule: RuleOf<'joint-already-ablated'>): Outcome {
  const { successReliefPercent, unlessOlderThanMonths } = rule.params;
  const ablated: string[] = [];
  const unclear: string[] = [];
  const considered = new Set<PastProcedure>();
  for (const u of ctx.units) {
    const rfa = latestRfa(ctx, u);
    if (!rfa || considered.has(rfa)) continue;
    considered.add(rfa);
    if (addMonths(rfa.date, unlessOlderThanMonths) < ctx.date) continue;
    const follow = (rfa.followUp ?? []).filter((f) => f.date <= ctx.date);
    const best = follow.reduce((m, f) => Math.max(m, f.reliefPercent), -1);
    if (best >= successReliefPercent) {
      ablated.push(`${rfa.id} on ${rfa.date} at ${describeJoints(rfa.joints)} (best relief ${best} %)`);
    } else if (follow.length === 0) unclear.push(`${rfa.id} on ${rfa.date} has no follow-up`);
  }
  if (ablated.length) {
    return notMet(
      'JOINT_ALREADY_ABLATED',
      `A successful RFA (relief ≥ ${successReliefPercent} %) within ${unlessOlderThanMonths} months already treated these joints: ${ablated.join('; ')}.`,
    );
  }
  if (unclear.length) {
    return unknown(
      'JOINT_ALREADY_ABLATED',
      `Whether the earlier RFA succeeded is not recorded: ${unclear.join('; ')}.`,
    );
  }
  return met(
    considered.size
      ? `No successful RFA within ${unlessOlderThanMonths} months at these joints.`
      : 'No earlier RFA at these joints.',
  );
}

/**
 * Rules 12 and 17: N positive diagnostic blocks of the allowed kinds covering every proposed joint and side,
 * counted as counting-blocks.ts says (separate days, the rule 9 interval, a negative block resets the count).
 * The reason says why not: blocks too close together, blocks missing, blocks at other joints, blocks of a kind
 * that does not count (intra-articular), or blocks that cannot be interpreted yet.
 */
export function positiveBlocks(ctx: EvalContext, rule: RuleOf<'positive-blocks'>): Outcome {
  const { count, kinds } = rule.params;
  const kindText = kinds.map((k) => (k === 'mbb' ? 'MBB' : 'intra-articular')).join(' or ');
  const counts = ctx.units.map((u) => ({ u, n: countBlocks(ctx, u, kinds) }));
  const short = counts.filter((x) => x.n.counted.length < count);
  const used = [...new Set(counts.flatMap((x) => x.n.counted))].sort((a, b) => (a.date < b.date ? -1 : 1));
  if (short.length === 0) {
    return met(
      `${count} positive diagnostic ${kindText} block(s) cover ${describeUnits(ctx.units)}: ${used.map((b) => blockSummary(ctx, b)).join('; ')}.`,
    );
  }
  const need = `${count} positive diagnostic ${kindText} block(s) are needed at ${describeUnits(short.map((x) => x.u))}`;
  const positive = (b: PastProcedure) => ctx.interpretations.get(b.id)!.result === 'positive';
  const iaAllKinds: readonly CountedKind[] = ['mbb', 'intra-articular'];
  if (short.every((x) => countBlocks(ctx, x.u, iaAllKinds).counted.length >= count)) {
    return notMet(
      'IA_BLOCK_NOT_PROGNOSTIC',
      `${need}; intra-articular blocks do not count toward this procedure.`,
    );
  }
  if (short.every((x) => x.n.couldCount >= count)) {
    const open = [...new Set(short.flatMap((x) => x.n.open))];
    const first = ctx.interpretations.get(open[0]!.id)!;
    return unknown(
      first.reasons[0] ?? 'INSUFFICIENT_POSITIVE_BLOCKS',
      `${need}; not yet interpretable: ${open.map((b) => `${blockSummary(ctx, b)} — ${ctx.interpretations.get(b.id)!.explanation}`).join('; ')}`,
    );
  }
  const close = short.find((x) => x.n.positives.length >= count && x.n.tooClose)?.n.tooClose;
  if (close) {
    const gap = daysBetween(close.earlier.date, close.later.date);
    const why =
      gap === 0
        ? 'are on the same day: one session, not two blocks'
        : `are ${gap} days apart, fewer than the ${ctx.blockIntervalDays} days between diagnostic blocks the policy requires`;
    return notMet(
      'BLOCK_INTERVAL_TOO_SHORT',
      `${need}; blocks ${close.earlier.id} on ${close.earlier.date} and ${close.later.id} on ${close.later.date} ${why}, so the later one does not count.`,
    );
  }
  const reset = short.find((x) => x.n.resetBy)?.n.resetBy;
  const found = `found ${used.length}${used.length ? `: ${used.map((b) => blockSummary(ctx, b)).join('; ')}` : ''}`;
  if (reset) {
    return notMet(
      'INSUFFICIENT_POSITIVE_BLOCKS',
      `${need}; the negative block ${blockSummary(ctx, reset)} ends the earlier branch, so only positive blocks after ${reset.date} count; ${found}.`,
    );
  }
  const anywhere = ctx.diagnosticBlocks.filter((b) => (kinds as string[]).includes(b.kind) && positive(b));
  if (anywhere.length >= count) {
    return notMet(
      'BLOCKS_DO_NOT_COVER_JOINTS',
      `${need}; the positive blocks (${anywhere.map((b) => `${b.id} at ${describeJoints(b.joints)}`).join('; ')}) do not cover them.`,
    );
  }
  return notMet('INSUFFICIENT_POSITIVE_BLOCKS', `${need}; ${found}.`);
}

/** §5.2: MBB volume per nerve at or below the recommended maximum. */
export function volume(ctx: EvalContext, rule: RuleOf<'volume'>): Outcome | null {
  if (ctx.proposed.kind !== 'mbb') return null;
  const v = ctx.proposed.volumeMlPerNerve;
  const max = rule.params.maxMlPerNerve;
  if (v === undefined)
    return unknown('VOLUME_ABOVE_RECOMMENDED', 'Injectate volume per nerve is not recorded.');
  if (v <= max) return met(`Volume ${v} mL per nerve (≤ ${max} mL).`);
  return notMet('VOLUME_ABOVE_RECOMMENDED', `Volume ${v} mL per nerve is above the recommended ${max} mL.`);
}
