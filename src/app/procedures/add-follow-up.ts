import { randomUUID } from 'node:crypto';
import type { FollowUpInput } from '../../contract/procedures.js';
import { categoryOf } from '../../domain/case.js';
import { insertFollowUp, listFollowUps } from '../../store/procedures.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { AppError } from '../errors.js';
import { followUpDto } from '../records/procedure-dto.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';
import { requireProcedure } from './procedure-refs.js';

/** The case format's limit on follow-ups per procedure (src/contract/case.ts). */
const MAX_FOLLOW_UPS = 100;

/** Relief and function after an RFA or a therapeutic injection (they decide a repeat). */
export function addFollowUp(svc: Services, ctx: RequestContext, procedureId: string, input: FollowUpInput) {
  const actor = requireStaff(ctx, 'follow-ups:write');
  return inTransaction(svc, async (tx) => {
    const p = await requireProcedure(tx, actor.practiceId, procedureId);
    const category = categoryOf(p);
    if (category !== 'rfa' && category !== 'therapeutic') {
      throw new AppError('UNPROCESSABLE', 'follow-ups are recorded for RFA and therapeutic injections only');
    }
    if (p.status !== 'done') throw new AppError('UNPROCESSABLE', `this procedure is ${p.status}, not done`);
    if (input.date < p.date) {
      throw new AppError(
        'VALIDATION',
        `a follow-up (${input.date}) cannot precede its procedure (${p.date})`,
        [{ path: 'body.date', message: `on or after the procedure date ${p.date}` }],
      );
    }
    if ((await listFollowUps(tx, actor.practiceId, [procedureId])).length >= MAX_FOLLOW_UPS) {
      throw new AppError('UNPROCESSABLE', `a procedure holds at most ${MAX_FOLLOW_UPS} follow-ups`);
    }
    const row = await insertFollowUp(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      procedureId,
      date: input.date,
      reliefPercent: input.reliefPercent,
      functionImprovementPercent: input.functionImprovementPercent ?? null,
      nrs: input.nrs ?? null,
      functionScore: input.functionScore ?? null,
      ableToDoActivities: input.ableToDoActivities ?? null,
      createdAt: ctx.now,
    });
    await refreshWorklist(tx, svc, actor.practiceId, p.episodeId);
    await audit(tx, ctx, { action: 'create', entity: 'follow-up', entityId: row.id, patientId: p.patientId });
    return followUpDto(row);
  });
}
