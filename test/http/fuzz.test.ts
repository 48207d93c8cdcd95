/**
 * A fuzzing pass over every route of the running server (the routes come from the server, the valid
 * starting points from test/support/route-examples.ts). Each route gets a bounded, seeded set of requests:
 * garbage path parameters (random text, unicode, '../', '%00', huge), random and mutated query strings,
 * the valid example body mutated field by field (wrong types, removed fields, unknown keys), random JSON,
 * malformed JSON, a wrong content type, an empty body and a 2 MB body — signed in as a role that has the
 * permission, so the requests reach validation and the handlers.
 *
 * Never a 5xx; every 4xx is {error: {code, message}}; a validation error names the path of each issue;
 * afterwards the server still answers, and practice A (whose ids are mixed into the garbage) is unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/app/actor.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import {
  ALL_ROLES,
  directSession,
  exampleKey,
  practiceRowIds,
  type RequestParts,
  type Route,
  rolesWith,
  routeCatalog,
  send,
  snapshotPractice,
  urlOf,
  type Wire,
} from '../support/route-catalog.js';
import { buildExample, creators, EXAMPLES, type Seed, seedPractice } from '../support/route-examples.js';

const SEED = 20_261_121;
const RANDOM_PER_ROUTE = 36;

/** Path segments that have broken servers before. `raw` ones are sent unencoded. */
const NASTY: { v: string; raw?: true }[] = [
  { v: '..', raw: true },
  { v: '../..', raw: true },
  { v: '%00', raw: true },
  { v: '%', raw: true },
  { v: '%zz', raw: true },
  { v: '%2e%2e%2f', raw: true },
  { v: '\u0000' },
  { v: "' OR 1=1 --" },
  { v: 'a'.repeat(5000) },
  { v: '00000000-0000-0000-0000-000000000000' },
  { v: 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF' },
  { v: ' 3f1e2d4c-5b6a-4789-8abc-def012345678 ' },
  { v: '-1' },
  { v: '1e309' },
  { v: 'null' },
  { v: '{}' },
  { v: '😀👩‍⚕️' },
  { v: '\u202e\ufeff' },
];

const WRONG: unknown[] = [
  null,
  0,
  -1,
  1e308,
  -0.000001,
  2 ** 53 + 1,
  '',
  ' ',
  'x'.repeat(20_000),
  true,
  [],
  {},
  [null],
  JSON.parse('{"__proto__":{"admin":true}}'),
  { constructor: { prototype: { polluted: true } } },
  '2026-02-30',
  '1900-01-01T00:00:00Z',
  '0000-00-00',
  '\u0000',
  '😀',
  JSON.parse(`${'{"a":'.repeat(50)}1${'}'.repeat(50)}`),
];

type Path = (string | number)[];
function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length) out.push(at);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) pathsOf(x, [...at, i], out);
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}
function setAt(v: unknown, path: Path, value: unknown, remove: boolean): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const textArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...NASTY.filter((n) => !n.raw).map((n) => n.v)),
);
const wrongArb = fc.oneof(fc.constantFrom(...WRONG), fc.jsonValue({ maxDepth: 2 }), textArb);

interface Generated {
  params: Record<string, { v: string; raw?: boolean }>;
  query: string;
  body: { kind: 'none' } | { kind: 'json'; value: unknown };
}

