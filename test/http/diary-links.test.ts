import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, redactUrl } from '../../src/http/server.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { seedProcedure } from './diary-fixtures.js';

const NOW = new Date('2026-03-02T15:00:00Z');

describe.each(testDatabases)('diary links over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  let otherCoordinator: Session;
  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
    otherCoordinator = await t.signIn(1, 'coordinator');
  }, 60_000);
  afterAll(() => t?.close());

  const seed = (over = {}) => seedProcedure(t.svc.database, t.practices[0]!.id, over);
  async function link(procedureId: string, body?: unknown) {
    t.setNow(NOW);
    const res = await t.call(coordinator, 'POST', `/api/v1/procedures/${procedureId}/diary-links`, body);
    expect(res.statusCode).toBe(201);
    return res.json() as { linkId: string; token: string; url: string; expiresAt: string };
  }
  const entry = (minutesAfter: number, score: number, key = `key-${minutesAfter}-${score}`) => ({
    minutesAfter,
    score,
    idempotencyKey: key,
  });

  it('creates a link with a 256-bit token shown once; only its hash is stored', async () => {
    const { procedureId } = await seed();
    const created = await link(procedureId);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.token, 'base64url')).toHaveLength(32);
    expect(created.url).toBe(`/diary/${created.token}`);
    expect(created.expiresAt).toBe('2026-03-05T15:00:00.000Z');
    const rows = await t.svc.database.query<Record<string, unknown>>(
      'SELECT * FROM diary_links WHERE id = $1',
      [created.linkId],
    );
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(created.token);
    const custom = await link(procedureId, { expiresInHours: 336 });
    expect(custom.expiresAt).toBe('2026-03-16T15:00:00.000Z');
    const list = await t.call(physician, 'GET', `/api/v1/procedures/${procedureId}/diary-links`);
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((l: { id: string; status: string }) => [l.id, l.status])
        .sort(),
    ).toEqual(
      [
        [created.linkId, 'active'],
        [custom.linkId, 'active'],
      ].sort(),
    );
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(custom.token);
  });

  it('refuses links beyond 14 days, for other roles, other practices and non-diagnostic blocks', async () => {
    const { procedureId } = await seed();
    const long = await t.call(coordinator, 'POST', `/api/v1/procedures/${procedureId}/diary-links`, {
      expiresInHours: 337,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.issues[0].path).toBe('body.expiresInHours');
    const admin = await t.signIn(0, 'admin');
    expect(
      (await t.call(admin, 'POST', `/api/v1/procedures/${procedureId}/diary-links`, {})).statusCode,
    ).toBe(403);
    expect((await t.call(null, 'POST', `/api/v1/procedures/${procedureId}/diary-links`, {})).statusCode).toBe(
      401,
    );
    const foreign = await t.call(
      otherCoordinator,
      'POST',
      `/api/v1/procedures/${procedureId}/diary-links`,
      {},
    );
    const unknown = await t.call(
      otherCoordinator,
      'POST',
      '/api/v1/procedures/00000000-0000-4000-8000-000000000000/diary-links',
      {},
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toBe(unknown.json().error.message);
    expect(
      (await t.call(otherCoordinator, 'GET', `/api/v1/procedures/${procedureId}/diary-links`)).statusCode,
    ).toBe(404);
    for (const over of [
      { kind: 'rfa', intent: 'therapeutic' },
      { intent: 'therapeutic' },
      { status: 'cancelled' },
    ]) {
      const p = await seed(over);
      const res = await t.call(coordinator, 'POST', `/api/v1/procedures/${p.procedureId}/diary-links`, {});
      expect(res.statusCode, JSON.stringify(over)).toBe(409);
    }
    const ia = await seed({ kind: 'intra-articular' });
    expect(
      (await t.call(coordinator, 'POST', `/api/v1/procedures/${ia.procedureId}/diary-links`)).statusCode,
    ).toBe(201);
  });

  it('refuses a diary link and a staff diary entry alike (409) for a procedure that takes no diary', async () => {
    const ask = async (procedureId: string, key: string) => ({
      link: await t.call(coordinator, 'POST', `/api/v1/procedures/${procedureId}/diary-links`, {}),
      entry: await t.call(
        coordinator,
        'POST',
        `/api/v1/procedures/${procedureId}/diary-entries`,
        entry(30, 2, key),
      ),
    });
    for (const over of [
      { kind: 'intra-articular', intent: 'therapeutic' },
      { kind: 'mbb', intent: 'therapeutic' },
      { kind: 'rfa', intent: 'therapeutic' },
      { status: 'cancelled' as const },
    ]) {
      const p = await seed(over);
      const { link: l, entry: e } = await ask(p.procedureId, `no-diary-${p.procedureId}`);
      const what = JSON.stringify(over);
      expect(l.statusCode, what).toBe(409);
      expect(e.statusCode, what).toBe(409);
      expect(e.json().error.code, what).toBe(l.json().error.code);
      expect(e.json().error.message, what).toBe(l.json().error.message);
      expect(
        await t.svc.database.query('SELECT id FROM diary_entries WHERE procedure_id = $1', [p.procedureId]),
      ).toHaveLength(0);
    }
    for (const over of [{}, { kind: 'intra-articular' }, { status: 'planned' as const }]) {
      const p = await seed(over);
      const { link: l, entry: e } = await ask(p.procedureId, `diary-${p.procedureId}`);
      expect(l.statusCode, JSON.stringify(over)).toBe(201);
      expect(e.statusCode, JSON.stringify(over)).toBe(201);
    }
  });

  it('closes a handed-out diary (410) when its block is changed to a therapeutic one', async () => {
    const { procedureId } = await seed();
    const { token } = await link(procedureId);
    await t.svc.database.query("UPDATE procedures SET intent = 'therapeutic' WHERE id = $1", [procedureId]);
    const closed = await t.call(null, 'GET', `/api/v1/diary/${token}`);
    expect(closed.statusCode).toBe(410);
    expect(closed.json().error.message).toMatch(/closed/);
  });

  it('opens the diary with the given name only, the default schedule and what is filled', async () => {
    const { procedureId } = await seed();
    const { token, expiresAt } = await link(procedureId);
    expect((await t.call(null, 'POST', `/api/v1/diary/${token}/entries`, entry(30, 2))).statusCode).toBe(201);
    const res = await t.call(null, 'GET', `/api/v1/diary/${token}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.procedure).toEqual({
      date: '2026-03-02',
      kind: 'mbb',
      region: 'lumbar',
      joints: [
        { joint: 'L4-L5', side: 'bilateral' },
        { joint: 'L5-S1', side: 'bilateral' },
      ],
    });
    expect(d.patient).toEqual({ givenName: 'Rosa' });
    // The practice's public site, for "would you recommend us?" once the diary is done.
    expect(d.practice.name).toBe('North Spine');
    const site = await t.call(null, 'GET', `/api/v1/public/practices/${d.practice.slug}`);
    expect(site.json().name).toBe('North Spine');
    expect(res.body).not.toContain('Delgado-Whitfield');
    expect(res.body).not.toContain('1957-09-21');
    expect(d.preScore).toEqual({ scale: 'NRS', score: 8 });
    expect(d.schedule).toHaveLength(12);
    expect(d.schedule[0]).toEqual({ label: 'pre-block', minutesAfter: null, filled: true });
    expect(
      d.schedule.filter((s: { filled: boolean }) => s.filled).map((s: { label: string }) => s.label),
    ).toEqual(['pre-block', '30 min']);
    expect(d.entries).toHaveLength(1);
    expect(d.entries[0]).toMatchObject({ minutesAfter: 30, score: 2, source: 'patient' });
    expect(d.nextDueMinutes).toBe(60);
    expect(d.expiresAt).toBe(expiresAt);
  });

  it('records entries idempotently: same key → the original (200), same time with another key → 409', async () => {
    const { procedureId } = await seed();
    const { token } = await link(procedureId);
    const url = `/api/v1/diary/${token}/entries`;
    const first = await t.call(null, 'POST', url, {
      ...entry(60, 3, 'idem-key-0001'),
      activity: 'walking',
      rescueMedication: false,
    });
    expect(first.statusCode).toBe(201);
    const again = await t.call(null, 'POST', url, { ...entry(60, 3, 'idem-key-0001'), activity: 'walking' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const clash = await t.call(null, 'POST', url, entry(60, 5, 'idem-key-0002'));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.issues[0].path).toBe('body.minutesAfter');
    const rows = await t.svc.database.query('SELECT id FROM diary_entries WHERE procedure_id = $1', [
      procedureId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('settles concurrent duplicates of one key to a single entry', async () => {
    const { procedureId } = await seed();
    const { token } = await link(procedureId);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.call(null, 'POST', `/api/v1/diary/${token}/entries`, entry(120, 4, 'same-key-xyz')),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const rows = await t.svc.database.query('SELECT id FROM diary_entries WHERE procedure_id = $1', [
      procedureId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('validates entries with the path of each problem and never answers 500', async () => {
    const { procedureId } = await seed();
    const { token } = await link(procedureId);
    const url = `/api/v1/diary/${token}/entries`;
    const cases: [unknown, string][] = [
      [{ ...entry(15, 11) }, 'body.score'],
      [{ ...entry(15, 7.5) }, 'body.score'],
      [{ ...entry(-1, 2) }, 'body.minutesAfter'],
      [{ ...entry(15.5, 2) }, 'body.minutesAfter'],
      [{ ...entry(15, 2), idempotencyKey: 'short' }, 'body.idempotencyKey'],
      [{ ...entry(15, 2), idempotencyKey: 'x'.repeat(101) }, 'body.idempotencyKey'],
      [{ ...entry(15, 2), activity: 'a'.repeat(201) }, 'body.activity'],
      [{ ...entry(15, 2), extra: true }, 'body'],
      [{ score: 2, idempotencyKey: 'abcdefgh' }, 'body.minutesAfter'],
    ];
    for (const [body, path] of cases) {
      const res = await t.call(null, 'POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    for (const raw of ['', 'null', '[]', '{"minutesAfter":', '"x"', '{"minutesAfter":1e999}']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: raw,
      });
      expect(res.statusCode, raw).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, raw).toBeLessThan(500);
    }
    expect(
      await t.svc.database.query('SELECT id FROM diary_entries WHERE procedure_id = $1', [procedureId]),
    ).toHaveLength(0);
  });

  it('answers unknown and malformed tokens alike (404); revoked and expired links 410', async () => {
    const { procedureId } = await seed();
    const { token, linkId } = await link(procedureId);
    const unknown = await t.call(null, 'GET', `/api/v1/diary/${'A'.repeat(43)}`);
    const malformed = await t.call(null, 'GET', '/api/v1/diary/not%20a%20token');
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json().error.message).toBe(unknown.json().error.message);
    expect(
      (await t.call(null, 'POST', `/api/v1/diary/${'A'.repeat(43)}/entries`, entry(15, 1))).statusCode,
    ).toBe(404);

    t.setNow(new Date(NOW.getTime() + 72 * 3_600_000 - 1));
    expect((await t.call(null, 'GET', `/api/v1/diary/${token}`)).statusCode).toBe(200);
    t.setNow(new Date(NOW.getTime() + 72 * 3_600_000));
    const expired = await t.call(null, 'GET', `/api/v1/diary/${token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.message).toMatch(/expired/);
    t.setNow(NOW);

    expect((await t.call(otherCoordinator, 'DELETE', `/api/v1/diary-links/${linkId}`)).statusCode).toBe(404);
    expect((await t.call(null, 'GET', `/api/v1/diary/${token}`)).statusCode).toBe(200);
    const revoked = await t.call(coordinator, 'DELETE', `/api/v1/diary-links/${linkId}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: linkId, status: 'revoked', revokedAt: NOW.toISOString() });
    const gone = await t.call(null, 'POST', `/api/v1/diary/${token}/entries`, entry(15, 1));
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.message).toMatch(/withdrawn/);
    expect((await t.call(coordinator, 'DELETE', `/api/v1/diary-links/${linkId}`)).json().status).toBe(
      'revoked',
    );
  });

  it('closes the diary (410) when its procedure is cancelled after the link was made', async () => {
    const { procedureId } = await seed();
    const { token } = await link(procedureId);
    expect((await t.call(null, 'GET', `/api/v1/diary/${token}`)).statusCode).toBe(200);
    await t.svc.database.query("UPDATE procedures SET status = 'cancelled' WHERE id = $1", [procedureId]);
    const closed = await t.call(null, 'POST', `/api/v1/diary/${token}/entries`, entry(15, 1));
    expect(closed.statusCode).toBe(410);
    expect(closed.json().error.message).toMatch(/closed/);
  });

  it('scopes a link to its one procedure', async () => {
    const a = await seed();
    const b = await seed();
    const { token } = await link(a.procedureId);
    await t.call(null, 'POST', `/api/v1/diary/${token}/entries`, entry(15, 3, 'scope-key-1'));
    const inB = await t.svc.database.query('SELECT id FROM diary_entries WHERE procedure_id = $1', [
      b.procedureId,
    ]);
    const inA = await t.svc.database.query<{ practice_id: string }>(
      'SELECT practice_id FROM diary_entries WHERE procedure_id = $1',
      [a.procedureId],
    );
    expect(inB).toHaveLength(0);
    expect(inA).toEqual([{ practice_id: t.practices[0]!.id }]);
  });

  it('audits as the patient link, in an intact chain', async () => {
    const { procedureId, patientId } = await seed();
    const { token, linkId } = await link(procedureId);
    await t.call(null, 'POST', `/api/v1/diary/${token}/entries`, entry(15, 3, 'audit-key-1'));
    await t.call(null, 'POST', `/api/v1/diary/${token}/entries`, entry(15, 3, 'audit-key-1'));
    await t.call(null, 'GET', `/api/v1/diary/${token}`);
    const events = await t.svc.database.query<Record<string, string>>(
      'SELECT actor_type, actor_id, action, entity, practice_id FROM audit_events WHERE patient_id = $1 ORDER BY seq',
      [patientId],
    );
    const practiceId = t.practices[0]!.id;
    expect(events).toEqual([
      {
        actor_type: 'user',
        actor_id: coordinator.userId,
        action: 'create',
        entity: 'diary-link',
        practice_id: practiceId,
      },
      {
        actor_type: 'patient-link',
        actor_id: linkId,
        action: 'create',
        entity: 'diary-entry',
        practice_id: practiceId,
      },
      {
        actor_type: 'patient-link',
        actor_id: linkId,
        action: 'read',
        entity: 'diary-entry',
        practice_id: practiceId,
      },
      {
        actor_type: 'patient-link',
        actor_id: linkId,
        action: 'read',
        entity: 'diary',
        practice_id: practiceId,
      },
    ]);
    expect((await verifyAuditChain(t.svc.database.db)).ok).toBe(true);
  });

  it('keeps tokens out of the logs', async () => {
    expect(redactUrl('/api/v1/diary/abc_DEF-123/entries?x=1')).toBe('/api/v1/diary/[token]/entries');
    const { procedureId } = await seed();
    const { token } = await link(procedureId);
    let log = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        log += chunk.toString();
        done();
      },
    });
    const app = await buildServer(t.svc, { logger: { level: 'info', stream } });
    try {
      for (const url of [`/api/v1/diary/${token}`, `/api/v1/diary/${'B'.repeat(43)}`]) {
        await app.inject({ method: 'GET', url });
      }
      await app.inject({
        method: 'POST',
        url: `/api/v1/diary/${token}/entries`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(entry(15, 2, 'log-key-01')),
      });
    } finally {
      await app.close();
    }
    expect(log).toContain('/api/v1/diary/[token]/entries');
    expect(log).not.toContain(token);
    expect(log).not.toContain('B'.repeat(43));
    expect(log).not.toContain('Rosa');
  });
});
