/**
 * Durability through the real server process, on PGlite (a data folder) and on PostgreSQL: every diary
 * entry the server acknowledged survives a SIGKILL exactly once, with its audit event, and the audit chain
 * still verifies; SIGTERM shuts down gracefully, letting in-flight requests finish, and exits 0.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice } from '../src/app/admin/create-practice.js';
import { newToken, tokenHash } from '../src/app/auth/tokens.js';
import { openServices } from '../src/main.js';
import { verifyAuditChain } from '../src/store/audit.js';
import { diaryLinks } from '../src/store/schema.js';
import { seedProcedure } from './http/diary-fixtures.js';
import { freshPostgresUrl } from './support/databases.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Target {
  name: 'pglite' | 'postgres';
  /** A fresh database with one practice, patient, episode, diagnostic MBB and a diary link. */
  prepare(): Promise<{ dataDir: string; databaseUrl?: string; token: string; procedureId: string }>;
}

async function seed(config: { dataDir: string; databaseUrl?: string }) {
  const svc = await openServices(config);
  try {
    const tag = Math.random().toString(36).slice(2, 10);
    const { practiceId, userIds } = await createPractice(svc, {
      name: 'Crash Test Spine',
      slug: `crash-${tag}`,
      staff: [
        { email: `c.${tag}@example.org`, name: 'C', role: 'coordinator', password: 'correct horse battery' },
      ],
    });
    const { procedureId } = await seedProcedure(svc.database, practiceId);
    const token = newToken();
    await svc.database.db.insert(diaryLinks).values({
      id: crypto.randomUUID(),
      practiceId,
      procedureId,
      tokenHash: tokenHash(token),
      expiresAt: new Date(Date.now() + 24 * 3_600_000),
      createdBy: userIds[0]!,
    });
    return { ...config, token, procedureId };
  } finally {
    await svc.database.close();
  }
}

