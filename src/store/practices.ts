/** Practices, their locations and staff accounts. */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from './database.js';
import { locations, practices, users } from './schema.js';

export type PracticeRow = typeof practices.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;

export async function insertPractice(tx: Executor, row: typeof practices.$inferInsert): Promise<PracticeRow> {
  const [r] = await tx.insert(practices).values(row).returning();
  return r!;
}

export async function countPractices(tx: Executor): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(practices);
  return Number(r?.n ?? 0);
}

export async function findPracticeBySlug(tx: Executor, slug: string): Promise<PracticeRow | undefined> {
  const [r] = await tx.select().from(practices).where(eq(practices.slug, slug));
  return r;
}

export async function findPractice(tx: Executor, id: string): Promise<PracticeRow | undefined> {
  const [r] = await tx.select().from(practices).where(eq(practices.id, id));
  return r;
}

export async function insertLocation(tx: Executor, row: typeof locations.$inferInsert): Promise<LocationRow> {
  const [r] = await tx.insert(locations).values(row).returning();
  return r!;
}

export async function listLocations(
  tx: Executor,
  practiceId: string,
  activeOnly = false,
): Promise<LocationRow[]> {
  return tx
    .select()
    .from(locations)
    .where(and(eq(locations.practiceId, practiceId), activeOnly ? eq(locations.active, true) : undefined))
    .orderBy(asc(locations.name), asc(locations.id));
}

export async function findLocation(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<LocationRow | undefined> {
  const [r] = await tx
    .select()
    .from(locations)
    .where(and(eq(locations.practiceId, practiceId), eq(locations.id, id)));
  return r;
}

export async function insertUser(tx: Executor, row: typeof users.$inferInsert) {
  const [r] = await tx.insert(users).values(row).returning();
  return r!;
}

export async function updateLocation(
  tx: Executor,
  practiceId: string,
  id: string,
  changes: Partial<typeof locations.$inferInsert>,
): Promise<LocationRow | undefined> {
  const [r] = await tx
    .update(locations)
    .set(changes)
    .where(and(eq(locations.practiceId, practiceId), eq(locations.id, id)))
    .returning();
  return r;
}

/** Locks the practice row until the transaction ends (serialises staff role changes per practice). */
export async function lockPractice(tx: Executor, id: string): Promise<PracticeRow | undefined> {
  const [r] = await tx.select().from(practices).where(eq(practices.id, id)).for('update');
  return r;
}

export async function setPolicyByCoverage(
  tx: Executor,
  id: string,
  policyByCoverage: PracticeRow['policyByCoverage'],
): Promise<PracticeRow | undefined> {
  const [r] = await tx.update(practices).set({ policyByCoverage }).where(eq(practices.id, id)).returning();
  return r;
}

/** The first two practices' slugs, oldest first: enough to tell whether a server hosts exactly one. */
export async function firstPracticeSlugs(tx: Executor): Promise<string[]> {
  const rows = await tx
    .select({ slug: practices.slug })
    .from(practices)
    .orderBy(asc(practices.createdAt))
    .limit(2);
  return rows.map((r) => r.slug);
}
