#!/usr/bin/env node
/**
 * Diary HTTP benchmark: how many patient diary entries per second the real server accepts through
 * POST /api/v1/diary/:token/entries (validation, token lookup, idempotency, the transaction and its
 * hash-chained audit event all on), against a baseline in the same run: a bare Fastify server doing one
 * INSERT per request into a simple table of the same database (bench/diary-baseline.js). On PGlite (a data
 * folder in /tmp) and on PostgreSQL. Goal: the server reaches at least 50 % of the baseline's throughput.
 *
 *   node bench/diary-http.js [--duration 10] [--connections 10] [--links 200] [--no-build] [--only pglite|postgres]
 *
 * PostgreSQL: TEST_DATABASE_URL (a fresh database is created on it), else one is started with
 * scripts/postgres-for-tests.sh. Results: bench/results/diary-http.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freshPostgres } from './postgres.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    links: { type: 'string', default: '200' },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CONNECTIONS = Number(values.connections);
/** Diaries hold at most 500 entries: the load is spread over this many procedures, one link each. */
const LINKS = Number(values.links);
const log = (s) => process.stderr.write(`${s}\n`);

if (!values['no-build']) {
  log('building (tsc) …');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}
const { openServices } = await import('../dist/main.js');
const { createPractice } = await import('../dist/app/admin/create-practice.js');
const { newToken, tokenHash } = await import('../dist/app/auth/tokens.js');
const { verifyAuditChain } = await import('../dist/store/audit.js');
const schema = await import('../dist/store/schema.js');

/** One practice, one patient, LINKS diagnostic MBBs (each in its episode) and a diary link for each. */
async function prepare(config) {
  const svc = await openServices(config);
  try {
    const tag = randomBytes(4).toString('hex');
    const { practiceId, userIds } = await createPractice(svc, {
      name: 'Bench Spine',
      slug: `bench-${tag}`,
      staff: [
        { email: `c.${tag}@example.org`, name: 'C', role: 'coordinator', password: 'benchmark password 1' },
      ],
    });
    const db = svc.database.db;
    const locationId = randomUUID();
    const patientId = randomUUID();
    await db.insert(schema.locations).values({
      id: locationId,
      practiceId,
      name: 'Main',
      address: '1 Spine Way',
      phone: '+1 555 010 0100',
      state: 'IL',
    });
    await db.insert(schema.patients).values({
      id: patientId,
      practiceId,
      givenName: 'Bench',
      familyName: 'Patient',
      birthDate: '1960-01-01',
    });
    const tokens = [];
    const episodes = [];
    const procedures = [];
    const links = [];
    for (let i = 0; i < LINKS; i++) {
      const episodeId = randomUUID();
      const procedureId = randomUUID();
      const token = newToken();
      tokens.push(token);
      episodes.push({
        id: episodeId,
        practiceId,
        patientId,
        region: 'lumbar',
        complaint: { region: 'lumbar' },
      });
      procedures.push({
        id: procedureId,
        practiceId,
        episodeId,
        patientId,
        locationId,
        kind: 'mbb',
        intent: 'diagnostic',
        date: '2026-03-02',
        joints: [{ joint: 'L4-L5', side: 'bilateral' }],
        agent: 'lidocaine',
        guidance: 'fluoroscopy',
        sedation: 'none',
        preScoreScale: 'NRS',
        preScore: 8,
      });
      links.push({
        id: randomUUID(),
        practiceId,
        procedureId,
        tokenHash: tokenHash(token),
        expiresAt: new Date(Date.now() + 24 * 3_600_000),
        createdBy: userIds[0],
      });
    }
    await db.insert(schema.episodes).values(episodes);
    await db.insert(schema.procedures).values(procedures);
    await db.insert(schema.diaryLinks).values(links);
    return tokens;
  } finally {
    await svc.database.close();
  }
}

