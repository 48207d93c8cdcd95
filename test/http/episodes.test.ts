import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { insertLocation } from '../../src/store/practices.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const complaint = {
  onset: '2025-06-01',
  axial: true,
  radicular: 'none',
  baseline: { scale: 'NRS', score: 8, date: '2025-12-01' },
  conservativeCare: [{ kind: 'physical-therapy', start: '2025-07-01', end: '2025-10-01', failed: true }],
};

describe.each(testDatabases)('episodes over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  let other: Session;
  let patientId: string;
  let locationId: string;
  let foreignLocationId: string;
  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
    other = await t.signIn(1, 'physician');
    const mk = async (practiceId: string) =>
      (
        await insertLocation(t.svc.database.db, {
          id: randomUUID(),
          practiceId,
          name: 'Main',
          address: '1 Spine Way',
          phone: '+1 555 010 0100',
          state: 'CA',
        })
      ).id;
    locationId = await mk(t.practices[0]!.id);
    foreignLocationId = await mk(t.practices[1]!.id);
    patientId = (
      await t.call(coordinator, 'POST', '/api/v1/patients', {
        givenName: 'Ana',
        familyName: 'Ruiz',
        birthDate: '1956-02-03',
      })
    ).json().id;
  }, 60_000);
  afterAll(() => t?.close());

  it('opens, reads, changes and lists an episode', async () => {
    const created = await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
      region: 'lumbar',
      complaint,
      locationId,
    });
    expect(created.statusCode).toBe(201);
    const ep = created.json();
    expect(ep).toMatchObject({ patientId, region: 'lumbar', status: 'open', locationId, complaint });

    const read = await t.call(physician, 'GET', `/api/v1/episodes/${ep.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: ep.id, complaint, procedures: [] });

    const changed = await t.call(coordinator, 'PATCH', `/api/v1/episodes/${ep.id}`, {
      complaint: { ...complaint, diagnoses: ['M47.816'] },
      status: 'closed',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'closed', complaint: { diagnoses: ['M47.816'] } });

    const list = await t.call(coordinator, 'GET', `/api/v1/patients/${patientId}/episodes`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { id: string }) => e.id)).toContain(ep.id);
  });

  it('names the path of bad input and saves nothing', async () => {
    const before = (await t.call(coordinator, 'GET', `/api/v1/patients/${patientId}/episodes`)).json().items
      .length;
    const res = await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
      region: 'sacral',
      complaint: {
        ...complaint,
        baseline: { scale: 'NRS', score: 7.5, date: '2025-12-01' },
        region: 'lumbar',
      },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('body.region');
    expect(paths).toContain('body.complaint');
    const nrs = await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
      region: 'lumbar',
      complaint: { baseline: { scale: 'NRS', score: 7.5, date: '2025-12-01' } },
    });
    expect(nrs.statusCode).toBe(400);
    expect(nrs.json().error.issues.map((i: { path: string }) => i.path)).toContain(
      'body.complaint.baseline.score',
    );
    const care = await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
      region: 'lumbar',
      complaint: {
        conservativeCare: [{ kind: 'medication', start: '2025-07-01', end: '2025-06-01', failed: true }],
      },
    });
    expect(care.json().error.issues.map((i: { path: string }) => i.path)).toContain(
      'body.complaint.conservativeCare[0].end',
    );
    const foreignLocation = await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
      region: 'lumbar',
      locationId: foreignLocationId,
    });
    expect(foreignLocation.statusCode).toBe(400);
    expect(foreignLocation.json().error.issues[0].path).toBe('body.locationId');
    const after = (await t.call(coordinator, 'GET', `/api/v1/patients/${patientId}/episodes`)).json().items
      .length;
    expect(after).toBe(before);
  });

  it('keeps the description, imaging and baseline activity, and says in words what is too long', async () => {
    const ep = (
      await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, { region: 'lumbar' })
    ).json();
    const facts = {
      ...complaint,
      description: 'Low back ache, worse standing up from a chair',
      baseline: { scale: 'NRS', score: 7, date: '2025-12-01', activity: 'standing from a chair' },
      imaging: [
        { kind: 'mri', date: '2025-09-01', finding: 'L4-L5 facet arthropathy' },
        { kind: 'xray', date: '2025-08-01' },
      ],
    };
    const saved = await t.call(physician, 'PATCH', `/api/v1/episodes/${ep.id}`, { complaint: facts });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().complaint).toEqual(facts);
    expect((await t.call(physician, 'GET', `/api/v1/episodes/${ep.id}`)).json().complaint).toEqual(facts);

    const bad = await t.call(physician, 'PATCH', `/api/v1/episodes/${ep.id}`, {
      complaint: {
        description: 'x'.repeat(2001),
        baseline: { scale: 'NRS', score: 7, date: '2025-12-01', activity: 'y'.repeat(201) },
        imaging: [{ kind: 'pet', date: '2025-09-01' }],
        function: { instrument: 'ODI', score: 140, date: '2025-12-01' },
      },
    });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.issues as { path: string; message: string }[];
    const at = (path: string) => issues.find((i) => i.path === path)?.message;
    expect(at('body.complaint.description')).toBe('the pain description is at most 2000 characters');
    expect(at('body.complaint.baseline.activity')).toBe('the activity is at most 200 characters');
    expect(at('body.complaint.imaging[0].kind')).toMatch(/^expected a kind of imaging: mri, ct/);
    expect(at('body.complaint.function.score')).toBe('a function score is at most 100');
    for (const i of issues) expect(i.message).not.toMatch(/Too big|Invalid|expected string to have/);
    expect((await t.call(physician, 'GET', `/api/v1/episodes/${ep.id}`)).json().complaint).toEqual(facts);
  });

  it("lists one episode's worklist items", async () => {
    await t.call(coordinator, 'PUT', `/api/v1/patients/${patientId}/coverage`, {
      kind: 'medicare',
      state: 'CA',
    });
    const mine = (
      await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, { region: 'cervical' })
    ).json();
    await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, { region: 'thoracic' });
    const res = await t.call(physician, 'GET', `/api/v1/worklist?episodeId=${mine.id}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { episodeId: string; kind: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.episodeId === mine.id)).toBe(true);
    expect(items.map((i) => i.kind)).toContain('missing-information');
  });

  it("answers another practice's ids like unknown ones on every route and changes nothing", async () => {
    const ep = (
      await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, { region: 'cervical' })
    ).json();
    const unknown = randomUUID();
    const countBefore = (await t.call(coordinator, 'GET', `/api/v1/patients/${patientId}/episodes`)).json()
      .items.length;
    for (const [method, url, body] of [
      ['GET', `/api/v1/episodes/${ep.id}`, undefined],
      ['PATCH', `/api/v1/episodes/${ep.id}`, { status: 'closed' }],
      ['GET', `/api/v1/patients/${patientId}/episodes`, undefined],
      ['POST', `/api/v1/patients/${patientId}/episodes`, { region: 'lumbar' }],
    ] as const) {
      const foreign = await t.call(other, method, url, body);
      const none = await t.call(other, method, url.replace(ep.id, unknown).replace(patientId, unknown), body);
      expect(foreign.statusCode, `${method} ${url}`).toBe(404);
      expect(none.statusCode).toBe(404);
      expect(foreign.json().error.message).toBe(none.json().error.message);
    }
    const after = (await t.call(coordinator, 'GET', `/api/v1/episodes/${ep.id}`)).json();
    expect(after.status).toBe('open');
    const list = (await t.call(coordinator, 'GET', `/api/v1/patients/${patientId}/episodes`)).json().items;
    expect(list.length).toBe(countBefore);
  });

  it('refuses the admin role and anonymous callers', async () => {
    const admin = await t.signIn(0, 'admin');
    expect((await t.call(admin, 'GET', `/api/v1/patients/${patientId}/episodes`)).statusCode).toBe(403);
    expect(
      (await t.call(admin, 'POST', `/api/v1/patients/${patientId}/episodes`, { region: 'lumbar' }))
        .statusCode,
    ).toBe(403);
    expect((await t.call(null, 'GET', `/api/v1/patients/${patientId}/episodes`)).statusCode).toBe(401);
  });

  it('audits every read and write of an episode in an intact chain', async () => {
    const p = (
      await t.call(coordinator, 'POST', '/api/v1/patients', {
        givenName: 'Bo',
        familyName: 'Lind',
        birthDate: '1950-01-01',
      })
    ).json().id;
    const ep = (
      await t.call(coordinator, 'POST', `/api/v1/patients/${p}/episodes`, { region: 'lumbar' })
    ).json();
    await t.call(physician, 'GET', `/api/v1/episodes/${ep.id}`);
    await t.call(coordinator, 'PATCH', `/api/v1/episodes/${ep.id}`, { complaint });
    await t.call(coordinator, 'GET', `/api/v1/patients/${p}/episodes`);
    const events = await t.svc.database.query<{ action: string; entity: string; actor_id: string }>(
      "SELECT action, entity, actor_id FROM audit_events WHERE patient_id = $1 AND entity = 'episode' ORDER BY seq",
      [p],
    );
    expect(events.map((e) => e.action)).toEqual(['create', 'read', 'update', 'list']);
    expect(events[1]!.actor_id).toBe(physician.userId);
    expect((await verifyAuditChain(t.svc.database.db)).ok).toBe(true);
  });
});
