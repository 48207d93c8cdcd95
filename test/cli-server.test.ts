/**
 * The operations commands as a user runs them (`node bin/facetpath.js …` on the built dist/, a temporary
 * FACETPATH_DATA_DIR): admin create → sign-in through a started server; audit verify, intact and after an
 * event is changed with SQL; backup → restore into a new folder; and the PostgreSQL side (DATABASE_URL).
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.js';
import { freshPostgresUrl } from './support/databases.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'facetpath.js');
const PASSWORD = 'a long enough admin passphrase';

let tmp: string;

beforeAll(() => {
  // Always build, so the spawned CLI is the code under test rather than a stale dist/.
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  tmp = mkdtempSync(join(tmpdir(), 'facetpath-ops-'));
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const { DATABASE_URL: _a, FACETPATH_DATA_DIR: _b, PORT: _c, ...baseEnv } = process.env;

function run(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...baseEnv, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function startServe(
  dataDir: string,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo'], {
    cwd: ROOT,
    env: { ...baseEnv, FACETPATH_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d) => {
      out += d;
    });
    child.once('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  return {
    url,
    child,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function signIn(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as { user?: { role: string } } };
}

describe('operations commands on the embedded database', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dataDir = join(tmp, 'data');
    env = { FACETPATH_DATA_DIR: dataDir };
  });

  it('creates a practice and its admin, who signs in through the started server', async () => {
    const viaStdin = run(
      [
        'admin',
        'create',
        '--practice',
        'Ohio Spine',
        '--email',
        'boss@example.org',
        '--name',
        'Dana Boss',
        '--password-stdin',
      ],
      env,
      `${PASSWORD}\n`,
    );
    expect(viaStdin.stderr).toBe('');
    expect(viaStdin.code).toBe(0);
    expect(viaStdin.stdout).toContain('boss@example.org');
    expect(viaStdin.stdout).not.toContain(PASSWORD);
    const generated = run(
      [
        'admin',
        'create',
        '--practice',
        'Ohio Spine',
        '--email',
        'second@example.org',
        '--name',
        'Lee Second',
      ],
      env,
    );
    expect(generated.code).toBe(0);
    const password = /Initial password[^:]*: (\S+)/.exec(generated.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(12);
    const used = run(
      [
        'admin',
        'create',
        '--practice',
        'Other',
        '--email',
        'BOSS@example.org',
        '--name',
        'X',
        '--password-stdin',
      ],
      env,
      PASSWORD,
    );
    expect(used.code).toBe(1);
    expect(used.stderr).toContain('already in use');
    const short = run(
      [
        'admin',
        'create',
        '--practice',
        'Other',
        '--email',
        'short@example.org',
        '--name',
        'X',
        '--password-stdin',
      ],
      env,
      'too short',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('12 characters');
    const missing = run(['admin', 'create', '--email', 'x@example.org', '--name', 'X'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--practice');

    const server = await startServe(dataDir);
    try {
      const ok = await signIn(server.url, 'boss@example.org', PASSWORD);
      expect(ok.status).toBe(200);
      expect(ok.body.user?.role).toBe('admin');
      expect((await signIn(server.url, 'second@example.org', password!)).status).toBe(200);
      expect((await signIn(server.url, 'boss@example.org', `${PASSWORD}!`)).status).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 300_000);

  it('verifies the audit chain', () => {
    const r = run(['audit', 'verify'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/audit chain intact: \d+ events/);
    expect(run(['migrate'], env).stdout).toContain('up to date');
  });

  it('backs up and restores into a new, empty folder; refuses to restore over data', async () => {
    const file = join(tmp, 'backup.tar.gz');
    const b = run(['backup', '--out', file], env);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(run(['backup', '--out', file], env).code).toBe(1);

    const restored = join(tmp, 'restored');
    const r = run(['restore', '--from', file], { FACETPATH_DATA_DIR: restored });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 practice(s)');
    const db = await openDatabase({ dataDir: restored });
    try {
      const users = await db.query<{ email: string; role: string }>(
        'SELECT email, role FROM users ORDER BY email',
      );
      expect(users).toEqual([
        { email: 'boss@example.org', role: 'admin' },
        { email: 'second@example.org', role: 'admin' },
      ]);
    } finally {
      await db.close();
    }
    expect(run(['audit', 'verify'], { FACETPATH_DATA_DIR: restored }).code).toBe(0);
    const server = await startServe(restored);
    try {
      expect((await signIn(server.url, 'boss@example.org', PASSWORD)).status).toBe(200);
    } finally {
      await server.stop();
    }

    const again = run(['restore', '--from', file], { FACETPATH_DATA_DIR: restored });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
    const notBackup = join(tmp, 'not-a-backup.tar.gz');
    writeFileSync(notBackup, 'hello');
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect(run(['restore', '--from', notBackup], { FACETPATH_DATA_DIR: empty }).code).toBe(1);
    const forced = run(['restore', '--from', file, '--force'], { FACETPATH_DATA_DIR: restored });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/previous data folder was kept as .*before-restore/);
  }, 300_000);

  it('names the first broken event when one was changed with SQL', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const changed = await db.query("UPDATE audit_events SET action = 'read' WHERE seq = 2 RETURNING seq");
      expect(changed).toHaveLength(1);
    } finally {
      await db.close();
    }
    const r = run(['audit', 'verify'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken at seq 2');
  }, 120_000);
});

describe('operations commands on PostgreSQL (DATABASE_URL)', () => {
  it('creates the admin and verifies the chain there; refuses PGlite backups and points to pg_dump', async () => {
    const env = { DATABASE_URL: await freshPostgresUrl(), FACETPATH_DATA_DIR: join(tmp, 'unused') };
    const created = run(
      [
        'admin',
        'create',
        '--practice',
        'PG Practice',
        '--email',
        'pg@example.org',
        '--name',
        'Pat G',
        '--password-stdin',
      ],
      env,
      PASSWORD,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('PostgreSQL');
    const db = await openDatabase({ url: env.DATABASE_URL });
    try {
      expect(await db.query('SELECT email FROM users')).toEqual([{ email: 'pg@example.org' }]);
      expect(run(['audit', 'verify'], env).code).toBe(0);
      await db.query("UPDATE audit_events SET action = 'other' WHERE seq = 1");
      const broken = run(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('broken at seq 1');
    } finally {
      await db.close();
    }
    for (const args of [
      ['backup', '--out', join(tmp, 'pg.tar.gz')],
      ['restore', '--from', join(tmp, 'pg.tar.gz')],
    ]) {
      const r = run(args, env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('pg_dump');
    }
    expect(existsSync(join(tmp, 'unused'))).toBe(false);
  }, 300_000);
});
