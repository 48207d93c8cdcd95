/** Staff users and their sessions. */
import { and, asc, count, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { practices, sessions, users } from './schema.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(tx: Executor, email: string): Promise<UserRow | undefined> {
  const [r] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return r;
}

export async function findUser(tx: Executor, practiceId: string, id: string): Promise<UserRow | undefined> {
  const [r] = await tx
    .select()
    .from(users)
    .where(and(eq(users.practiceId, practiceId), eq(users.id, id)));
  return r;
}

export async function recordFailedSignIn(tx: Executor, id: string, lockAfter: number, lockUntil: Date) {
  const [r] = await tx
    .update(users)
    .set({
      failedAttempts: sql`${users.failedAttempts} + 1`,
      lockedUntil: sql`CASE WHEN ${users.failedAttempts} + 1 >= ${lockAfter} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, id))
    .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil });
  return r;
}

export async function recordSuccessfulSignIn(tx: Executor, id: string) {
  await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function insertSession(tx: Executor, row: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(row);
}

export async function findSession(tx: Executor, id: string, now: Date) {
  const [r] = await tx
    .select({
      id: sessions.id,
      userId: sessions.userId,
      practiceId: sessions.practiceId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      role: users.role,
      name: users.name,
      email: users.email,
      active: users.active,
      practiceName: practices.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(practices, eq(practices.id, sessions.practiceId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return r;
}

export async function deleteSession(tx: Executor, id: string) {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(tx: Executor, userId: string) {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function listUsers(tx: Executor, practiceId: string): Promise<UserRow[]> {
  return tx
    .select()
    .from(users)
    .where(eq(users.practiceId, practiceId))
    .orderBy(asc(users.name), asc(users.id));
}

export async function updateUser(
  tx: Executor,
  practiceId: string,
  id: string,
  changes: Partial<
    Pick<UserRow, 'name' | 'role' | 'active' | 'passwordHash' | 'failedAttempts' | 'lockedUntil'>
  >,
): Promise<UserRow | undefined> {
  const [r] = await tx
    .update(users)
    .set(changes)
    .where(and(eq(users.practiceId, practiceId), eq(users.id, id)))
    .returning();
  return r;
}

/** Active admins of a practice other than `exceptId`. */
export async function countOtherActiveAdmins(tx: Executor, practiceId: string, exceptId: string) {
  const [r] = await tx
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.practiceId, practiceId),
        eq(users.role, 'admin'),
        eq(users.active, true),
        ne(users.id, exceptId),
      ),
    );
  return Number(r?.n ?? 0);
}

/** Names of the given users of one practice (access history shows who). */
export async function userNames(tx: Executor, practiceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.practiceId, practiceId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
