import { z } from 'zod';
import { currentSession, signIn, signOut } from '../../app/auth/sign-in.js';
import { AppError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { errorBody, okBody } from '../../contract/common.js';
import { SESSION_COOKIE } from '../auth.js';
import type { ZodApp } from './types.js';

const sessionBody = z.object({
  csrfToken: z.string(),
  expiresAt: z.string(),
  practiceName: z.string().optional(),
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.string(),
    practiceId: z.string(),
  }),
});

export function authRoutes(app: ZodApp, svc: Services, opts: { secureCookies: boolean }): void {
  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in: sets the session cookie, returns the CSRF token',
        body: z.strictObject({
          email: z.string().trim().min(3).max(200),
          password: z.string().min(1).max(200),
        }),
        response: { 200: sessionBody, 401: errorBody, 423: errorBody },
      },
    },
    async (req, reply) => {
      const s = await signIn(svc, req.ctx, req.body);
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
        path: '/',
        expires: s.expiresAt,
      });
      return { csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString(), user: s.user };
    },
  );
  app.get(
    '/api/v1/auth/session',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in staff member and the CSRF token of this session (for a reloaded page)',
        response: { 200: sessionBody, 401: errorBody },
      },
    },
    async (req) => {
      const s = await currentSession(svc, req.sessionToken!, req.ctx.now);
      if (!s) throw new AppError('UNAUTHENTICATED', 'sign in first');
      return s;
    },
  );
  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { auth: 'session' },
      schema: { tags: ['auth'], summary: 'Ends the session', response: { 200: okBody } },
    },
    async (req, reply) => {
      await signOut(svc, req.ctx, req.sessionToken!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}
