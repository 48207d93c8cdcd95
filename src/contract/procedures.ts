/**
 * Procedures, their pain diaries, follow-ups and interpretation over HTTP. The clinical fields are the
 * case format's own pieces (src/contract/case.ts), so a stored procedure always converts to a valid case.
 */
import { z } from 'zod';
import {
  AGENTS,
  GUIDANCE,
  INTENTS,
  OTHER_BLOCKS,
  PROCEDURE_KINDS,
  RFA_TECHNIQUES,
  SEDATION,
} from '../domain/case.js';
import { JOINTS, SIDES } from '../domain/spine/joints.js';
import {
  blockRecordDtoShape,
  blockRecordShape,
  blockRecordUpdateShape,
  checkBlockRecord,
} from './block-record.js';
import { isoDate, pastProcedureSchema, procedureSchema } from './case.js';

const p = procedureSchema.shape;
const preScore = pastProcedureSchema.shape.preScore;

export const procedureStatus = z.enum(['planned', 'done', 'cancelled']);

const uuidRef = (what: string) => z.uuid({ error: `expected a ${what} id (UUID)` });

const clinicalShape = {
  kind: p.kind,
  otherBlock: p.otherBlock,
  intent: p.intent,
  date: p.date,
  joints: p.joints,
  agent: p.agent,
  volumeMlPerNerve: p.volumeMlPerNerve,
  guidance: p.guidance,
  sedation: p.sedation,
  sedationJustified: p.sedationJustified,
  technique: p.technique,
  temperatureC: p.temperatureC,
  preScore,
};

/** What the checks need of a refinement context (zod's, or a collector of issues). */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}
type Clinical = {
  kind: string;
  otherBlock?: string | null | undefined;
  joints: { joint: string }[];
  technique?: string | null | undefined;
  temperatureC?: number | null | undefined;
  preScore?: { scale: string; score: number } | null | undefined;
};

/** The case contract's per-procedure checks (checkProcedure in src/contract/case.ts), for one record. */
export function checkProcedureRecord(r: Clinical, ctx: IssueSink): void {
  const seen = new Set<string>();
  r.joints.forEach((j, i) => {
    if (seen.has(j.joint)) {
      ctx.addIssue({
        code: 'custom',
        path: ['joints', i, 'joint'],
        message: `${j.joint} is listed twice; use side "bilateral" for both sides`,
      });
    }
    seen.add(j.joint);
  });
  if (r.kind === 'other-block' && !r.otherBlock) {
    ctx.addIssue({
      code: 'custom',
      path: ['otherBlock'],
      message: 'say which other block (epidural, si-joint, …)',
    });
  }
  if (r.kind !== 'other-block' && r.otherBlock) {
    ctx.addIssue({ code: 'custom', path: ['otherBlock'], message: 'only for kind "other-block"' });
  }
  if (r.kind !== 'rfa' && (r.technique || (r.temperatureC !== undefined && r.temperatureC !== null))) {
    ctx.addIssue({
      code: 'custom',
      path: ['technique'],
      message: 'technique and temperatureC are for RFA only',
    });
  }
  if (r.preScore?.scale === 'NRS' && !Number.isInteger(r.preScore.score)) {
    ctx.addIssue({
      code: 'custom',
      path: ['preScore', 'score'],
      message: 'an NRS score is a whole number 0–10',
    });
  }
}

export const procedureInput = z
  .strictObject({
    ...clinicalShape,
    status: z.enum(['planned', 'done']).default('done'),
    locationId: uuidRef('location').optional(),
    physicianId: uuidRef('physician').optional(),
    ...blockRecordShape,
  })
  .superRefine(checkProcedureRecord)
  .superRefine(checkBlockRecord);
export type ProcedureInput = z.output<typeof procedureInput>;

