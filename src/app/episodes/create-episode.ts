import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { episodeInput } from '../../contract/episodes.js';
import type { Tx } from '../../store/database.js';
import { insertEpisode } from '../../store/episodes.js';
import { findPatient } from '../../store/patients.js';
import { findLocation } from '../../store/practices.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';
import { episodeDto } from './episode-records.js';

/** A location id given in a request must be one of the practice's (another practice's reads as unknown). */
export async function checkLocation(tx: Tx, practiceId: string, locationId: string | null | undefined) {
  if (locationId && !(await findLocation(tx, practiceId, locationId))) {
    throw new AppError('VALIDATION', 'unknown location', [
      { path: 'body.locationId', message: 'not a location of this practice' },
    ]);
  }
}

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
