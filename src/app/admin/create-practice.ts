/**
 * Creates a practice with its first admin (`facetpath admin create`, the demo seed, tests). A real
 * deployment starts empty and is set up this way; staff are then managed by the admin in the app.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../store/audit.js';
import { insertPractice, insertUser } from '../../store/practices.js';
import type { Role } from '../actor.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import { AppError } from '../errors.js';
import { inTransaction, type Services } from '../services.js';

export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION', `a password has at least ${MIN_PASSWORD_LENGTH} characters`, [
      { path: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}

export async function createPractice(
  svc: Services,
  input: { name: string; slug: string; isDemo?: boolean; staff: NewStaff[] },
): Promise<{ practiceId: string; userIds: string[] }> {
  for (const s of input.staff) checkPassword(s.password);
  const hashes = await Promise.all(input.staff.map((s) => hashPassword(s.password)));
  const now = svc.clock();
  return inTransaction(svc, async (tx) => {
    const practice = await insertPractice(tx, {
      id: randomUUID(),
      slug: input.slug,
      name: input.name,
      isDemo: input.isDemo ?? false,
      createdAt: now,
    });
    const userIds: string[] = [];
    for (const [i, s] of input.staff.entries()) {
      const u = await insertUser(tx, {
        id: randomUUID(),
        practiceId: practice.id,
        email: s.email,
        name: s.name,
        role: s.role,
        passwordHash: hashes[i]!,
        createdAt: now,
      });
      userIds.push(u.id);
    }
    await appendAudit(tx, {
      practiceId: practice.id,
      actorType: 'system',
      actorId: null,
      action: 'create',
      entity: 'practice',
      entityId: practice.id,
      patientId: null,
      requestId: null,
      at: now,
    });
    return { practiceId: practice.id, userIds };
  });
}