/** A change: any field; null clears an optional one. The merged record is checked again as a whole. */
export const procedureUpdate = z.strictObject({
  kind: p.kind.optional(),
  otherBlock: p.otherBlock.unwrap().nullable().optional(),
  intent: p.intent.optional(),
  date: p.date.optional(),
  joints: p.joints.optional(),
  agent: p.agent.unwrap().nullable().optional(),
  volumeMlPerNerve: p.volumeMlPerNerve.unwrap().nullable().optional(),
  guidance: p.guidance.optional(),
  sedation: p.sedation.optional(),
  sedationJustified: p.sedationJustified.unwrap().nullable().optional(),
  technique: p.technique.unwrap().nullable().optional(),
  temperatureC: p.temperatureC.unwrap().nullable().optional(),
  preScore: preScore.unwrap().nullable().optional(),
  status: procedureStatus.optional(),
  locationId: uuidRef('location').nullable().optional(),
  physicianId: uuidRef('physician').nullable().optional(),
  ...blockRecordUpdateShape,
});
export type ProcedureUpdate = z.output<typeof procedureUpdate>;

export const procedure = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  patientId: z.uuid(),
  status: procedureStatus,
  kind: z.enum(PROCEDURE_KINDS),
  otherBlock: z.enum(OTHER_BLOCKS).nullable(),
  intent: z.enum(INTENTS),
  date: z.string(),
  joints: z.array(z.object({ joint: z.enum(JOINTS), side: z.enum(SIDES) })),
  agent: z.enum(AGENTS).nullable(),
  volumeMlPerNerve: z.number().nullable(),
  guidance: z.enum(GUIDANCE),
  sedation: z.enum(SEDATION),
  sedationJustified: z.boolean().nullable(),
  technique: z.enum(RFA_TECHNIQUES).nullable(),
  temperatureC: z.number().nullable(),
  preScore: z.object({ scale: z.enum(['NRS', 'VAS']), score: z.number() }).nullable(),
  locationId: z.uuid().nullable(),
  physicianId: z.uuid().nullable(),
  interpretedAt: z.string().nullable(),
  interpretedBy: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ...blockRecordDtoShape,
});
export type ProcedureDto = z.infer<typeof procedure>;

// Diary entries ------------------------------------------------------------------------------------------

const diaryShape = pastProcedureSchema.shape.diary.unwrap().element.shape;

export const diaryEntryInput = z.strictObject({
  minutesAfter: diaryShape.minutesAfter,
  score: diaryShape.score,
  activity: z.string().trim().min(1).max(200).optional(),
  rescueMedication: z.boolean().optional(),
  idempotencyKey: z
    .string()
    .min(8, { error: 'an idempotency key has 8–100 characters' })
    .max(100, { error: 'an idempotency key has 8–100 characters' })
    .regex(/^[A-Za-z0-9._:-]+$/, { error: 'an idempotency key is letters, digits, . _ : -' }),
});
export type DiaryEntryInput = z.output<typeof diaryEntryInput>;

export const diaryEntry = z.object({
  id: z.uuid(),
  procedureId: z.uuid(),
  minutesAfter: z.number().int(),
  score: z.number(),
  activity: z.string().nullable(),
  rescueMedication: z.boolean().nullable(),
  source: z.enum(['patient', 'staff']),
  recordedAt: z.string(),
  /** The provocation check, recorded by staff in the recovery area (the diary's first point). */
  inRecovery: z.boolean(),
});
export type DiaryEntryDto = z.infer<typeof diaryEntry>;

// Follow-ups ---------------------------------------------------------------------------------------------

const followUpShape = pastProcedureSchema.shape.followUp.unwrap().element.shape;

export const followUpInput = z.strictObject({
  date: isoDate,
  reliefPercent: followUpShape.reliefPercent,
  functionImprovementPercent: followUpShape.functionImprovementPercent,
  nrs: z
    .number({ error: 'pain is a whole number 0–10' })
    .int({ error: 'an NRS score is a whole number 0–10' })
    .min(0, { error: 'an NRS score is a whole number 0–10' })
    .max(10, { error: 'an NRS score is a whole number 0–10' })
    .optional(),
  /** The function score at the follow-up, on the episode's instrument (e.g. ODI 0–100). */
  functionScore: z
    .number({ error: 'the function score is a number 0–100' })
    .min(0, { error: 'the function score is a number 0–100' })
    .max(100, { error: 'the function score is a number 0–100' })
    .optional(),
  /** Whether the patient can do the activities that hurt before (spec §3). */
  ableToDoActivities: z.boolean({ error: 'answer yes or no' }).optional(),
});
export type FollowUpInput = z.output<typeof followUpInput>;

