/**
 * Who is asking, and what each staff role may do. Every use case receives a RequestContext and checks a
 * permission before touching data; every query is scoped to the actor's practice.
 */
import { AppError } from './errors.js';

export type Role = 'admin' | 'physician' | 'coordinator';
export const ROLES: readonly Role[] = ['admin', 'physician', 'coordinator'];

export type Actor =
  | { kind: 'user'; userId: string; practiceId: string; role: Role }
  | { kind: 'patient-link'; linkId: string; practiceId: string; procedureId: string }
  | { kind: 'public' }
  | { kind: 'system' };

export interface RequestContext {
  actor: Actor;
  requestId: string;
  now: Date;
}

/**
 * The permission table. Admins run the practice (staff, locations, policies, access history) but do not
 * read charts; coordinators handle patients, insurance, scheduling and requests; physicians do everything
 * clinical.
 */
export const PERMISSIONS = {
  'patients:read': ['physician', 'coordinator'],
  'patients:write': ['physician', 'coordinator'],
  'episodes:read': ['physician', 'coordinator'],
  'episodes:write': ['physician', 'coordinator'],
  'procedures:read': ['physician', 'coordinator'],
  'procedures:write': ['physician'],
  'diary:write': ['physician', 'coordinator'],
  'diary-links:write': ['physician', 'coordinator'],
  'follow-ups:write': ['physician', 'coordinator'],
  'evaluation:read': ['physician', 'coordinator'],
  'appointments:read': ['physician', 'coordinator'],
  'appointments:write': ['physician', 'coordinator'],
  'requests:read': ['coordinator', 'physician'],
  'requests:write': ['coordinator'],
  'worklist:read': ['physician', 'coordinator'],
  'staff:read': ['admin'],
  'staff:write': ['admin'],
  'locations:read': ['admin', 'physician', 'coordinator'],
  'locations:write': ['admin'],
  'practice:read': ['admin', 'physician', 'coordinator'],
  'practice:write': ['admin'],
  'audit:read': ['admin'],
  /** Patients' "would you recommend us?" answers and comments (anonymous; no chart is read). */
  'feedback:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The staff user behind a request, or an error: 401 when nobody is signed in, 403 when the role may not. */
export function requireStaff(ctx: RequestContext, permission: Permission): Extract<Actor, { kind: 'user' }> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'sign in first');
  if (!can(a.role, permission))
    throw new AppError('FORBIDDEN', `the ${a.role} role may not do this (${permission})`);
  return a;
}
