/**
 * The server's real routes, read from the running instance (src/http/auth.ts records every route's method,
 * url and config.auth), and the helpers the security matrix and the fuzz pass share: who may call a route,
 * how to turn an example into a request, sessions that bypass the sign-in rate limit, and a fingerprint of
 * every row a practice owns.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PERMISSIONS, type Permission, type Role } from '../../src/app/actor.js';
import { signIn } from '../../src/app/auth/sign-in.js';
import type { Services } from '../../src/app/services.js';
import type { RouteAuth } from '../../src/http/auth.js';
import { PASSWORD, type Session, type TestApp } from './app.js';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: Method;
  url: string;
  auth: RouteAuth;
  /** "METHOD /url/:param", the key of the route's example. */
  key: string;
  /** The names of the path parameters, in order. */
  params: string[];
}

/** Every API route of the running server (HEAD routes included: Fastify adds one per GET). */
export function routeCatalog(app: FastifyInstance): Route[] {
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const r of app.routeCatalog) {
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({
      method: r.method as Method,
      url: r.url,
      auth: r.auth,
      key,
      params: [...r.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!),
    });
  }
  return routes;
}

/** The example key of a route: HEAD routes share their GET route's example. */
export const exampleKey = (r: Route) => (r.method === 'HEAD' ? `GET ${r.url}` : r.key);

export const isPermission = (auth: RouteAuth): auth is Permission =>
  auth !== 'public' && auth !== 'diary-link' && auth !== 'session';

export const ALL_ROLES: readonly Role[] = ['admin', 'physician', 'coordinator'];

export function rolesWith(auth: RouteAuth): Role[] {
  if (auth === 'session') return [...ALL_ROLES];
  if (!isPermission(auth)) return [];
  return ALL_ROLES.filter((r) => (PERMISSIONS[auth] as readonly Role[]).includes(r));
}

export interface RequestParts {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface Wire {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  /** A JSON value (serialised), or raw text when `raw` is set. */
  body?: unknown;
  raw?: string | Buffer;
}

/** The URL of a route for these parts (path parameters encoded unless `rawParams`). */
export function urlOf(route: Route, parts: RequestParts, rawParams = false): string {
  let url = route.url;
  for (const name of route.params) {
    const v = parts.params?.[name];
    if (v === undefined) throw new Error(`${route.key}: the example gives no :${name}`);
    url = url.replace(`:${name}`, rawParams ? v : encodeURIComponent(v));
  }
  const q = parts.query && Object.keys(parts.query).length ? `?${new URLSearchParams(parts.query)}` : '';
  return url + q;
}

export function wireOf(route: Route, parts: RequestParts): Wire {
  return {
    method: route.method,
    url: urlOf(route, parts),
    ...(parts.body !== undefined && route.method !== 'GET' && route.method !== 'HEAD'
      ? { body: parts.body }
      : {}),
  };
}

/** Sends a request as a browser would: session cookie, CSRF header (unless `csrf` overrides it). */
export function send(
  app: FastifyInstance,
  session: Session | null,
  w: Wire,
  opts: { csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    const csrf = opts.csrf === undefined ? session.csrf : opts.csrf;
    if (csrf !== null) headers['x-csrf-token'] = csrf;
  }
  if (w.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, w.headers);
  const payload = w.raw !== undefined ? w.raw : w.body !== undefined ? JSON.stringify(w.body) : undefined;
  return app.inject({
    method: w.method,
    url: w.url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
  });
}

/** A session made by the sign-in use case itself (the HTTP sign-in is rate-limited per client). */
export async function directSession(t: TestApp, practice: number, role: Role): Promise<Session> {
  const user = t.practices[practice]!.users[role];
  const s = await signIn(
    t.svc,
    { actor: { kind: 'public' }, requestId: randomUUID(), now: t.svc.clock() },
    { email: user.email, password: PASSWORD },
  );
  return {
    cookie: `fp_session=${s.token}`,
    csrf: s.csrfToken,
    userId: user.id,
    practiceId: t.practices[practice]!.id,
  };
}

/** The tables whose rows belong to one practice (a practice_id column), read from the live schema. */
export async function practiceTables(svc: Services): Promise<{ table: string; hasId: boolean }[]> {
  const rows = await svc.database.query<{ table_name: string; has_id: boolean }>(
    `SELECT c.table_name,
            bool_or(i.column_name IS NOT NULL) AS has_id
       FROM information_schema.columns c
       LEFT JOIN information_schema.columns i
         ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
      WHERE c.table_schema = 'public' AND c.column_name = 'practice_id'
      GROUP BY c.table_name ORDER BY c.table_name`,
  );
  return rows.map((r) => ({ table: r.table_name, hasId: r.has_id }));
}

/** A fingerprint of every row a practice owns (its practices row included): table → row count and md5. */
export async function snapshotPractice(svc: Services, practiceId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = [{ table: 'practices', where: 'id' }].concat(
    (await practiceTables(svc)).map((t) => ({ table: t.table, where: 'practice_id' })),
  );
  for (const { table, where } of tables) {
    const [r] = await svc.database.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h
         FROM "${table}" t WHERE t."${where}" = $1`,
      [practiceId],
    );
    out[table] = `${r!.n}:${r!.h ?? '-'}`;
  }
  return out;
}

/** Every row id a practice owns (and the practice's own id): what another practice must never see. */
export async function practiceRowIds(svc: Services, practiceId: string): Promise<Set<string>> {
  const ids = new Set<string>([practiceId]);
  for (const t of await practiceTables(svc)) {
    if (!t.hasId) continue;
    const rows = await svc.database.query<{ id: string }>(
      `SELECT id::text AS id FROM "${t.table}" WHERE practice_id = $1`,
      [practiceId],
    );
    for (const r of rows) ids.add(r.id);
  }
  return ids;
}

/** Replaces every occurrence of the given ids in a JSON-able value (consistently, through `map`). */
export function replaceIds<T>(value: T, ids: Iterable<string>, map: Map<string, string>): T {
  let text = JSON.stringify(value);
  if (text === undefined) return value;
  for (const id of ids) {
    if (!text.includes(id)) continue;
    if (!map.has(id)) map.set(id, randomUUID());
    text = text.split(id).join(map.get(id)!);
  }
  return JSON.parse(text) as T;
}

/** The ids of a set that occur in a text. */
export function idsIn(text: string, ids: Iterable<string>): string[] {
  const found: string[] = [];
  for (const id of ids) if (text.includes(id)) found.push(id);
  return found;
}
