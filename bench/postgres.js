/**
 * PostgreSQL for the benchmarks: the test server (TEST_DATABASE_URL, else started by
 * scripts/postgres-for-tests.sh) and a fresh database on it for each run.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function postgresUrl() {
  return (
    process.env.TEST_DATABASE_URL ||
    execFileSync(
      'bash',
      ['-c', 'source scripts/postgres-for-tests.sh >/dev/null && echo $TEST_DATABASE_URL'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    ).trim()
  );
}

async function onServer(adminUrl, statement) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new database: { url, name, adminUrl, drop() }. */
export async function freshPostgres() {
  const adminUrl = postgresUrl();
  const name = `fp_bench_${randomBytes(4).toString('hex')}`;
  await onServer(adminUrl, `CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    adminUrl,
    drop: () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name}`),
  };
}
