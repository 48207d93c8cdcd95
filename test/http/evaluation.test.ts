import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCase } from '../../src/app/evaluate-case.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { bupivacaineDiary, complaint, joints, lidocaineDiary, mbb } from '../support/pathway.js';

const rfa = {
  kind: 'rfa',
  intent: 'therapeutic',
  date: '2026-03-09',
  joints,
  guidance: 'fluoroscopy',
  sedation: 'local',
  technique: 'thermal',
  temperatureC: 80,
  status: 'planned',
};
// Bupivacaine giving only 25 % relief: a negative block.
const negativeDiary: [number, number][] = [
  [30, 6],
  [60, 6],
  [120, 7],
  [240, 8],
];

describe.each(testDatabases)('episode evaluation over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
  }, 60_000);
  afterAll(() => t?.close());

  async function ok(s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) {
    const res = await t.call(s, method, url, body);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** A lumbar pathway: patient, coverage, episode, two MBBs with diaries, a planned RFA. */
  async function pathway(secondDiary: [number, number][], coverage = true) {
    const patient = await ok(coordinator, 'POST', '/api/v1/patients', {
      givenName: 'Rosa',
      familyName: 'Diaz',
      birthDate: '1955-05-05',
    });
    if (coverage) {
      await ok(coordinator, 'PUT', `/api/v1/patients/${patient.id}/coverage`, {
        kind: 'medicare',
        state: 'CA',
      });
    }
    const episode = await ok(coordinator, 'POST', `/api/v1/patients/${patient.id}/episodes`, {
      region: 'lumbar',
      complaint,
    });
    const first = await ok(physician, 'POST', `/api/v1/episodes/${episode.id}/procedures`, {
      ...mbb('2026-01-12', 'lidocaine'),
      physicianId: physician.userId,
    });
    const second = await ok(
      physician,
      'POST',
      `/api/v1/episodes/${episode.id}/procedures`,
      mbb('2026-02-02', 'bupivacaine'),
    );
    for (const [p, diary] of [
      [first, lidocaineDiary],
      [second, secondDiary],
    ] as const) {
      for (const [minutesAfter, score] of diary) {
        await ok(coordinator, 'POST', `/api/v1/procedures/${p.id}/diary-entries`, {
          minutesAfter,
          score,
          idempotencyKey: `entry-${p.id}-${minutesAfter}`,
        });
      }
    }
    const planned = await ok(physician, 'POST', `/api/v1/episodes/${episode.id}/procedures`, rfa);
    return { patient, episode, first, second, planned };
  }

  it('finds a planned RFA after two positive MBBs eligible, coded 64635-50, exactly as the CLI would', async () => {
    const { patient, episode, first, second, planned } = await pathway(bupivacaineDiary);
    const res = await t.call(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/evaluation?proposed=${planned.id}`,
    );
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.verdict).toBe('eligible');
    expect(result.reasons).toEqual([]);
    expect(result.coding[0]).toMatchObject({ code: '64635', modifiers: ['50'], units: 1, covered: true });
    expect(result.blocks.map((b: { id: string; result: string }) => [b.id, b.result])).toEqual([
      [first.id, 'positive'],
      [second.id, 'positive'],
    ]);

    const exported = await t.call(
      coordinator,
      'GET',
      `/api/v1/episodes/${episode.id}/case?proposed=${planned.id}`,
    );
    expect(exported.statusCode).toBe(200);
    const c = exported.json();
    expect(c.coverage).toEqual({ kind: 'medicare', state: 'CA' });
    expect(c.complaint).toEqual({ region: 'lumbar', ...complaint });
    expect(c.history.map((h: { id: string }) => h.id)).toEqual([first.id, second.id]);
    expect(c.history[1].diary).toEqual(
      bupivacaineDiary.map(([minutesAfter, score]) => ({ minutesAfter, score })),
    );
    expect(c.proposed.id).toBe(planned.id);
    expect(result).toEqual(evaluateCase(c, t.svc.policies, { today: '2026-03-02' }));

    // asOf is passed through to the case and to the decision.
    const asOf = await t.call(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/evaluation?proposed=${planned.id}&asOf=2026-03-05`,
    );
    expect(asOf.json().asOf).toBe('2026-03-05');

    const events = await t.svc.database.query<{ action: string; entity: string }>(
      "SELECT action, entity FROM audit_events WHERE patient_id = $1 AND action IN ('evaluate', 'read') ORDER BY seq",
      [patient.id],
    );
    expect(events).toEqual([
      { action: 'evaluate', entity: 'episode' },
      { action: 'read', entity: 'case' },
      { action: 'evaluate', entity: 'episode' },
    ]);
  });

  it('finds the RFA not eligible when the confirmatory block is negative, and says why', async () => {
    const { episode, second, planned } = await pathway(negativeDiary);
    const interpretation = await ok(physician, 'GET', `/api/v1/procedures/${second.id}/interpretation`);
    expect(interpretation).toMatchObject({ result: 'negative', peakReliefPercent: 25, interpretedAt: null });
    const result = await ok(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/evaluation?proposed=${planned.id}`,
    );
    expect(result.verdict).toBe('not-eligible');
    expect(result.reasons).toContain('INSUFFICIENT_POSITIVE_BLOCKS');
    const c = await ok(physician, 'GET', `/api/v1/episodes/${episode.id}/case?proposed=${planned.id}`);
    expect(result).toEqual(evaluateCase(c, t.svc.policies, { today: '2026-03-02' }));
  });

  it('signs off an interpretation (physician only) with who and when', async () => {
    const { first } = await pathway(bupivacaineDiary);
    expect(
      (await t.call(coordinator, 'POST', `/api/v1/procedures/${first.id}/interpretation`)).statusCode,
    ).toBe(403);
    // The morning after the diary's window (the block's day and the next) is over.
    t.setNow(new Date('2026-01-14T09:00:00Z'));
    const signed = await ok(physician, 'POST', `/api/v1/procedures/${first.id}/interpretation`);
    t.setNow(new Date('2026-03-02T15:00:00Z'));
    expect(signed).toMatchObject({
      result: 'positive',
      peakReliefPercent: 87.5,
      interpretedAt: '2026-01-14T09:00:00.000Z',
      interpretedBy: physician.userId,
    });
    const read = await ok(coordinator, 'GET', `/api/v1/procedures/${first.id}`);
    expect(read.interpretedBy).toBe(physician.userId);
  });

  it('answers 422 with a clear message when the patient has no coverage, and 404/422 for a wrong proposal', async () => {
    const { episode, first, planned } = await pathway(bupivacaineDiary, false);
    const res = await t.call(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/evaluation?proposed=${planned.id}`,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/no active coverage/);
    const done = await t.call(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/evaluation?proposed=${first.id}`,
    );
    expect(done.statusCode).toBe(422);
    expect(done.json().error.message).toMatch(/planned procedure/);
    const other = await pathway(bupivacaineDiary);
    const elsewhere = await t.call(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/evaluation?proposed=${other.planned.id}`,
    );
    expect(elsewhere.statusCode).toBe(404);
    const bad = await t.call(physician, 'GET', `/api/v1/episodes/${episode.id}/evaluation?proposed=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('querystring.proposed');
  });

  it('answers 422 naming the case path when the records together do not make a case', async () => {
    const { episode, planned } = await pathway(bupivacaineDiary);
    // The planned RFA moved before the second block: a past procedure would follow the proposed one.
    await ok(physician, 'PATCH', `/api/v1/procedures/${planned.id}`, { date: '2026-01-20' });
    const res = await t.call(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/evaluation?proposed=${planned.id}`,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain('history[1].date');
  });
});
