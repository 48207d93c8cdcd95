import { randomUUID } from 'node:crypto';
import type { ProcedureInput } from '../../contract/procedures.js';
import { findEpisode } from '../../store/episodes.js';
import { insertProcedure } from '../../store/procedures.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { procedureDto } from '../records/procedure-dto.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';
import { checkProcedureRefs } from './procedure-refs.js';

export function createProcedure(
  svc: Services,
  ctx: RequestContext,
  episodeId: string,
  input: ProcedureInput,
) {
  const actor = requireStaff(ctx, 'procedures:write');
  return inTransaction(svc, async (tx) => {
    const episode = await findEpisode(tx, actor.practiceId, episodeId);
    if (!episode) throw notFound('episode');
    await checkProcedureRefs(tx, actor.practiceId, input);
    const row = await insertProcedure(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      episodeId,
      patientId: episode.patientId,
      locationId: input.locationId ?? episode.locationId ?? null,
      physicianId: input.physicianId ?? null,
      status: input.status,
      kind: input.kind,
      otherBlock: input.otherBlock ?? null,
      intent: input.intent,
      date: input.date,
      joints: input.joints,
      agent: input.agent ?? null,
      volumeMlPerNerve: input.volumeMlPerNerve ?? null,
      guidance: input.guidance,
      sedation: input.sedation,
      sedationJustified: input.sedationJustified ?? null,
      technique: input.technique ?? null,
      temperatureC: input.temperatureC ?? null,
      preScoreScale: input.preScore?.scale ?? null,
      preScore: input.preScore?.score ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await refreshWorklist(tx, svc, actor.practiceId, episodeId);
    await audit(tx, ctx, {
      action: 'create',
      entity: 'procedure',
      entityId: row.id,
      patientId: row.patientId,
    });
    return procedureDto(row);
  });
}