function requestArb(route: Route, ex: RequestParts, foreignIds: string[]): fc.Arbitrary<Generated> {
  const paramArb = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant({ v: ex.params?.[name] ?? 'x' }) },
      { weight: 1, arbitrary: fc.uuid().map((v) => ({ v })) },
      { weight: 1, arbitrary: fc.constantFrom(...foreignIds.slice(0, 50)).map((v) => ({ v })) },
      { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
      { weight: 3, arbitrary: textArb.map((v) => ({ v })) },
    );
  const params = fc.record(Object.fromEntries(route.params.map((p) => [p, paramArb(p)])));
  const exQuery = ex.query ?? {};
  const query = fc.oneof(
    fc.constant(new URLSearchParams(exQuery).toString()),
    fc
      .tuple(fc.constantFrom(...Object.keys(exQuery), 'limit', 'offset', 'q'), textArb)
      .map(([k, v]) => new URLSearchParams({ ...exQuery, [k]: v }).toString()),
    fc.dictionary(textArb, textArb, { maxKeys: 4 }).map((d) => new URLSearchParams(d).toString()),
    fc.constantFrom(
      'limit=1&limit=2',
      'offset=-1',
      'limit=1e400',
      'q=%',
      '%zz=1',
      `${'a'.repeat(3000)}=1`,
      '&&=&',
    ),
  );
  const paths = pathsOf(ex.body);
  const mutated =
    paths.length === 0
      ? fc.jsonValue({ maxDepth: 3 })
      : fc
          .tuple(fc.nat({ max: paths.length - 1 }), wrongArb, fc.nat({ max: 5 }))
          .map(([i, w, r]) => setAt(ex.body, paths[i]!, w, r === 0));
  const body =
    route.method === 'GET'
      ? fc.constant({ kind: 'none' as const })
      : fc.oneof(
          { weight: 1, arbitrary: fc.constant(ex.body).map((value) => ({ kind: 'json' as const, value })) },
          { weight: 6, arbitrary: mutated.map((value) => ({ kind: 'json' as const, value })) },
          {
            weight: 1,
            arbitrary: textArb.map((k) => ({
              kind: 'json' as const,
              value: ex.body && typeof ex.body === 'object' ? { ...ex.body, [k || 'extra']: 1 } : { [k]: 1 },
            })),
          },
          {
            weight: 2,
            arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })),
          },
          { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
        );
  return fc.record({ params, query, body }) as fc.Arbitrary<Generated>;
}

function wireFor(route: Route, g: Generated): Wire {
  let url = route.url;
  for (const name of route.params) {
    const p = g.params[name]!;
    url = url.replace(`:${name}`, p.raw ? p.v : encodeURIComponent(p.v));
  }
  if (g.query) url += `?${g.query}`;
  return {
    method: route.method,
    url,
    ...(g.body.kind === 'json'
      ? { raw: JSON.stringify(g.body.value) ?? 'null', headers: { 'content-type': 'application/json' } }
      : {}),
  };
}

/** Fixed cases for every route with a body: malformed JSON, wrong types of content, empty, 2 MB. */
function fixedBodies(route: Route, ex: RequestParts): Wire[] {
  if (route.method === 'GET') return [];
  const url = urlOf(route, ex);
  const json = { 'content-type': 'application/json' };
  const exText = JSON.stringify(ex.body ?? {});
  return [
    { method: route.method, url, headers: json, raw: '{"a":' },
    { method: route.method, url, headers: json, raw: exText.slice(0, Math.max(1, exText.length - 1)) },
    { method: route.method, url, headers: json, raw: '' },
    { method: route.method, url, headers: json, raw: 'null' },
    { method: route.method, url, headers: { 'content-type': 'text/plain' }, raw: exText },
    {
      method: route.method,
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      raw: 'a=1&b=2',
    },
    {
      method: route.method,
      url,
      headers: { 'content-type': 'application/json; charset=latin1' },
      raw: exText,
    },
    { method: route.method, url, headers: json, raw: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }) },
    { method: route.method, url, headers: json, raw: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d]) },
  ];
}

