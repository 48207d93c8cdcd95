import { randomUUID } from 'node:crypto';
import type { ProcedureInput } from '../../contract/procedures.js';
import { findEpisode } from '../../store/episodes.js';
import { insertProcedure } from '../../store/procedures.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { procedureDto } from '../records/procedure-dto.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';
import {
  checkProvocationScale,
  type Issue,
  placeAndTime,
  saveProvocation,
  throwIfIssues,
} from './block-record.js';
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
    const locationId = input.locationId ?? episode.locationId ?? null;
    const issues: Issue[] = [];
    const start = await placeAndTime(
      tx,
      actor.practiceId,
      { date: input.date, locationId, startTime: input.startTime ?? null, room: input.room ?? null },
      issues,
    );
    const preScoreScale = input.preScore?.scale ?? null;
    if (input.provocation) {
      await checkProvocationScale(
        tx,
        actor.practiceId,
        { episodeId, preScoreScale },
        input.provocation,
        issues,
      );
    }
    throwIfIssues(issues);
    const row = await insertProcedure(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      episodeId,
      patientId: episode.patientId,
      locationId,
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
      preScoreScale,
      preScore: input.preScore?.score ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      ...start,
      room: input.room ?? null,
      agentConcentrationPercent: input.agentConcentrationPercent ?? null,
      steroid: input.steroid?.drug ?? null,
      steroidDoseMg: input.steroid?.doseMg ?? null,
      contrast: input.contrast ?? null,
      complications: input.complications?.kinds ?? null,
      complicationsNote: input.complications?.note ?? null,
      observationMinutes: input.observationMinutes ?? null,
    });
    const recovery = await saveProvocation(tx, row, input.provocation, ctx.now);
    await refreshWorklist(tx, svc, actor.practiceId, episodeId);
    await audit(tx, ctx, {
      action: 'create',
      entity: 'procedure',
      entityId: row.id,
      patientId: row.patientId,
    });
    return procedureDto(row, recovery);
  });
}
