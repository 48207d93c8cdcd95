import { acceptRequest, declineRequest, listRequests } from '../../app/requests/requests.js';
import type { Services } from '../../app/services.js';
import { errorBody, uuidParam } from '../../contract/common.js';
import {
  acceptInput,
  acceptResult,
  declineInput,
  requestListQuery,
  requestPage,
  screeningRequest,
} from '../../contract/requests.js';
import type { ZodApp } from './types.js';

const tags = ['requests'];

export function requestRoutes(app: ZodApp, svc: Services): void {
  const errors = { 400: errorBody, 404: errorBody, 409: errorBody };
  app.get(
    '/api/v1/requests',
    {
      config: { auth: 'requests:read' },
      schema: {
        tags,
        summary: 'Screening requests from the public (newest first; ?status=new for the inbox)',
        querystring: requestListQuery,
        response: { 200: requestPage },
      },
    },
    (req) => listRequests(svc, req.ctx, req.query),
  );
  app.post(
    '/api/v1/requests/:id/accept',
    {
      config: { auth: 'requests:write' },
      schema: {
        tags,
        summary: 'Accept: create the patient from the contact details, optionally with a first appointment',
        params: uuidParam,
        body: acceptInput,
        response: { 200: acceptResult, ...errors },
      },
    },
    (req) => acceptRequest(svc, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/requests/:id/decline',
    {
      config: { auth: 'requests:write' },
      schema: {
        tags,
        summary: 'Decline with a reason',
        params: uuidParam,
        body: declineInput,
        response: { 200: screeningRequest, ...errors },
      },
    },
    (req) => declineRequest(svc, req.ctx, req.params.id, req.body.reason),
  );
}