describe.each(testDatabases)('a fuzzing pass over every route on $name', (db) => {
  let t: TestApp;
  let routes: Route[];
  let a: Seed;
  let f: Seed;
  let sessionsF: Record<Role, Session>;

  beforeAll(async () => {
    t = await startTestApp(db);
    const signInAll = async (p: number) =>
      Object.fromEntries(
        await Promise.all(ALL_ROLES.map(async (r) => [r, await directSession(t, p, r)])),
      ) as Record<Role, Session>;
    routes = routeCatalog(t.app);
    a = await seedPractice(t, 0, await signInAll(0), routes);
    sessionsF = await signInAll(1);
    f = await seedPractice(t, 1, sessionsF, routes);
  }, 120_000);
  afterAll(() => t?.close());

  it('never answers 5xx, always answers 4xx with a clear error, and leaves other practices alone', async () => {
    const idsA = [...(await practiceRowIds(t.svc, a.practiceId))];
    const beforeA = await snapshotPractice(t.svc, a.practiceId);
    const has = (k: string) => routes.some((r) => r.key === k);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;

    const check = async (route: Route, role: Role | null, endsSession: boolean, w: Wire) => {
      const session = role === null ? null : endsSession ? await directSession(t, 1, role) : sessionsF[role];
      const what = `${role ?? 'anyone'} ${w.method} ${w.url.slice(0, 200)} ${
        w.raw !== undefined ? String(w.raw).slice(0, 200) : ''
      }`;
      let res: Awaited<ReturnType<typeof send>>;
      try {
        res = await send(t.app, session, w);
      } catch (e) {
        failures.push(`${route.key}: the request threw ${(e as Error).message} — ${what}`);
        return;
      }
      sent++;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) {
        failures.push(`${route.key}: ${res.statusCode} ${res.body.slice(0, 300)} — ${what}`);
        return;
      }
      if (res.statusCode >= 400) {
        let err: { code?: unknown; message?: unknown; issues?: { path?: unknown }[] } | undefined;
        try {
          err = res.json().error;
        } catch {
          err = undefined;
        }
        if (!err || typeof err.code !== 'string' || typeof err.message !== 'string' || !err.message) {
          failures.push(
            `${route.key}: a ${res.statusCode} without {error: {code, message}}: ${res.body.slice(0, 200)} — ${what}`,
          );
        } else if (res.statusCode === 400 && err.code === 'VALIDATION') {
          const ok =
            Array.isArray(err.issues) &&
            err.issues.length > 0 &&
            err.issues.every((i) => typeof i.path === 'string' && i.path.length > 0);
          if (!ok)
            failures.push(
              `${route.key}: a validation error without issue paths: ${res.body.slice(0, 300)} — ${what}`,
            );
        }
      }
    };

    for (const route of routes) {
      if (route.method === 'HEAD') continue; // the GET route's handler
      const key = exampleKey(route);
      const example = EXAMPLES[key];
      if (!example) continue; // the security matrix fails for a route without an example
      const ex = await buildExample(route, key, { t, seed: f, create: creators(t, f, has) });
      const role = rolesWith(route.auth)[0] ?? null;
      const endsSession = example.endsSession === true;
      const samples = fc.sample(requestArb(route, ex, idsA), { seed: SEED, numRuns: RANDOM_PER_ROUTE });
      for (const g of samples) await check(route, role, endsSession, wireFor(route, g));
      for (const w of fixedBodies(route, ex)) await check(route, role, endsSession, w);
    }

    console.info(
      `[fuzz ${db.name}] ${sent} requests over ${routes.filter((r) => r.method !== 'HEAD').length} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures).toEqual([]);
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(await snapshotPractice(t.svc, a.practiceId)).toEqual(beforeA);
    // Fuzzing stayed within bounds: nothing was skipped for lack of an example.
    expect(sent).toBeGreaterThan(routes.length * 10);
  }, 300_000);

  it('refuses U+0000 in any text with a 400 naming its path, and stores nothing', async () => {
    const before = await snapshotPractice(t.svc, f.practiceId);
    const patient = await send(t.app, sessionsF.coordinator, {
      method: 'POST',
      url: '/api/v1/patients',
      body: { givenName: 'Ann', familyName: 'Nul\u0000l', birthDate: '1960-01-01' },
    });
    expect(patient.statusCode).toBe(400);
    expect(patient.json().error.issues).toEqual([
      { path: 'body.familyName', message: 'text may not contain the NUL character (U+0000)' },
    ]);
    const nested = await send(t.app, sessionsF.physician, {
      method: 'POST',
      url: '/api/v1/evaluate',
      body: { complaint: { diagnoses: ['M47.816', 'x\u0000'] } },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.issues[0].path).toBe('body.complaint.diagnoses[1]');
    const query = await send(t.app, sessionsF.coordinator, {
      method: 'GET',
      url: '/api/v1/patients?q=a%00b',
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.issues[0].path).toBe('query.q');
    expect(await snapshotPractice(t.svc, f.practiceId)).toEqual(before);
  });
});
