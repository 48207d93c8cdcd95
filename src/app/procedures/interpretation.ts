/**
 * A diagnostic block's interpretation: the clinical core's reading of its diary (interpretBlock) under the
 * payer policy of the episode's case, and the physician's sign-off.
 */
import type {
  BlockInterpretationDto,
  CloseDiaryInput,
  SignInterpretationInput,
} from '../../contract/procedures.js';
import { categoryOf } from '../../domain/case.js';
import { interpretBlock } from '../../domain/diary/interpret.js';
import { thresholdFor } from '../../domain/policy/context.js';
import { choosePolicy, versionInEffect } from '../../domain/policy/load.js';
import type { RuleOf } from '../../domain/policy/schema.js';
import type { Tx } from '../../store/database.js';
import { type ProcedureRow, updateProcedure } from '../../store/procedures.js';
import { userNames } from '../../store/staff.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { AppError } from '../errors.js';
import { episodeBase, loadCaseRecords } from '../records/episode-case.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';
import { requireProcedure } from './procedure-refs.js';

const DAY_MS = 86_400_000;

/**
 * When the block's diary started: the block's recorded start time; without one, the time the block was
 * recorded, kept within the block's day (a block recorded the day after, or booked ahead, starts its diary
 * on its own day).
 */
function diaryStart(p: ProcedureRow): Date {
  if (p.startedAt) return p.startedAt;
  const day = Date.parse(`${p.date}T00:00:00Z`);
  return new Date(Math.min(Math.max(p.createdAt.getTime(), day), day + DAY_MS - 1));
}

/**
 * Whether the diary is still open. It closes when staff close it (with a reason), when the observation
 * window is over, or when it is complete: an entry for the window's last scheduled time (the schedule
 * counts an entry from three quarters of the window, 18 h of 24 h, for it), or pain back at the
 * pre-block score for the last two entries (the patient may stop then, spec §3).
 */
export function diaryStatus(
  p: ProcedureRow,
  entries: readonly { minutesAfter: number; score: number }[],
  baselineScore: number | null,
  observationWindowMinutes: number,
  now: Date,
): BlockInterpretationDto['diary']['status'] {
  if (p.diaryClosedAt) return 'closed-by-staff';
  const sorted = [...entries].sort((a, b) => a.minutesAfter - b.minutesAfter);
  const last = sorted[sorted.length - 1];
  if (last && last.minutesAfter >= (observationWindowMinutes * 3) / 4) return 'complete';
  const lastTwo = sorted.slice(-2);
  if (baselineScore !== null && lastTwo.length === 2 && lastTwo.every((e) => e.score >= baselineScore)) {
    return 'complete';
  }
  const ends = diaryStart(p).getTime() + observationWindowMinutes * 60_000;
  return now.getTime() >= ends ? 'window-over' : 'open';
}

/** The interpretation of one block (used by the packet too). */
export async function interpret(tx: Tx, svc: Services, practiceId: string, procedureId: string, now: Date) {
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
  const window = rule.params.observationWindowMinutes;
  const staff = [p.interpretedBy, p.diaryClosedBy].filter((x): x is string => x !== null);
  const names = staff.length ? await userNames(tx, practiceId, staff) : new Map<string, string>();
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
    interpretedByName: p.interpretedBy ? (names.get(p.interpretedBy) ?? null) : null,
    diary: {
      status: diaryStatus(p, block.diary ?? [], i.baselineScore, window, now),
      openUntil: new Date(diaryStart(p).getTime() + window * 60_000).toISOString(),
      closedAt: p.diaryClosedAt ? p.diaryClosedAt.toISOString() : null,
      closedByName: p.diaryClosedBy ? (names.get(p.diaryClosedBy) ?? null) : null,
      closeReason: p.diaryCloseReason,
    },
    signNote: p.signNote,
    override:
      p.overrideResult && p.overrideReason ? { result: p.overrideResult, reason: p.overrideReason } : null,
  };
  return { dto, patientId: p.patientId };
}

export function getInterpretation(svc: Services, ctx: RequestContext, procedureId: string) {
  const actor = requireStaff(ctx, 'procedures:read');
  return inTransaction(svc, async (tx) => {
    const { dto, patientId } = await interpret(tx, svc, actor.practiceId, procedureId, ctx.now);
    await audit(tx, ctx, { action: 'read', entity: 'interpretation', entityId: procedureId, patientId });
    return dto;
  });
}

/**
 * The physician signs off the interpretation: who and when are recorded on the block, with an optional note
 * and an override of the computed result (kept beside it; the evaluator still uses the computed result).
 * Refused while the diary is open: the result so far is provisional.
 */
export function signInterpretation(
  svc: Services,
  ctx: RequestContext,
  procedureId: string,
  input?: SignInterpretationInput,
) {
  const actor = requireStaff(ctx, 'procedures:write');
  return inTransaction(svc, async (tx) => {
    const { dto, patientId } = await interpret(tx, svc, actor.practiceId, procedureId, ctx.now);
    if (dto.diary.status === 'open') {
      throw new AppError(
        'CONFLICT',
        `the diary is open until ${dto.diary.openUntil.slice(0, 16).replace('T', ' ')} UTC: the result is provisional; sign when the diary is complete, or close it with a reason first`,
      );
    }
    await updateProcedure(tx, actor.practiceId, procedureId, {
      interpretedAt: ctx.now,
      interpretedBy: actor.userId,
      signNote: input?.note ?? null,
      overrideResult: input?.override?.result ?? null,
      overrideReason: input?.override?.reason ?? null,
      updatedAt: ctx.now,
    });
    const signed = await requireProcedure(tx, actor.practiceId, procedureId);
    await refreshWorklist(tx, svc, actor.practiceId, signed.episodeId);
    await audit(tx, ctx, { action: 'interpret', entity: 'procedure', entityId: procedureId, patientId });
    return (await interpret(tx, svc, actor.practiceId, procedureId, ctx.now)).dto;
  });
}

/** Staff close an open diary before its window is over, with a reason (then the block can be signed). */
export function closeDiary(svc: Services, ctx: RequestContext, procedureId: string, input: CloseDiaryInput) {
  const actor = requireStaff(ctx, 'diary:write');
  return inTransaction(svc, async (tx) => {
    const { dto, patientId } = await interpret(tx, svc, actor.practiceId, procedureId, ctx.now);
    if (dto.diary.status !== 'open') {
      throw new AppError('CONFLICT', 'this diary is already closed');
    }
    await updateProcedure(tx, actor.practiceId, procedureId, {
      diaryClosedAt: ctx.now,
      diaryClosedBy: actor.userId,
      diaryCloseReason: input.reason,
      updatedAt: ctx.now,
    });
    const p = await requireProcedure(tx, actor.practiceId, procedureId);
    await refreshWorklist(tx, svc, actor.practiceId, p.episodeId);
    await audit(tx, ctx, { action: 'close-diary', entity: 'procedure', entityId: procedureId, patientId });
    return (await interpret(tx, svc, actor.practiceId, procedureId, ctx.now)).dto;
  });
}
