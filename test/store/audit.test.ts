import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditInput, appendAudit, appendAuditBatch, verifyAuditChain } from '../../src/store/audit.js';
import type { Database } from '../../src/store/database.js';
import { testDatabases } from '../support/databases.js';

const event = (i: number): AuditInput => ({
  practiceId: null,
  actorType: 'system',
  actorId: null,
  action: `action-${i}`,
  entity: 'test',
  entityId: String(i),
  patientId: null,
  requestId: `req-${i}`,
  at: new Date(Date.UTC(2026, 2, 2, 12, 0, i)),
});

describe.each(testDatabases)('audit hash chain on $name', (tdb) => {
  let db: Database;
  beforeAll(async () => {
    db = await tdb.open();
  }, 60_000);
  afterAll(() => db?.close());

  it('chains single and batched appends, and detects a changed, a deleted and a re-hashed event', async () => {
    await db.db.transaction(async (tx) => {
      await appendAudit(tx, event(1));
      await appendAudit(tx, event(2));
    });
    await db.db.transaction((tx) => appendAuditBatch(tx, [3, 4, 5, 6].map(event)));
    const intact = await verifyAuditChain(db.db);
    expect(intact).toEqual({ events: 6, ok: true, firstBrokenSeq: null, problem: null });

    await db.query("UPDATE audit_events SET action = 'nothing-to-see' WHERE seq = 4");
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, firstBrokenSeq: 4, events: 3 });
    await db.query("UPDATE audit_events SET action = 'action-4' WHERE seq = 4");
    expect((await verifyAuditChain(db.db)).ok).toBe(true);

    // Rewriting an event together with its own hash still breaks the link of the next one.
    await db.query("UPDATE audit_events SET hash = repeat('a', 64) WHERE seq = 5");
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, firstBrokenSeq: 5 });
    await db.query('DELETE FROM audit_events WHERE seq = 5');
    expect(await verifyAuditChain(db.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 6,
      problem: 'event 5 is missing',
    });
  });
});
