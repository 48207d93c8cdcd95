import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAllDirty } from '../../src/app/worklist/refresh-dirty.js';
import { REASON_CODES } from '../../src/domain/codes.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { complaint, lidocaineDiary, mbb } from '../support/pathway.js';

describe.each(testDatabases)('the worklist over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
  }, 60_000);
  afterAll(() => t?.close());

  const worklist = async (s: Session, until: string, extra = '') => {
    const res = await t.call(s, 'GET', `/api/v1/worklist?until=${until}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: { kind: string; dueDate: string; patientId: string; reason: string; detail: unknown }[];
    };
  };

  it('follows a patient from a missing coverage to a first block, its interpretation and a confirmatory block', async () => {
    t.setNow(new Date('2026-01-12T09:00:00Z'));
    const patientId = (
      await t.call(coordinator, 'POST', '/api/v1/patients', {
        givenName: 'Ruth',
        familyName: 'Okafor',
        birthDate: '1950-02-03',
      })
    ).json().id;
    const episodeId = (
      await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
        region: 'lumbar',
        complaint,
      })
    ).json().id;
    const mine = async (until: string) =>
      (await worklist(coordinator, until)).items
        .filter((i) => i.patientId === patientId)
        .map((i) => `${i.kind} ${i.dueDate}`);

    expect(await mine('2026-01-12')).toEqual(['missing-information 2026-01-12']);
    // A worklist-only reason code, in the one vocabulary (src/domain/codes.ts).
    const noCoverage = (await worklist(coordinator, '2026-01-12')).items.find(
      (i) => i.patientId === patientId,
    );
    expect(noCoverage?.detail).toEqual({ reasons: ['COVERAGE_MISSING'] });
    expect(REASON_CODES).toContain('COVERAGE_MISSING');
    await t.call(coordinator, 'PUT', `/api/v1/patients/${patientId}/coverage`, {
      kind: 'medicare',
      state: 'CA',
    });
    expect(await mine('2026-01-12')).toEqual([]);

    const block = (
      await t.call(
        physician,
        'POST',
        `/api/v1/episodes/${episodeId}/procedures`,
        mbb('2026-01-12', 'lidocaine'),
      )
    ).json();
    for (const [minutesAfter, score] of lidocaineDiary) {
      const r = await t.call(coordinator, 'POST', `/api/v1/procedures/${block.id}/diary-entries`, {
        minutesAfter,
        score,
        idempotencyKey: `diary-key-${minutesAfter}`,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    // On the block's day: the diary. The day after: its interpretation. Rule 9: the confirmatory block from day 14.
    expect(await mine('2026-01-12')).toEqual(['diary-in-progress 2026-01-12']);
    expect(await mine('2026-01-13')).toEqual([
      'diary-in-progress 2026-01-12',
      'awaiting-interpretation 2026-01-13',
    ]);
    expect(await mine('2026-01-26')).toEqual([
      'awaiting-interpretation 2026-01-13',
      'schedule-confirmatory-block 2026-01-26',
    ]);

    t.setNow(new Date('2026-01-14T09:00:00Z'));
    expect(
      (await t.call(physician, 'POST', `/api/v1/procedures/${block.id}/interpretation`)).statusCode,
    ).toBe(200);
    expect(await mine('2026-01-26')).toEqual(['schedule-confirmatory-block 2026-01-26']);
    const item = (await worklist(coordinator, '2026-01-26')).items.find((i) => i.patientId === patientId)!;
    expect(item.reason).toContain('2026-01-26');
  });

  it("follows a patient's own diary entries: marked on submission, recomputed before the worklist is read", async () => {
    t.setNow(new Date('2026-02-02T09:00:00Z'));
    const patientId = (
      await t.call(coordinator, 'POST', '/api/v1/patients', {
        givenName: 'Tomas',
        familyName: 'Reyes',
        birthDate: '1952-06-30',
      })
    ).json().id;
    await t.call(coordinator, 'PUT', `/api/v1/patients/${patientId}/coverage`, {
      kind: 'medicare',
      state: 'CA',
    });
    const episodeId = (
      await t.call(coordinator, 'POST', `/api/v1/patients/${patientId}/episodes`, {
        region: 'lumbar',
        complaint,
      })
    ).json().id;
    const block = (
      await t.call(
        physician,
        'POST',
        `/api/v1/episodes/${episodeId}/procedures`,
        mbb('2026-02-02', 'lidocaine'),
      )
    ).json();
    const link = (await t.call(coordinator, 'POST', `/api/v1/procedures/${block.id}/diary-links`, {})).json();
    const diaryItem = async () =>
      (await worklist(coordinator, '2026-02-02')).items.find(
        (i) => i.patientId === patientId && i.kind === 'diary-in-progress',
      );
    expect((await diaryItem())?.reason).toContain('0 entries so far');
    for (const [minutesAfter, score] of lidocaineDiary.slice(0, 4)) {
      const r = await t.call(null, 'POST', `/api/v1/diary/${link.token}/entries`, {
        minutesAfter,
        score,
        idempotencyKey: `phone-${minutesAfter}-abc`,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const marked = await t.svc.database.query('SELECT episode_id FROM worklist_dirty WHERE episode_id = $1', [
      episodeId,
    ]);
    expect(marked).toHaveLength(1);
    expect((await diaryItem())?.reason).toContain('4 entries so far');
    expect(
      await t.svc.database.query('SELECT episode_id FROM worklist_dirty WHERE episode_id = $1', [episodeId]),
    ).toEqual([]);
  });

  it('recomputes marked episodes of every practice in the background sweep', async () => {
    const [row] = await t.svc.database.query<{ id: string; practice_id: string }>(
      "SELECT id, practice_id FROM episodes WHERE status = 'open' LIMIT 1",
    );
    await t.svc.database.query('DELETE FROM worklist_items WHERE episode_id = $1', [row!.id]);
    await t.svc.database.query('INSERT INTO worklist_dirty (episode_id, practice_id) VALUES ($1, $2)', [
      row!.id,
      row!.practice_id,
    ]);
    expect(await refreshAllDirty(t.svc)).toBe(1);
    expect(
      (await t.svc.database.query('SELECT kind FROM worklist_items WHERE episode_id = $1', [row!.id])).length,
    ).toBeGreaterThan(0);
    expect(await refreshAllDirty(t.svc)).toBe(0);
  });

  it('shows nothing of another practice, filters by location, and refuses the admin role', async () => {
    const other = await t.signIn(1, 'coordinator');
    const mineIds = new Set((await worklist(coordinator, '2027-01-01')).items.map((i) => i.patientId));
    expect(mineIds.size).toBeGreaterThan(0);
    const theirs = (await worklist(other, '2027-01-01')).items.map((i) => i.patientId);
    expect(theirs.filter((id) => mineIds.has(id))).toEqual([]);
    const unknownLocation = await worklist(
      coordinator,
      '2027-01-01',
      '&locationId=00000000-0000-4000-8000-000000000000',
    );
    expect(unknownLocation.items).toEqual([]);
    const admin = await t.signIn(0, 'admin');
    expect((await t.call(admin, 'GET', '/api/v1/worklist')).statusCode).toBe(403);
    const bad = await t.call(coordinator, 'GET', '/api/v1/worklist?until=2026-02-30&kind=everything');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['querystring.kind', 'querystring.until']);
  });
});
