import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { episodeInput } from '../../contract/episodes.js';
import { insertEpisode } from '../../store/episodes.js';
import { findPatient } from '../../store/patients.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { episodeDto } from '../records/episode-records.js';
import { checkLocation } from '../records/practice-refs.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';

export function createEpisode(
  svc: Services,
  ctx: RequestContext,
  patientId: string,
  input: z.output<typeof episodeInput>,
) {
  const actor = requireStaff(ctx, 'episodes:write');
  return inTransaction(svc, async (tx) => {
    if (!(await findPatient(tx, actor.practiceId, patientId))) throw notFound('patient');
    await checkLocation(tx, actor.practiceId, input.locationId);
    const row = await insertEpisode(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      patientId,
      locationId: input.locationId ?? null,
      region: input.region,
      complaint: input.complaint,
      status: 'open',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await refreshWorklist(tx, svc, actor.practiceId, row.id);
    await audit(tx, ctx, { action: 'create', entity: 'episode', entityId: row.id, patientId });
    return episodeDto(row);
  });
}
