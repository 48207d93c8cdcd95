/**
 * Which diagnostic blocks count toward "N positive blocks" at one side of one joint (facet-pathway.md §5.1
 * rule 12, clarified 2026-12-04; also rules 16 and 17). One home for the count, used by the rules and by the
 * next steps, so that what the decision counts and what it promises next cannot drift apart:
 *
 * - only blocks of the allowed kinds (intra-articular blocks do not count for RFA under the LCD);
 * - a negative diagnostic block at the joint ends the branch (§1): only blocks after it count;
 * - the counted blocks are on separate days and at least the policy's block interval apart (rule 9): a block
 *   the policy would have refused as the second cannot be the second. Blocks are taken earliest first, which
 *   gives the longest such chain (each chosen block is the earliest that can follow the previous one).
 */
import type { PastProcedure, Procedure } from '../case.js';
import { daysBetween, type IsoDate } from '../dates.js';
import type { BlockResult } from '../diary/interpret.js';
import { covers, type EvalContext, type SideUnit } from './context.js';

export type CountedKind = 'mbb' | 'intra-articular';

export interface BlockCount {
  /** The blocks that count, in date order. */
  counted: PastProcedure[];
  /** Positive blocks of the allowed kinds after the reset (counted or not). */
  positives: PastProcedure[];
  /** The first positive block left out for being too close to the one before it, with that one. */
  tooClose?: { earlier: PastProcedure; later: PastProcedure };
  /** The latest negative diagnostic block at the unit, after which counting starts again. */
  resetBy?: PastProcedure;
  /** Indeterminate blocks of the allowed kinds after the reset: they may yet count. */
  open: PastProcedure[];
  /** How many blocks could count if the open ones turn out positive (for "needs information"). */
  couldCount: number;
}

/** Days that must separate two counted blocks: the policy's block interval, and never the same day. */
export const separationDays = (ctx: EvalContext): number => Math.max(1, ctx.blockIntervalDays);

/** Greedy chain over date-ordered blocks: each next block at least `days` after the last chosen one. */
function chain<T extends Pick<Procedure, 'date'>>(blocks: readonly T[], days: number): T[] {
  const out: T[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (!last || daysBetween(last.date, b.date) >= days) out.push(b);
  }
  return out;
}

export function countBlocks(
  ctx: EvalContext,
  u: SideUnit,
  kinds: readonly CountedKind[],
  after?: IsoDate,
): BlockCount {
  const result = (b: PastProcedure): BlockResult => ctx.interpretations.get(b.id)!.result;
  let covering = ctx.diagnosticBlocks.filter((b) => covers(b, u) && (!after || b.date > after));
  let resetBy: PastProcedure | undefined;
  for (const b of covering) if (result(b) === 'negative') resetBy = b;
  if (resetBy) {
    const from = resetBy.date;
    covering = covering.filter((b) => b.date > from);
  }
  const allowed = covering.filter((b) => (kinds as readonly string[]).includes(b.kind));
  const positives = allowed.filter((b) => result(b) === 'positive');
  const days = separationDays(ctx);
  const counted = chain(positives, days);
  let tooClose: BlockCount['tooClose'];
  for (const b of positives) {
    if (counted.includes(b)) continue;
    const earlier = [...counted].reverse().find((c) => c.date <= b.date);
    if (earlier) {
      tooClose = { earlier, later: b };
      break;
    }
  }
  // After the reset no block is negative: the allowed blocks are the positive and the open ones.
  const open = allowed.filter((b) => result(b) === 'indeterminate');
  const couldCount = chain(allowed, days).length;
  return {
    counted,
    positives,
    open,
    couldCount,
    ...(tooClose ? { tooClose } : {}),
    ...(resetBy ? { resetBy } : {}),
  };
}

/** Would a block on `date` extend the count (on a separate day, at least the interval after the last)? */
export function extendsCount(ctx: EvalContext, count: BlockCount, date: IsoDate): boolean {
  const last = count.counted[count.counted.length - 1];
  return !last || daysBetween(last.date, date) >= separationDays(ctx);
}
