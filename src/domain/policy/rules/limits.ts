/** Frequency limits (facet-pathway.md §5.1 rules 10, 14, 19) and minimum intervals between treatments. */
import { categoryOf, type PastProcedure, type ProcedureCategory } from '../../case.js';
import { addDays, addMonths, type IsoDate } from '../../dates.js';
import { type CptRegion, cptRegionOf } from '../../spine/joints.js';
import { type EvalContext, firstDateFrom, met, notMet, type Outcome, sharesUnit } from '../context.js';
import type { RuleOf } from '../schema.js';

export const CATEGORY_LABEL = { diagnostic: 'diagnostic', therapeutic: 'therapeutic', rfa: 'RFA' } as const;

/** Session dates counted for a date of service: those after (date − months), up to the date itself. */
function countedAt(dates: readonly IsoDate[], date: IsoDate, months: number): IsoDate[] {
  const from = addMonths(date, -months);
  return dates.filter((d) => d > from && d <= date).sort();
}

/**
 * The first date on or after `from` at which one more session fits under "at most `max` per `months`".
 * The natural answer is the oldest counted session's date + months; month-end clamping is searched past.
 */
export function firstFreeDate(
  dates: readonly IsoDate[],
  from: IsoDate,
  max: number,
  months: number,
): IsoDate {
  let d = from;
  for (let guard = 0; guard < 400; guard++) {
    const c = countedAt(dates, d, months);
    if (c.length + 1 <= max) return d;
    const candidate = addMonths(c[c.length - max]!, months);
    d = candidate > d ? candidate : addDays(d, 1);
  }
  return d;
}

/** Past sessions of a category that touch a spinal region (a session in both regions counts in both). */
export function sessionsIn(
  history: readonly PastProcedure[],
  category: ProcedureCategory,
  region: CptRegion,
): PastProcedure[] {
  return history.filter(
    (p) => categoryOf(p) === category && p.joints.some((j) => cptRegionOf(j.joint) === region),
  );
}

/** Their dates, for the limit arithmetic. */
export function sessionDates(
  history: readonly PastProcedure[],
  category: ProcedureCategory,
  region: CptRegion,
): IsoDate[] {
  return sessionsIn(history, category, region).map((p) => p.date);
}

export function sessionLimit(ctx: EvalContext, rule: RuleOf<'session-limit'>): Outcome {
  const { category, max, months, code } = rule.params;
  const texts: string[] = [];
  const over: string[] = [];
  let earliest: IsoDate | undefined;
  for (const region of ctx.cptRegions) {
    const sessions = sessionsIn(ctx.history, category, region);
    const from = addMonths(ctx.date, -months);
    const now = sessions.filter((p) => p.date > from && p.date <= ctx.date);
    const list = now.length ? ` (${now.map((p) => `${p.id} ${p.date}`).join(', ')})` : '';
    const text = `${now.length} earlier ${CATEGORY_LABEL[category]} session(s) in ${region} after ${from}${list} + this one = ${now.length + 1}; at most ${max} per ${months} months`;
    if (now.length + 1 <= max) {
      texts.push(text);
      continue;
    }
    const free = firstFreeDate(
      sessions.map((p) => p.date),
      ctx.date,
      max,
      months,
    );
    if (!earliest || free > earliest) earliest = free;
    over.push(`${text}; a session fits again on ${free}`);
  }
  if (over.length) return notMet(code, `Session limit reached: ${over.join('; ')}.`, earliest);
  return met(`${texts.join('; ')}.`);
}

export function procedureInterval(ctx: EvalContext, rule: RuleOf<'procedure-interval'>): Outcome {
  const { category, months, code } = rule.params;
  let prior: PastProcedure | undefined;
  for (const p of ctx.history) if (categoryOf(p) === category && sharesUnit(p, ctx.units)) prior = p;
  if (!prior) return met(`No earlier ${CATEGORY_LABEL[category]} at these joints.`);
  const from = prior.date;
  const ok = (d: IsoDate) => addMonths(from, months) <= d;
  const text = `previous ${CATEGORY_LABEL[category]} ${prior.id} on ${prior.date}; at least ${months} months between them`;
  if (ok(ctx.date)) return met(`Interval respected: ${text}.`);
  return notMet(code, `Too soon: ${text}.`, firstDateFrom(addMonths(from, months), ok));
}
