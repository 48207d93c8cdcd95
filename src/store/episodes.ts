/** Episodes of care; every function is scoped to one practice. */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor } from './database.js';
import { episodes } from './schema.js';

export type EpisodeRow = typeof episodes.$inferSelect;

export async function insertEpisode(tx: Executor, row: typeof episodes.$inferInsert): Promise<EpisodeRow> {
  const [r] = await tx.insert(episodes).values(row).returning();
  return r!;
}

export async function findEpisode(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<EpisodeRow | undefined> {
  const [r] = await tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.practiceId, practiceId), eq(episodes.id, id)));
  return r;
}

export async function updateEpisode(
  tx: Executor,
  practiceId: string,
  id: string,
  changes: Partial<typeof episodes.$inferInsert>,
): Promise<EpisodeRow | undefined> {
  const [r] = await tx
    .update(episodes)
    .set(changes)
    .where(and(eq(episodes.practiceId, practiceId), eq(episodes.id, id)))
    .returning();
  return r;
}

export async function listEpisodesOfPatient(
  tx: Executor,
  practiceId: string,
  patientId: string,
): Promise<EpisodeRow[]> {
  return tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.practiceId, practiceId), eq(episodes.patientId, patientId)))
    .orderBy(asc(episodes.createdAt), asc(episodes.id));
}

/** Open episodes of every practice, a page at a time in id order (for bulk recomputation). */
export async function listOpenEpisodes(
  tx: Executor,
  after: string | null,
  limit: number,
): Promise<{ id: string; practiceId: string }[]> {
  return tx
    .select({ id: episodes.id, practiceId: episodes.practiceId })
    .from(episodes)
    .where(and(eq(episodes.status, 'open'), after ? gt(episodes.id, after) : undefined))
    .orderBy(asc(episodes.id))
    .limit(limit);
}
