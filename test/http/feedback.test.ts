/** "Would you recommend us?" over HTTP: the public answer, its validation and limits, and the admins' summary. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice } from '../../src/app/admin/create-practice.js';
import { buildServer } from '../../src/http/server.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { insertLocation } from '../../src/store/practices.js';
import { PASSWORD, type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { seedProcedure } from './diary-fixtures.js';

describe.each(testDatabases)('"would you recommend us?" over HTTP on $name', (db) => {
  let t: TestApp;
  let slugA: string;
  let slugB: string;
  let locA: string;
  let closedA: string;
  let locB: string;
  let procedureA: { procedureId: string; patientId: string };
  let tokenA: string;
  let revokedTokenA: string;
  let tokenB: string;
  let s: { adminA: Session; physicianA: Session; coordinatorA: Session; adminB: Session };
  let ip = 0;
  /** Each request its own client address, so the per-IP limit only meets the test that is about it. */
  const client = () => `10.1.${Math.floor(++ip / 250)}.${ip % 250}`;

  const post = (slug: string, body: unknown, remoteAddress = client()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/public/practices/${slug}/feedback`,
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const rows = () =>
    t.svc.database.query<Record<string, unknown>>(
      'SELECT id, practice_id, location_id, score, comment, language, diary_link_id, procedure_id FROM feedback ORDER BY created_at, id',
    );
  const summary = (session: Session | null, query = '') =>
    t.call(session, 'GET', `/api/v1/feedback/summary${query}`);

  beforeAll(async () => {
    t = await startTestApp(db);
    const slugs = await t.svc.database.query<{ id: string; slug: string }>(
      'SELECT id, slug FROM practices WHERE id = ANY($1::uuid[])',
      [t.practices.map((p) => p.id)],
    );
    slugA = slugs.find((r) => r.id === t.practices[0]!.id)!.slug;
    slugB = slugs.find((r) => r.id === t.practices[1]!.id)!.slug;
    s = {
      adminA: await t.signIn(0, 'admin'),
      physicianA: await t.signIn(0, 'physician'),
      coordinatorA: await t.signIn(0, 'coordinator'),
      adminB: await t.signIn(1, 'admin'),
    };
    const a = await seedProcedure(t.svc.database, t.practices[0]!.id);
    const b = await seedProcedure(t.svc.database, t.practices[1]!.id);
    procedureA = a;
    locA = a.locationId;
    locB = b.locationId;
    closedA = (
      await insertLocation(t.svc.database.db, {
        id: randomUUID(),
        practiceId: t.practices[0]!.id,
        name: 'Old clinic',
        address: '9 Closed Road',
        phone: '+1 555 010 0109',
        state: 'IL',
        active: false,
      })
    ).id;
    const link = async (session: Session, procedureId: string) => {
      const res = await t.call(session, 'POST', `/api/v1/procedures/${procedureId}/diary-links`, {});
      expect(res.statusCode).toBe(201);
      return res.json() as { linkId: string; token: string };
    };
    tokenA = (await link(s.coordinatorA, a.procedureId)).token;
    const revoked = await link(s.coordinatorA, a.procedureId);
    revokedTokenA = revoked.token;
    expect((await t.call(s.coordinatorA, 'DELETE', `/api/v1/diary-links/${revoked.linkId}`)).statusCode).toBe(
      200,
    );
    tokenB = (await link(await t.signIn(1, 'coordinator'), b.procedureId)).token;
  }, 120_000);
  afterAll(() => t?.close());

  it('stores an anonymous answer with its clinic and language (201), audited without a patient', async () => {
    const res = await post(slugA, {
      score: 9,
      comment: '  Friendly front desk.  ',
      locationId: locA,
      language: 'es',
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const [row] = (await rows()).filter((r) => r.id === id);
    expect(row).toEqual({
      id,
      practice_id: t.practices[0]!.id,
      location_id: locA,
      score: 9,
      comment: 'Friendly front desk.',
      language: 'es',
      diary_link_id: null,
      procedure_id: null,
    });
    const events = await t.svc.database.query<Record<string, unknown>>(
      'SELECT actor_type, actor_id, action, entity, practice_id, patient_id FROM audit_events WHERE entity_id = $1',
      [id],
    );
    expect(events).toEqual([
      {
        actor_type: 'public',
        actor_id: null,
        action: 'create',
        entity: 'feedback',
        practice_id: t.practices[0]!.id,
        patient_id: null,
      },
    ]);
  });

  it('needs only the score: no comment, no clinic, English by default; a blank comment is no comment', async () => {
    const bare = await post(slugA, { score: 0 });
    expect(bare.statusCode).toBe(201);
    const blank = await post(slugA, { score: 10, comment: '   ' });
    expect(blank.statusCode).toBe(201);
    const all = await rows();
    const stored = [bare, blank].map((res) => all.find((r) => r.id === res.json().id)!);
    expect(stored.map((r) => [r.score, r.comment, r.location_id, r.language])).toEqual([
      [0, null, null, 'en'],
      [10, null, null, 'en'],
    ]);
  });

  it("links an answer sent with the patient's diary token to the procedure, audited with the patient", async () => {
    const res = await post(slugA, { score: 8, comment: 'Clear instructions.', diaryToken: tokenA });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const [row] = (await rows()).filter((r) => r.id === id);
    expect(row).toMatchObject({ procedure_id: procedureA.procedureId, location_id: null });
    expect(row!.diary_link_id).toEqual(expect.any(String));
    const [event] = await t.svc.database.query<Record<string, unknown>>(
      'SELECT actor_type, actor_id, action, entity, patient_id FROM audit_events WHERE entity_id = $1',
      [id],
    );
    expect(event).toEqual({
      actor_type: 'patient-link',
      actor_id: row!.diary_link_id,
      action: 'create',
      entity: 'feedback',
      patient_id: procedureA.patientId,
    });
    // The admin reading the comment reads patient-linked data: audited with the patient, who stays unnamed.
    const read = await summary(s.adminA, '?limit=100');
    expect(read.statusCode).toBe(200);
    const shown = read.json().comments.items.find((c: { id: string }) => c.id === id);
    expect(shown).toMatchObject({ comment: 'Clear instructions.', fromDiary: true, score: 8 });
    expect(read.body).not.toContain(procedureA.patientId);
    expect(read.body).not.toContain(procedureA.procedureId);
    const reads = await t.svc.database.query<Record<string, unknown>>(
      "SELECT actor_type, patient_id FROM audit_events WHERE entity_id = $1 AND action = 'read'",
      [id],
    );
    expect(reads).toEqual([{ actor_type: 'user', patient_id: procedureA.patientId }]);
    expect((await verifyAuditChain(t.svc.database.db)).ok).toBe(true);
  });

  it("refuses an unknown, withdrawn or another practice's diary token (400 naming body.diaryToken), storing nothing", async () => {
    const before = (await rows()).length;
    const unknown = await post(slugA, { score: 5, diaryToken: 'x'.repeat(43) });
    const foreign = await post(slugA, { score: 5, diaryToken: tokenB });
    const revoked = await post(slugA, { score: 5, diaryToken: revokedTokenA });
    for (const res of [unknown, foreign, revoked]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.diaryToken']);
    }
    // Another practice's token answers exactly like an unknown one.
    expect(foreign.json().error.message).toBe(unknown.json().error.message);
    expect(revoked.json().error.issues[0].message).toBe(
      'this diary link has expired or been withdrawn; send your answer without it',
    );
    // A's token on B's page does not link B's answer to A's patient.
    const crossed = await post(slugB, { score: 5, diaryToken: tokenA });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().error.message).toBe(unknown.json().error.message);
    expect((await rows()).length).toBe(before);
  });

  it.each([
    ['score 11', { score: 11 }, 'body.score'],
    ['score 4.5', { score: 4.5 }, 'body.score'],
    ['score -1', { score: -1 }, 'body.score'],
    ['score "9" (text)', { score: '9' }, 'body.score'],
    ['no score', { comment: 'Nice people' }, 'body.score'],
    ['a comment of 1001 characters', { score: 7, comment: 'a'.repeat(1001) }, 'body.comment'],
    ['a location id that is not a UUID', { score: 7, locationId: 'downtown' }, 'body.locationId'],
    ['a language other than en/es', { score: 7, language: 'fr' }, 'body.language'],
  ])('answers 400 naming the path for %s, storing nothing', async (_what, body, path) => {
    const before = (await rows()).length;
    const res = await post(slugA, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect((await rows()).length).toBe(before);
  });

  it('accepts a comment of exactly 1000 characters', async () => {
    const res = await post(slugA, { score: 7, comment: 'é'.repeat(1000) });
    expect(res.statusCode).toBe(201);
  });

  it("refuses another practice's location, and a closed one, like an unknown one (400 body.locationId)", async () => {
    const before = (await rows()).length;
    for (const locationId of [locB, closedA, randomUUID()]) {
      const res = await post(slugA, { score: 9, locationId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toEqual([
        { path: 'body.locationId', message: 'not a location of this practice' },
      ]);
    }
    expect((await rows()).length).toBe(before);
  });

  it('answers an unknown practice 404 and a malformed slug 400', async () => {
    const unknown = await post('no-such-practice', { score: 9 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('practice not found');
    const bad = await post('Not_A_Slug', { score: 9 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('params.slug');
  });

  it('limits one client to 10 answers a minute (429), other clients unaffected', async () => {
    const address = '10.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(slugA, { score: 7 }, address)).statusCode);
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    const limited = await post(slugA, { score: 7 }, address);
    expect(limited.json().error.code).toEqual(expect.any(String));
    expect((await post(slugA, { score: 7 })).statusCode).toBe(201);
  });

  it('never logs the comment, whether it is stored or refused', async () => {
    const lines: string[] = [];
    const app = await buildServer(t.svc, {
      web: false,
      logger: { level: 'trace', stream: { write: (l: string) => lines.push(l) } },
    });
    const marker = `Dr Zed ${randomUUID()}`;
    const send = (body: unknown) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/public/practices/${slugA}/feedback`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    expect((await send({ score: 3, comment: marker })).statusCode).toBe(201);
    expect((await send({ score: 3, comment: `${marker} ${'x'.repeat(1000)}` })).statusCode).toBe(400);
    expect((await send({ score: 11, comment: marker })).statusCode).toBe(400);
    expect((await send({ score: 3, comment: marker, diaryToken: 'nope' })).statusCode).toBe(400);
    await app.close();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('Dr Zed');
  });

  describe('the summary', () => {
    let c: { admin: Session; slug: string; downtown: string; eastside: string };

    beforeAll(async () => {
      // A practice of its own, so every number below is computed by hand from the answers sent here.
      const tag = randomUUID().slice(0, 8);
      const email = `admin.${tag}@example.org`;
      const { practiceId } = await createPractice(t.svc, {
        name: 'West Spine',
        slug: `w-${tag}`,
        staff: [{ email, name: 'Admin W', role: 'admin', password: PASSWORD }],
      });
      const loc = async (name: string) =>
        (
          await insertLocation(t.svc.database.db, {
            id: randomUUID(),
            practiceId,
            name,
            address: `${name} Street 1`,
            phone: '+1 555 010 0101',
            state: 'IL',
          })
        ).id;
      const downtown = await loc('Downtown');
      const eastside = await loc('Eastside');
      const signIn = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: PASSWORD },
      });
      expect(signIn.statusCode).toBe(200);
      const admin: Session = {
        cookie: `fp_session=${signIn.cookies.find((k) => k.name === 'fp_session')!.value}`,
        csrf: signIn.json().csrfToken,
        userId: '',
        practiceId,
      };
      c = { admin, slug: `w-${tag}`, downtown, eastside };
      // Ten answers, a minute apart: Downtown 10 9 9 7 3 · Eastside 6 0 8 · no clinic given 10 9.
      const answers: [number, string | undefined, string | undefined][] = [
        [10, downtown, 'Everyone was kind.'],
        [9, downtown, undefined],
        [9, downtown, undefined],
        [7, downtown, 'Parking was hard to find.'],
        [3, downtown, undefined],
        [6, eastside, 'Long wait before the procedure.'],
        [0, eastside, undefined],
        [8, eastside, undefined],
        [10, undefined, undefined],
        [9, undefined, 'Dr. Chen explained every step.'],
      ];
      for (const [i, [score, locationId, comment]] of answers.entries()) {
        t.setNow(new Date(Date.UTC(2026, 2, 2, 15, 1 + i)));
        const res = await post(c.slug, { score, locationId, comment });
        expect(res.statusCode).toBe(201);
      }
      t.setNow(new Date('2026-03-02T15:20:00Z'));
    }, 120_000);

    it('counts every answer, computes the NPS, per location too, and pages the latest comments', async () => {
      const res = await summary(c.admin, '?limit=2');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      // 10 answers: promoters 10 9 9 10 9 = 5, passives 7 8 = 2, detractors 3 6 0 = 3 → (5 − 3) / 10 = 20.
      expect(body).toMatchObject({ total: 10, promoters: 5, passives: 2, detractors: 3, nps: 20 });
      expect(body.scores).toEqual([1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2]);
      expect(body.byLocation).toEqual([
        // Downtown 10 9 9 7 3: (3 − 1) / 5 = 40.
        {
          locationId: c.downtown,
          name: 'Downtown',
          total: 5,
          promoters: 3,
          passives: 1,
          detractors: 1,
          nps: 40,
        },
        // Eastside 6 0 8: (0 − 2) / 3 = −66.7 → −67.
        {
          locationId: c.eastside,
          name: 'Eastside',
          total: 3,
          promoters: 0,
          passives: 1,
          detractors: 2,
          nps: -67,
        },
        // Not said: 10 9 → 100.
        { locationId: null, name: null, total: 2, promoters: 2, passives: 0, detractors: 0, nps: 100 },
      ]);
      expect(body.comments.total).toBe(4);
      expect(body.comments.items.map((i: { comment: string }) => i.comment)).toEqual([
        'Dr. Chen explained every step.',
        'Long wait before the procedure.',
      ]);
      expect(body.comments.items[1]).toMatchObject({
        score: 6,
        language: 'en',
        locationId: c.eastside,
        locationName: 'Eastside',
        fromDiary: false,
        createdAt: '2026-03-02T15:06:00.000Z',
      });
      const next = (await summary(c.admin, '?limit=2&offset=2')).json();
      expect(next.comments.items.map((i: { comment: string }) => i.comment)).toEqual([
        'Parking was hard to find.',
        'Everyone was kind.',
      ]);
      expect(next.comments).toMatchObject({ total: 4, limit: 2, offset: 2 });
    });

    it("shows each practice only its own answers: the others' staff never see them", async () => {
      const b = await summary(s.adminB, '?limit=100');
      expect(b.statusCode).toBe(200);
      for (const text of ['West Spine', 'Dr. Chen explained', 'Everyone was kind', c.downtown, c.eastside]) {
        expect(b.body).not.toContain(text);
      }
      expect(b.json()).toMatchObject({ total: 0, nps: null });
      const a = await summary(s.adminA, '?limit=100');
      expect(a.body).not.toContain('Dr. Chen explained');
      expect(a.json().byLocation.map((l: { locationId: string }) => l.locationId)).not.toContain(c.downtown);
    });

    it('is for admins: physicians and coordinators 403, nobody signed in 401, bad paging 400', async () => {
      expect((await summary(s.physicianA)).statusCode).toBe(403);
      expect((await summary(s.coordinatorA)).statusCode).toBe(403);
      expect((await summary(null)).statusCode).toBe(401);
      const bad = await summary(c.admin, '?limit=0');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues[0].path).toBe('querystring.limit');
    });

    it('answers an empty practice with zero counts and a null NPS', async () => {
      const b = (await summary(s.adminB)).json();
      expect(b).toMatchObject({ total: 0, promoters: 0, passives: 0, detractors: 0, nps: null });
      expect(b.scores).toEqual(Array(11).fill(0));
      expect(b.comments).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
      expect(b.byLocation).toEqual([]);
    });
  });
});
