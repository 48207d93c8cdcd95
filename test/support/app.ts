/**
 * An in-process server on a test database with two practices, each with one user per role, and helpers
 * to sign in and call the API (cookies and the CSRF header handled like a browser would).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createPractice } from '../../src/app/admin/create-practice.js';
import { loadPolicyCatalog } from '../../src/app/policy-catalog.js';
import type { Services } from '../../src/app/services.js';
import { buildServer } from '../../src/http/server.js';
import type { TestDatabase } from './databases.js';

export const PASSWORD = 'correct horse battery staple';
export const ROLES = ['admin', 'physician', 'coordinator'] as const;
export type TestRole = (typeof ROLES)[number];

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  practiceId: string;
}

export interface TestApp {
  app: FastifyInstance;
  svc: Services;
  practices: { id: string; users: Record<TestRole, { id: string; email: string }> }[];
  signIn(practice: number, role: TestRole): Promise<Session>;
  call(
    s: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** Moves the server clock (the clock is injected). */
  setNow(d: Date): void;
  close(): Promise<void>;
}

export async function startTestApp(db: TestDatabase): Promise<TestApp> {
  const database = await db.open();
  let now = new Date('2026-03-02T15:00:00Z');
  const svc: Services = { database, policies: loadPolicyCatalog(), clock: () => now };
  const practices: TestApp['practices'] = [];
  for (const [i, name] of ['North Spine', 'South Pain'].entries()) {
    const tag = `${db.name}-${i}-${Math.random().toString(36).slice(2, 8)}`;
    const staff = ROLES.map((role) => ({
      email: `${role}.${tag}@example.org`,
      name: `${role} ${i}`,
      role,
      password: PASSWORD,
    }));
    const { practiceId, userIds } = await createPractice(svc, { name, slug: `p-${tag}`, staff });
    practices.push({
      id: practiceId,
      users: Object.fromEntries(
        ROLES.map((r, k) => [r, { id: userIds[k]!, email: staff[k]!.email }]),
      ) as TestApp['practices'][number]['users'],
    });
  }
  const app = await buildServer(svc);
  const call: TestApp['call'] = (s, method, url, body) =>
    app.inject({
      method,
      url,
      headers: {
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  return {
    app,
    svc,
    practices,
    call,
    async signIn(p, role) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: practices[p]!.users[role].email, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'fp_session')!;
      return {
        cookie: `fp_session=${cookie.value}`,
        csrf: res.json().csrfToken,
        userId: practices[p]!.users[role].id,
        practiceId: practices[p]!.id,
      };
    },
    setNow(d) {
      now = d;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
