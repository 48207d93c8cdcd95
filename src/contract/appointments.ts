/** Appointments: who, where (location, room / C-arm), with whom, when, and why. */
import { z } from 'zod';
import { isoDate } from './case.js';
import { pageQuery } from './common.js';

export const PURPOSES = ['consult', 'mbb', 'rfa', 'follow-up', 'other'] as const;
export const APPOINTMENT_STATUSES = ['booked', 'done', 'cancelled', 'no-show'] as const;

export const dateTime = z.iso.datetime({
  offset: true,
  error: 'expected an ISO date-time with a time zone, e.g. 2026-03-02T09:30:00-05:00',
});
const room = z.string().trim().min(1).max(40);

export const appointmentInput = z.strictObject({
  patientId: z.uuid(),
  locationId: z.uuid(),
  physicianId: z.uuid().optional(),
  room: room.optional(),
  startsAt: dateTime,
  minutes: z.number().int().min(5).max(600),
  purpose: z.enum(PURPOSES),
  status: z.enum(APPOINTMENT_STATUSES).default('booked'),
});
export const appointmentUpdate = z.strictObject({
  locationId: z.uuid().optional(),
  physicianId: z.uuid().nullable().optional(),
  room: room.nullable().optional(),
  startsAt: dateTime.optional(),
  minutes: z.number().int().min(5).max(600).optional(),
  purpose: z.enum(PURPOSES).optional(),
  status: z.enum(APPOINTMENT_STATUSES).optional(),
});

export const appointmentListQuery = z.strictObject({
  ...pageQuery,
  date: isoDate,
  locationId: z.uuid().optional(),
  physicianId: z.uuid().optional(),
  /** The time zone the day is counted in (IANA name, default UTC). */
  tz: z
    .string()
    .max(64)
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { error: 'expected an IANA time zone such as America/New_York' },
    )
    .default('UTC'),
});

export const appointment = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  patientName: z.string(),
  locationId: z.uuid(),
  physicianId: z.uuid().nullable(),
  room: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().int(),
  purpose: z.enum(PURPOSES),
  status: z.enum(APPOINTMENT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const appointmentList = z.object({
  items: z.array(appointment),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

/** Who can be booked: the practice's active physicians (for the schedule's physician picker). */
export const physicianList = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
