/**
 * Staff sign-in: argon2id verification, lockout after repeated failures, a new session (cookie token +
 * CSRF token). Unknown email and wrong password give the same answer in the same time.
 */
import {
  deleteSession,
  findSession,
  findUserByEmail,
  insertSession,
  recordFailedSignIn,
  recordSuccessfulSignIn,
} from '../../store/staff.js';
import type { RequestContext } from '../actor.js';
import { AppError } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { newToken, tokenHash } from './tokens.js';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; name: string; email: string; role: string; practiceId: string };
}

export async function signIn(
  svc: Services,
  ctx: RequestContext,
  input: { email: string; password: string },
): Promise<SignedIn> {
  const wrong = () => new AppError('UNAUTHENTICATED', 'email or password is wrong');
  const user = await findUserByEmail(svc.database.db, input.email);
  if (!user?.active) {
    await verifyPassword(await dummyHash(), input.password);
    throw wrong();
  }
  if (user.lockedUntil && user.lockedUntil > ctx.now) {
    throw new AppError(
      'LOCKED',
      `too many failed sign-ins; try again after ${user.lockedUntil.toISOString()}`,
    );
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  const system = {
    ...ctx,
    actor: { kind: 'user' as const, userId: user.id, practiceId: user.practiceId, role: user.role },
  };
  if (!ok) {
    const lockUntil = new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000);
    await inTransaction(svc, async (tx) => {
      await recordFailedSignIn(tx, user.id, LOCK_AFTER_FAILURES, lockUntil);
      await audit(tx, system, {
        action: 'sign-in-failed',
        entity: 'user',
        entityId: user.id,
        patientId: null,
      });
    });
    throw wrong();
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(ctx.now.getTime() + SESSION_HOURS * 3_600_000);
  await inTransaction(svc, async (tx) => {
    await recordSuccessfulSignIn(tx, user.id);
    await insertSession(tx, {
      id: tokenHash(token),
      userId: user.id,
      practiceId: user.practiceId,
      csrfToken,
      expiresAt,
      createdAt: ctx.now,
    });
    await audit(tx, system, { action: 'sign-in', entity: 'user', entityId: user.id, patientId: null });
  });
  return {
    token,
    csrfToken,
    expiresAt,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, practiceId: user.practiceId },
  };
}

export async function signOut(svc: Services, ctx: RequestContext, token: string): Promise<void> {
  await inTransaction(svc, async (tx) => {
    await deleteSession(tx, tokenHash(token));
    if (ctx.actor.kind === 'user') {
      await audit(tx, ctx, {
        action: 'sign-out',
        entity: 'user',
        entityId: ctx.actor.userId,
        patientId: null,
      });
    }
  });
}

/** The session behind a cookie token, if it is valid now and its user is active. */
export async function resolveSession(svc: Services, token: string, now: Date) {
  const s = await findSession(svc.database.db, tokenHash(token), now);
  return s?.active ? s : undefined;
}

/** What a signed-in page needs to know about its own session (GET /api/v1/auth/session). */
export async function currentSession(svc: Services, token: string, now: Date) {
  const s = await resolveSession(svc, token, now);
  if (!s) return undefined;
  return {
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt.toISOString(),
    practiceName: s.practiceName,
    user: { id: s.userId, name: s.name, email: s.email, role: s.role, practiceId: s.practiceId },
  };
}
