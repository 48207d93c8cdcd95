import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLocation } from '../../src/store/practices.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

/** The block record as facet-pathway.md §3 lists it (migrations/0008_block_record.sql, ADR 0013). */
const block = {
  kind: 'mbb',
  intent: 'diagnostic',
  date: '2026-03-14',
  joints: [{ joint: 'L4-L5', side: 'bilateral' }],
  agent: 'bupivacaine',
  volumeMlPerNerve: 0.5,
  guidance: 'fluoroscopy',
  sedation: 'local',
  preScore: { scale: 'NRS', score: 8 },
};
const record = {
  startTime: '14:05',
  room: 'Procedure 2',
  agentConcentrationPercent: 0.5,
  steroid: { drug: 'dexamethasone', doseMg: 4 },
  contrast: true,
  complications: { kinds: ['vasovagal'], note: 'brief, resolved lying flat' },
  observationMinutes: 30,
  provocation: { minutesAfter: 20, score: 2, activity: 'walking the corridor, bending' },
};

describe.each(testDatabases)('the block record over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  let episodeId: string;
  let westId: string;
  let eastId: string;
  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
    const mk = async (name: string, timeZone: string, rooms: string[]) =>
      (
        await insertLocation(t.svc.database.db, {
          id: randomUUID(),
          practiceId: t.practices[0]!.id,
          name,
          address: '1 Spine Way',
          phone: '+1 555 010 0100',
          state: 'CA',
          rooms,
          timeZone,
        })
      ).id;
    westId = await mk('West', 'America/Los_Angeles', ['Procedure 1', 'Procedure 2']);
    eastId = await mk('East', 'America/New_York', []);
    const patientId = (
      await t.call(coordinator, 'POST', '/api/v1/patients', {
        givenName: 'Ana',
        familyName: 'Ruiz',
        birthDate: '1958-05-01',
      })
    ).json().id;
    episodeId = (
      await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
        region: 'lumbar',
        complaint: { baseline: { scale: 'NRS', score: 8, date: '2026-02-01' } },
      })
    ).json().id;
  }, 60_000);
  afterAll(() => t?.close());

  const post = (body: unknown) => t.call(physician, 'POST', `/api/v1/episodes/${episodeId}/procedures`, body);
  const issues = async (res: Awaited<ReturnType<typeof post>>) => {
    expect(res.statusCode, res.body).toBe(400);
    return res.json().error.issues as { path: string; message: string }[];
  };

  it('saves every field; the start is read on the location’s clock; the check is the diary’s first point', async () => {
    const res = await post({ ...block, ...record, locationId: westId });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      ...block,
      startedAt: '2026-03-14T14:05:00-07:00',
      timeZone: 'America/Los_Angeles',
      startTime: '14:05',
      room: 'Procedure 2',
      agentConcentrationPercent: 0.5,
      steroid: { drug: 'dexamethasone', doseMg: 4 },
      contrast: true,
      complications: { kinds: ['vasovagal'], note: 'brief, resolved lying flat' },
      observationMinutes: 30,
      provocation: { minutesAfter: 20, score: 2, activity: 'walking the corridor, bending' },
    });
    const read = (await t.call(coordinator, 'GET', `/api/v1/procedures/${p.id}`)).json();
    expect(read.provocation).toEqual(p.provocation);
    expect(read.diary).toEqual([
      expect.objectContaining({ minutesAfter: 20, score: 2, source: 'staff', inRecovery: true }),
    ]);

    // The patient's diary: the start with its offset, the check filling its slot, and the patient's own
    // entries still idempotent beside it.
    const link = (await t.call(coordinator, 'POST', `/api/v1/procedures/${p.id}/diary-links`, {})).json() as {
      token: string;
    };
    const diary = (await t.call(null, 'GET', `/api/v1/diary/${link.token}`)).json();
    expect(diary).toMatchObject({ startedAt: '2026-03-14T14:05:00-07:00', timeZone: 'America/Los_Angeles' });
    expect(diary.entries).toEqual([expect.objectContaining({ minutesAfter: 20, inRecovery: true })]);
    expect(diary.nextDueMinutes).toBe(30);
    const entry = { minutesAfter: 30, score: 1, idempotencyKey: 'patient-key-0001' };
    const url = `/api/v1/diary/${link.token}/entries`;
    const first = await t.call(null, 'POST', url, entry);
    expect(first.statusCode).toBe(201);
    const again = await t.call(null, 'POST', url, entry);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const clash = await t.call(null, 'POST', url, {
      ...entry,
      minutesAfter: 20,
      idempotencyKey: 'patient-key-2',
    });
    expect(clash.statusCode).toBe(409);

    // Changes: the local time stays when the location moves to another zone; the check moves; null clears.
    const moved = await t.call(physician, 'PATCH', `/api/v1/procedures/${p.id}`, {
      locationId: eastId,
      room: null,
      provocation: { minutesAfter: 15, score: 3, activity: 'standing up' },
      steroid: null,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      startedAt: '2026-03-14T14:05:00-04:00',
      timeZone: 'America/New_York',
      room: null,
      steroid: null,
      provocation: { minutesAfter: 15, score: 3, activity: 'standing up' },
    });
    const later = await t.call(physician, 'PATCH', `/api/v1/procedures/${p.id}`, {
      provocation: { minutesAfter: 30, score: 3, activity: 'standing up' },
    });
    expect(later.statusCode).toBe(409);
    expect(later.json().error.issues[0].path).toBe('body.provocation.minutesAfter');
    const cleared = await t.call(physician, 'PATCH', `/api/v1/procedures/${p.id}`, {
      provocation: null,
      startTime: null,
    });
    expect(cleared.json()).toMatchObject({ provocation: null, startedAt: null, startTime: null });
    const after = (await t.call(coordinator, 'GET', `/api/v1/procedures/${p.id}`)).json();
    expect(after.diary.map((e: { minutesAfter: number }) => e.minutesAfter)).toEqual([30]);
  });

  it('keeps old clients working: none of the fields is required', async () => {
    const res = await post(block);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      startedAt: null,
      room: null,
      steroid: null,
      complications: null,
      provocation: null,
    });
    const none = await post({ ...block, complications: { kinds: [] } });
    expect(none.json().complications).toEqual({ kinds: [], note: null });
  });

  it('says in words what is wrong, at the field', async () => {
    const bad = await issues(
      await post({
        ...block,
        locationId: westId,
        startTime: '25:00',
        agentConcentrationPercent: 40,
        steroid: { drug: 'dexamethasone', doseMg: 0 },
        complications: { kinds: ['other'] },
        observationMinutes: 2000,
        provocation: { minutesAfter: 0, score: 11, activity: '' },
      }),
    );
    const at = (path: string) => bad.filter((i) => i.path === path).map((i) => i.message);
    expect(at('body.startTime')).toEqual(['expected a time of day as hours:minutes, e.g. 14:05']);
    expect(at('body.agentConcentrationPercent')).toEqual(['the concentration is at most 10 %']);
    expect(at('body.steroid.doseMg')).toEqual(['the steroid dose is more than 0 mg']);
    expect(at('body.complications.note')).toEqual(['say which other complication']);
    expect(at('body.observationMinutes')).toEqual(['the observation is at most 1440 minutes']);
    expect(at('body.provocation.minutesAfter')).toEqual(['the check is at least 1 minute after the block']);
    expect(at('body.provocation.score')).toEqual(['a pain score is at most 10']);
    expect(at('body.provocation.activity')).toEqual([
      'the activity tried cannot be empty; leave it out instead',
    ]);
    for (const i of bad) expect(i.message).not.toMatch(/Too (big|small)|expected (number|string) to/);

    const refs = await issues(
      await post({
        ...block,
        locationId: westId,
        room: 'Cupboard',
        startTime: '02:30',
        date: '2026-03-08',
        provocation: { minutesAfter: 20, score: 2.5, activity: 'walking' },
      }),
    );
    expect(refs.map((i) => i.path).sort()).toEqual(['body.provocation.score', 'body.room', 'body.startTime']);
    expect(refs.find((i) => i.path === 'body.room')!.message).toBe(
      'not a room of West (Procedure 1, Procedure 2)',
    );
    expect(refs.find((i) => i.path === 'body.startTime')!.message).toContain('does not exist on 2026-03-08');

    const rfa = await issues(
      await post({
        ...block,
        kind: 'rfa',
        intent: 'therapeutic',
        agent: undefined,
        agentConcentrationPercent: 1,
        provocation: { minutesAfter: 20, score: 2, activity: 'walking' },
      }),
    );
    expect(rfa.map((i) => i.path).sort()).toEqual(['body.agentConcentrationPercent', 'body.provocation']);
    const planned = await issues(
      await post({ ...block, status: 'planned', provocation: { minutesAfter: 20, score: 2, activity: 'x' } }),
    );
    expect(planned[0]!.message).toMatch(/planned block has no provocation check/);
  });

  it('locations carry a time zone, checked by name', async () => {
    const admin = await t.signIn(0, 'admin');
    const created = await t.call(admin, 'POST', '/api/v1/locations', {
      name: 'Denver',
      address: '2 Spine Way',
      phone: '+1 555 010 0101',
      state: 'CO',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().timeZone).toBe('America/Denver');
    const bad = await t.call(admin, 'PATCH', `/api/v1/locations/${created.json().id}`, {
      timeZone: 'Mars/Olympus',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].message).toBe('expected an IANA time zone such as America/New_York');
    const ok = await t.call(admin, 'PATCH', `/api/v1/locations/${created.json().id}`, {
      timeZone: 'America/Phoenix',
    });
    expect(ok.json().timeZone).toBe('America/Phoenix');
  });
});
