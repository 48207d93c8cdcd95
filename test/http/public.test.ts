import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { insertLocation } from '../../src/store/practices.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases)('public endpoints over HTTP on $name', (db) => {
  let t: TestApp;
  let slug: string;
  let otherSlug: string;
  let main: string;
  let second: string;
  let closed: string;
  let foreign: string;
  let ip = 0;
  /** Each test its own client address, so the per-IP limits only meet the test that is about them. */
  const client = () => `10.0.${Math.floor(++ip / 250)}.${ip % 250}`;

  beforeAll(async () => {
    t = await startTestApp(db);
    const rows = await t.svc.database.query<{ id: string; slug: string }>(
      'SELECT id, slug FROM practices WHERE id = ANY($1::uuid[])',
      [t.practices.map((p) => p.id)],
    );
    slug = rows.find((r) => r.id === t.practices[0]!.id)!.slug;
    otherSlug = rows.find((r) => r.id === t.practices[1]!.id)!.slug;
    const loc = (practiceId: string, name: string, active = true) =>
      insertLocation(t.svc.database.db, {
        id: crypto.randomUUID(),
        practiceId,
        name,
        address: `${name} Street 1`,
        phone: '+1 555 010 0101',
        state: 'IL',
        rooms: ['Room 1', 'C-arm suite'],
        active,
      }).then((r) => r.id);
    main = await loc(t.practices[0]!.id, 'Downtown');
    second = await loc(t.practices[0]!.id, 'Eastside');
    closed = await loc(t.practices[0]!.id, 'Old clinic', false);
    foreign = await loc(t.practices[1]!.id, 'Elsewhere');
  }, 60_000);
  afterAll(() => t?.close());

  const get = (url: string, remoteAddress = client()) => t.app.inject({ method: 'GET', url, remoteAddress });
  const post = (url: string, body: unknown, remoteAddress = client()) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const request = () => ({
    answers: {
      painArea: 'low-back',
      duration: '>6 months',
      worseWithMovement: true,
      radiation: 'above-knee',
      treatmentsTried: ['physical-therapy', 'medication'],
      imaging: 'mri',
      redFlags: ['none'],
    },
    locationId: main,
    preferredTimes: 'Tuesday or Thursday mornings',
    contact: {
      givenName: 'Marta',
      familyName: 'Ruiz',
      phone: '+1 555 010 0177',
      email: 'marta@example.org',
      birthDate: '1962-11-03',
    },
    insurance: { kind: 'medicare', payerName: 'Medicare', memberId: '1EG4-TE5-MK72' },
    language: 'es',
  });
  const screeningUrl = () => `/api/v1/public/practices/${slug}/screening-requests`;
  const count = async () => (await t.svc.database.query('SELECT id FROM screening_requests')).length;

  it("shows a practice's name and active locations, and nothing else", async () => {
    const res = await get(`/api/v1/public/practices/${slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: 'North Spine',
      locations: [
        { id: main, name: 'Downtown', address: 'Downtown Street 1', phone: '+1 555 010 0101' },
        { id: second, name: 'Eastside', address: 'Eastside Street 1', phone: '+1 555 010 0101' },
      ],
    });
    expect(res.body).not.toContain(closed);
    expect(res.body).not.toContain('C-arm');
  });

  it('answers an unknown practice 404 and a malformed slug 400', async () => {
    const unknown = await get('/api/v1/public/practices/no-such-practice');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('practice not found');
    expect(
      (await post('/api/v1/public/practices/no-such-practice/screening-requests', request())).statusCode,
    ).toBe(404);
    const bad = await get('/api/v1/public/practices/Not_A_Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('params.slug');
  });

  it('stores a screening request as new and answers with a non-diagnostic assessment', async () => {
    const res = await post(screeningUrl(), request());
    expect(res.statusCode).toBe(201);
    const { id, assessment } = res.json();
    expect(assessment).toEqual({
      result: 'likely-candidate',
      reasons: ['CHRONIC_PAIN', 'MOVEMENT_RELATED', 'AXIAL_PAIN', 'CONSERVATIVE_CARE_TRIED'],
      notADiagnosis: true,
    });
    const [row] = await t.svc.database.query<Record<string, unknown>>(
      'SELECT practice_id, location_id, status, language, answers, contact, insurance, patient_id FROM screening_requests WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({
      practice_id: t.practices[0]!.id,
      location_id: main,
      status: 'new',
      language: 'es',
      patient_id: null,
      contact: request().contact,
      insurance: request().insurance,
    });
    expect(row!.answers).toMatchObject({
      ...request().answers,
      preferredTimes: 'Tuesday or Thursday mornings',
      assessment: { result: 'likely-candidate' },
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
        entity: 'screening-request',
        practice_id: t.practices[0]!.id,
        patient_id: null,
      },
    ]);
    expect((await verifyAuditChain(t.svc.database.db)).ok).toBe(true);
  });

  it('sends a red flag to a doctor first; optional parts may be left out', async () => {
    const { insurance: _i, preferredTimes: _p, ...rest } = request();
    const res = await post(screeningUrl(), {
      ...rest,
      language: undefined,
      contact: { givenName: 'Lee', familyName: 'Park', phone: '555 010 0188' },
      answers: { ...rest.answers, redFlags: ['bladder-bowel'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().assessment).toEqual({
      result: 'see-doctor-first',
      reasons: ['RED_FLAG_BLADDER_BOWEL'],
      notADiagnosis: true,
    });
    const [row] = await t.svc.database.query<Record<string, unknown>>(
      'SELECT insurance, language FROM screening_requests WHERE id = $1',
      [res.json().id],
    );
    expect(row).toEqual({ insurance: null, language: 'en' });
  });

  it("refuses another practice's or a closed location, naming body.locationId, and stores nothing", async () => {
    const before = await count();
    for (const locationId of [foreign, closed, '00000000-0000-4000-8000-000000000000']) {
      const res = await post(screeningUrl(), { ...request(), locationId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.locationId']);
    }
    // …and a location of this practice submitted to the other practice's page
    const wrongPage = await post(`/api/v1/public/practices/${otherSlug}/screening-requests`, request());
    expect(wrongPage.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('rejects bad answers with the path of each problem', async () => {
    const before = await count();
    const r = request();
    const cases: [unknown, string][] = [
      [{ ...r, answers: { ...r.answers, painArea: 'knee' } }, 'body.answers.painArea'],
      [{ ...r, answers: { ...r.answers, duration: '2 years' } }, 'body.answers.duration'],
      [{ ...r, answers: { ...r.answers, redFlags: ['none', 'fever'] } }, 'body.answers.redFlags'],
      [{ ...r, answers: { ...r.answers, redFlags: [] } }, 'body.answers.redFlags'],
      [
        { ...r, answers: { ...r.answers, treatmentsTried: ['surgery', 'surgery'] } },
        'body.answers.treatmentsTried',
      ],
      [{ ...r, answers: { ...r.answers, imaging: 'pet' } }, 'body.answers.imaging'],
      [{ ...r, answers: { ...r.answers, worseWithMovement: 'yes' } }, 'body.answers.worseWithMovement'],
      [{ ...r, answers: { ...r.answers, diagnosis: 'facet' } }, 'body.answers'],
      [{ ...r, preferredTimes: 'x'.repeat(201) }, 'body.preferredTimes'],
      [{ ...r, locationId: 'downtown' }, 'body.locationId'],
      [{ ...r, contact: { ...r.contact, phone: 'call me' } }, 'body.contact.phone'],
      [{ ...r, contact: { ...r.contact, givenName: 'x'.repeat(101) } }, 'body.contact.givenName'],
      [{ ...r, contact: { ...r.contact, email: 'not-an-email' } }, 'body.contact.email'],
      [{ ...r, contact: { ...r.contact, birthDate: '1962-02-30' } }, 'body.contact.birthDate'],
      [{ ...r, contact: { ...r.contact, birthDate: '2030-01-01' } }, 'body.contact.birthDate'],
      [{ ...r, insurance: { kind: 'tricare' } }, 'body.insurance.kind'],
      [{ ...r, language: 'fr' }, 'body.language'],
      [{ ...r, patientId: '00000000-0000-4000-8000-000000000000' }, 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await post(screeningUrl(), body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(
        res.json().error.issues.map((i: { path: string }) => i.path),
        path,
      ).toContain(path);
    }
    expect(await count()).toBe(before);
  });

  it('never answers 500 to any input', async () => {
    const paths = [
      () => screeningUrl(),
      () => `/api/v1/public/practices/${encodeURIComponent('\u0000%')}/screening-requests`,
      () => `/api/v1/public/practices/${'a'.repeat(300)}/screening-requests`,
    ];
    const r = Object.fromEntries(Object.entries(request()).map(([k, v]) => [k, fc.constant(v)]));
    const body = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.record({ ...r, answers: fc.dictionary(fc.string(), fc.jsonValue()) }),
      fc.record({ ...r, contact: fc.jsonValue() }),
      fc.record({ ...r, locationId: fc.oneof(fc.uuid(), fc.string()) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), body, async (path, b) => {
        const res = await post(path(), b);
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.statusCode).not.toBe(429);
      }),
      { numRuns: 60 },
    );
  });

  it('limits submissions per client address', async () => {
    const ip = client();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(screeningUrl(), { answers: {} }, ip)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    const limited = await post(screeningUrl(), request(), ip);
    expect(statuses[10]).toBe(429);
    expect(limited.statusCode).toBe(429);
    expect((await post(screeningUrl(), request(), client())).statusCode).toBe(201);
  });
});
