/** Screening requests from the public, as staff see and decide them. */
import { z } from 'zod';
import { appointmentInput } from './appointments.js';
import { isoDate } from './case.js';
import { pageQuery } from './common.js';

export const REQUEST_STATUSES = ['new', 'accepted', 'declined'] as const;

export const requestListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(REQUEST_STATUSES).optional(),
  locationId: z.uuid().optional(),
});

export const screeningRequest = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  status: z.enum(REQUEST_STATUSES),
  language: z.string(),
  contact: z.record(z.string(), z.unknown()),
  answers: z.record(z.string(), z.unknown()),
  insurance: z.record(z.string(), z.unknown()).nullable(),
  patientId: z.uuid().nullable(),
  declineReason: z.string().nullable(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const requestPage = z.object({
  items: z.array(screeningRequest),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const acceptInput = z.strictObject({
  /** Needed when the request's contact details carry no birth date. */
  birthDate: isoDate.optional(),
  mrn: z.string().trim().min(1).max(40).optional(),
  /** Book a first appointment for the new patient in the same step. */
  appointment: appointmentInput
    .omit({ patientId: true, status: true })
    .partial({ locationId: true })
    .optional(),
});
export const declineInput = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const acceptResult = z.object({
  request: screeningRequest,
  patientId: z.uuid(),
  appointmentId: z.uuid().nullable(),
});
