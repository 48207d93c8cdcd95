import { z } from 'zod';
import { COVERAGE_KINDS } from '../domain/case.js';
import { isoDate } from './case.js';
import { email, page, pageQuery, personName, phone } from './common.js';
import { US_STATES } from './states.js';

export const patientInput = z.strictObject({
  mrn: z.string().trim().min(1).max(40).optional(),
  givenName: personName,
  familyName: personName,
  birthDate: isoDate,
  phone: phone.optional(),
  email: email.optional(),
  language: z.enum(['en', 'es']).default('en'),
});
export const patientUpdate = patientInput.partial();

export const patient = z.object({
  id: z.uuid(),
  mrn: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  language: z.enum(['en', 'es']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PatientDto = z.infer<typeof patient>;

export const patientListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().min(1).max(100).optional(),
});
export const patientPage = page(patient);

export const coverageInput = z.strictObject({
  kind: z.enum(COVERAGE_KINDS),
  state: z.enum(US_STATES),
  payerName: z.string().trim().min(1).max(100).optional(),
  memberId: z.string().trim().min(1).max(60).optional(),
  policy: z.string().trim().min(1).max(64).optional(),
});
export const coverage = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  kind: z.enum(COVERAGE_KINDS),
  state: z.string(),
  payerName: z.string().nullable(),
  memberId: z.string().nullable(),
  policy: z.string().nullable(),
  active: z.boolean(),
});
