/**
 * The HTTP server: Fastify with zod validation on every route, OpenAPI at /api/docs, cookies, rate limits,
 * one error path and authorization on every route. Routes are thin: validate, call one use case, map.
 */

import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Services } from '../app/services.js';
import { installAuth } from './auth.js';
import { installErrorHandler } from './errors.js';
import { adminRoutes } from './routes/admin.js';
import { appointmentRoutes } from './routes/appointments.js';
import { authRoutes } from './routes/auth.js';
import { diaryLinkRoutes } from './routes/diary-links.js';
import { episodeRoutes } from './routes/episodes.js';
import { evaluateRoutes } from './routes/evaluate.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { packetRoutes } from './routes/packet.js';
import { patientRoutes } from './routes/patients.js';
import { procedureRoutes } from './routes/procedures.js';
import { publicRoutes } from './routes/public.js';
import { requestRoutes } from './routes/requests.js';
import { worklistRoutes } from './routes/worklist.js';
import { type WebOptions, webRoutes } from './web.js';

export interface ServerOptions {
  /** Pino logger options, or false for none (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** Extra route plugins (the web app, later areas). */
  plugins?: ((app: FastifyInstance, svc: Services) => void | Promise<void>)[];
  version?: string;
  /** The web app (patient site and clinic); false for an API-only server. */
  web?: WebOptions | false;
}

/** Request URLs in logs lose query strings and diary tokens: logs carry ids, never patient details. */
export function redactUrl(url: string): string {
  return url.replace(/\?.*$/, '').replace(/(\/diary\/)[^/]+/, '$1[token]');
}

export async function buildServer(svc: Services, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === undefined
        ? false
        : opts.logger && typeof opts.logger === 'object'
          ? {
              ...opts.logger,
              serializers: {
                req: (req: { method: string; url: string; id: string }) => ({
                  method: req.method,
                  url: redactUrl(req.url),
                  id: req.id,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            }
          : opts.logger,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Facetpath API',
        version: opts.version ?? '0.1.0',
        description:
          'The facet-joint pain pathway: patients, episodes, blocks, diaries, RFA, payer-policy decisions. ' +
          'Staff sign in with POST /api/v1/auth/sign-in (session cookie); every state-changing request sends ' +
          'the CSRF token in the x-csrf-token header.',
      },
      servers: [],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fp_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, svc);

  const typed = app.withTypeProvider<ZodTypeProvider>();
  healthRoutes(typed, svc);
  authRoutes(typed, svc, { secureCookies: opts.secureCookies ?? false });
  patientRoutes(typed, svc);
  evaluateRoutes(typed, svc);
  worklistRoutes(typed, svc);
  episodeRoutes(typed, svc);
  procedureRoutes(typed, svc);
  adminRoutes(typed, svc);
  appointmentRoutes(typed, svc);
  requestRoutes(typed, svc);
  publicRoutes(typed, svc);
  diaryLinkRoutes(typed, svc);
  packetRoutes(typed, svc);
  feedbackRoutes(typed, svc);
  if (opts.web !== false) await webRoutes(app, svc, opts.web ?? {});
  for (const plugin of opts.plugins ?? []) await plugin(app, svc);
  return app;
}
