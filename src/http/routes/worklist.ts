import type { Services } from '../../app/services.js';
import { listWorklist } from '../../app/worklist/list-worklist.js';
import { worklistPage, worklistQuery } from '../../contract/worklist.js';
import type { ZodApp } from './types.js';

export function worklistRoutes(app: ZodApp, svc: Services): void {
  app.get(
    '/api/v1/worklist',
    {
      config: { auth: 'worklist:read' },
      schema: {
        tags: ['worklist'],
        summary:
          'What is due (diaries, interpretations, confirmatory blocks, RFA, follow-ups, repeats, missing information)',
        querystring: worklistQuery,
        response: { 200: worklistPage },
      },
    },
    (req) => listWorklist(svc, req.ctx, req.query),
  );
}
