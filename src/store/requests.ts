/** Screening requests (from the public form); every function is scoped to one practice. */
import { and, count, desc, eq } from 'drizzle-orm';
import type { Executor } from './database.js';
import { screeningRequests } from './schema.js';

export type RequestRow = typeof screeningRequests.$inferSelect;

export async function insertRequest(tx: Executor, row: typeof screeningRequests.$inferInsert) {
  const [r] = await tx.insert(screeningRequests).values(row).returning();
  return r!;
}

export async function listRequests(
  tx: Executor,
  practiceId: string,
  q: { status?: RequestRow['status']; locationId?: string; limit: number; offset: number },
): Promise<{ rows: RequestRow[]; total: number }> {
  const where = and(
    eq(screeningRequests.practiceId, practiceId),
    q.status ? eq(screeningRequests.status, q.status) : undefined,
    q.locationId ? eq(screeningRequests.locationId, q.locationId) : undefined,
  );
  const rows = await tx
    .select()
    .from(screeningRequests)
    .where(where)
    .orderBy(desc(screeningRequests.createdAt), desc(screeningRequests.id))
    .limit(q.limit)
    .offset(q.offset);
  const [t] = await tx.select({ n: count() }).from(screeningRequests).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

/** The request, locked until the transaction ends (two staff deciding at once: one wins, one sees the decision). */
export async function findRequestForUpdate(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<RequestRow | undefined> {
  const [r] = await tx
    .select()
    .from(screeningRequests)
    .where(and(eq(screeningRequests.practiceId, practiceId), eq(screeningRequests.id, id)))
    .for('update');
  return r;
}

export async function decideRequest(
  tx: Executor,
  practiceId: string,
  id: string,
  changes: Pick<RequestRow, 'status' | 'decidedBy' | 'decidedAt' | 'updatedAt'> &
    Partial<Pick<RequestRow, 'patientId' | 'declineReason'>>,
): Promise<RequestRow> {
  const [r] = await tx
    .update(screeningRequests)
    .set(changes)
    .where(and(eq(screeningRequests.practiceId, practiceId), eq(screeningRequests.id, id)))
    .returning();
  return r!;
}
