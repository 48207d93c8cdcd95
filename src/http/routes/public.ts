import { getPublicPractice } from '../../app/public/get-public-practice.js';
import { submitScreeningRequest } from '../../app/public/submit-screening-request.js';
import type { Services } from '../../app/services.js';
import { errorBody } from '../../contract/common.js';
import {
  publicPractice,
  screeningRequestCreated,
  screeningRequestInput,
  slugParam,
} from '../../contract/public.js';
import type { ZodApp } from './types.js';

const tags = ['public'];

/** Limits per client IP: generous for reading a practice's page, tight for submitting requests. */
export const PUBLIC_RATE_LIMITS = {
  practice: { max: 120, timeWindow: '1 minute' },
  screening: { max: 10, timeWindow: '1 minute' },
} as const;

export function publicRoutes(app: ZodApp, svc: Services): void {
  app.get(
    '/api/v1/public/practices/:slug',
    {
      config: { auth: 'public', rateLimit: PUBLIC_RATE_LIMITS.practice },
      schema: {
        tags,
        summary: "A practice's public page: its name and active locations (no account needed)",
        params: slugParam,
        response: { 200: publicPractice, 404: errorBody },
      },
    },
    (req) => getPublicPractice(svc, req.ctx, req.params.slug),
  );
  app.post(
    '/api/v1/public/practices/:slug/screening-requests',
    {
      config: { auth: 'public', rateLimit: PUBLIC_RATE_LIMITS.screening },
      schema: {
        tags,
        summary:
          'Self-screening questionnaire and appointment request; answers with a screening result (not a diagnosis)',
        params: slugParam,
        body: screeningRequestInput,
        response: { 201: screeningRequestCreated, 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await submitScreeningRequest(svc, req.ctx, req.params.slug, req.body)),
  );
}
