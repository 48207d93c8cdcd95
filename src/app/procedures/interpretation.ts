/**
 * A diagnostic block's interpretation: the clinical core's reading of its diary (interpretBlock) under the
 * payer policy of the episode's case, and the physician's sign-off.
 */
import type { BlockInterpretationDto } from '../../contract/procedures.js';
import { categoryOf } from '../../domain/case.js';
import { interpretBlock } from '../../domain/diary/interpret.js';
import { thresholdFor } from '../../domain/policy/context.js';
import { choosePolicy, versionInEffect } from '../../domain/policy/load.js';
import type { RuleOf } from '../../domain/policy/schema.js';
import type { Tx } from '../../store/database.js';
import { updateProcedure } from '../../store/procedures.js';
import { userNames } from '../../store/staff.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { AppError } from '../errors.js';
import { episodeBase, loadCaseRecords } from '../records/episode-case.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';
import { requireProcedure } from './procedure-refs.js';

/** The interpretation of one block (used by the packet too). */
export async function interpret(tx: Tx, svc: Services, practiceId: string, procedureId: string) {
  const p = await requireProcedure(tx, practiceId, procedureId);
  if (categoryOf(p) !== 'diagnostic') {
    throw new AppError('UNPROCESSABLE', 'only a diagnostic block (MBB or intra-articular) is interpreted');
  }
  if (p.status !== 'done') throw new AppError('UNPROCESSABLE', `this block is ${p.status}, not done`);
  const base = episodeBase(await loadCaseRecords(tx, practiceId, p.episodeId));
  const block = base.history.find((h) => h.id === p.id)!;
  // The policy and version are those the evaluator uses for this block (buildContext in domain/policy).
  const policy = choosePolicy(svc.policies, base.coverage.kind, base.policy);
  const version = versionInEffect(policy, block.date);
  const rule = version.rules.find(
    (r): r is RuleOf<'block-interpretation'> => r.kind === 'block-interpretation',
  )!;
  const i = interpretBlock(block, base.complaint.baseline, thresholdFor(block.joints, rule), rule.params);
  const dto: BlockInterpretationDto = {
    procedureId: p.id,
    policy: { id: policy.id, version: version.version },
    result: i.result,
    peakReliefPercent: i.peakReliefPercent,
    durationMinutes: i.durationMinutes,
    threshold: i.threshold.percent,
    thresholdInclusive: i.threshold.inclusive,
    agent: i.agent,
    baselineScore: i.baselineScore,
    censored: i.censored,
    reasons: i.reasons,
    warnings: i.warnings,
    points: i.points,
    explanation: i.explanation,
    rule: rule.id,
    agentWindow: i.agentWindow
      ? {
          fromMinutes: i.agentWindow.minimumMinutes,
          toMinutes: i.agentWindow.typicalMaximumMinutes,
          prolongedAfterMinutes: i.agentWindow.prolongedAfterMinutes,
        }
      : null,
    onsetWindowMinutes: rule.params.onsetWindowMinutes,
    observationWindowMinutes: rule.params.observationWindowMinutes,
    interpretedAt: p.interpretedAt ? p.interpretedAt.toISOString() : null,
    interpretedBy: p.interpretedBy,
    interpretedByName: p.interpretedBy
      ? ((await userNames(tx, practiceId, [p.interpretedBy])).get(p.interpretedBy) ?? null)
      : null,
  };
  return { dto, patientId: p.patientId };
}

export function getInterpretation(svc: Services, ctx: RequestContext, procedureId: string) {
  const actor = requireStaff(ctx, 'procedures:read');
  return inTransaction(svc, async (tx) => {
    const { dto, patientId } = await interpret(tx, svc, actor.practiceId, procedureId);
    await audit(tx, ctx, { action: 'read', entity: 'interpretation', entityId: procedureId, patientId });
    return dto;
  });
}

/** The physician signs off the interpretation: who and when are recorded on the block. */
export function signInterpretation(svc: Services, ctx: RequestContext, procedureId: string) {
  const actor = requireStaff(ctx, 'procedures:write');
  return inTransaction(svc, async (tx) => {
    const { dto, patientId } = await interpret(tx, svc, actor.practiceId, procedureId);
    await updateProcedure(tx, actor.practiceId, procedureId, {
      interpretedAt: ctx.now,
      interpretedBy: actor.userId,
      updatedAt: ctx.now,
    });
    const signed = await requireProcedure(tx, actor.practiceId, procedureId);
    await refreshWorklist(tx, svc, actor.practiceId, signed.episodeId);
    await audit(tx, ctx, { action: 'interpret', entity: 'procedure', entityId: procedureId, patientId });
    const names = await userNames(tx, actor.practiceId, [actor.userId]);
    return {
      ...dto,
      interpretedAt: ctx.now.toISOString(),
      interpretedBy: actor.userId,
      interpretedByName: names.get(actor.userId) ?? null,
    };
  });
}
