/** The practice administration contract: locations, staff accounts, policy settings, access history. */
import { z } from 'zod';
import { COVERAGE_KINDS } from '../domain/case.js';
import { email, personName, phone } from './common.js';
import { US_STATES } from './states.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const room = text(40);
const rooms = z
  .array(room)
  .max(50)
  .refine((r) => new Set(r).size === r.length, { error: 'room names must be unique' });

/** The IANA zone a location's clock times (a block's start) are read in. */
export const timeZone = z
  .string({ error: 'expected an IANA time zone such as America/New_York' })
  .max(64, { error: 'expected an IANA time zone such as America/New_York' })
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return tz.includes('/') || tz === 'UTC';
      } catch {
        return false;
      }
    },
    { error: 'expected an IANA time zone such as America/New_York' },
  );

export const locationInput = z.strictObject({
  name: text(100),
  address: text(300),
  phone,
  state: z.enum(US_STATES),
  rooms: rooms.default([]),
  active: z.boolean().default(true),
  timeZone: timeZone.optional(),
});
export const locationUpdate = z.strictObject({
  name: text(100).optional(),
  address: text(300).optional(),
  phone: phone.optional(),
  state: z.enum(US_STATES).optional(),
  rooms: rooms.optional(),
  active: z.boolean().optional(),
  timeZone: timeZone.optional(),
});
export const locationListQuery = z.strictObject({
  active: z.enum(['true', 'false']).optional(),
});
export const location = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  state: z.string(),
  rooms: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  timeZone: z.string(),
});
export const locationList = z.object({ items: z.array(location) });

export const STAFF_ROLES = ['admin', 'physician', 'coordinator'] as const;
export const MIN_PASSWORD = 12;
const password = z
  .string()
  .min(MIN_PASSWORD, { error: `at least ${MIN_PASSWORD} characters` })
  .max(200);

export const staffInput = z.strictObject({
  email,
  name: personName,
  role: z.enum(STAFF_ROLES),
  password,
});
export const staffUpdate = z.strictObject({
  name: personName.optional(),
  role: z.enum(STAFF_ROLES).optional(),
});
export const passwordReset = z.strictObject({ password });
export const staffMember = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
export const staffList = z.object({ items: z.array(staffMember) });

/** The policy a coverage kind is evaluated under; ids are checked against the loaded catalog. */
export const policyByCoverage = z.partialRecord(z.enum(COVERAGE_KINDS), text(64));
export const policiesInput = z.strictObject({ policyByCoverage });
export const practicePolicies = z.object({
  policyByCoverage: z.record(z.string(), z.string()),
  catalog: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      defaultFor: z.array(z.string()),
      /** Every version, oldest first, with its effective date, summary and source citation. */
      versions: z.array(
        z.object({ version: z.string(), effective: z.string(), summary: z.string(), source: z.string() }),
      ),
    }),
  ),
});

export const accessHistory = z.object({
  patientId: z.uuid(),
  items: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actorType: z.string(),
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string().nullable(),
      requestId: z.string().nullable(),
    }),
  ),
});
