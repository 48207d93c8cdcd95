/** Worklist items: replaced per episode on every write, read with one indexed query. */
import { and, asc, count, eq, gte, lte, ne, or, sql } from 'drizzle-orm';
import type { WorklistKind } from '../domain/pathway/worklist.js';
import type { Executor } from './database.js';
import { patients, worklistDirty, worklistItems } from './schema.js';

export type WorklistItemRow = typeof worklistItems.$inferInsert;

export async function replaceWorklistItems(
  tx: Executor,
  practiceId: string,
  episodeId: string,
  rows: WorklistItemRow[],
): Promise<void> {
  await tx
    .delete(worklistItems)
    .where(and(eq(worklistItems.practiceId, practiceId), eq(worklistItems.episodeId, episodeId)));
  if (rows.length) await tx.insert(worklistItems).values(rows);
}

export const COUNT_CAP = 1000;

export interface WorklistQuery {
  locationId?: string;
  /** One episode's items (the chart's "what is missing"). */
  episodeId?: string;
  kind?: WorklistKind;
  /** Items due on or before this date. */
  until: string;
  limit: number;
  offset: number;
}

export async function listWorklist(tx: Executor, practiceId: string, q: WorklistQuery) {
  // A diary in progress is only news for a day; everything else stays until it is done.
  const fresh = or(
    ne(worklistItems.kind, 'diary-in-progress'),
    gte(worklistItems.dueDate, sql`(${q.until}::date - 1)`),
  );
  const where = and(
    eq(worklistItems.practiceId, practiceId),
    lte(worklistItems.dueDate, q.until),
    q.locationId ? eq(worklistItems.locationId, q.locationId) : undefined,
    q.episodeId ? eq(worklistItems.episodeId, q.episodeId) : undefined,
    q.kind ? eq(worklistItems.kind, q.kind) : undefined,
    fresh,
  );
  const rows = await tx
    .select({
      episodeId: worklistItems.episodeId,
      patientId: worklistItems.patientId,
      locationId: worklistItems.locationId,
      kind: worklistItems.kind,
      dueDate: worklistItems.dueDate,
      reason: worklistItems.reason,
      detail: worklistItems.detail,
      givenName: patients.givenName,
      familyName: patients.familyName,
    })
    .from(worklistItems)
    .innerJoin(patients, eq(patients.id, worklistItems.patientId))
    .where(where)
    .orderBy(asc(worklistItems.dueDate), asc(worklistItems.episodeId), asc(worklistItems.kind))
    .limit(q.limit)
    .offset(q.offset);
  // The count stops at COUNT_CAP so a page costs the same with 10 000 or 100 000 patients.
  const capped = tx
    .select({ one: sql`1` })
    .from(worklistItems)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('capped');
  const [t] = await tx.select({ n: count() }).from(capped);
  const n = Number(t?.n ?? 0);
  return { rows, total: Math.min(n, COUNT_CAP), totalIsCapped: n > COUNT_CAP };
}

/** Marks an episode's worklist for recomputation (cheap: one upsert on the write's hot path). */
export async function markWorklistDirty(tx: Executor, practiceId: string, episodeId: string): Promise<void> {
  await tx.insert(worklistDirty).values({ practiceId, episodeId }).onConflictDoNothing();
}

/**
 * Takes up to `limit` marked episodes (of one practice, or of all), removing the marks; concurrent takers
 * skip each other's rows. The caller recomputes them in the same transaction.
 */
export async function takeDirtyEpisodes(
  tx: Executor,
  practiceId: string | null,
  limit: number,
): Promise<{ episodeId: string; practiceId: string }[]> {
  // Both drivers answer raw statements with { rows }.
  const result = (await tx.execute(sql`
    DELETE FROM worklist_dirty WHERE episode_id IN (
      SELECT episode_id FROM worklist_dirty
      ${practiceId ? sql`WHERE practice_id = ${practiceId}` : sql``}
      ORDER BY marked_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING episode_id, practice_id`)) as unknown as {
    rows: { episode_id: string; practice_id: string }[];
  };
  return result.rows.map((r) => ({ episodeId: r.episode_id, practiceId: r.practice_id }));
}