const dirs: string[] = [];
const targets: Target[] = [
  {
    name: 'pglite',
    async prepare() {
      const dataDir = mkdtempSync(join(tmpdir(), 'facetpath-crash-'));
      dirs.push(dataDir);
      return seed({ dataDir });
    },
  },
  {
    name: 'postgres',
    async prepare() {
      return seed({ dataDir: '', databaseUrl: await freshPostgresUrl() });
    },
  },
];

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startServer(db: { dataDir: string; databaseUrl?: string }): Promise<Server> {
  const args = ['bin/facetpath.js', 'serve', '--port', '0', '--no-demo'];
  if (!db.databaseUrl) args.push('--data-dir', db.dataDir);
  const env = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: db.databaseUrl ?? '' };
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s) => {
    out += s;
  });
  child.stderr!.setEncoding('utf8').on('data', (s) => {
    out += s;
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) return { child, url: m[1]!, output: () => out };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server did not start (exit ${child.exitCode}):\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const entry = (i: number) => ({ minutesAfter: i + 1, score: i % 11, idempotencyKey: `crash-key-${i}` });

// The real server runs from dist/: build once for the whole file.
beforeAll(() => {
  execFileSync('npm', ['run', 'build:server', '--silent'], { cwd: ROOT, stdio: 'pipe' });
}, 180_000);
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.each(targets)('durability of the real server on $name', (target) => {
  it('keeps every acknowledged diary entry exactly once after SIGKILL, with an intact audit chain', async () => {
    const db = await target.prepare();
    const first = await startServer(db);
    const post = (url: string, i: number) =>
      fetch(`${url}/api/v1/diary/${db.token}/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(entry(i)),
      });

    const TOTAL = 400;
    const acknowledged = new Map<number, string>();
    let failed = 0;
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        try {
          const res = await post(first.url, i);
          if (res.ok) acknowledged.set(i, ((await res.json()) as { id: string }).id);
          else failed++;
        } catch {
          failed++; // the connection died with the server: unknown outcome, not acknowledged
        }
        if (!killed && acknowledged.size >= 60) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    if (first.child.exitCode === null && first.child.signalCode === null) await once(first.child, 'exit');
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);
    expect(acknowledged.size).toBeLessThan(TOTAL); // it really died mid-stream
    expect(failed).toBeGreaterThan(0);

    const second = await startServer(db);
    try {
      const diary = (await (await fetch(`${second.url}/api/v1/diary/${db.token}`)).json()) as {
        entries: { id: string; minutesAfter: number; score: number }[];
      };
      const byMinutes = new Map<number, { id: string; score: number }[]>();
      for (const e of diary.entries)
        byMinutes.set(e.minutesAfter, [...(byMinutes.get(e.minutesAfter) ?? []), e]);
      for (const [i, id] of acknowledged) {
        expect(byMinutes.get(entry(i).minutesAfter), `entry ${i}`).toEqual([
          expect.objectContaining({ id, score: entry(i).score }),
        ]);
      }
      // Retrying an acknowledged submission after the crash returns the stored entry and creates nothing.
      const [i, id] = [...acknowledged][0]!;
      const retry = await post(second.url, i);
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as { id: string }).id).toBe(id);
    } finally {
      second.child.kill('SIGTERM');
      await once(second.child, 'exit');
    }

    const svc = await openServices(db);
    try {
      const rows = await svc.database.query<{ idempotency_key: string; n: number; audited: number }>(
        `SELECT e.idempotency_key, count(*)::int AS n,
                (SELECT count(*)::int FROM audit_events a WHERE a.entity_id = e.id::text AND a.action = 'create') AS audited
           FROM diary_entries e WHERE e.procedure_id = $1 GROUP BY e.idempotency_key, e.id`,
        [db.procedureId],
      );
      const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
      for (const i of acknowledged.keys()) {
        expect(byKey.get(entry(i).idempotencyKey)).toEqual({
          idempotency_key: entry(i).idempotencyKey,
          n: 1,
          audited: 1,
        });
      }
      // Whatever else made it (committed but not acknowledged before the kill) is whole too: entry + audit.
      expect(rows.every((r) => r.n === 1 && r.audited === 1)).toBe(true);
      const chain = await verifyAuditChain(svc.database.db);
      expect(chain).toMatchObject({ ok: true, problem: null });
      expect(chain.events).toBeGreaterThanOrEqual(acknowledged.size);
    } finally {
      await svc.database.close();
    }
  }, 120_000);

  it('shuts down gracefully on SIGTERM: in-flight requests complete, exit code 0', async () => {
    const db = await target.prepare();
    const server = await startServer(db);
    const { hostname, port } = new URL(server.url);
    const N = 12;
    // Each request sends its headers and half its body, so the server is inside every one of them…
    const inflight = Array.from({ length: N }, (_, i) => {
      const body = JSON.stringify(entry(i));
      const req = request({
        host: hostname,
        port,
        method: 'POST',
        path: `/api/v1/diary/${db.token}/entries`,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const done = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req.on('response', (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (s) => {
            text += s;
          });
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        });
        req.on('error', reject);
      });
      req.write(body.slice(0, 10));
      return { req, rest: body.slice(10), done };
    });
    await new Promise((r) => setTimeout(r, 500));
    // …when SIGTERM arrives; then the bodies are finished.
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    for (const r of inflight) r.req.end(r.rest);
    const results = await Promise.all(inflight.map((r) => r.done));
    expect(results.map((r) => r.status)).toEqual(Array(N).fill(201));
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(0);
    expect(server.output()).toContain('SIGTERM: shutting down gracefully');

    const svc = await openServices(db);
    try {
      const rows = await svc.database.query('SELECT id FROM diary_entries WHERE procedure_id = $1', [
        db.procedureId,
      ]);
      expect(rows).toHaveLength(N);
      expect((await verifyAuditChain(svc.database.db)).ok).toBe(true);
    } finally {
      await svc.database.close();
    }
  }, 120_000);
});
