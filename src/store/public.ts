/** What the public side writes: screening requests (a practice's page is read through practices.ts). */
import type { Executor } from './database.js';
import { screeningRequests } from './schema.js';

export type NewScreeningRequest = typeof screeningRequests.$inferInsert;

export async function insertScreeningRequest(
  tx: Executor,
  row: NewScreeningRequest,
): Promise<{ id: string }> {
  const [r] = await tx.insert(screeningRequests).values(row).returning({ id: screeningRequests.id });
  return r!;
}
