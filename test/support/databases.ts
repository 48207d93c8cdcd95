/**
 * The databases every store and HTTP test runs against: embedded PGlite and a PostgreSQL server
 * (TEST_DATABASE_URL, started by `npm test`). Each `open()` gives a fresh, migrated database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

let template: Promise<Blob | File> | undefined;

async function pgliteTemplate(): Promise<Blob | File> {
  template ??= (async () => {
    const db = await openDatabase({});
    await migrate(db);
    const dump = await db.dump!();
    await db.close();
    return dump;
  })();
  return template;
}

/** A new database on the test server for each call, so tests never see each other's rows. */
export async function freshPostgresUrl(): Promise<string> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run the suite with `npm test`, which starts PostgreSQL');
  const name = `fp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const testDatabases: TestDatabase[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openDatabase({ template: await pgliteTemplate() });
      await migrate(db);
      return db;
    },
  },
  {
    name: 'postgres',
    async open() {
      const db = await openDatabase({ url: await freshPostgresUrl(), poolSize: 5 });
      await migrate(db);
      return db;
    },
  },
];