export const followUp = z.object({
  id: z.uuid(),
  procedureId: z.uuid(),
  date: z.string(),
  reliefPercent: z.number(),
  functionImprovementPercent: z.number().nullable(),
  nrs: z.number().nullable(),
  functionScore: z.number().nullable(),
  ableToDoActivities: z.boolean().nullable(),
  createdAt: z.string(),
});
export type FollowUpDto = z.infer<typeof followUp>;

export const procedureWithRecords = procedure.extend({
  diary: z.array(diaryEntry),
  followUps: z.array(followUp),
});
export type ProcedureWithRecordsDto = z.infer<typeof procedureWithRecords>;

export const procedureList = z.object({ items: z.array(procedureWithRecords) });

// Interpretation -----------------------------------------------------------------------------------------

export const blockInterpretation = z.object({
  procedureId: z.uuid(),
  policy: z.object({ id: z.string(), version: z.string() }),
  result: z.enum(['positive', 'negative', 'indeterminate']),
  peakReliefPercent: z.number().nullable(),
  durationMinutes: z.number(),
  threshold: z.number(),
  thresholdInclusive: z.boolean(),
  agent: z.enum(AGENTS).nullable(),
  baselineScore: z.number().nullable(),
  censored: z.boolean(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  points: z.array(z.object({ minutesAfter: z.number(), score: z.number(), reliefPercent: z.number() })),
  explanation: z.string(),
  rule: z.string(),
  /**
   * The agent's expected duration from the policy (block-interpretation rule): relief at the threshold
   * should last at least `fromMinutes` and typically ends by `toMinutes`; beyond `prolongedAfterMinutes`
   * it is PROLONGED_RELIEF. Null when no agent is recorded.
   */
  agentWindow: z
    .object({ fromMinutes: z.number(), toMinutes: z.number(), prolongedAfterMinutes: z.number() })
    .nullable(),
  /** The run of relief must start within this many minutes; the peak is read up to observationWindowMinutes. */
  onsetWindowMinutes: z.number(),
  observationWindowMinutes: z.number(),
  interpretedAt: z.string().nullable(),
  interpretedBy: z.uuid().nullable(),
  /** The name of the staff member who signed the interpretation. */
  interpretedByName: z.string().nullable(),
  /**
   * The diary: open until its observation window is over or its scheduled entries are in, unless staff
   * closed it (with a reason). While it is open the result is provisional and cannot be signed.
   */
  diary: z.object({
    status: z.enum(['open', 'complete', 'window-over', 'closed-by-staff']),
    /** When the observation window ends (ISO date-time). */
    openUntil: z.string(),
    closedAt: z.string().nullable(),
    closedByName: z.string().nullable(),
    closeReason: z.string().nullable(),
  }),
  /** The sign-off's note, and the physician's override kept beside the computed result (never replacing it). */
  signNote: z.string().nullable(),
  override: z
    .object({ result: z.enum(['positive', 'negative', 'indeterminate']), reason: z.string() })
    .nullable(),
});
export type BlockInterpretationDto = z.infer<typeof blockInterpretation>;

const words = (what: string, max: number) =>
  z
    .string({ error: `${what} is text` })
    .trim()
    .min(1, { error: `write ${what}` })
    .max(max, { error: `${what} has at most ${max} characters` });

/** Staff close a block's diary before its window is over (the patient stopped, the link failed …). */
export const closeDiaryInput = z.strictObject({ reason: words('the reason', 500) });
export type CloseDiaryInput = z.output<typeof closeDiaryInput>;

/** Signing: an optional note, and an override of the computed result with its reason. */
export const signInterpretationInput = z
  .strictObject({
    note: words('the note', 1000).optional(),
    override: z
      .strictObject({
        result: z.enum(['positive', 'negative', 'indeterminate'], {
          error: 'choose positive, negative or indeterminate',
        }),
        reason: words('the reason for the override', 1000),
      })
      .optional(),
  })
  .nullish();
export type SignInterpretationInput = z.output<typeof signInterpretationInput>;
