import type { z } from 'zod';
import type { episodeUpdate } from '../../contract/episodes.js';
import { findEpisode, updateEpisode as update } from '../../store/episodes.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { episodeDto } from '../records/episode-records.js';
import { checkLocation } from '../records/practice-refs.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';

export function updateEpisode(
  svc: Services,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof episodeUpdate>,
) {
  const actor = requireStaff(ctx, 'episodes:write');
  return inTransaction(svc, async (tx) => {
    if (!(await findEpisode(tx, actor.practiceId, id))) throw notFound('episode');
    await checkLocation(tx, actor.practiceId, input.locationId);
    const row = await update(tx, actor.practiceId, id, {
      ...(input.complaint !== undefined ? { complaint: input.complaint } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.locationId !== undefined ? { locationId: input.locationId } : {}),
      updatedAt: ctx.now,
    });
    if (!row) throw notFound('episode');
    await refreshWorklist(tx, svc, actor.practiceId, id);
    await audit(tx, ctx, { action: 'update', entity: 'episode', entityId: id, patientId: row.patientId });
    return episodeDto(row);
  });
}
