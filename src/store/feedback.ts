/** "Would you recommend us?" answers: written by the public page, read (per practice) by the staff summary. */
import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from './database.js';
import { feedback, locations, procedures } from './schema.js';

export type NewFeedback = typeof feedback.$inferInsert;

export async function insertFeedback(tx: Executor, row: NewFeedback): Promise<{ id: string }> {
  const [r] = await tx.insert(feedback).values(row).returning({ id: feedback.id });
  return r!;
}

/** How many answered each score, per location (null: not said), in one practice. */
export async function feedbackScoreCounts(
  tx: Executor,
  practiceId: string,
): Promise<{ locationId: string | null; score: number; n: number }[]> {
  const rows = await tx
    .select({ locationId: feedback.locationId, score: feedback.score, n: count() })
    .from(feedback)
    .where(eq(feedback.practiceId, practiceId))
    .groupBy(feedback.locationId, feedback.score);
  return rows.map((r) => ({ locationId: r.locationId, score: r.score, n: Number(r.n) }));
}

/** A page of the practice's answers that carry a comment, newest first, with the total of such answers. */
export async function listFeedbackComments(tx: Executor, practiceId: string, limit: number, offset: number) {
  const where = and(eq(feedback.practiceId, practiceId), isNotNull(feedback.comment));
  const items = await tx
    .select({
      id: feedback.id,
      score: feedback.score,
      comment: feedback.comment,
      language: feedback.language,
      locationId: feedback.locationId,
      locationName: locations.name,
      procedureId: feedback.procedureId,
      patientId: procedures.patientId,
      createdAt: feedback.createdAt,
    })
    .from(feedback)
    .leftJoin(locations, and(eq(locations.id, feedback.locationId), eq(locations.practiceId, practiceId)))
    .leftJoin(procedures, and(eq(procedures.id, feedback.procedureId), eq(procedures.practiceId, practiceId)))
    .where(where)
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(limit)
    .offset(offset);
  const [total] = await tx.select({ n: count() }).from(feedback).where(where);
  return { items, total: Number(total?.n ?? 0) };
}
