/**
 * The case file: the JSON a physician's system, the server and `facetpath evaluate` exchange.
 * Every field is validated here, at the boundary, with messages that say what was expected; the clinical
 * core then trusts its input. Published as JSON Schema in docs/case.schema.json (npm run schema).
 */
import { z } from 'zod';
import {
  AGENTS,
  type Case,
  CONSERVATIVE_CARE_KINDS,
  COVERAGE_KINDS,
  FUNCTION_INSTRUMENTS,
  GUIDANCE,
  IMAGING_KINDS,
  INTENTS,
  NON_FACET_CAUSES,
  OTHER_BLOCKS,
  PAIN_SCALES,
  PROCEDURE_KINDS,
  RADICULAR,
  RFA_TECHNIQUES,
  SEDATION,
} from '../domain/case.js';
import { isIsoDate } from '../domain/dates.js';
import { JOINTS, REGIONS, SIDES } from '../domain/spine/joints.js';
import { US_STATES } from './states.js';

export const isoDate = z.iso
  .date({ error: 'expected a calendar date YYYY-MM-DD (e.g. 2026-03-14)', abort: true })
  .refine(isIsoDate, { error: 'expected a calendar date YYYY-MM-DD between 1900 and 2200' });

/** Pain 0–10: NRS in whole points; VAS in cm with at most one decimal (0.1 cm = 1 mm). */
const score = z
  .number({ error: 'expected a pain score from 0 to 10' })
  .min(0, { error: 'a pain score is at least 0' })
  .max(10, { error: 'a pain score is at most 10' })
  .refine((n) => Number.isInteger(Math.round(n * 10 * 1e6) / 1e6), {
    error: 'a pain score has at most one decimal',
  });

const painScore = z.strictObject({ scale: z.enum(PAIN_SCALES), score });

const joint = z.enum(JOINTS, {
  error: `expected a facet joint: ${JOINTS[0]} … ${JOINTS[JOINTS.length - 1]}`,
});
const jointSide = z.strictObject({ joint, side: z.enum(SIDES) });
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { error: 'an id is 1–64 letters, digits, . _ : -' });
const percent = z.number().min(-100).max(100);
const icd10 = z.string().regex(/^[A-Za-z]\d[0-9A-Za-z](\.?[0-9A-Za-z]{1,4})?$/, {
  error: 'expected an ICD-10-CM code like M47.816',
});

const procedureShape = {
  id,
  kind: z.enum(PROCEDURE_KINDS),
  otherBlock: z.enum(OTHER_BLOCKS).optional(),
  intent: z.enum(INTENTS),
  date: isoDate,
  joints: z.array(jointSide).min(1, { error: 'at least one joint' }).max(23),
  agent: z.enum(AGENTS).optional(),
  volumeMlPerNerve: z.number().positive().max(10).optional(),
  guidance: z.enum(GUIDANCE),
  sedation: z.enum(SEDATION),
  sedationJustified: z.boolean().optional(),
  technique: z.enum(RFA_TECHNIQUES).optional(),
  temperatureC: z.number().min(0).max(120).optional(),
};

const diaryEntry = z.strictObject({
  minutesAfter: z
    .number()
    .int({ error: 'expected whole minutes' })
    .min(0)
    .max(60 * 24 * 14),
  score,
});

const followUp = z.strictObject({
  date: isoDate,
  reliefPercent: percent,
  functionImprovementPercent: percent.optional(),
});

export const procedureSchema = z.strictObject(procedureShape);
export const pastProcedureSchema = z.strictObject({
  ...procedureShape,
  preScore: painScore.optional(),
  diary: z
    .array(diaryEntry)
    .min(1, { error: 'a diary has at least one entry; leave it out when there is none' })
    .max(500)
    .optional(),
  followUp: z.array(followUp).max(100).optional(),
});

/** Free text of at most `max` characters, with the limit said in words. */
const words = (what: string, max: number) =>
  z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, { error: `${what} is empty: leave it out instead` })
    .max(max, { error: `${what} is at most ${max} characters` });

const yesNo = (what: string) => z.boolean({ error: `expected yes or no (true/false) for ${what}` });
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `expected ${what}: ${values.join(', ')}` });

export const complaintSchema = z.strictObject({
  region: z.enum(REGIONS),
  description: words('the pain description', 2000).optional(),
  onset: isoDate.optional(),
  axial: yesNo('axial pain').optional(),
  radicular: oneOf(RADICULAR, 'the radicular status').optional(),
  neurogenicClaudication: yesNo('neurogenic claudication').optional(),
  nonFacetCause: oneOf(NON_FACET_CAUSES, 'a non-facet cause').optional(),
  diagnoses: z.array(icd10).max(50, { error: 'at most 50 diagnoses' }).optional(),
  baseline: z
    .strictObject({
      scale: oneOf(PAIN_SCALES, 'a pain scale'),
      score,
      date: isoDate,
      activity: words('the activity', 200).optional(),
    })
    .optional(),
  function: z
    .strictObject({
      instrument: oneOf(FUNCTION_INSTRUMENTS, 'an instrument'),
      score: z
        .number({ error: 'expected a function score from 0 to 100' })
        .min(0, { error: 'a function score is at least 0' })
        .max(100, { error: 'a function score is at most 100' }),
      date: isoDate,
    })
    .optional(),
  conservativeCare: z
    .array(
      z.strictObject({
        kind: oneOf(CONSERVATIVE_CARE_KINDS, 'a kind of care'),
        start: isoDate,
        end: isoDate,
        failed: yesNo('whether the care failed'),
      }),
    )
    .max(100, { error: 'at most 100 courses of conservative care' })
    .optional(),
  imaging: z
    .array(
      z.strictObject({
        kind: oneOf(IMAGING_KINDS, 'a kind of imaging'),
        date: isoDate,
        finding: words('the finding', 2000).optional(),
      }),
    )
    .max(50, { error: 'at most 50 imaging studies' })
    .optional(),
  rfaContraindication: words('the reason RFA is not possible', 2000).optional(),
});

