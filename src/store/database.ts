/**
 * One store codebase for both databases: embedded PGlite (a data folder, the default) and a PostgreSQL
 * server (when a URL is given). Both are driven through the same Drizzle API; `exec` runs raw SQL scripts
 * (migrations) on the underlying client.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { schema } from './schema.js';

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A repository works the same inside or outside a transaction. */
export type Executor = Db | Tx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs a script of several SQL statements (no parameters). */
  exec(script: string): Promise<void>;
  /** Plain rows of a parameterised query, bigint and numeric normalised to numbers. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a gzipped tarball (backup, test templates). */
  dump?: () => Promise<Blob | File>;
}

export interface DatabaseConfig {
  /** postgres://… — a PostgreSQL server; otherwise PGlite. */
  url?: string;
  /** PGlite data folder; undefined = in memory (tests). */
  dataDir?: string;
  /** Maximum pool size for PostgreSQL. */
  poolSize?: number;
  /** PGlite only: start from a dump of another database (tests clone a migrated template). */
  template?: Blob | File;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    // bigint (20) and numeric (1700) arrive as strings from pg; the store speaks numbers on both databases.
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === 20 || oid === 1700) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format);
      },
    };
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, types });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Nothing to log about patients here.
    });
    await pool.query('SELECT 1');
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      exec: async (script) => {
        await pool.query(script);
      },
      query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
      close: () => pool.end(),
    };
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const client = await PGlite.create(
    config.dataDir ?? 'memory://',
    config.template ? { loadDataDir: config.template } : {},
  );
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (script) => {
      await client.exec(script);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
    dump: () => client.dumpDataDir('gzip'),
  };
}
