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
}
