/**
 * Screening requests, staff side, over HTTP on both databases. Requests are inserted through the store (the
 * public form that creates them is another area's); accepting creates the patient (and optionally a first
 * appointment) in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRequest } from '../../src/store/requests.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases)('screening requests over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  let other: Session;
  let locationId: string;
  let otherLocationId: string;

  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
    other = await t.signIn(1, 'coordinator');
    const loc = {
      name: 'Clinic',
      address: '1 A St, Tampa, FL',
      phone: '+1 813 555 0100',
      state: 'FL',
      rooms: ['OR 1'],
    };
    locationId = (await t.call(await t.signIn(0, 'admin'), 'POST', '/api/v1/locations', loc)).json().id;
    otherLocationId = (await t.call(await t.signIn(1, 'admin'), 'POST', '/api/v1/locations', loc)).json().id;
  }, 60_000);
  afterAll(() => t?.close());

  async function newRequest(practice = 0, contact: Record<string, unknown> = {}) {
    const row = await insertRequest(t.svc.database.db, {
      id: randomUUID(),
      practiceId: t.practices[practice]!.id,
      locationId: practice === 0 ? locationId : otherLocationId,
      answers: { axialPain: true, months: 4 },
      contact: {
        givenName: 'Luis',
        familyName: 'Ortega',
        phone: '+1 813 555 0142',
        email: 'luis@example.org',
        birthDate: '1955-09-30',
        ...contact,
      },
      insurance: { kind: 'medicare' },
      language: 'es',
      createdAt: new Date('2026-03-01T10:00:00Z'),
      updatedAt: new Date('2026-03-01T10:00:00Z'),
    });
    return row.id;
  }
  const requestIds = async (s: Session, query = '') =>
    (await t.call(s, 'GET', `/api/v1/requests${query}`)).json().items.map((r: { id: string }) => r.id);
  const patientCount = async () =>
    Number(
      (
        await t.svc.database.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM patients WHERE practice_id = $1',
          [t.practices[0]!.id],
        )
      )[0]!.n,
    );

  it('lists new requests to coordinators and physicians, not to admins or other practices', async () => {
    const id = await newRequest();
    const theirs = await newRequest(1);
    const res = await t.call(physician, 'GET', '/api/v1/requests?status=new');
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.find((r: { id: string }) => r.id === id);
    expect(mine).toMatchObject({
      status: 'new',
      language: 'es',
      locationId,
      contact: { familyName: 'Ortega' },
    });
    expect(await requestIds(coordinator)).not.toContain(theirs);
    expect(await requestIds(other)).toEqual([theirs]);
    expect((await t.call(await t.signIn(0, 'admin'), 'GET', '/api/v1/requests')).statusCode).toBe(403);
    const bad = await t.call(coordinator, 'GET', '/api/v1/requests?status=open');
    expect(bad.json().error.issues[0].path).toBe('querystring.status');
  });

  it('accepts a request: the patient is created from the contact details, with a first appointment', async () => {
    const id = await newRequest();
    const res = await t.call(coordinator, 'POST', `/api/v1/requests/${id}/accept`, {
      mrn: `MRN-${db.name}-1`,
      appointment: {
        physicianId: t.practices[0]!.users.physician.id,
        room: 'OR 1',
        startsAt: '2026-03-10T14:00:00Z',
        minutes: 45,
        purpose: 'consult',
      },
    });
    expect(res.statusCode).toBe(200);
    const { patientId, appointmentId, request } = res.json();
    expect(request).toMatchObject({ status: 'accepted', patientId, decidedBy: coordinator.userId });
    const patient = (await t.call(coordinator, 'GET', `/api/v1/patients/${patientId}`)).json();
    expect(patient).toMatchObject({
      givenName: 'Luis',
      familyName: 'Ortega',
      birthDate: '1955-09-30',
      phone: '+1 813 555 0142',
      email: 'luis@example.org',
      language: 'es',
      mrn: `MRN-${db.name}-1`,
    });
    const appt = (await t.call(coordinator, 'GET', `/api/v1/appointments/${appointmentId}`)).json();
    expect(appt).toMatchObject({ patientId, locationId, room: 'OR 1', purpose: 'consult', status: 'booked' });
    expect(await requestIds(coordinator, '?status=new')).not.toContain(id);
    expect(await requestIds(coordinator, '?status=accepted')).toContain(id);
    const again = await t.call(coordinator, 'POST', `/api/v1/requests/${id}/accept`, {});
    expect(again.statusCode).toBe(409);
    const audit = await t.svc.database.query<{ action: string; entity: string }>(
      'SELECT action, entity FROM audit_events WHERE patient_id = $1 ORDER BY seq',
      [patientId],
    );
    expect(audit.slice(0, 3)).toEqual([
      { action: 'create', entity: 'patient' },
      { action: 'create', entity: 'appointment' },
      { action: 'accept', entity: 'screening-request' },
    ]);
  });

  it('needs a birth date when the contact has none, and saves nothing without it', async () => {
    const id = await newRequest(0, { birthDate: undefined });
    const before = await patientCount();
    const res = await t.call(coordinator, 'POST', `/api/v1/requests/${id}/accept`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.birthDate']);
    expect(await patientCount()).toBe(before);
    const ok = await t.call(coordinator, 'POST', `/api/v1/requests/${id}/accept`, {
      birthDate: '1949-12-31',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().appointmentId).toBeNull();
    expect(await patientCount()).toBe(before + 1);
  });

  it('rolls the whole acceptance back when the appointment cannot be booked', async () => {
    const first = await newRequest();
    const second = await newRequest();
    const slot = { room: 'OR 1', startsAt: '2026-03-11T09:00:00Z', minutes: 30, purpose: 'consult' };
    expect(
      (await t.call(coordinator, 'POST', `/api/v1/requests/${first}/accept`, { appointment: slot }))
        .statusCode,
    ).toBe(200);
    const before = await patientCount();
    const clash = await t.call(coordinator, 'POST', `/api/v1/requests/${second}/accept`, {
      appointment: slot,
    });
    expect(clash.statusCode).toBe(409);
    const badRoom = await t.call(coordinator, 'POST', `/api/v1/requests/${second}/accept`, {
      appointment: { ...slot, room: 'OR 7' },
    });
    expect(badRoom.statusCode).toBe(400);
    expect(badRoom.json().error.issues[0].path).toBe('body.appointment.room');
    const badPurpose = await t.call(coordinator, 'POST', `/api/v1/requests/${second}/accept`, {
      appointment: { ...slot, purpose: 'x' },
    });
    expect(badPurpose.json().error.issues[0].path).toBe('body.appointment.purpose');
    expect(await patientCount()).toBe(before);
    expect(await requestIds(coordinator, '?status=new')).toContain(second);
  });

  it('declines with a reason', async () => {
    const id = await newRequest();
    const missing = await t.call(coordinator, 'POST', `/api/v1/requests/${id}/decline`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toBe('body.reason');
    const res = await t.call(coordinator, 'POST', `/api/v1/requests/${id}/decline`, {
      reason: 'Radicular pain: referred to spine surgery',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      declineReason: 'Radicular pain: referred to spine surgery',
      patientId: null,
      decidedBy: coordinator.userId,
    });
    expect((await t.call(coordinator, 'POST', `/api/v1/requests/${id}/accept`, {})).statusCode).toBe(409);
  });

  it('physicians read but do not decide; other practices see nothing and change nothing', async () => {
    const id = await newRequest();
    expect(
      (await t.call(physician, 'POST', `/api/v1/requests/${id}/decline`, { reason: 'x' })).statusCode,
    ).toBe(403);
    const before = await patientCount();
    const accept = await t.call(other, 'POST', `/api/v1/requests/${id}/accept`, {});
    const unknown = await t.call(other, 'POST', `/api/v1/requests/${randomUUID()}/accept`, {});
    expect(accept.statusCode).toBe(404);
    expect(accept.json().error.message).toBe(unknown.json().error.message);
    expect((await t.call(other, 'POST', `/api/v1/requests/${id}/decline`, { reason: 'x' })).statusCode).toBe(
      404,
    );
    expect(await patientCount()).toBe(before);
    expect(await requestIds(coordinator, '?status=new')).toContain(id);
  });
});
