/**
 * Diary links (only the SHA-256 of a token is stored) and the diary entries a link reads and writes.
 * Staff-side functions are scoped by practiceId; a token is looked up by its hash alone (it names the
 * practice itself).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from './database.js';
import { diaryEntries, diaryLinks, episodes, patients, procedures } from './schema.js';

export type DiaryLinkRow = typeof diaryLinks.$inferSelect;
export type DiaryEntryRow = typeof diaryEntries.$inferSelect;

export async function insertDiaryLink(
  tx: Executor,
  row: typeof diaryLinks.$inferInsert,
): Promise<DiaryLinkRow> {
  const [r] = await tx.insert(diaryLinks).values(row).returning();
  return r!;
}

export async function findDiaryLink(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<DiaryLinkRow | undefined> {
  const [r] = await tx
    .select()
    .from(diaryLinks)
    .where(and(eq(diaryLinks.practiceId, practiceId), eq(diaryLinks.id, id)));
  return r;
}

export async function listDiaryLinks(tx: Executor, practiceId: string, procedureId: string) {
  return tx
    .select()
    .from(diaryLinks)
    .where(and(eq(diaryLinks.practiceId, practiceId), eq(diaryLinks.procedureId, procedureId)))
    .orderBy(desc(diaryLinks.createdAt), asc(diaryLinks.id));
}

export async function revokeDiaryLink(
  tx: Executor,
  practiceId: string,
  id: string,
  at: Date,
): Promise<DiaryLinkRow | undefined> {
  const [r] = await tx
    .update(diaryLinks)
    .set({ revokedAt: at })
    .where(and(eq(diaryLinks.practiceId, practiceId), eq(diaryLinks.id, id)))
    .returning();
  return r;
}

/**
 * A token's link with its procedure, in one query (the patient's hot path): undefined when no link has
 * that hash; `procedure` undefined when the link's procedure is gone from its practice.
 */
export async function findDiaryLinkWithProcedure(tx: Executor, tokenHash: string) {
  const [r] = await tx
    .select({ link: diaryLinks, procedure: diaryProcedureColumns })
    .from(diaryLinks)
    .leftJoin(
      procedures,
      and(eq(procedures.id, diaryLinks.procedureId), eq(procedures.practiceId, diaryLinks.practiceId)),
    )
    .leftJoin(
      episodes,
      and(eq(episodes.id, procedures.episodeId), eq(episodes.practiceId, diaryLinks.practiceId)),
    )
    .leftJoin(
      patients,
      and(eq(patients.id, procedures.patientId), eq(patients.practiceId, diaryLinks.practiceId)),
    )
    .where(eq(diaryLinks.tokenHash, tokenHash));
  if (!r) return undefined;
  const p = r.procedure;
  const procedure = p.id && p.region && p.givenName ? (p as DiaryProcedure) : undefined;
  return { link: r.link, procedure };
}

const diaryProcedureColumns = {
  id: procedures.id,
  patientId: procedures.patientId,
  status: procedures.status,
  kind: procedures.kind,
  intent: procedures.intent,
  date: procedures.date,
  joints: procedures.joints,
  preScoreScale: procedures.preScoreScale,
  preScore: procedures.preScore,
  region: episodes.region,
  givenName: patients.givenName,
  startedAt: procedures.startedAt,
  timeZone: procedures.timeZone,
};
export interface DiaryProcedure {
  id: string;
  patientId: string;
  status: 'planned' | 'done' | 'cancelled';
  kind: string;
  intent: string;
  date: string;
  joints: { joint: string; side: string }[];
  preScoreScale: string | null;
  preScore: number | null;
  region: string;
  givenName: string;
  startedAt: Date | null;
  timeZone: string | null;
}

/** A procedure with what a diary shows about it: the episode's region and the patient's given name. */
export async function findProcedureForDiary(tx: Executor, practiceId: string, procedureId: string) {
  const [r] = await tx
    .select({
      id: procedures.id,
      patientId: procedures.patientId,
      status: procedures.status,
      kind: procedures.kind,
      intent: procedures.intent,
      date: procedures.date,
      joints: procedures.joints,
      preScoreScale: procedures.preScoreScale,
      preScore: procedures.preScore,
      region: episodes.region,
      givenName: patients.givenName,
    })
    .from(procedures)
    .innerJoin(episodes, and(eq(episodes.id, procedures.episodeId), eq(episodes.practiceId, practiceId)))
    .innerJoin(patients, and(eq(patients.id, procedures.patientId), eq(patients.practiceId, practiceId)))
    .where(and(eq(procedures.practiceId, practiceId), eq(procedures.id, procedureId)));
  return r;
}

export async function listDiaryEntries(tx: Executor, practiceId: string, procedureId: string) {
  return tx
    .select()
    .from(diaryEntries)
    .where(and(eq(diaryEntries.practiceId, practiceId), eq(diaryEntries.procedureId, procedureId)))
    .orderBy(asc(diaryEntries.minutesAfter));
}
