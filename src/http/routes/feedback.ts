import { feedbackSummary } from '../../app/feedback/feedback-summary.js';
import { submitFeedback } from '../../app/feedback/submit-feedback.js';
import type { Services } from '../../app/services.js';
import { errorBody } from '../../contract/common.js';
import {
  feedbackCreated,
  feedbackInput,
  feedbackSummary as feedbackSummaryBody,
  feedbackSummaryQuery,
  slugParam,
} from '../../contract/feedback.js';
import type { ZodApp } from './types.js';

/** Per client IP: a patient answers once; a few tries (and corrections after an error) are plenty. */
export const FEEDBACK_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

/** "Would you recommend us?": the patient's answer (public) and the admins' summary. */
export function feedbackRoutes(app: ZodApp, svc: Services): void {
  app.post(
    '/api/v1/public/practices/:slug/feedback',
    {
      config: { auth: 'public', rateLimit: FEEDBACK_RATE_LIMIT },
      schema: {
        tags: ['public'],
        summary:
          '"Would you recommend us?" (0–10) with an optional comment and clinic; anonymous unless sent with a diary link token',
        params: slugParam,
        body: feedbackInput,
        response: { 201: feedbackCreated, 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await submitFeedback(svc, req.ctx, req.params.slug, req.body)),
  );
  app.get(
    '/api/v1/feedback/summary',
    {
      config: { auth: 'feedback:read' },
      schema: {
        tags: ['feedback'],
        summary:
          'Answers to "would you recommend us?": counts, Net Promoter Score, per location, the latest comments (paged)',
        querystring: feedbackSummaryQuery,
        response: { 200: feedbackSummaryBody, 400: errorBody },
      },
    },
    (req) => feedbackSummary(svc, req.ctx, req.query),
  );
}
