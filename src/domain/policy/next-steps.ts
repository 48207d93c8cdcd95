/**
 * What may come next on the pathway, and the earliest date each step is allowed: the proposed procedure
 * itself when a date-bound criterion holds it back, then what follows it if it goes ahead on its date
 * (a confirmatory block, RFA, follow-up, repeat treatment).
 */
import { addDays, addMonths, type IsoDate, maxDate } from '../dates.js';
import type { Criterion, NextStep, Verdict } from '../result.js';
import type { EvalContext } from './context.js';
import { covers } from './context.js';
import { CATEGORY_LABEL, firstFreeDate, sessionDates } from './rules/limits.js';
import type { Rule, RuleOf } from './schema.js';

const find = <K extends Rule['kind']>(
  rules: readonly Rule[],
  kind: K,
  pred: (r: RuleOf<K>) => boolean = () => true,
) => rules.find((r): r is RuleOf<K> => r.kind === kind && pred(r as RuleOf<K>));

/** The first date from `from` on which a session of a category fits under the policy's limit, if any. */
function limitFree(
  ctx: EvalContext,
  rules: readonly Rule[],
  category: 'diagnostic' | 'therapeutic' | 'rfa',
  from: IsoDate,
  includeProposed: boolean,
): { date: IsoDate; rule?: string } {
  const limit = find(rules, 'session-limit', (r) => r.params.category === category);
  if (!limit) return { date: from };
  let date = from;
  for (const region of ctx.cptRegions) {
    const dates = sessionDates(ctx.history, category, region);
    if (includeProposed) dates.push(ctx.date);
    date = maxDate(date, firstFreeDate(dates, from, limit.params.max, limit.params.months));
  }
  return date === from ? { date } : { date, rule: limit.id };
}

export function nextSteps(
  ctx: EvalContext,
  rules: readonly Rule[],
  criteria: readonly Criterion[],
  verdict: Verdict,
): NextStep[] {
  const steps: NextStep[] = [];
  const notBefore = (d: IsoDate) => maxDate(d, ctx.asOf);
  const label = CATEGORY_LABEL[ctx.category as 'diagnostic'];

  const dated = criteria.filter((x) => x.severity === 'required' && x.status === 'not-met' && x.earliestDate);
  if (dated.length) {
    const others = criteria.filter(
      (x) => x.severity === 'required' && x.status !== 'met' && !x.earliestDate,
    ).length;
    steps.push({
      action: 'reschedule',
      earliestDate: notBefore(dated.map((x) => x.earliestDate!).reduce(maxDate)),
      reason:
        `The proposed ${label} is allowed from this date (${dated.map((x) => `rule ${x.rule}: ${x.reason}`).join(', ')})` +
        (others ? `, once the ${others} other unmet criteria are resolved.` : '.'),
    });
  }
  const missing = criteria.filter((x) => x.severity === 'required' && x.status === 'unknown');
  if (missing.length) {
    steps.push({
      action: 'provide-information',
      earliestDate: null,
      reason: `Record what is missing: ${missing.map((x) => `rule ${x.rule} (${x.reason})`).join(', ')}.`,
    });
  }
  if (verdict === 'not-eligible' && !dated.length) return steps;

  // What follows the proposed procedure if it goes ahead on its date.
  if (ctx.category === 'diagnostic') {
    const needed = find(rules, 'positive-blocks', (r) => r.appliesTo.includes('rfa'));
    const count = needed?.params.count ?? 1;
    const countsProposed = !needed || (needed.params.kinds as string[]).includes(ctx.proposed.kind);
    const positivesAfter = Math.min(
      ...ctx.units.map(
        (u) =>
          ctx.diagnosticBlocks.filter(
            (b) =>
              covers(b, u) &&
              (!needed || (needed.params.kinds as string[]).includes(b.kind)) &&
              ctx.interpretations.get(b.id)!.result === 'positive',
          ).length + (countsProposed ? 1 : 0),
      ),
    );
    if (positivesAfter < count) {
      const interval = find(rules, 'block-interval');
      const from = addDays(ctx.date, interval?.params.days ?? 1);
      const free = limitFree(ctx, rules, 'diagnostic', from, true);
      steps.push({
        action: 'confirmatory-block',
        earliestDate: notBefore(free.date),
        reason:
          `If this block is positive, a confirmatory block at the same joints is needed (${count} positive blocks before RFA, rule ${needed?.id})` +
          (interval ? `, at least ${interval.params.days} days later (rule ${interval.id})` : '') +
          (free.rule ? `, within the session limit (rule ${free.rule})` : '') +
          '.',
      });
    } else {
      const free = limitFree(ctx, rules, 'rfa', addDays(ctx.date, 1), false);
      steps.push({
        action: 'rfa',
        earliestDate: notBefore(free.date),
        reason:
          `If this block is positive, RFA of the same joints may follow once the diary is complete` +
          (needed ? ` (${count} positive block(s) needed, rule ${needed.id})` : '') +
          (free.rule ? `, within the session limit (rule ${free.rule})` : '') +
          '.',
      });
    }
  } else if (ctx.category === 'rfa' || ctx.category === 'therapeutic') {
    const category = ctx.category;
    const repeat = find(rules, 'repeat-relief', (r) => r.params.category === category);
    const months = repeat?.params.months ?? 0;
    const what = category === 'rfa' ? 'RFA' : 'therapeutic injection';
    if (repeat) {
      steps.push({
        action: 'follow-up',
        earliestDate: notBefore(addMonths(ctx.date, months)),
        reason: `Record relief ${months} months after the ${what}: a repeat needs it (rule ${repeat.id}).`,
      });
    }
    let from = addMonths(ctx.date, months);
    const interval = find(rules, 'procedure-interval', (r) => r.params.category === category);
    if (interval) from = maxDate(from, addMonths(ctx.date, interval.params.months));
    if (from === ctx.date) from = addDays(from, 1);
    const free = limitFree(ctx, rules, category, from, true);
    const ruleIds = [repeat?.id, interval?.id, free.rule].filter(Boolean);
    steps.push({
      action: category === 'rfa' ? 'repeat-rfa' : 'repeat-therapeutic-injection',
      earliestDate: notBefore(free.date),
      reason: `A repeat ${what} when pain returns${ruleIds.length ? ` (rules ${ruleIds.join(', ')})` : ''}.`,
    });
  }
  return steps;
}
