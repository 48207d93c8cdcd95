/**
 * What may come next on the pathway, and the earliest date each step is allowed: the proposed procedure
 * itself when a date-bound criterion holds it back, then what follows it if it goes ahead on the date it
 * can really happen (a confirmatory block, RFA, follow-up, repeat treatment). Every date is the rule's date;
 * `alreadyAllowed` says when it is already past on the as-of date.
 */
import { addDays, addMonths, type IsoDate, maxDate } from '../dates.js';
import type { Criterion, NextStep, Verdict } from '../result.js';
import type { EvalContext } from './context.js';
import { countBlocks, extendsCount } from './counting-blocks.js';
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
  /** The date the proposed session takes place, when it counts toward this category's limit. */
  proposedOn: IsoDate | null,
): { date: IsoDate; rule?: string } {
  const limit = find(rules, 'session-limit', (r) => r.params.category === category);
  if (!limit) return { date: from };
  let date = from;
  for (const region of ctx.cptRegions) {
    const dates = sessionDates(ctx.history, category, region);
    if (proposedOn) dates.push(proposedOn);
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
  // Each step carries the date its rule allows; whether that date is already past on the as-of date is said
  // apart (alreadyAllowed), never by overwriting the rule's date with the as-of date.
  const step = (action: NextStep['action'], earliestDate: IsoDate | null, reason: string): NextStep => ({
    action,
    earliestDate,
    alreadyAllowed: earliestDate !== null && earliestDate < ctx.asOf,
    reason,
  });
  const label = CATEGORY_LABEL[ctx.category as 'diagnostic'];

  const dated = criteria.filter((x) => x.severity === 'required' && x.status === 'not-met' && x.earliestDate);
  // The date the proposed procedure can really happen: its own date, or the date the rules hold it back to.
  let at = ctx.date;
  if (dated.length) {
    const others = criteria.filter(
      (x) => x.severity === 'required' && x.status !== 'met' && !x.earliestDate,
    ).length;
    at = maxDate(ctx.date, dated.map((x) => x.earliestDate!).reduce(maxDate));
    steps.push(
      step(
        'reschedule',
        at,
        `The proposed ${label} is allowed from this date (${dated.map((x) => `rule ${x.rule}: ${x.reason}`).join(', ')})` +
          (others ? `, once the ${others} other unmet criteria are resolved.` : '.'),
      ),
    );
  }
  const missing = criteria.filter((x) => x.severity === 'required' && x.status === 'unknown');
  if (missing.length) {
    steps.push(
      step(
        'provide-information',
        null,
        `Record what is missing: ${missing.map((x) => `rule ${x.rule} (${x.reason})`).join(', ')}.`,
      ),
    );
  }
  if (verdict === 'not-eligible' && !dated.length) return steps;

  // What follows the proposed procedure if it goes ahead on the date it can really happen.
  if (ctx.category === 'diagnostic') {
    const needed = find(rules, 'positive-blocks', (r) => r.appliesTo.includes('rfa'));
    const count = needed?.params.count ?? 1;
    const kinds = needed?.params.kinds ?? (['mbb', 'intra-articular'] as const);
    const countsProposed = (kinds as readonly string[]).includes(ctx.proposed.kind);
    // Counted as rule 12 counts (counting-blocks.ts), with this block added if it would count on its date.
    const positivesAfter = Math.min(
      ...ctx.units.map((u) => {
        const n = countBlocks(ctx, u, kinds);
        return n.counted.length + (countsProposed && extendsCount(ctx, n, at) ? 1 : 0);
      }),
    );
    if (positivesAfter < count) {
      const interval = find(rules, 'block-interval');
      const from = addDays(at, Math.max(1, interval?.params.days ?? 1));
      const free = limitFree(ctx, rules, 'diagnostic', from, at);
      steps.push(
        step(
          'confirmatory-block',
          free.date,
          `If this block is positive, a confirmatory block at the same joints is needed (${count} positive blocks before RFA, rule ${needed?.id})` +
            (interval ? `, at least ${interval.params.days} days later (rule ${interval.id})` : '') +
            (free.rule ? `, within the session limit (rule ${free.rule})` : '') +
            '.',
        ),
      );
    } else {
      const free = limitFree(ctx, rules, 'rfa', addDays(at, 1), null);
      steps.push(
        step(
          'rfa',
          free.date,
          `If this block is positive, RFA of the same joints may follow once the diary is complete` +
            (needed ? ` (${count} positive block(s) needed, rule ${needed.id})` : '') +
            (free.rule ? `, within the session limit (rule ${free.rule})` : '') +
            '.',
        ),
      );
    }
  } else if (ctx.category === 'rfa' || ctx.category === 'therapeutic') {
    const category = ctx.category;
    const repeat = find(rules, 'repeat-relief', (r) => r.params.category === category);
    const months = repeat?.params.months ?? 0;
    const what = category === 'rfa' ? 'RFA' : 'therapeutic injection';
    if (repeat) {
      steps.push(
        step(
          'follow-up',
          addMonths(at, months),
          `Record relief ${months} months after the ${what}: a repeat needs it (rule ${repeat.id}).`,
        ),
      );
    }
    let from = addMonths(at, months);
    const interval = find(rules, 'procedure-interval', (r) => r.params.category === category);
    if (interval) from = maxDate(from, addMonths(at, interval.params.months));
    if (from === at) from = addDays(from, 1);
    const free = limitFree(ctx, rules, category, from, at);
    const ruleIds = [repeat?.id, interval?.id, free.rule].filter(Boolean);
    steps.push(
      step(
        category === 'rfa' ? 'repeat-rfa' : 'repeat-therapeutic-injection',
        free.date,
        `A repeat ${what} when pain returns${ruleIds.length ? ` (rules ${ruleIds.join(', ')})` : ''}.`,
      ),
    );
  }
  return steps;
}
