import { getPacket } from '../../app/packet/get-packet.js';
import type { Services } from '../../app/services.js';
import { errorBody, uuidParam } from '../../contract/common.js';
import { evaluationQuery } from '../../contract/episodes.js';
import type { ZodApp } from './types.js';

export function packetRoutes(app: ZodApp, svc: Services): void {
  app.get(
    '/api/v1/episodes/:id/packet.pdf',
    {
      config: { auth: 'episodes:read' },
      schema: {
        tags: ['episodes', 'evaluation'],
        summary:
          'The medical-necessity packet (application/pdf) of the decision for a planned procedure: patient, ' +
          'history, conservative care, blocks with diary charts, criteria with sources, coding, verdict',
        params: uuidParam,
        querystring: evaluationQuery,
        response: { 400: errorBody, 404: errorBody, 422: errorBody },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await getPacket(svc, req.ctx, req.params.id, req.query);
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          // A Buffer is sent as is (Fastify skips the JSON serializer); the typed reply only knows the error bodies.
          .send(Buffer.from(pdf) as never)
      );
    },
  );
}
