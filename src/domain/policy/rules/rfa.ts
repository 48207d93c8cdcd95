/** RFA and repeat-treatment rules (facet-pathway.md §5.1 rules 13, 15, 16, 17, 18; §5.2). */
import { categoryOf, type PastProcedure } from '../../case.js';
import { addMonths, type IsoDate, maxDate } from '../../dates.js';
import {
  covers,
  describeJoints,
  describeUnits,
  type EvalContext,
  firstDateFrom,
  met,
  notMet,
  type Outcome,
  type SideUnit,
  unknown,
} from '../context.js';
import { countBlocks } from '../counting-blocks.js';
import type { RuleOf } from '../schema.js';

/** Rule 13: the RFA technique and lesion temperature. */
export function rfaTechnique(ctx: EvalContext, rule: RuleOf<'rfa-technique'>): Outcome {
  const { technique, temperatureC } = ctx.proposed;
  const { allowed, minTemperatureC } = rule.params;
  if (!technique) return unknown('NON_THERMAL_RFA', 'The RFA technique is not recorded.');
  if (!(allowed as string[]).includes(technique)) {
    return notMet(
      'NON_THERMAL_RFA',
      `Technique ${technique} is not covered; allowed: ${allowed.join(', ')}.`,
    );
  }
  if (temperatureC === undefined)
    return unknown('RFA_TEMPERATURE_TOO_LOW', 'The lesion temperature is not recorded.');
  if (temperatureC < minTemperatureC) {
    return notMet(
      'RFA_TEMPERATURE_TOO_LOW',
      `Lesion temperature ${temperatureC} °C is below ${minTemperatureC} °C.`,
    );
  }
  return met(`${technique} RFA at ${temperatureC} °C (≥ ${minTemperatureC} °C).`);
}

/** The latest earlier procedure of a category covering any proposed unit, per unit, without repeats. */
function latestPriorOf(ctx: EvalContext, category: 'rfa' | 'therapeutic'): Map<PastProcedure, SideUnit[]> {
  const out = new Map<PastProcedure, SideUnit[]>();
  for (const u of ctx.units) {
    let found: PastProcedure | undefined;
    for (const p of ctx.history) if (categoryOf(p) === category && covers(p, u)) found = p;
    if (found) out.set(found, [...(out.get(found) ?? []), u]);
  }
  return out;
}

/**
 * Rules 15 and 18: a repeat needs the previous treatment to have given enough relief (or, where the policy
 * allows, functional improvement) for long enough: a follow-up at least N months after it shows it. Before
 * N months have passed nothing can show it: not-met, with the date from which it could be met.
 */
