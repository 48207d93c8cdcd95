/** Staff users and their sessions. */
import { and, eq, gt, sql } from 'drizzle-orm';
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