async function startChild(args, env) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF && args[0] === 'bin/facetpath.js'
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`]
        : []),
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s) => {
    out += s;
  });
  child.stderr.setEncoding('utf8').on('data', (s) => {
    out += s;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) return { child, url: m[1] };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${args.join(' ')} did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopChild(child) {
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  if (code !== 0) log(`  (exit code ${code})`);
}

/** Unique minutes and keys for every request, spread over the links. */
function load(url, tokens, counter, duration) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const n = counter.n++;
          return {
            ...req,
            path: `/api/v1/diary/${tokens[n % tokens.length]}/entries`,
            body: JSON.stringify({
              minutesAfter: Math.floor(n / tokens.length),
              score: n % 11,
              activity: 'walking',
              idempotencyKey: `bench-${counter.run}-${n}`,
            }),
          };
        },
      },
    ],
  });
}

async function measure(url, tokens, run) {
  const counter = { n: 0, run };
  if (WARMUP > 0) await load(url, tokens, counter, WARMUP);
  const r = await load(url, tokens, counter, DURATION);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    sentIncludingWarmup: counter.n,
  };
}

async function benchDatabase(kind) {
  log(`\n${kind}: preparing ${LINKS} procedures with diary links …`);
  let config;
  let cleanup = async () => {};
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'facetpath-bench-diary-'));
    config = { dataDir };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    const fresh = await freshPostgres();
    config = { dataDir: '', databaseUrl: fresh.url };
    cleanup = fresh.drop;
  }
  try {
    const tokens = await prepare(config);
    const serveArgs = ['bin/facetpath.js', 'serve', '--port', '0', '--no-demo'];
    if (kind === 'pglite') serveArgs.push('--data-dir', config.dataDir);
    // Request logs off (warn), as for the baseline; logging is a deployment choice measured separately.
    const server = await startChild(serveArgs, { LOG_LEVEL: 'warn', DATABASE_URL: config.databaseUrl ?? '' });
    log(`  server on ${server.url}: ${WARMUP} s warm-up, ${DURATION} s measured, ${CONNECTIONS} connections`);
    const facetpath = await measure(server.url, tokens, 'server');
    await stopChild(server.child);
    log(
      `  server:   ${facetpath.requestsPerSecond} req/s, p99 ${facetpath.p99Ms} ms, non-2xx ${facetpath.non2xx}`,
    );

    const baselineArgs = [
      'bench/diary-baseline.js',
      ...(kind === 'pglite' ? ['--data-dir', config.dataDir] : ['--url', config.databaseUrl]),
    ];
    const base = await startChild(baselineArgs, {});
    const baseline = await measure(base.url, tokens, 'baseline');
    await stopChild(base.child);
    log(
      `  baseline: ${baseline.requestsPerSecond} req/s, p99 ${baseline.p99Ms} ms, non-2xx ${baseline.non2xx}`,
    );

    // Every acknowledged entry is in the database, each with its audit event, and the chain holds.
    const svc = await openServices(config);
    let check;
    try {
      const [e] = await svc.database.query('SELECT count(*)::int AS n FROM diary_entries');
      const [a] = await svc.database.query(
        "SELECT count(*)::int AS n FROM audit_events WHERE entity = 'diary-entry' AND action = 'create'",
      );
      const chain = await verifyAuditChain(svc.database.db);
      check = { diaryEntries: e.n, auditedCreates: a.n, auditChainOk: chain.ok, auditEvents: chain.events };
    } finally {
      await svc.database.close();
    }
    log(`  check: ${JSON.stringify(check)}`);
    return {
      facetpath,
      baseline,
      ratio: Number((facetpath.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)),
      check,
    };
  } finally {
    await cleanup();
  }
}

const results = {
  benchmark:
    'POST /api/v1/diary/:token/entries through the real server vs. a bare Fastify server doing one INSERT per request',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
  settings: { durationSeconds: DURATION, warmupSeconds: WARMUP, connections: CONNECTIONS, links: LINKS },
  goal: 'the server reaches at least 50 % of the baseline throughput',
  databases: {},
};
for (const kind of ['pglite', 'postgres']) {
  if (values.only && values.only !== kind) continue;
  results.databases[kind] = await benchDatabase(kind);
}
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'diary-http.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log(
  `\n${DURATION} s, ${CONNECTIONS} connections (${results.machine.cpus} cores, Node ${process.version})\n`,
);
console.log('| database   | run       | req/s | p50 (ms) | p99 (ms) | non-2xx | ratio |');
console.log('|------------|-----------|------:|---------:|---------:|--------:|------:|');
for (const [kind, r] of Object.entries(results.databases)) {
  for (const [name, s] of [
    ['facetpath', r.facetpath],
    ['baseline', r.baseline],
  ]) {
    console.log(
      `| ${kind.padEnd(10)} | ${name.padEnd(9)} | ${String(s.requestsPerSecond).padStart(5)} | ${String(s.p50Ms).padStart(8)} | ${String(s.p99Ms).padStart(8)} | ${String(s.non2xx).padStart(7)} | ${name === 'facetpath' ? `${Math.round(r.ratio * 100)} %` : ''} |`,
    );
  }
}
console.log('written to bench/results/diary-http.json');
