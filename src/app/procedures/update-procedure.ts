import { checkBlockRecord } from '../../contract/block-record.js';
import { checkProcedureRecord, type ProcedureUpdate } from '../../contract/procedures.js';
import { formatPath } from '../../domain/errors.js';
import { findRecoveryEntry, listFollowUps, updateProcedure as update } from '../../store/procedures.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { procedureDto } from '../records/procedure-dto.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';
import {
  checkProvocationScale,
  placeAndTime,
  saveProvocation,
  startTimeOf,
  throwIfIssues,
} from './block-record.js';
import { checkProcedureRefs, requireProcedure } from './procedure-refs.js';

/** Changes a procedure; the merged record is checked as a whole, as on creation. */
export function updateProcedure(svc: Services, ctx: RequestContext, id: string, input: ProcedureUpdate) {
  const actor = requireStaff(ctx, 'procedures:write');
  return inTransaction(svc, async (tx) => {
    const old = await requireProcedure(tx, actor.practiceId, id);
    await checkProcedureRefs(tx, actor.practiceId, input);
    const pick = <T>(v: T | undefined, was: T): T => (v === undefined ? was : v);
    const preScore =
      input.preScore === undefined
        ? { scale: old.preScoreScale, score: old.preScore }
        : { scale: input.preScore?.scale ?? null, score: input.preScore?.score ?? null };
    const merged = {
      kind: pick(input.kind, old.kind),
      otherBlock: pick(input.otherBlock, old.otherBlock),
      intent: pick(input.intent, old.intent),
      date: pick(input.date, old.date),
      joints: pick(input.joints, old.joints),
      agent: pick(input.agent, old.agent),
      volumeMlPerNerve: pick(input.volumeMlPerNerve, old.volumeMlPerNerve),
      guidance: pick(input.guidance, old.guidance),
      sedation: pick(input.sedation, old.sedation),
      sedationJustified: pick(input.sedationJustified, old.sedationJustified),
      technique: pick(input.technique, old.technique),
      temperatureC: pick(input.temperatureC, old.temperatureC),
      status: pick(input.status, old.status),
      locationId: pick(input.locationId, old.locationId),
      physicianId: pick(input.physicianId, old.physicianId),
      room: pick(input.room, old.room),
      agentConcentrationPercent: pick(input.agentConcentrationPercent, old.agentConcentrationPercent),
      steroid: input.steroid === undefined ? old.steroid : (input.steroid?.drug ?? null),
      steroidDoseMg: input.steroid === undefined ? old.steroidDoseMg : (input.steroid?.doseMg ?? null),
      contrast: pick(input.contrast, old.contrast),
      complications:
        input.complications === undefined ? old.complications : (input.complications?.kinds ?? null),
      complicationsNote:
        input.complications === undefined ? old.complicationsNote : (input.complications?.note ?? null),
      observationMinutes: pick(input.observationMinutes, old.observationMinutes),
    };
    const issues: { path: string; message: string }[] = [];
    checkProcedureRecord(
      {
        ...merged,
        preScore:
          preScore.scale !== null && preScore.score !== null
            ? { scale: preScore.scale, score: preScore.score }
            : null,
      },
      { addIssue: (i) => issues.push({ path: formatPath(['body', ...i.path]), message: i.message }) },
    );
    const hasCheck =
      input.provocation !== undefined
        ? input.provocation
        : ((await findRecoveryEntry(tx, actor.practiceId, id)) ?? null);
    checkBlockRecord(
      { ...merged, provocation: hasCheck },
      { addIssue: (i) => issues.push({ path: formatPath(['body', ...i.path]), message: i.message }) },
    );
    if (input.provocation) {
      await checkProvocationScale(
        tx,
        actor.practiceId,
        { episodeId: old.episodeId, preScoreScale: preScore.scale },
        input.provocation,
        issues,
      );
    }
    // The start is read again on the location's clock when its date, time or location changes.
    const replace =
      input.date !== undefined ||
      input.locationId !== undefined ||
      input.startTime !== undefined ||
      input.room !== undefined;
    const start = replace
      ? await placeAndTime(
          tx,
          actor.practiceId,
          {
            date: merged.date,
            locationId: merged.locationId,
            startTime: input.startTime === undefined ? startTimeOf(old) : input.startTime,
            room: merged.room,
          },
          issues,
        )
      : { startedAt: old.startedAt, timeZone: old.timeZone };
    if (input.date !== undefined) {
      const early = (await listFollowUps(tx, actor.practiceId, [id])).find((f) => f.date < merged.date);
      if (early) {
        issues.push({
          path: 'body.date',
          message: `a follow-up (${early.date}) cannot precede its procedure (${merged.date})`,
        });
      }
    }
    throwIfIssues(issues);
    const row = await update(tx, actor.practiceId, id, {
      ...merged,
      ...start,
      preScoreScale: preScore.scale,
      preScore: preScore.score,
      updatedAt: ctx.now,
    });
    if (!row) throw notFound('procedure');
    const recovery = await saveProvocation(tx, row, input.provocation, ctx.now);
    await refreshWorklist(tx, svc, actor.practiceId, row.episodeId);
    await audit(tx, ctx, { action: 'update', entity: 'procedure', entityId: id, patientId: row.patientId });
    return procedureDto(row, recovery);
  });
}
