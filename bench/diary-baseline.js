#!/usr/bin/env node
/**
 * The baseline for bench/diary-http.js: a bare Fastify server that does one INSERT per request into a
 * simple table of the same database, and nothing else (no validation, authentication, idempotency check or
 * audit). Same body as the real diary endpoint; JSON parsed by Fastify; answers 201 with the new id.
 *
 *   node bench/diary-baseline.js (--data-dir DIR | --url postgres://…)   → prints "listening on URL"
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, url: { type: 'string' } } });

let query;
let close;
if (values.url) {
  const pool = new pg.Pool({ connectionString: values.url, max: 10 }); // the server's default pool size
  query = (text, params) => pool.query(text, params);
  close = () => pool.end();
} else {
  const client = await PGlite.create(values['data-dir']);
  query = (text, params) => client.query(text, params);
  close = () => client.close();
}
await query(`CREATE TABLE IF NOT EXISTS bench_baseline (
  id uuid PRIMARY KEY, minutes_after integer NOT NULL, score double precision NOT NULL,
  idempotency_key text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);

const app = Fastify({ logger: false });
app.post('/api/v1/diary/:token/entries', async (req, reply) => {
  const b = req.body;
  const id = randomUUID();
  await query(
    'INSERT INTO bench_baseline (id, minutes_after, score, idempotency_key) VALUES ($1, $2, $3, $4)',
    [id, b.minutesAfter, b.score, b.idempotencyKey],
  );
  return reply.code(201).send({ id });
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening on ${url}\n`);
process.once('SIGTERM', async () => {
  await app.close();
  await close();
  process.exit(0);
});