export function repeatRelief(ctx: EvalContext, rule: RuleOf<'repeat-relief'>): Outcome {
  const { category, reliefPercent, inclusive, months, functionImprovementPercent } = rule.params;
  const code = category === 'rfa' ? 'PRIOR_RFA_RELIEF_INSUFFICIENT' : 'PRIOR_THERAPEUTIC_RELIEF_INSUFFICIENT';
  const label = category === 'rfa' ? 'RFA' : 'therapeutic injection';
  const cmp = (x: number, t: number) => (inclusive ? x >= t : x > t);
  const op = inclusive ? '≥' : '>';
  const need =
    `${op} ${reliefPercent} % relief` +
    (functionImprovementPercent !== undefined
      ? ` or ${op} ${functionImprovementPercent} % functional improvement`
      : '') +
    ` lasting ≥ ${months} months`;
  const priors = latestPriorOf(ctx, category);
  if (priors.size === 0) return met(`No earlier ${label} at ${describeUnits(ctx.units)}.`);
  const failures: string[] = [];
  const missing: string[] = [];
  const tooEarly: { text: string; from: IsoDate }[] = [];
  const shown: string[] = [];
  for (const prior of priors.keys()) {
    const follow = (prior.followUp ?? []).filter((f) => f.date <= ctx.date);
    const good = (f: (typeof follow)[number]) =>
      cmp(f.reliefPercent, reliefPercent) ||
      (functionImprovementPercent !== undefined &&
        f.functionImprovementPercent !== undefined &&
        cmp(f.functionImprovementPercent, functionImprovementPercent));
    const lastingFrom = addMonths(prior.date, months);
    const proof = follow.find((f) => f.date >= lastingFrom && good(f));
    const describe = (f: (typeof follow)[number]) =>
      `${f.reliefPercent} % relief${f.functionImprovementPercent !== undefined ? `, ${f.functionImprovementPercent} % function` : ''} on ${f.date}`;
    if (proof) {
      shown.push(`${prior.id} (${prior.date}): ${describe(proof)}`);
      continue;
    }
    const bad = follow.find((f) => !good(f));
    if (bad) failures.push(`${prior.id} (${prior.date}): ${describe(bad)}`);
    else if (ctx.date < lastingFrom) {
      // Time decides: on the proposed date the previous treatment cannot have lasted N months yet, so no
      // record could meet the criterion — not-met with the first date it could be, never "record what is
      // missing".
      const from = firstDateFrom(lastingFrom, (d) => addMonths(prior.date, months) <= d);
      tooEarly.push({
        text: `${prior.id} (${prior.date}) cannot have lasted ${months} months before ${from}`,
        from,
      });
    } else missing.push(`${prior.id} (${prior.date}) has no follow-up on or after ${lastingFrom}`);
  }
  if (failures.length) {
    return notMet(code, `A repeat ${label} needs ${need} after the previous one; ${failures.join('; ')}.`);
  }
  if (tooEarly.length) {
    return notMet(
      code,
      `A repeat ${label} needs ${need} after the previous one; on ${ctx.date}, too early: ${tooEarly.map((x) => x.text).join('; ')}.`,
      tooEarly.map((x) => x.from).reduce(maxDate),
    );
  }
  if (missing.length) return unknown(code, `A repeat ${label} needs ${need}; ${missing.join('; ')}.`);
  return met(`Previous ${label} gave ${need.replace(' lasting', ', lasting')}: ${shown.join('; ')}.`);
}

/** Rule 16: when the last RFA at a joint is more than N months old, new diagnostic blocks are needed. */
export function priorRfaAge(ctx: EvalContext, rule: RuleOf<'prior-rfa-age'>): Outcome {
  const { months, blocks } = rule.params;
  const priors = latestPriorOf(ctx, 'rfa');
  if (priors.size === 0) return met('No earlier RFA at these joints.');
  const lacking: string[] = [];
  for (const [rfa, units] of priors) {
    if (addMonths(rfa.date, months) >= ctx.date) continue;
    for (const u of units) {
      // New blocks are counted as rule 12 counts them: after the RFA, separate days, the rule 9 interval.
      const fresh = countBlocks(ctx, u, ['mbb'], rfa.date).counted;
      if (fresh.length < blocks)
        lacking.push(`${describeUnits([u])} (RFA ${rfa.id} on ${rfa.date}, ${fresh.length} new)`);
    }
  }
  if (lacking.length) {
    return notMet(
      'PRIOR_RFA_TOO_OLD',
      `The last RFA is more than ${months} months old; ${blocks} new positive diagnostic MBB(s) are needed at ${lacking.join(', ')}.`,
    );
  }
  return met(
    `Earlier RFA: ${[...priors.keys()].map((p) => `${p.id} on ${p.date} at ${describeJoints(p.joints)}`).join('; ')}; no new blocks needed.`,
  );
}

/** Rule 17: a documented reason why RFA is not possible, for therapeutic facet injections. */
export function rfaContraindication(ctx: EvalContext): Outcome {
  const text = ctx.case.complaint.rfaContraindication?.trim();
  if (!text) return unknown('RFA_NOT_CONTRAINDICATED', 'No reason why RFA is not possible is documented.');
  return met('A reason why RFA is not possible is documented.');
}
