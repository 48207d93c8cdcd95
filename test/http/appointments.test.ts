/**
 * Appointments over HTTP on both databases: booking rules (the location's rooms, the practice's physicians,
 * no double-booking of a room or a physician), the day list by location and time zone, tenant isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases)('appointments over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  let other: Session;
  let locationId: string;
  let otherLocationId: string;
  let patientId: string;
  let otherPatientId: string;
  let physicianId: string;
  let day = 0;

  /** A fresh day for each test, so bookings of one test never collide with another's. */
  const nextDay = () => {
    day++;
    return `2026-04-${String(day).padStart(2, '0')}`;
  };

  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
    other = await t.signIn(1, 'coordinator');
    const admin = await t.signIn(0, 'admin');
    const otherAdmin = await t.signIn(1, 'admin');
    const loc = {
      name: 'Eastside ASC',
      address: '9 Elm Rd, Dayton, OH 45402',
      phone: '+1 937 555 0111',
      state: 'OH',
      rooms: ['OR 1', 'C-arm 2'],
    };
    locationId = (await t.call(admin, 'POST', '/api/v1/locations', loc)).json().id;
    otherLocationId = (await t.call(otherAdmin, 'POST', '/api/v1/locations', loc)).json().id;
    const p = { givenName: 'Rosa', familyName: 'Diaz', birthDate: '1961-06-01' };
    patientId = (await t.call(coordinator, 'POST', '/api/v1/patients', p)).json().id;
    otherPatientId = (await t.call(other, 'POST', '/api/v1/patients', p)).json().id;
    physicianId = t.practices[0]!.users.physician.id;
  }, 60_000);
  afterAll(() => t?.close());

  const appt = (date: string, time: string, extra: Record<string, unknown> = {}) => ({
    patientId,
    locationId,
    physicianId,
    room: 'OR 1',
    startsAt: `${date}T${time}:00Z`,
    minutes: 30,
    purpose: 'mbb',
    ...extra,
  });

  it('books, reads, reschedules and deletes an appointment', async () => {
    const d = nextDay();
    const created = await t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '14:00'));
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      patientId,
      patientName: 'Diaz, Rosa',
      room: 'OR 1',
      status: 'booked',
      startsAt: `${d}T14:00:00.000Z`,
      endsAt: `${d}T14:30:00.000Z`,
    });
    expect((await t.call(physician, 'GET', `/api/v1/appointments/${a.id}`)).json().id).toBe(a.id);
    const moved = await t.call(coordinator, 'PATCH', `/api/v1/appointments/${a.id}`, {
      startsAt: `${d}T16:00:00-05:00`,
      room: 'C-arm 2',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: `${d}T21:00:00.000Z`, room: 'C-arm 2' });
    expect((await t.call(coordinator, 'DELETE', `/api/v1/appointments/${a.id}`)).statusCode).toBe(204);
    expect((await t.call(coordinator, 'GET', `/api/v1/appointments/${a.id}`)).statusCode).toBe(404);
  });

  it('lists a day by location, counting the day in the given time zone', async () => {
    const d = nextDay();
    const morning = (await t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '15:00'))).json().id;
    // 02:00 UTC the next day is 21:00 (EST) on day d in New York.
    const next = new Date(`${d}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const evening = (
      await t.call(
        coordinator,
        'POST',
        '/api/v1/appointments',
        appt(next.toISOString().slice(0, 10), '02:00'),
      )
    ).json().id;
    const utc = await t.call(coordinator, 'GET', `/api/v1/appointments?locationId=${locationId}&date=${d}`);
    expect(utc.statusCode).toBe(200);
    expect(utc.json().items.map((a: { id: string }) => a.id)).toEqual([morning]);
    const ny = await t.call(
      coordinator,
      'GET',
      `/api/v1/appointments?locationId=${locationId}&date=${d}&tz=America/New_York`,
    );
    expect(ny.json().items.map((a: { id: string }) => a.id)).toEqual([morning, evening]);
    expect(ny.json().total).toBe(2);
    const elsewhere = await t.call(
      coordinator,
      'GET',
      `/api/v1/appointments?locationId=${otherLocationId}&date=${d}`,
    );
    expect(elsewhere.json().items).toEqual([]);
  });

  it('audits one event per appointment listed', async () => {
    const d = nextDay();
    const id = (await t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '10:00'))).json().id;
    await t.call(physician, 'GET', `/api/v1/appointments?date=${d}`);
    const rows = await t.svc.database.query<{ action: string; actor_id: string; patient_id: string }>(
      "SELECT action, actor_id, patient_id FROM audit_events WHERE entity = 'appointment' AND entity_id = $1 ORDER BY seq",
      [id],
    );
    expect(rows).toEqual([
      { action: 'create', actor_id: coordinator.userId, patient_id: patientId },
      { action: 'list', actor_id: physician.userId, patient_id: patientId },
    ]);
  });

  it('refuses to double-book a room or a physician, naming the appointment in the way', async () => {
    const d = nextDay();
    const first = (
      await t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '09:00', { minutes: 60 }))
    ).json().id;
    const sameRoom = await t.call(
      coordinator,
      'POST',
      '/api/v1/appointments',
      appt(d, '09:30', { physicianId: undefined }),
    );
    expect(sameRoom.statusCode).toBe(409);
    expect(sameRoom.json().error.message).toContain(first);
    expect(sameRoom.json().error.message).toContain('room OR 1');
    const samePhysician = await t.call(
      coordinator,
      'POST',
      '/api/v1/appointments',
      appt(d, '09:59', { room: 'C-arm 2' }),
    );
    expect(samePhysician.statusCode).toBe(409);
    expect(samePhysician.json().error.message).toContain(first);
    expect(samePhysician.json().error.message).toContain('physician');
    // Back to back is not an overlap; neither is a different room without a physician.
    expect((await t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '10:00'))).statusCode).toBe(
      201,
    );
    expect(
      (
        await t.call(
          coordinator,
          'POST',
          '/api/v1/appointments',
          appt(d, '09:15', { room: 'C-arm 2', physicianId: undefined }),
        )
      ).statusCode,
    ).toBe(201);
    const list = await t.call(coordinator, 'GET', `/api/v1/appointments?locationId=${locationId}&date=${d}`);
    expect(list.json().total).toBe(3);
    // Moving another appointment onto the booked slot is refused too; cancelling frees the slot.
    const later = (await t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '13:00'))).json().id;
    const move = await t.call(coordinator, 'PATCH', `/api/v1/appointments/${later}`, {
      startsAt: `${d}T09:45:00Z`,
    });
    expect(move.statusCode).toBe(409);
    expect((await t.call(coordinator, 'GET', `/api/v1/appointments/${later}`)).json().startsAt).toBe(
      `${d}T13:00:00.000Z`,
    );
    await t.call(coordinator, 'PATCH', `/api/v1/appointments/${first}`, { status: 'cancelled' });
    expect(
      (await t.call(coordinator, 'PATCH', `/api/v1/appointments/${later}`, { startsAt: `${d}T09:00:00Z` }))
        .statusCode,
    ).toBe(200);
  });

  it('lets only one of two simultaneous bookings of the same slot through', async () => {
    const d = nextDay();
    const results = await Promise.all(
      [0, 1, 2].map(() => t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '11:00'))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('validates rooms, physicians and fields, naming the path', async () => {
    const d = nextDay();
    const room = await t.call(
      coordinator,
      'POST',
      '/api/v1/appointments',
      appt(d, '08:00', { room: 'OR 9' }),
    );
    expect(room.statusCode).toBe(400);
    expect(room.json().error.issues[0].path).toBe('body.room');
    const notPhysician = await t.call(
      coordinator,
      'POST',
      '/api/v1/appointments',
      appt(d, '08:00', { physicianId: t.practices[0]!.users.coordinator.id }),
    );
    expect(notPhysician.statusCode).toBe(400);
    expect(notPhysician.json().error.issues[0].path).toBe('body.physicianId');
    const foreignPhysician = await t.call(
      coordinator,
      'POST',
      '/api/v1/appointments',
      appt(d, '08:00', { physicianId: t.practices[1]!.users.physician.id }),
    );
    expect(foreignPhysician.json().error.issues[0].path).toBe('body.physicianId');
    const fields = await t.call(coordinator, 'POST', '/api/v1/appointments', {
      ...appt(d, '08:00'),
      startsAt: `${d} 08:00`,
      purpose: 'surgery',
      minutes: 0,
    });
    expect(fields.statusCode).toBe(400);
    const paths = fields.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.startsAt', 'body.purpose', 'body.minutes']));
    const query = await t.call(coordinator, 'GET', '/api/v1/appointments?date=2026-02-30&tz=Mars/Olympus');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['querystring.date', 'querystring.tz']),
    );
    const list = await t.call(coordinator, 'GET', `/api/v1/appointments?date=${d}`);
    expect(list.json().total).toBe(0);
  });

  it("keeps a departed physician's appointments workable; books no new ones with them", async () => {
    const d = nextDay();
    const admin = await t.signIn(0, 'admin');
    const doc = (
      await t.call(admin, 'POST', '/api/v1/staff', {
        email: `locum.${db.name}.${Math.random().toString(36).slice(2, 8)}@example.org`,
        name: 'Dr Locum',
        role: 'physician',
        password: 'locum passphrase 2026',
      })
    ).json().id;
    const id = (
      await t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '08:00', { physicianId: doc }))
    ).json().id;
    await t.call(admin, 'POST', `/api/v1/staff/${doc}/deactivate`);
    const done = await t.call(coordinator, 'PATCH', `/api/v1/appointments/${id}`, { status: 'done' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', physicianId: doc });
    const again = await t.call(
      coordinator,
      'POST',
      '/api/v1/appointments',
      appt(d, '12:00', { physicianId: doc }),
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().error.issues[0].path).toBe('body.physicianId');
  });

  it('lists the active physicians to book with: to coordinators and physicians, own practice only', async () => {
    const admin = await t.signIn(0, 'admin');
    const doc = (
      await t.call(admin, 'POST', '/api/v1/staff', {
        email: `gone.${db.name}.${Math.random().toString(36).slice(2, 8)}@example.org`,
        name: 'Dr Gone',
        role: 'physician',
        password: 'gone passphrase 2026',
      })
    ).json().id;
    await t.call(admin, 'POST', `/api/v1/staff/${doc}/deactivate`);
    const res = await t.call(coordinator, 'GET', '/api/v1/physicians');
    expect(res.statusCode).toBe(200);
    const items: { id: string; name: string }[] = res.json().items;
    expect(items.map((p) => p.id)).toContain(physicianId);
    expect(items.map((p) => p.id)).not.toContain(doc);
    expect(items.map((p) => p.id)).not.toContain(t.practices[0]!.users.coordinator.id);
    expect(Object.keys(items[0]!).sort()).toEqual(['id', 'name']);
    const theirs = (await t.call(other, 'GET', '/api/v1/physicians')).json().items;
    expect(theirs.map((p: { id: string }) => p.id)).toEqual([t.practices[1]!.users.physician.id]);
    expect((await t.call(physician, 'GET', '/api/v1/physicians')).statusCode).toBe(200);
    expect((await t.call(admin, 'GET', '/api/v1/physicians')).statusCode).toBe(403);
    expect((await t.call(null, 'GET', '/api/v1/physicians')).statusCode).toBe(401);
  });

  it("answers another practice's appointments, patients and locations as unknown; changes nothing", async () => {
    const d = nextDay();
    const id = (await t.call(coordinator, 'POST', '/api/v1/appointments', appt(d, '12:00'))).json().id;
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [method, url, body] of [
      ['GET', `/api/v1/appointments/${id}`, undefined],
      ['PATCH', `/api/v1/appointments/${id}`, { status: 'cancelled' }],
      ['DELETE', `/api/v1/appointments/${id}`, undefined],
    ] as const) {
      const foreign = await t.call(other, method, url, body);
      const none = await t.call(other, method, url.replace(id, unknown), body);
      expect(foreign.statusCode, `${method} ${url}`).toBe(404);
      expect(foreign.json()).toEqual({
        error: { ...none.json().error, requestId: foreign.json().error.requestId },
      });
    }
    // Their own location with our patient, our location with their patient.
    const ourPatient = await t.call(other, 'POST', '/api/v1/appointments', {
      ...appt(d, '15:00'),
      locationId: otherLocationId,
      physicianId: undefined,
    });
    expect(ourPatient.statusCode).toBe(404);
    const ourLocation = await t.call(other, 'POST', '/api/v1/appointments', {
      ...appt(d, '15:00'),
      patientId: otherPatientId,
      physicianId: undefined,
    });
    expect(ourLocation.statusCode).toBe(404);
    expect((await t.call(other, 'GET', `/api/v1/appointments?date=${d}`)).json().items).toEqual([]);
    expect((await t.call(coordinator, 'GET', `/api/v1/appointments/${id}`)).json().status).toBe('booked');
  });

  it('refuses admins (no patient data) and anonymous callers', async () => {
    const admin = await t.signIn(0, 'admin');
    expect((await t.call(admin, 'GET', '/api/v1/appointments?date=2026-04-01')).statusCode).toBe(403);
    expect(
      (await t.call(admin, 'POST', '/api/v1/appointments', appt('2026-04-01', '07:00'))).statusCode,
    ).toBe(403);
    expect((await t.call(null, 'GET', '/api/v1/appointments?date=2026-04-01')).statusCode).toBe(401);
  });
});
