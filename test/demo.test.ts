import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { loadPolicyCatalog } from '../src/app/policy-catalog.js';
import type { Services } from '../src/app/services.js';
import { refreshAllWorklists } from '../src/app/worklist/refresh-all.js';
import { buildServer } from '../src/http/server.js';
import { verifyAuditChain } from '../src/store/audit.js';
import type { Database } from '../src/store/database.js';
import { testDatabases } from './support/databases.js';

describe.each(testDatabases)('the demo practice on $name', (tdb) => {
  let database: Database;
  let svc: Services;
  let printed = '';
  beforeAll(async () => {
    database = await tdb.open();
    svc = { database, policies: loadPolicyCatalog(), clock: () => new Date('2026-06-15T14:00:00Z') };
    expect(await seedDemo(svc, (s) => (printed += s))).toBe(true);
  }, 120_000);
  afterAll(() => database?.close());

  it('is created once, labelled as demo data, and its printed sign-in works', async () => {
    expect(printed).toContain('DEMO');
    expect(await seedDemo(svc, () => {})).toBe(false);
    const password = /password (\S+) \(shown only now\)/.exec(printed)![1]!;
    const app = await buildServer(svc);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'coordinator@demo.facetpath.test', password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = `fp_session=${res.cookies.find((c) => c.name === 'fp_session')!.value}`;
    const worklist = await app.inject({
      method: 'GET',
      url: '/api/v1/worklist?limit=200',
      headers: { cookie },
    });
    const kinds = new Set(worklist.json().items.map((i: { kind: string }) => i.kind));
    // Patients at every stage: each of these is due today in the demo.
    for (const k of [
      'missing-information',
      'diary-in-progress',
      'awaiting-interpretation',
      'schedule-confirmatory-block',
      'eligible-for-rfa',
      'repeat-rfa-candidate',
    ]) {
      expect(kinds, k).toContain(k);
    }
    const practice = await database.query<{ name: string; is_demo: boolean }>(
      'SELECT name, is_demo FROM practices',
    );
    expect(practice).toEqual([{ name: expect.stringContaining('DEMO DATA'), is_demo: true }]);
    await app.close();
  });

  it('has its worklist rebuilt identically by a bulk refresh', async () => {
    const snapshot = () =>
      database.query<{ k: string }>(
        "SELECT string_agg(episode_id || ' ' || kind || ' ' || due_date || ' ' || reason, '|' ORDER BY episode_id, kind) AS k FROM worklist_items",
      );
    const before = await snapshot();
    expect(before[0]!.k).toBeTruthy();
    await database.query('DELETE FROM worklist_items');
    expect(await refreshAllWorklists(svc)).toBe(10);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves an intact audit trail', async () => {
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
