/** The evaluation result as a zod schema (for the OpenAPI description); checked against the domain type. */
import { z } from 'zod';
import { AGENTS, PROCEDURE_KINDS } from '../domain/case.js';
import { REASON_CODES } from '../domain/codes.js';
import type { EvaluationResult } from '../domain/result.js';
import { CPT_REGIONS, JOINTS } from '../domain/spine/joints.js';

const code = z.enum(REASON_CODES);

export const evaluationResult = z.object({
  policy: z.object({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    lcd: z.string().optional(),
    contractor: z.string().optional(),
    note: z.string().optional(),
  }),
  asOf: z.string(),
  proposed: z.object({ id: z.string(), kind: z.enum(PROCEDURE_KINDS), intent: z.string(), date: z.string() }),
  verdict: z.enum(['eligible', 'not-eligible', 'needs-information']),
  reasons: z.array(code),
  warnings: z.array(code),
  criteria: z.array(
    z.object({
      rule: z.string(),
      title: z.string(),
      severity: z.enum(['required', 'advisory']),
      status: z.enum(['met', 'not-met', 'unknown']),
      reason: code.optional(),
      message: z.string(),
      source: z.string(),
      earliestDate: z.string().optional(),
    }),
  ),
  blocks: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      kind: z.enum(PROCEDURE_KINDS),
      agent: z.enum(AGENTS).nullable(),
      result: z.enum(['positive', 'negative', 'indeterminate']),
      peakReliefPercent: z.number().nullable(),
      durationMinutes: z.number(),
      threshold: z.number(),
      thresholdInclusive: z.boolean(),
      reasons: z.array(code),
      warnings: z.array(code),
      explanation: z.string(),
      rule: z.string(),
    }),
  ),
  comparative: z
    .object({
      result: z.enum(['concordant', 'discordant']),
      shortBlockId: z.string(),
      longBlockId: z.string(),
    })
    .nullable(),
  coding: z.array(
    z.object({
      code: z.string(),
      modifiers: z.array(z.string()),
      units: z.number(),
      covered: z.boolean(),
      region: z.enum(CPT_REGIONS),
      levels: z.array(z.enum(JOINTS)),
      description: z.string(),
    }),
  ),
  next: z.array(
    z.object({
      action: z.enum([
        'reschedule',
        'confirmatory-block',
        'rfa',
        'follow-up',
        'repeat-rfa',
        'repeat-therapeutic-injection',
        'provide-information',
      ]),
      earliestDate: z.string().nullable().describe('the date the rule allows, never moved to the as-of date'),
      alreadyAllowed: z.boolean().describe('true when earliestDate is already past on the as-of date'),
      reason: z.string(),
    }),
  ),
});

// Fails to compile if the domain's result and this schema drift apart.
const _same: (r: EvaluationResult) => z.infer<typeof evaluationResult> = (r) => r;
void _same;
