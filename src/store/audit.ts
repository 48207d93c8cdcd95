/**
 * The audit trail: append-only, hash-chained. Each event's hash covers its content and the previous hash,
 * so changing or deleting any past event breaks every hash after it (`facetpath audit verify`).
 * Appends are serialised (an advisory transaction lock on PostgreSQL; PGlite has one connection).
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { auditEvents } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 7_340_212;

export interface AuditInput {
  practiceId: string | null;
  actorType: 'user' | 'patient-link' | 'public' | 'system';
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  requestId: string | null;
  at: Date;
}

export interface AuditEvent extends AuditInput {
  seq: number;
  prevHash: string;
  hash: string;
}

export function hashEvent(e: Omit<AuditEvent, 'hash'>): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at.toISOString(),
    e.practiceId,
    e.actorType,
    e.actorId,
    e.action,
    e.entity,
    e.entityId,
    e.patientId,
    e.requestId,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export async function appendAudit(tx: Executor, input: AuditInput): Promise<void> {
  await appendAuditBatch(tx, [input]);
}

/** Appends several events in order with one lock, one read of the chain's end and one insert. */
export async function appendAuditBatch(tx: Executor, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows: AuditEvent[] = [];
  for (const input of inputs) {
    seq++;
    // Timestamps are stored to the millisecond (the precision hashed).
    const event = { ...input, at: new Date(input.at.getTime()), seq, prevHash };
    const hash = hashEvent(event);
    rows.push({ ...event, hash });
    prevHash = hash;
  }
  await tx.insert(auditEvents).values(rows);
}

export interface ChainReport {
  events: number;
  ok: boolean;
  firstBrokenSeq: number | null;
  problem: string | null;
}

/** Walks the whole chain in pages and reports the first event whose hash or link does not hold. */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      const broken = (problem: string): ChainReport => ({
        events: count,
        ok: false,
        firstBrokenSeq: r.seq,
        problem,
      });
      if (r.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing`);
      if (r.prevHash !== prev) return broken('its link to the previous event does not match');
      const { hash, ...rest } = r;
      if (hashEvent(rest as Omit<AuditEvent, 'hash'>) !== hash)
        return broken('its content does not match its hash');
      prev = hash;
      expectedSeq++;
      count++;
    }
  }
  return { events: count, ok: true, firstBrokenSeq: null, problem: null };
}

export async function patientAccessHistory(db: Executor, practiceId: string, patientId: string, limit = 500) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.practiceId, practiceId), eq(auditEvents.patientId, patientId)))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}
