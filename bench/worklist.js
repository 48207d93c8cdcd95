#!/usr/bin/env node
/**
 * Worklist benchmark: the p95 latency of GET /api/v1/worklist (a page of 50, per location and for the
 * whole practice) for a practice with 10 000 patients, then 100 000, on PGlite and on PostgreSQL, and the
 * growth ratio (goal: under 1.5×). The real server (built dist/) listens on 127.0.0.1; each request is
 * authenticated, validated and audited (one event per patient shown), exactly as in production.
 *
 *   npm run build && node bench/worklist.js [--small 10000] [--large 100000] [--requests 400] [--concurrency 4]
 *
 * PostgreSQL: uses TEST_DATABASE_URL (a fresh database is created on it), else starts one with
 * scripts/postgres-for-tests.sh. Results: bench/results/worklist.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPractice } from '../dist/app/admin/create-practice.js';
import { loadPolicyCatalog } from '../dist/app/policy-catalog.js';
import { buildServer } from '../dist/http/server.js';
import { openDatabase } from '../dist/store/database.js';
import { migrate } from '../dist/store/migrate.js';
import { freshPostgres } from './postgres.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '10000' },
    large: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '4' },
  },
});
const SMALL = Number(values.small);
const LARGE = Number(values.large);
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const PASSWORD = 'benchmark password 1';

const KINDS = [
  'awaiting-interpretation',
  'schedule-confirmatory-block',
  'eligible-for-rfa',
  'follow-up-due',
  'repeat-rfa-candidate',
  'missing-information',
  'diary-in-progress',
];

/** Patients from..to, one episode each, one or two worklist items each, due from 90 days ago to 180 days ahead. */
async function seed(database, practiceId, locationIds, from, to) {
  const chunk = 20_000;
  for (let a = from; a <= to; a += chunk) {
    const b = Math.min(to, a + chunk - 1);
    await database.query(
      `INSERT INTO patients (id, practice_id, given_name, family_name, birth_date, language, created_at, updated_at)
       SELECT overlay(overlay(md5($1::text || g) placing '4' from 13) placing '8' from 17)::uuid, $1::uuid, 'Pat' || g, 'Bench' || g, DATE '1940-01-01' + (g % 20000), 'en', now(), now()
       FROM generate_series($2::int, $3::int) g`,
      [practiceId, a, b],
    );
    await database.query(
      `INSERT INTO episodes (id, practice_id, patient_id, location_id, region, complaint)
       SELECT overlay(overlay(md5('e' || $1::text || g) placing '4' from 13) placing '8' from 17)::uuid, $1::uuid, overlay(overlay(md5($1::text || g) placing '4' from 13) placing '8' from 17)::uuid, ($4::uuid[])[1 + g % 3], 'lumbar', '{"region":"lumbar"}'::jsonb
       FROM generate_series($2::int, $3::int) g`,
      [practiceId, a, b, locationIds],
    );
    await database.query(
      `INSERT INTO worklist_items (practice_id, episode_id, patient_id, location_id, kind, due_date, reason, detail)
       SELECT $1::uuid, overlay(overlay(md5('e' || $1::text || g) placing '4' from 13) placing '8' from 17)::uuid, overlay(overlay(md5($1::text || g) placing '4' from 13) placing '8' from 17)::uuid, ($4::uuid[])[1 + g % 3], ($5::text[])[1 + (g * 7 + k) % 7],
              CURRENT_DATE - 90 + ((g * 37 + k * 11) % 270), 'Benchmark item ' || k, '{}'::jsonb
       FROM generate_series($2::int, $3::int) g CROSS JOIN generate_series(0, (g % 2)) k`,
      [practiceId, a, b, locationIds, KINDS],
    );
  }
  await database.query('ANALYZE');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(base, cookie, locationIds) {
  const urls = [
    ...locationIds.map((id) => `${base}/api/v1/worklist?limit=50&locationId=${id}`),
    `${base}/api/v1/worklist?limit=50`,
  ];
  const one = async (i) => {
    const t = performance.now();
    const res = await fetch(urls[i % urls.length], { headers: { cookie } });
    const body = await res.json();
    if (res.status !== 200 || body.items.length === 0) throw new Error(`worklist answered ${res.status}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 20; i++) await one(i); // warm-up
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) latencies.push(await one(next++));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const r = (x) => Math.round(x * 100) / 100;
  return {
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: r(percentile(latencies, 50)),
    p95Ms: r(percentile(latencies, 95)),
    p99Ms: r(percentile(latencies, 99)),
  };
}

async function run(kind) {
  const dir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'fp-bench-worklist-')) : null;
  const database = await openDatabase(
    kind === 'pglite' ? { dataDir: dir } : { url: (await freshPostgres()).url },
  );
  await migrate(database);
  const svc = { database, policies: loadPolicyCatalog(), clock: () => new Date() };
  const email = `coordinator.${randomBytes(3).toString('hex')}@bench.invalid`;
  const { practiceId } = await createPractice(svc, {
    name: 'Benchmark practice',
    slug: `bench-${randomBytes(3).toString('hex')}`,
    staff: [{ email, name: 'Bench Coordinator', role: 'coordinator', password: PASSWORD }],
  });
  const locationIds = [];
  for (const n of [1, 2, 3]) {
    const id = (await database.query('SELECT gen_random_uuid() AS id'))[0].id;
    await database.query(
      "INSERT INTO locations (id, practice_id, name, address, phone, state) VALUES ($1, $2, $3, '1 Main St', '+1 555 0100', 'CA')",
      [id, practiceId, `Site ${n}`],
    );
    locationIds.push(id);
  }
  const app = await buildServer(svc);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const out = {};
  let t = performance.now();
  await seed(database, practiceId, locationIds, 1, SMALL);
  out.seedSmallSeconds = Math.round((performance.now() - t) / 100) / 10;
  out.small = { patients: SMALL, ...(await measure(base, cookie, locationIds)) };
  t = performance.now();
  await seed(database, practiceId, locationIds, SMALL + 1, LARGE);
  out.seedLargeSeconds = Math.round((performance.now() - t) / 100) / 10;
  out.large = { patients: LARGE, ...(await measure(base, cookie, locationIds)) };
  out.p95Growth = Math.round((out.large.p95Ms / out.small.p95Ms) * 100) / 100;
  await app.close();
  await database.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  return out;
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  settings: { requests: REQUESTS, concurrency: CONCURRENCY, pageSize: 50 },
  pglite: await run('pglite'),
  postgres: await run('postgres'),
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/worklist.json'), `${JSON.stringify(results, null, 2)}\n`);
for (const kind of ['pglite', 'postgres']) {
  const r = results[kind];
  console.log(
    `${kind.padEnd(9)} p95 ${r.small.p95Ms} ms at ${SMALL} patients → ${r.large.p95Ms} ms at ${LARGE} (×${r.p95Growth}; goal < 1.5)` +
      `  req/s ${r.small.requestsPerSecond} → ${r.large.requestsPerSecond}`,
  );
}
