/** What every use case is given: the database, the policy catalog and the clock (injected, never global). */
import type { Policy } from '../domain/policy/load.js';
import { type AuditInput, appendAudit } from '../store/audit.js';
import type { Database, Tx } from '../store/database.js';
import type { RequestContext } from './actor.js';

export interface Services {
  database: Database;
  policies: readonly Policy[];
  clock: () => Date;
}

/** Runs `fn` in one transaction: the change and its audit event commit together or not at all. */
export function inTransaction<T>(svc: Services, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return svc.database.db.transaction(fn);
}

/** Appends an audit event for the actor of a request. */
export function audit(
  tx: Tx,
  ctx: RequestContext,
  e: {
    action: string;
    entity: string;
    entityId: string | null;
    patientId: string | null;
    practiceId?: string | null;
  },
): Promise<void> {
  const a = ctx.actor;
  const practiceId =
    e.practiceId !== undefined
      ? e.practiceId
      : a.kind === 'user' || a.kind === 'patient-link'
        ? a.practiceId
        : null;
  const input: AuditInput = {
    practiceId,
    actorType: a.kind,
    actorId: a.kind === 'user' ? a.userId : a.kind === 'patient-link' ? a.linkId : null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    patientId: e.patientId,
    requestId: ctx.requestId,
    at: ctx.now,
  };
  return appendAudit(tx, input);
}

/** Today's date (YYYY-MM-DD) by the service clock. */
export function today(svc: Services): string {
  return svc.clock().toISOString().slice(0, 10);
}
