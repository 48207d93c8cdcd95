import { z } from 'zod';
import type { Services } from '../../app/services.js';
import type { ZodApp } from './types.js';

export function healthRoutes(app: ZodApp, svc: Services): void {
  app.get(
    '/api/v1/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/v1/ready',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable') }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await svc.database.query('SELECT 1');
        return { status: 'ready' as const, database: svc.database.kind };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
}
