/** What every use case is given: the database, the policy catalog and the clock (injected, never global). */
import type { Policy } from '../domain/policy/load.js';
import { type AuditInput, appendAuditBatch } from '../store/audit.js';
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

type AuditFields = {
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  practiceId?: string | null;
};

function auditInput(ctx: RequestContext, e: AuditFields): AuditInput {
  const a = ctx.actor;
  const practiceId =
    e.practiceId !== undefined
      ? e.practiceId
      : a.kind === 'user' || a.kind === 'patient-link'
        ? a.practiceId
        : null;
  return {
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
}

/** Appends an audit event for the actor of a request. */
export function audit(tx: Tx, ctx: RequestContext, e: AuditFields): Promise<void> {
  return appendAuditBatch(tx, [auditInput(ctx, e)]);
}

/** One event per record read by a list (each patient's access history stays complete), appended at once. */
export function auditMany(tx: Tx, ctx: RequestContext, events: readonly AuditFields[]): Promise<void> {
  return appendAuditBatch(
    tx,
    events.map((e) => auditInput(ctx, e)),
  );
}

/** Today's date (YYYY-MM-DD) by the service clock. */
export function today(svc: Services): string {
  return svc.clock().toISOString().slice(0, 10);
}
