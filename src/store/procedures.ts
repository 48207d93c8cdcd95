/** Procedures with their diary entries and follow-ups; every function is scoped to one practice. */
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from './database.js';
import { diaryEntries, followUps, procedures } from './schema.js';

export type ProcedureRow = typeof procedures.$inferSelect;
export type DiaryEntryRow = typeof diaryEntries.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;

export async function insertProcedure(
  tx: Executor,
  row: typeof procedures.$inferInsert,
): Promise<ProcedureRow> {
  const [r] = await tx.insert(procedures).values(row).returning();
  return r!;
}

export async function findProcedure(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<ProcedureRow | undefined> {
  const [r] = await tx
    .select()
    .from(procedures)
    .where(and(eq(procedures.practiceId, practiceId), eq(procedures.id, id)));
  return r;
}

/** Reads a procedure and locks its row, so concurrent diary writes to one procedure queue up. */
export async function findProcedureForUpdate(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<ProcedureRow | undefined> {
  const [r] = await tx
    .select()
    .from(procedures)
    .where(and(eq(procedures.practiceId, practiceId), eq(procedures.id, id)))
    .for('update');
  return r;
}

export async function updateProcedure(
  tx: Executor,
  practiceId: string,
  id: string,
  changes: Partial<typeof procedures.$inferInsert>,
): Promise<ProcedureRow | undefined> {
  const [r] = await tx
    .update(procedures)
    .set(changes)
    .where(and(eq(procedures.practiceId, practiceId), eq(procedures.id, id)))
    .returning();
  return r;
}

export async function listProceduresOfEpisode(
  tx: Executor,
  practiceId: string,
  episodeId: string,
): Promise<ProcedureRow[]> {
  return tx
    .select()
    .from(procedures)
    .where(and(eq(procedures.practiceId, practiceId), eq(procedures.episodeId, episodeId)))
    .orderBy(asc(procedures.date), asc(procedures.createdAt), asc(procedures.id));
}

/** Diary entries of several procedures, in time order per procedure. */
export async function listDiaryEntries(
  tx: Executor,
  practiceId: string,
  procedureIds: readonly string[],
): Promise<DiaryEntryRow[]> {
  if (procedureIds.length === 0) return [];
  return tx
    .select()
    .from(diaryEntries)
    .where(and(eq(diaryEntries.practiceId, practiceId), inArray(diaryEntries.procedureId, [...procedureIds])))
    .orderBy(asc(diaryEntries.procedureId), asc(diaryEntries.minutesAfter));
}

export async function countDiaryEntries(
  tx: Executor,
  practiceId: string,
  procedureId: string,
): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(diaryEntries)
    .where(and(eq(diaryEntries.practiceId, practiceId), eq(diaryEntries.procedureId, procedureId)));
  return Number(r?.n ?? 0);
}

/** Inserts an entry unless one with the same key or the same time exists; undefined when it was skipped. */
export async function insertDiaryEntryIfNew(
  tx: Executor,
  row: typeof diaryEntries.$inferInsert,
): Promise<DiaryEntryRow | undefined> {
  const [r] = await tx.insert(diaryEntries).values(row).onConflictDoNothing().returning();
  return r;
}

/** The first diary entry of a procedure (of the practice) that meets one more condition. */
async function firstEntryOf(
  tx: Executor,
  practiceId: string,
  procedureId: string,
  condition: SQL,
): Promise<DiaryEntryRow | undefined> {
  const [r] = await tx
    .select()
    .from(diaryEntries)
    .where(
      and(eq(diaryEntries.practiceId, practiceId), eq(diaryEntries.procedureId, procedureId), condition),
    );
  return r;
}

export async function findDiaryEntryByKey(
  tx: Executor,
  practiceId: string,
  procedureId: string,
  idempotencyKey: string,
): Promise<DiaryEntryRow | undefined> {
  return firstEntryOf(tx, practiceId, procedureId, eq(diaryEntries.idempotencyKey, idempotencyKey));
}

export async function findDiaryEntryAt(
  tx: Executor,
  practiceId: string,
  procedureId: string,
  minutesAfter: number,
): Promise<DiaryEntryRow | undefined> {
  return firstEntryOf(tx, practiceId, procedureId, eq(diaryEntries.minutesAfter, minutesAfter));
}

export async function insertFollowUp(tx: Executor, row: typeof followUps.$inferInsert): Promise<FollowUpRow> {
  const [r] = await tx.insert(followUps).values(row).returning();
  return r!;
}

/** Follow-ups of several procedures, in date order per procedure. */
export async function listFollowUps(
  tx: Executor,
  practiceId: string,
  procedureIds: readonly string[],
): Promise<FollowUpRow[]> {
  if (procedureIds.length === 0) return [];
  return tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.practiceId, practiceId), inArray(followUps.procedureId, [...procedureIds])))
    .orderBy(asc(followUps.procedureId), asc(followUps.date), asc(followUps.createdAt));
}

/** The provocation check of a procedure: its diary entry recorded in the recovery area, if any. */
export async function findRecoveryEntry(
  tx: Executor,
  practiceId: string,
  procedureId: string,
): Promise<DiaryEntryRow | undefined> {
  return firstEntryOf(tx, practiceId, procedureId, eq(diaryEntries.inRecovery, true));
}

export async function updateDiaryEntry(
  tx: Executor,
  practiceId: string,
  id: string,
  changes: Partial<Pick<DiaryEntryRow, 'minutesAfter' | 'score' | 'activity' | 'recordedAt'>>,
): Promise<DiaryEntryRow | undefined> {
  const [r] = await tx
    .update(diaryEntries)
    .set(changes)
    .where(and(eq(diaryEntries.practiceId, practiceId), eq(diaryEntries.id, id)))
    .returning();
  return r;
}

export async function deleteDiaryEntry(tx: Executor, practiceId: string, id: string): Promise<void> {
  await tx.delete(diaryEntries).where(and(eq(diaryEntries.practiceId, practiceId), eq(diaryEntries.id, id)));
}
