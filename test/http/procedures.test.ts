import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { insertLocation } from '../../src/store/practices.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const block = {
  kind: 'mbb',
  intent: 'diagnostic',
  date: '2026-01-12',
  joints: [{ joint: 'L4-L5', side: 'bilateral' }],
  agent: 'lidocaine',
  volumeMlPerNerve: 0.5,
  guidance: 'fluoroscopy',
  sedation: 'local',
  preScore: { scale: 'NRS', score: 8 },
};
const rfa = {
  kind: 'rfa',
  intent: 'therapeutic',
  date: '2026-02-10',
  joints: [{ joint: 'L4-L5', side: 'bilateral' }],
  guidance: 'fluoroscopy',
  sedation: 'local',
  technique: 'thermal',
  temperatureC: 80,
};

describe.each(testDatabases)('procedures, diaries and follow-ups over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  let other: Session;
  let episodeId: string;
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
        givenName: 'Li',
        familyName: 'Wei',
        birthDate: '1960-01-01',
      })
    ).json().id;
    episodeId = (
      await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
        region: 'lumbar',
        complaint: { baseline: { scale: 'NRS', score: 8, date: '2025-12-01' } },
      })
    ).json().id;
  }, 60_000);
  afterAll(() => t?.close());

  const newBlock = async (body: Record<string, unknown> = block, episode = episodeId) => {
    const res = await t.call(physician, 'POST', `/api/v1/episodes/${episode}/procedures`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('records, reads, changes and lists procedures; the chart nests them', async () => {
    const p = await newBlock({ ...block, locationId, physicianId: physician.userId });
    expect(p).toMatchObject({
      ...block,
      status: 'done',
      locationId,
      physicianId: physician.userId,
      episodeId,
    });
    const changed = await t.call(physician, 'PATCH', `/api/v1/procedures/${p.id}`, {
      agent: 'bupivacaine',
      volumeMlPerNerve: null,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ agent: 'bupivacaine', volumeMlPerNerve: null, kind: 'mbb' });
    const read = await t.call(coordinator, 'GET', `/api/v1/procedures/${p.id}`);
    expect(read.json()).toMatchObject({ id: p.id, agent: 'bupivacaine', diary: [], followUps: [] });
    const list = await t.call(coordinator, 'GET', `/api/v1/episodes/${episodeId}/procedures`);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    const chart = await t.call(coordinator, 'GET', `/api/v1/episodes/${episodeId}`);
    expect(chart.json().procedures.map((x: { id: string }) => x.id)).toContain(p.id);
  });

  it('names the path of bad input: joints, kinds, RFA-only fields, physician and location', async () => {
    const count = async () =>
      (await t.call(coordinator, 'GET', `/api/v1/episodes/${episodeId}/procedures`)).json().items.length;
    const before = await count();
    const paths = async (body: unknown) => {
      const res = await t.call(physician, 'POST', `/api/v1/episodes/${episodeId}/procedures`, body);
      expect(res.statusCode).toBe(400);
      return res.json().error.issues.map((i: { path: string }) => i.path);
    };
    expect(await paths({ ...block, joints: [{ joint: 'L6-S1', side: 'left' }] })).toContain(
      'body.joints[0].joint',
    );
    expect(
      await paths({
        ...block,
        joints: [
          { joint: 'L4-L5', side: 'left' },
          { joint: 'L4-L5', side: 'right' },
        ],
      }),
    ).toContain('body.joints[1].joint');
    expect(await paths({ ...block, technique: 'thermal' })).toContain('body.technique');
    expect(await paths({ ...block, kind: 'other-block' })).toContain('body.otherBlock');
    expect(await paths({ ...block, preScore: { scale: 'NRS', score: 7.5 } })).toContain(
      'body.preScore.score',
    );
    expect(await paths({ ...block, date: '2026-02-30', extra: true })).toEqual(
      expect.arrayContaining(['body.date', 'body']),
    );
    expect(await paths({ ...block, physicianId: coordinator.userId })).toEqual(['body.physicianId']);
    expect(await paths({ ...block, physicianId: other.userId })).toEqual(['body.physicianId']);
    expect(await paths({ ...block, locationId: foreignLocationId })).toEqual(['body.locationId']);
    const p = await newBlock();
    const bad = await t.call(physician, 'PATCH', `/api/v1/procedures/${p.id}`, { temperatureC: 80 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toContain('body.technique');
    expect(await count()).toBe(before + 1);
  });

  /** A Medicare patient's episode with a baseline: its blocks can be interpreted. */
  const coveredEpisode = async () => {
    const pid = (
      await t.call(coordinator, 'POST', '/api/v1/patients', {
        givenName: 'Ada',
        familyName: 'Diaz',
        birthDate: '1955-05-05',
      })
    ).json().id;
    await t.call(coordinator, 'PUT', `/api/v1/patients/${pid}/coverage`, { kind: 'medicare', state: 'CA' });
    return (
      await t.call(coordinator, 'POST', `/api/v1/patients/${pid}/episodes`, {
        region: 'lumbar',
        complaint: { baseline: { scale: 'NRS', score: 8, date: '2025-12-01' } },
      })
    ).json().id as string;
  };

  it('keeps a block provisional while its diary is open: signing is refused until staff close it with a reason', async () => {
    // The test clock is 2026-03-02 15:00 UTC: a bupivacaine block done now has its 24-hour diary open.
    const p = await newBlock({ ...block, date: '2026-03-02', agent: 'bupivacaine' }, await coveredEpisode());
    const url = `/api/v1/procedures/${p.id}/interpretation`;
    await t.call(coordinator, 'POST', `/api/v1/procedures/${p.id}/diary-entries`, {
      minutesAfter: 30,
      score: 6,
      idempotencyKey: 'open-diary-30',
    });
    await t.call(coordinator, 'POST', `/api/v1/procedures/${p.id}/diary-entries`, {
      minutesAfter: 60,
      score: 6,
      idempotencyKey: 'open-diary-60',
    });
    const openRes = await t.call(physician, 'GET', url);
    expect(openRes.statusCode, openRes.body).toBe(200);
    const open = openRes.json();
    expect(open.diary).toMatchObject({
      status: 'open',
      openUntil: '2026-03-03T15:00:00.000Z',
      closedAt: null,
    });
    expect(open.result).toBe('negative'); // the result so far, provisional
    const refused = await t.call(physician, 'POST', url, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/the diary is open until 2026-03-03 15:00 UTC/);
    expect((await t.call(physician, 'GET', url)).json().interpretedAt).toBeNull();

    const close = `/api/v1/procedures/${p.id}/diary/close`;
    const noReason = await t.call(coordinator, 'POST', close, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues).toEqual([{ path: 'body.reason', message: 'write the reason' }]);
    const long = await t.call(coordinator, 'POST', close, { reason: 'x'.repeat(501) });
    expect(long.json().error.issues[0].message).toBe('the reason has at most 500 characters');
    expect((await t.call(other, 'POST', close, { reason: 'not mine' })).statusCode).toBe(404);
    const closed = await t.call(coordinator, 'POST', close, { reason: 'The patient stopped: pain back.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().diary).toMatchObject({
      status: 'closed-by-staff',
      closeReason: 'The patient stopped: pain back.',
      closedAt: '2026-03-02T15:00:00.000Z',
    });
    expect((await t.call(coordinator, 'POST', close, { reason: 'again' })).statusCode).toBe(409);

    const noOverrideReason = await t.call(physician, 'POST', url, { override: { result: 'positive' } });
    expect(noOverrideReason.statusCode).toBe(400);
    expect(noOverrideReason.json().error.issues[0]).toMatchObject({ path: 'body.override.reason' });
    const badResult = await t.call(physician, 'POST', url, { override: { result: 'maybe', reason: 'r' } });
    expect(badResult.json().error.issues[0].message).toBe('choose positive, negative or indeterminate');
    const signed = await t.call(physician, 'POST', url, {
      note: 'Entries by phone.',
      override: { result: 'indeterminate', reason: 'The diary stopped after 30 minutes.' },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      result: 'negative', // the computed result stays; the override is kept beside it
      override: { result: 'indeterminate', reason: 'The diary stopped after 30 minutes.' },
      signNote: 'Entries by phone.',
      interpretedBy: physician.userId,
    });
    const read = (await t.call(physician, 'GET', url)).json();
    expect(read).toMatchObject({ result: 'negative', override: { result: 'indeterminate' } });
  });

  it('opens a diary on its day and closes it when complete (the 24 h entry) or its window is over', async () => {
    const episode = await coveredEpisode();
    const p = await newBlock({ ...block, date: '2026-03-02' }, episode);
    const url = `/api/v1/procedures/${p.id}/interpretation`;
    await t.call(coordinator, 'POST', `/api/v1/procedures/${p.id}/diary-entries`, {
      minutesAfter: 1440,
      score: 8,
      idempotencyKey: 'complete-1440',
    });
    expect((await t.call(physician, 'GET', url)).json().diary.status).toBe('complete');
    const old = (
      await t.call(
        physician,
        'GET',
        `/api/v1/procedures/${(await newBlock(block, episode)).id}/interpretation`,
      )
    ).json();
    expect(old.diary.status).toBe('window-over');
    expect(old.override).toBeNull();
  });

  it('lets only a physician record procedures; the admin reads nothing', async () => {
    const res = await t.call(coordinator, 'POST', `/api/v1/episodes/${episodeId}/procedures`, block);
    expect(res.statusCode).toBe(403);
    const p = await newBlock();
    expect(
      (await t.call(coordinator, 'PATCH', `/api/v1/procedures/${p.id}`, { agent: 'ropivacaine' })).statusCode,
    ).toBe(403);
    const admin = await t.signIn(0, 'admin');
    for (const url of [
      `/api/v1/procedures/${p.id}`,
      `/api/v1/episodes/${episodeId}`,
      `/api/v1/procedures/${p.id}/interpretation`,
    ]) {
      expect((await t.call(admin, 'GET', url)).statusCode).toBe(403);
    }
    const diary = { minutesAfter: 5, score: 3, idempotencyKey: 'admin-try-1' };
    expect((await t.call(admin, 'POST', `/api/v1/procedures/${p.id}/diary-entries`, diary)).statusCode).toBe(
      403,
    );
  });

  it('records a staff diary entry once per key; a retry returns it; another key at the same time is a conflict', async () => {
    const p = await newBlock();
    const url = `/api/v1/procedures/${p.id}/diary-entries`;
    const entry = { minutesAfter: 30, score: 2, activity: 'walking', idempotencyKey: 'k-30-abcdef' };
    const first = await t.call(coordinator, 'POST', url, entry);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ minutesAfter: 30, score: 2, activity: 'walking', source: 'staff' });
    const retry = await t.call(coordinator, 'POST', url, { ...entry, score: 5 });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const clash = await t.call(coordinator, 'POST', url, { ...entry, idempotencyKey: 'k-30-other' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/30 minutes after the block is already recorded/);
    const nrs = await t.call(coordinator, 'POST', url, {
      minutesAfter: 60,
      score: 2.5,
      idempotencyKey: 'k-60-abcdef',
    });
    expect(nrs.statusCode).toBe(400);
    expect(nrs.json().error.issues[0].path).toBe('body.score');
    const diary = (await t.call(coordinator, 'GET', `/api/v1/procedures/${p.id}`)).json().diary;
    expect(diary.map((d: { minutesAfter: number; score: number }) => [d.minutesAfter, d.score])).toEqual([
      [30, 2],
    ]);
    const onRfa = await newBlock(rfa);
    const refused = await t.call(coordinator, 'POST', `/api/v1/procedures/${onRfa.id}/diary-entries`, entry);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/pain diary is kept only for a diagnostic/);
  });

  it('records follow-ups for an RFA, on or after its date, and not for a diagnostic block', async () => {
    const r = await newBlock(rfa);
    const url = `/api/v1/procedures/${r.id}/follow-ups`;
    const ok = await t.call(coordinator, 'POST', url, { date: '2026-08-10', reliefPercent: 60, nrs: 3 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      date: '2026-08-10',
      reliefPercent: 60,
      nrs: 3,
      functionImprovementPercent: null,
    });
    const early = await t.call(coordinator, 'POST', url, { date: '2026-02-09', reliefPercent: 60 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues[0].path).toBe('body.date');
    const moved = await t.call(physician, 'PATCH', `/api/v1/procedures/${r.id}`, { date: '2026-09-01' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.issues[0].path).toBe('body.date');
    const b = await newBlock();
    const onBlock = await t.call(coordinator, 'POST', `/api/v1/procedures/${b.id}/follow-ups`, {
      date: '2026-08-10',
      reliefPercent: 60,
    });
    expect(onBlock.statusCode).toBe(422);
    const full = await t.call(coordinator, 'POST', url, {
      date: '2026-09-10',
      reliefPercent: 70,
      nrs: 2,
      functionScore: 18,
      ableToDoActivities: true,
    });
    expect(full.statusCode, full.body).toBe(201);
    expect(full.json()).toMatchObject({ functionScore: 18, ableToDoActivities: true, nrs: 2 });
    const bad = await t.call(coordinator, 'POST', url, {
      date: '2026-09-11',
      reliefPercent: 70,
      nrs: 11,
      functionScore: 140,
      ableToDoActivities: 'sometimes',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { path: 'body.nrs', message: 'an NRS score is a whole number 0–10' },
      { path: 'body.functionScore', message: 'the function score is a number 0–100' },
      { path: 'body.ableToDoActivities', message: 'answer yes or no' },
    ]);
    const followUps = (await t.call(coordinator, 'GET', `/api/v1/procedures/${r.id}`)).json().followUps;
    expect(followUps).toHaveLength(2);
    expect(followUps[0]).toMatchObject({ functionScore: null, ableToDoActivities: null });
  });

  it("answers another practice's ids like unknown ones on every route and changes nothing", async () => {
    const p = await newBlock();
    const r = await newBlock(rfa);
    const unknown = randomUUID();
    const routes: [string, 'GET' | 'POST' | 'PATCH', string, unknown][] = [
      ['list', 'GET', `/api/v1/episodes/${episodeId}/procedures`, undefined],
      ['create', 'POST', `/api/v1/episodes/${episodeId}/procedures`, block],
      ['read', 'GET', `/api/v1/procedures/${p.id}`, undefined],
      ['change', 'PATCH', `/api/v1/procedures/${p.id}`, { agent: 'ropivacaine' }],
      [
        'diary',
        'POST',
        `/api/v1/procedures/${p.id}/diary-entries`,
        { minutesAfter: 10, score: 1, idempotencyKey: 'foreign-10' },
      ],
      [
        'follow-up',
        'POST',
        `/api/v1/procedures/${r.id}/follow-ups`,
        { date: '2026-08-10', reliefPercent: 90 },
      ],
      ['interpretation', 'GET', `/api/v1/procedures/${p.id}/interpretation`, undefined],
      ['sign', 'POST', `/api/v1/procedures/${p.id}/interpretation`, undefined],
      ['case', 'GET', `/api/v1/episodes/${episodeId}/case?proposed=${r.id}`, undefined],
      ['evaluation', 'GET', `/api/v1/episodes/${episodeId}/evaluation?proposed=${r.id}`, undefined],
    ];
    for (const [name, method, url, body] of routes) {
      const foreign = await t.call(other, method, url, body);
      const none = await t.call(
        other,
        method,
        url.replaceAll(p.id, unknown).replaceAll(r.id, unknown).replace(episodeId, unknown),
        body,
      );
      expect(foreign.statusCode, name).toBe(404);
      expect(none.statusCode, name).toBe(404);
      expect(foreign.json().error.message, name).toBe(none.json().error.message);
    }
    const after = (await t.call(coordinator, 'GET', `/api/v1/procedures/${p.id}`)).json();
    expect(after).toMatchObject({ agent: 'lidocaine', diary: [], interpretedAt: null });
    expect((await t.call(coordinator, 'GET', `/api/v1/procedures/${r.id}`)).json().followUps).toEqual([]);
  });

  it('audits every read and write of a procedure and its records in an intact chain', async () => {
    const p = await newBlock();
    const entry = { minutesAfter: 15, score: 1, idempotencyKey: 'audit-15-key' };
    const entryId = (
      await t.call(coordinator, 'POST', `/api/v1/procedures/${p.id}/diary-entries`, entry)
    ).json().id;
    await t.call(coordinator, 'POST', `/api/v1/procedures/${p.id}/diary-entries`, entry);
    await t.call(physician, 'PATCH', `/api/v1/procedures/${p.id}`, { sedation: 'none' });
    await t.call(coordinator, 'GET', `/api/v1/procedures/${p.id}`);
    const events = await t.svc.database.query<{ action: string; entity: string; entity_id: string }>(
      `SELECT action, entity, entity_id FROM audit_events
        WHERE patient_id = $1 AND entity_id IN ($2, $3) ORDER BY seq`,
      [patientId, p.id, entryId],
    );
    expect(events.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'create procedure',
      'create diary-entry',
      'read diary-entry',
      'update procedure',
      'read procedure',
    ]);
    expect((await verifyAuditChain(t.svc.database.db)).ok).toBe(true);
  });
});
