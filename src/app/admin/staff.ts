/**
 * Staff accounts, managed by the practice's admins. An admin cannot deactivate or demote themself, and the
 * practice always keeps at least one active admin (checked with the practice row locked, so two admins
 * demoting each other at once cannot leave none). Deactivating a user or resetting a password ends the
 * user's sessions.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { staffInput, staffUpdate } from '../../contract/admin.js';
import type { Tx } from '../../store/database.js';
import { insertUser, lockPractice } from '../../store/practices.js';
import {
  countOtherActiveAdmins,
  deleteSessionsOfUser,
  findUser,
  findUserByEmail,
  listUsers,
  type UserRow,
  updateUser,
} from '../../store/staff.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { hashPassword } from '../auth/passwords.js';
import { AppError, notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';
import { checkPassword } from './create-practice.js';

export const staffDto = (r: UserRow, now: Date) => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active,
  locked: !!r.lockedUntil && r.lockedUntil > now,
  createdAt: r.createdAt.toISOString(),
});

export async function listStaff(svc: Services, ctx: RequestContext) {
  const actor = requireStaff(ctx, 'staff:read');
  const rows = await listUsers(svc.database.db, actor.practiceId);
  return { items: rows.map((r) => staffDto(r, ctx.now)) };
}

export async function getStaff(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'staff:read');
  const row = await findUser(svc.database.db, actor.practiceId, id);
  if (!row) throw notFound('staff member');
  return staffDto(row, ctx.now);
}

export async function createStaff(svc: Services, ctx: RequestContext, input: z.output<typeof staffInput>) {
  const actor = requireStaff(ctx, 'staff:write');
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(svc, async (tx) => {
    // Emails are unique across the server (they are how staff sign in).
    if (await findUserByEmail(tx, input.email)) {
      throw new AppError('CONFLICT', 'that email is already in use', [
        { path: 'email', message: 'already in use' },
      ]);
    }
    const row = await insertUser(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
      createdAt: ctx.now,
    });
    await audit(tx, ctx, { action: 'create', entity: 'user', entityId: row.id, patientId: null });
    return staffDto(row, ctx.now);
  });
}

/** Loads the target with the practice locked and refuses what would leave the practice without an admin. */
async function guardAdminChange(
  tx: Tx,
  actor: { practiceId: string; userId: string },
  id: string,
  what: string,
) {
  await lockPractice(tx, actor.practiceId);
  const row = await findUser(tx, actor.practiceId, id);
  if (!row) throw notFound('staff member');
  const losesAdmin = row.role === 'admin' && row.active;
  if (losesAdmin && id === actor.userId) {
    throw new AppError('CONFLICT', `an admin cannot ${what} themself; ask another admin`);
  }
  if (losesAdmin && (await countOtherActiveAdmins(tx, actor.practiceId, id)) === 0) {
    throw new AppError('CONFLICT', 'the practice must keep at least one active admin');
  }
  return row;
}

export function updateStaff(
  svc: Services,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof staffUpdate>,
) {
  const actor = requireStaff(ctx, 'staff:write');
  return inTransaction(svc, async (tx) => {
    if (input.role && input.role !== 'admin') {
      await guardAdminChange(tx, actor, id, 'demote');
    }
    const row =
      Object.keys(input).length > 0
        ? await updateUser(tx, actor.practiceId, id, input)
        : await findUser(tx, actor.practiceId, id);
    if (!row) throw notFound('staff member');
    await audit(tx, ctx, { action: 'update', entity: 'user', entityId: id, patientId: null });
    return staffDto(row, ctx.now);
  });
}

export function deactivateStaff(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'staff:write');
  return inTransaction(svc, async (tx) => {
    await guardAdminChange(tx, actor, id, 'deactivate');
    const row = await updateUser(tx, actor.practiceId, id, { active: false });
    if (!row) throw notFound('staff member');
    await deleteSessionsOfUser(tx, id);
    await audit(tx, ctx, { action: 'deactivate', entity: 'user', entityId: id, patientId: null });
    return staffDto(row, ctx.now);
  });
}

export function reactivateStaff(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'staff:write');
  return inTransaction(svc, async (tx) => {
    const row = await updateUser(tx, actor.practiceId, id, { active: true });
    if (!row) throw notFound('staff member');
    await audit(tx, ctx, { action: 'reactivate', entity: 'user', entityId: id, patientId: null });
    return staffDto(row, ctx.now);
  });
}

/** Sets a new password, clears any lockout and ends the user's sessions (they sign in again with it). */
export async function resetPassword(svc: Services, ctx: RequestContext, id: string, password: string) {
  const actor = requireStaff(ctx, 'staff:write');
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return inTransaction(svc, async (tx) => {
    const row = await updateUser(tx, actor.practiceId, id, {
      passwordHash,
      failedAttempts: 0,
      lockedUntil: null,
    });
    if (!row) throw notFound('staff member');
    await deleteSessionsOfUser(tx, id);
    await audit(tx, ctx, { action: 'reset-password', entity: 'user', entityId: id, patientId: null });
    return staffDto(row, ctx.now);
  });
}
