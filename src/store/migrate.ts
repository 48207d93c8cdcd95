/**
 * Forward-only SQL migrations (migrations/NNNN_name.sql at the package root), applied in name order at
 * start-up, each as one transaction, recorded in schema_migrations. A lock keeps two servers starting
 * at once from applying the same migration twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const LOCK_ID = 7_340_211;

export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  const doneNow = async () =>
    new Set(
      (await database.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
  let done = await doneNow();
  for (const f of files) {
    if (done.has(f)) continue;
    const script = readFileSync(join(dir, f), 'utf8');
    const lock = database.kind === 'postgres' ? `SELECT pg_advisory_xact_lock(${LOCK_ID});\n` : '';
    try {
      // One simple-protocol script runs as one implicit transaction: all of it applies, or none.
      await database.exec(`${lock}${script}\n;INSERT INTO schema_migrations (name) VALUES ('${f}');`);
    } catch (e) {
      // Another server applied it while this one waited for the lock: fine. Anything else is a real fault.
      done = await doneNow();
      if (done.has(f)) continue;
      throw e;
    }
    applied.push(f);
  }
  return applied;
}
