import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases)('patients over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let otherCoordinator: Session;
  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    otherCoordinator = await t.signIn(1, 'coordinator');
  }, 60_000);
  afterAll(() => t?.close());

  const alice = { givenName: 'Alice', familyName: 'Moreno', birthDate: '1958-04-12', language: 'es' };

  it('creates, reads, updates and lists a patient', async () => {
    const created = await t.call(coordinator, 'POST', '/api/v1/patients', alice);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const read = await t.call(coordinator, 'GET', `/api/v1/patients/${id}`);
    expect(read.json()).toMatchObject({ ...alice, id, mrn: null });
    const updated = await t.call(coordinator, 'PATCH', `/api/v1/patients/${id}`, {
      phone: '+1 555 010 0199',
    });
    expect(updated.json().phone).toBe('+1 555 010 0199');
    const list = await t.call(coordinator, 'GET', '/api/v1/patients?q=moren&limit=10');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it("answers another practice's patient exactly like an unknown one", async () => {
    const id = (await t.call(coordinator, 'POST', '/api/v1/patients', alice)).json().id;
    const foreign = await t.call(otherCoordinator, 'GET', `/api/v1/patients/${id}`);
    const unknown = await t.call(
      otherCoordinator,
      'GET',
      '/api/v1/patients/00000000-0000-4000-8000-000000000000',
    );
    expect(foreign.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(foreign.json().error.message).toBe(unknown.json().error.message);
    const change = await t.call(otherCoordinator, 'PATCH', `/api/v1/patients/${id}`, { familyName: 'X' });
    expect(change.statusCode).toBe(404);
    expect((await t.call(coordinator, 'GET', `/api/v1/patients/${id}`)).json().familyName).toBe('Moreno');
  });

  it('refuses without a session, without the CSRF header, and for the admin role', async () => {
    expect((await t.call(null, 'GET', '/api/v1/patients')).statusCode).toBe(401);
    const noCsrf = await t.call({ ...coordinator, csrf: 'wrong' }, 'POST', '/api/v1/patients', alice);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF');
    const admin = await t.signIn(0, 'admin');
    expect((await t.call(admin, 'GET', '/api/v1/patients')).statusCode).toBe(403);
  });

  it('rejects bad input with the path and what was expected, and saves nothing', async () => {
    const before = (await t.call(coordinator, 'GET', '/api/v1/patients?limit=200')).json().total;
    const res = await t.call(coordinator, 'POST', '/api/v1/patients', {
      ...alice,
      birthDate: '1958-02-30',
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('body.birthDate');
    expect((await t.call(coordinator, 'GET', '/api/v1/patients?limit=200')).json().total).toBe(before);
  });

  it('audits every read and write in an intact hash chain', async () => {
    const id = (await t.call(coordinator, 'POST', '/api/v1/patients', alice)).json().id;
    await t.call(coordinator, 'GET', `/api/v1/patients/${id}`);
    const events = await t.svc.database.query<{ action: string; actor_id: string }>(
      'SELECT action, actor_id FROM audit_events WHERE patient_id = $1 ORDER BY seq',
      [id],
    );
    expect(events.map((e) => e.action)).toEqual(['create', 'read']);
    expect(events[0]!.actor_id).toBe(coordinator.userId);
    const chain = await verifyAuditChain(t.svc.database.db);
    expect(chain.ok).toBe(true);
    expect(chain.events).toBeGreaterThan(2);
  });
});
