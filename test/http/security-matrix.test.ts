/**
 * Authorization on every route, by role and by practice. The routes come from the running server (not a
 * list in this file), so a route added later is walked without edits here — it only needs an example in
 * test/support/route-examples.ts, and the first test fails until it has one.
 *
 * For every route that needs a permission: no session → 401; a bad or missing CSRF header on a write →
 * 403 CSRF; every role (of either practice) without the permission → 403; every role of practice B with
 * the permission, sending practice A's ids → exactly the answer it gets for random unknown ids (404 when
 * the id is in the path), and no answer to B ever carries an id or a name of A's. Every row practice A
 * owns is fingerprinted before and after the walk: unchanged. Practice A's own permitted roles get a 2xx
 * with the same examples, so the 404s are not just bad requests.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/app/actor.js';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import {
  ALL_ROLES,
  directSession,
  exampleKey,
  idsIn,
  isPermission,
  practiceRowIds,
  type RequestParts,
  type Route,
  replaceIds,
  rolesWith,
  routeCatalog,
  send,
  snapshotPractice,
  wireOf,
} from '../support/route-catalog.js';
import { buildExample, creators, EXAMPLES, type Seed, seedPractice } from '../support/route-examples.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const SAFE = new Set(['GET', 'HEAD']);

function errorOf(res: LightMyRequestResponse): { code?: string; message?: string } {
  try {
    return (res.json() as { error?: { code?: string; message?: string } }).error ?? {};
  } catch {
    return {};
  }
}
const short = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 300)}`;

describe.each(testDatabases)('every route × every role × another practice on $name', (db) => {
  let t: TestApp;
  let routes: Route[];
  let a: Seed;
  let sessionsA: Record<Role, Session>;
  let sessionsB: Record<Role, Session>;
  let slugB: string;

  const ctxA = () => ({ t, seed: a, create: creators(t, a, (k) => routes.some((r) => r.key === k)) });
  const withExample = () => routes.filter((r) => EXAMPLES[exampleKey(r)]);

  beforeAll(async () => {
    t = await startTestApp(db);
    const signInAll = async (p: number) =>
      Object.fromEntries(await Promise.all(ALL_ROLES.map(async (r) => [r, await t.signIn(p, r)]))) as Record<
        Role,
        Session
      >;
    sessionsA = await signInAll(0);
    sessionsB = await signInAll(1);
    routes = routeCatalog(t.app);
    a = await seedPractice(t, 0, sessionsA, routes);
    const [p] = await t.svc.database.query<{ slug: string }>('SELECT slug FROM practices WHERE id = $1', [
      t.practices[1]!.id,
    ]);
    slugB = p!.slug;
  }, 120_000);
  afterAll(() => t?.close());

  it('finds the routes and has an example for every one of them', () => {
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.filter((r) => !EXAMPLES[exampleKey(r)]).map((r) => r.key);
    expect(missing, 'add these to test/support/route-examples.ts').toEqual([]);
  });

  it("gives practice A's permitted callers a 2xx with every route's example", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of withExample()) {
      const callers: (Role | null)[] =
        isPermission(route.auth) || route.auth === 'session' ? rolesWith(route.auth) : [null];
      for (const role of callers) {
        try {
          const parts = await buildExample(route, exampleKey(route), ctxA());
          const session =
            role === null
              ? null
              : EXAMPLES[exampleKey(route)]!.endsSession
                ? await directSession(t, 0, role)
                : sessionsA[role];
          const res = await send(t.app, session, wireOf(route, parts));
          checked++;
          if (res.statusCode < 200 || res.statusCode >= 300)
            failures.push(`${role ?? 'anyone'} ${route.key}: ${short(res)}`);
        } catch (e) {
          failures.push(`${role ?? 'anyone'} ${route.key}: ${(e as Error).message}`);
        }
      }
    }
    console.info(`[security-matrix ${db.name}] ${checked} valid-example calls by practice A`);
    expect(failures).toEqual([]);
  }, 180_000);

  it("lets no role of practice B read or change practice A's records, and answers A's ids like unknown ones", async () => {
    // Every request is built first (examples that consume a resource create a fresh one of A's now), then
    // A's rows are fingerprinted, then the walk sends them.
    // Routes for any signed-in staff (sign-out) get the session and CSRF checks; permission routes all of them.
    const protectedRoutes = withExample().filter((r) => isPermission(r.auth) || r.auth === 'session');
    const plans: { route: Route; parts: RequestParts; bRoles: Role[]; lacking: Role[] }[] = [];
    const buildFailures: string[] = [];
    for (const route of protectedRoutes) {
      try {
        plans.push({
          route,
          parts: await buildExample(route, exampleKey(route), ctxA()),
          bRoles: isPermission(route.auth) ? rolesWith(route.auth) : [],
          lacking: ALL_ROLES.filter((r) => !rolesWith(route.auth).includes(r)),
        });
      } catch (e) {
        buildFailures.push(`${route.key}: ${(e as Error).message}`);
      }
    }
    expect(buildFailures).toEqual([]);
    const idsA = await practiceRowIds(t.svc, a.practiceId);
    const before = await snapshotPractice(t.svc, a.practiceId);

    const failures: string[] = [];
    let cells = 0;
    const leakIn = (res: LightMyRequestResponse, sent: string): string | undefined => {
      if (res.body.includes(a.tag) && !sent.includes(a.tag)) return `carries practice A's marker ${a.tag}`;
      const leaked = idsIn(res.body, idsA).filter((id) => !sent.includes(id));
      return leaked.length ? `carries practice A's ids ${leaked.join(', ')}` : undefined;
    };
    const expectError = (
      who: string,
      route: Route,
      res: LightMyRequestResponse,
      status: number,
      code: string,
    ) => {
      cells++;
      const err = errorOf(res);
      if (res.statusCode !== status || (route.method !== 'HEAD' && err.code !== code)) {
        failures.push(`${who} ${route.key}: expected ${status} ${code}, got ${short(res)}`);
      }
    };

    for (const { route, parts, bRoles, lacking } of plans) {
      const wire = wireOf(route, parts);
      // No session at all.
      expectError('no session', route, await send(t.app, null, wire), 401, 'UNAUTHENTICATED');
      // A write with a wrong or a missing CSRF header (B's session: A's sessions stay untouched).
      if (!SAFE.has(route.method)) {
        expectError(
          'wrong CSRF',
          route,
          await send(t.app, sessionsB.admin, wire, { csrf: randomBytes(16).toString('hex') }),
          403,
          'CSRF',
        );
        expectError(
          'no CSRF',
          route,
          await send(t.app, sessionsB.coordinator, wire, { csrf: null }),
          403,
          'CSRF',
        );
      }
      // Roles without the permission, of either practice.
      for (const role of lacking) {
        expectError(`B ${role}`, route, await send(t.app, sessionsB[role], wire), 403, 'FORBIDDEN');
        expectError(`A ${role}`, route, await send(t.app, sessionsA[role], wire), 403, 'FORBIDDEN');
      }
      // Roles of B with the permission: A's ids answer exactly like random unknown ones.
      const sent = JSON.stringify(parts);
      const hasIdsOfA = idsIn(sent, idsA).length > 0;
      const pathHasIdOfA = Object.values(parts.params ?? {}).some((v) => idsA.has(v));
      for (const role of bRoles) {
        const foreign = await send(t.app, sessionsB[role], wire);
        cells++;
        const leak = leakIn(foreign, sent);
        if (foreign.statusCode >= 500 || leak)
          failures.push(`B ${role} ${route.key} with A's ids: ${leak ?? short(foreign)}`);
        if (pathHasIdOfA && foreign.statusCode !== 404) {
          failures.push(
            `B ${role} ${route.key} with A's id in the path: expected 404, got ${short(foreign)}`,
          );
        }
        if (!hasIdsOfA) continue;
        const map = new Map<string, string>();
        const unknownParts = replaceIds(parts, idsA, map);
        const unknown = await send(t.app, sessionsB[role], wireOf(route, unknownParts));
        cells++;
        const mask = (m: string | undefined) => (m ?? '').replace(UUID, '<id>');
        const ef = errorOf(foreign);
        const eu = errorOf(unknown);
        if (
          foreign.statusCode !== unknown.statusCode ||
          ef.code !== eu.code ||
          mask(ef.message) !== mask(eu.message)
        ) {
          failures.push(
            `B ${role} ${route.key}: A's ids answer ${short(foreign)} but unknown ids answer ${short(unknown)}`,
          );
        }
        const leakU = leakIn(unknown, sent);
        if (leakU) failures.push(`B ${role} ${route.key} with unknown ids: ${leakU}`);
      }
    }
    const after = await snapshotPractice(t.svc, a.practiceId);
    console.info(
      `[security-matrix ${db.name}] ${routes.length} routes (${protectedRoutes.length} needing a session), ${cells} cells`,
    );
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  }, 300_000);

  it('answers an unknown or malformed diary token alike, and an unknown practice slug with 404', async () => {
    const failures: string[] = [];
    const before = await snapshotPractice(t.svc, a.practiceId);
    for (const route of withExample().filter((r) => r.auth === 'diary-link')) {
      const parts = await buildExample(route, exampleKey(route), ctxA());
      const answers = [];
      for (const token of [randomBytes(32).toString('base64url'), 'x', randomUUID()]) {
        const res = await send(t.app, null, wireOf(route, { ...parts, params: { ...parts.params, token } }));
        answers.push({ status: res.statusCode, code: errorOf(res).code, message: errorOf(res).message });
      }
      // B's staff session does not open A's diary by any other token either.
      const withB = await send(
        t.app,
        sessionsB.physician,
        wireOf(route, {
          ...parts,
          params: { ...parts.params, token: randomBytes(32).toString('base64url') },
        }),
      );
      answers.push({ status: withB.statusCode, code: errorOf(withB).code, message: errorOf(withB).message });
      const first = answers[0]!;
      if (first.status !== 404) failures.push(`${route.key} unknown token: ${JSON.stringify(first)}`);
      for (const other of answers.slice(1)) {
        if (JSON.stringify(other) !== JSON.stringify(first) && route.method !== 'HEAD') {
          failures.push(`${route.key}: tokens answer differently: ${JSON.stringify(answers)}`);
          break;
        }
      }
    }
    for (const route of withExample().filter((r) => r.auth === 'public' && r.params.includes('slug'))) {
      const parts = await buildExample(route, exampleKey(route), ctxA());
      const unknown = await send(
        t.app,
        null,
        wireOf(route, {
          ...parts,
          params: { ...parts.params, slug: `no-such-${randomBytes(4).toString('hex')}` },
        }),
      );
      if (unknown.statusCode !== 404) failures.push(`${route.key} unknown slug: ${short(unknown)}`);
      // B's public page with A's ids (a location of A's in a screening request) answers like unknown ids.
      const idsA = await practiceRowIds(t.svc, a.practiceId);
      const onB = { ...parts, params: { ...parts.params, slug: slugB } };
      const foreign = await send(t.app, null, wireOf(route, onB));
      const unknownIds = await send(t.app, null, wireOf(route, replaceIds(onB, idsA, new Map())));
      if (
        foreign.body.includes(`Clinic ${a.tag}`) ||
        idsIn(foreign.body, idsA).some((id) => !JSON.stringify(onB).includes(id))
      ) {
        failures.push(`${route.key} on B's slug shows A's records: ${short(foreign)}`);
      }
      const sent = JSON.stringify(onB);
      if (
        idsIn(sent, idsA).length &&
        (foreign.statusCode !== unknownIds.statusCode || errorOf(foreign).code !== errorOf(unknownIds).code)
      ) {
        failures.push(
          `${route.key} on B's slug: A's ids answer ${short(foreign)}, unknown ids ${short(unknownIds)}`,
        );
      }
      if (idsIn(sent, idsA).length && foreign.statusCode < 300) {
        failures.push(`${route.key} on B's slug accepted A's ids: ${short(foreign)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotPractice(t.svc, a.practiceId)).toEqual(before);
  }, 120_000);
});
