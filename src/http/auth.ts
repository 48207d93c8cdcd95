/**
 * Authentication and authorization for every route. Each route declares `config.auth`: 'public',
 * 'diary-link' (a patient's link token), 'session' (any signed-in staff) or a permission. A route without
 * it is refused at start-up, so no route can be added without deciding who may call it.
 */
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, can, type Permission, type RequestContext } from '../app/actor.js';
import { resolveSession } from '../app/auth/sign-in.js';
import { AppError } from '../app/errors.js';
import type { Services } from '../app/services.js';

export const SESSION_COOKIE = 'fp_session';
export const CSRF_HEADER = 'x-csrf-token';

export type RouteAuth = 'public' | 'diary-link' | 'session' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    sessionToken?: string;
  }
  interface FastifyInstance {
    /** Every API route as registered (method, url, config.auth): tests walk it to cover every route. */
    routeCatalog: RouteCatalogEntry[];
  }
}

export interface RouteCatalogEntry {
  method: string;
  url: string;
  auth: RouteAuth;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuth(app: FastifyInstance, svc: Services): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  const catalog: RouteCatalogEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    const auth = (route.config as { auth?: RouteAuth } | undefined)?.auth;
    const internal = route.url.startsWith('/api/docs') || !route.url.startsWith('/api/');
    if (!auth && !internal) throw new Error(`route ${route.method} ${route.url} declares no config.auth`);
    if (auth && !internal) {
      for (const method of [route.method].flat()) catalog.push({ method, url: route.url, auth });
    }
  });
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.ctx = { actor: { kind: 'public' }, requestId: req.id, now: svc.clock() };
  });
  // preValidation: who may call is decided before the body is even looked at.
  app.addHook('preValidation', async (req: FastifyRequest, _reply: FastifyReply) => {
    const auth = req.routeOptions.config.auth;
    if (!auth || auth === 'public' || auth === 'diary-link') return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(svc, token, req.ctx.now) : undefined;
    if (!session) throw new AppError('UNAUTHENTICATED', 'sign in first');
    if (!SAFE.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('CSRF', `missing or wrong ${CSRF_HEADER} header`);
    }
    const actor: Actor = {
      kind: 'user',
      userId: session.userId,
      practiceId: session.practiceId,
      role: session.role,
    };
    req.ctx = { ...req.ctx, actor };
    req.sessionToken = token;
    if (auth !== 'session' && !can(session.role, auth)) {
      throw new AppError('FORBIDDEN', `the ${session.role} role may not do this (${auth})`);
    }
  });
  // PostgreSQL text and jsonb cannot hold U+0000: such input is refused here, naming where it is, rather
  // than failing in the database (a 500). Runs after the authorization hook above.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    for (const [where, value] of [
      ['params', req.params],
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      const path = nulPath(value, where);
      if (path) {
        const message = 'text may not contain the NUL character (U+0000)';
        throw new AppError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
      }
    }
  });
}

/** The path of the first string (or key) holding U+0000 in a parsed JSON value; iterative (any depth). */
export function nulPath(value: unknown, root: string): string | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) stack.push([x, `${path}[${i}]`]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return path;
        stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return undefined;
}