type Ctx = z.core.$RefinementCtx<unknown>;

type Scale = 'NRS' | 'VAS' | undefined;

function checkProcedure(
  p: z.infer<typeof pastProcedureSchema>,
  path: (string | number)[],
  ctx: Ctx,
  baselineScale: Scale,
): void {
  // NRS is scored in whole points; VAS (cm) may carry one decimal. The diary uses the pre-block scale.
  const scale = p.preScore?.scale ?? baselineScale;
  if (p.preScore?.scale === 'NRS' && !Number.isInteger(p.preScore.score)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'preScore', 'score'],
      message: 'an NRS score is a whole number 0–10',
    });
  }
  if (scale === 'NRS') {
    p.diary?.forEach((e, i) => {
      if (!Number.isInteger(e.score)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'diary', i, 'score'],
          message: 'this diary is on the NRS: a whole number 0–10',
        });
      }
    });
  }
  const seen = new Set<string>();
  p.joints.forEach((j, i) => {
    if (seen.has(j.joint)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'joints', i, 'joint'],
        message: `${j.joint} is listed twice; use side "bilateral" for both sides`,
      });
    }
    seen.add(j.joint);
  });
  if (p.kind === 'other-block' && !p.otherBlock) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'otherBlock'],
      message: 'say which other block (epidural, si-joint, …)',
    });
  }
  if (p.kind !== 'other-block' && p.otherBlock) {
    ctx.addIssue({ code: 'custom', path: [...path, 'otherBlock'], message: 'only for kind "other-block"' });
  }
  if (p.kind !== 'rfa' && (p.technique || p.temperatureC !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'technique'],
      message: 'technique and temperatureC are for RFA only',
    });
  }
  p.diary?.forEach((e, i) => {
    const prev = p.diary![i - 1];
    if (prev && e.minutesAfter <= prev.minutesAfter) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'diary', i, 'minutesAfter'],
        message: `diary entries must be in increasing time order (${e.minutesAfter} min comes after ${prev.minutesAfter} min)`,
      });
    }
  });
  p.followUp?.forEach((f, i) => {
    if (f.date < p.date) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'followUp', i, 'date'],
        message: `a follow-up (${f.date}) cannot precede its procedure (${p.date})`,
      });
    }
  });
}

export const caseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    asOf: isoDate.optional(),
    policy: z.string().min(1).max(64).optional(),
    coverage: z.strictObject({
      kind: z.enum(COVERAGE_KINDS),
      state: z.enum(US_STATES, { error: 'expected a US state or territory code such as CA, TX or PR' }),
    }),
    complaint: complaintSchema,
    history: z.array(pastProcedureSchema).max(200).default([]),
    proposed: procedureSchema,
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.history.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({
          code: 'custom',
          path: ['history', i, 'id'],
          message: `duplicate procedure id ${p.id}`,
        });
      ids.add(p.id);
      if (p.date > c.proposed.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', i, 'date'],
          message: `a past procedure (${p.date}) cannot come after the proposed one (${c.proposed.date})`,
        });
      }
      checkProcedure(p, ['history', i], ctx, c.complaint.baseline?.scale);
    });
    if (ids.has(c.proposed.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['proposed', 'id'],
        message: `id ${c.proposed.id} is already used in history`,
      });
    }
    if (c.proposed.kind === 'other-block') {
      ctx.addIssue({
        code: 'custom',
        path: ['proposed', 'kind'],
        message: 'the proposed procedure must be a facet procedure (mbb, intra-articular or rfa)',
      });
    }
    checkProcedure(c.proposed, ['proposed'], ctx, c.complaint.baseline?.scale);
    const b = c.complaint.baseline;
    if (b?.scale === 'NRS' && !Number.isInteger(b.score)) {
      ctx.addIssue({
        code: 'custom',
        path: ['complaint', 'baseline', 'score'],
        message: 'an NRS score is a whole number 0–10',
      });
    }
    const { onset, conservativeCare } = c.complaint;
    if (onset && onset > c.proposed.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['complaint', 'onset'],
        message: `pain onset (${onset}) cannot come after the proposed procedure (${c.proposed.date})`,
      });
    }
    conservativeCare?.forEach((cc, i) => {
      if (cc.end < cc.start) {
        ctx.addIssue({
          code: 'custom',
          path: ['complaint', 'conservativeCare', i, 'end'],
          message: `end (${cc.end}) is before start (${cc.start})`,
        });
      }
    });
  });

export type CaseInput = z.input<typeof caseSchema>;
export type CaseFile = z.output<typeof caseSchema>;

// The schema must produce exactly the clinical core's Case type; this fails to compile if they drift.
const _sameShape: (c: CaseFile) => Case = (c) => c;
void _sameShape;
