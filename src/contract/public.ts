/** The public (no account) contract: a practice's public page and the self-screening request. */
import { z } from 'zod';
import { COVERAGE_KINDS } from '../domain/case.js';
import { isIsoDate } from '../domain/dates.js';
import {
  IMAGING,
  PAIN_AREAS,
  PAIN_DURATIONS,
  RADIATION,
  RED_FLAGS,
  SCREENING_REASONS,
  SCREENING_RESULTS,
  TREATMENTS_TRIED,
} from '../domain/screening/assess.js';
import { email, personName, phone } from './common.js';

export const slugParam = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    error: 'expected a practice slug (lower-case letters, digits, -)',
  }),
});

export const publicPractice = z.object({
  name: z.string(),
  locations: z.array(z.object({ id: z.uuid(), name: z.string(), address: z.string(), phone: z.string() })),
});
export type PublicPracticeDto = z.infer<typeof publicPractice>;

/** A list of choices where 'none' stands alone and nothing is repeated. */
const choices = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .min(1, { error: "choose at least one (or 'none')" })
    .max(values.length)
    .refine((xs) => new Set(xs).size === xs.length, { error: 'each choice at most once' })
    .refine((xs) => !(xs.length > 1 && xs.includes('none' as T[number])), {
      error: "'none' cannot be combined with other choices",
    });

/** A date of birth: a real calendar date, in the past, at most 120 years ago (checked against the clock). */
const birthDate = z.iso
  .date({ error: 'expected a calendar date YYYY-MM-DD (e.g. 1961-05-30)' })
  .refine(isIsoDate, { error: 'expected a calendar date YYYY-MM-DD between 1900 and 2200' });

export const screeningRequestInput = z.strictObject({
  answers: z.strictObject({
    painArea: z.enum(PAIN_AREAS),
    duration: z.enum(PAIN_DURATIONS),
    worseWithMovement: z.boolean(),
    radiation: z.enum(RADIATION),
    treatmentsTried: choices(TREATMENTS_TRIED),
    imaging: z.enum(IMAGING),
    redFlags: choices(RED_FLAGS),
  }),
  /** The appointment request: where, and which days/times suit (free text). */
  locationId: z.uuid({ error: 'expected a location id (UUID)' }),
  preferredTimes: z.string().trim().max(200).optional(),
  contact: z.strictObject({
    givenName: personName,
    familyName: personName,
    phone,
    email: email.optional(),
    birthDate: birthDate.optional(),
  }),
  insurance: z
    .strictObject({
      kind: z.enum(COVERAGE_KINDS),
      payerName: z.string().trim().min(1).max(100).optional(),
      memberId: z.string().trim().min(1).max(60).optional(),
    })
    .optional(),
  language: z.enum(['en', 'es']).default('en'),
});
export type ScreeningRequestInput = z.output<typeof screeningRequestInput>;

export const screeningAssessment = z.object({
  result: z.enum(SCREENING_RESULTS),
  reasons: z.array(z.enum(SCREENING_REASONS)),
  notADiagnosis: z.literal(true),
});

export const screeningRequestCreated = z.object({
  id: z.uuid(),
  assessment: screeningAssessment,
});
