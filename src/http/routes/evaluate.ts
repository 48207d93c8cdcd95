import { z } from 'zod';
import { requireStaff } from '../../app/actor.js';
import { evaluateCase } from '../../app/evaluate-case.js';
import { type Services, today } from '../../app/services.js';
import { errorBody } from '../../contract/common.js';
import { evaluationResult } from '../../contract/result.js';
import type { ZodApp } from './types.js';

export function evaluateRoutes(app: ZodApp, svc: Services): void {
  app.post(
    '/api/v1/evaluate',
    {
      config: { auth: 'evaluation:read' },
      schema: {
        tags: ['evaluation'],
        summary: 'Evaluate a posted case file (docs/case-format.md); the same result as `facetpath evaluate`',
        description:
          'The body is a case file (docs/case.schema.json). Query: policy and asOf override the case.',
        querystring: z.strictObject({
          policy: z.string().min(1).max(64).optional(),
          asOf: z.iso.date().optional(),
        }),
        body: z.unknown(),
        response: { 200: evaluationResult, 400: errorBody, 422: errorBody },
      },
    },
    async (req) => {
      requireStaff(req.ctx, 'evaluation:read');
      return evaluateCase(req.body, svc.policies, {
        policy: req.query.policy,
        asOf: req.query.asOf,
        today: today(svc),
      });
    },
  );
}
