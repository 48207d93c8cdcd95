/** Appointments: book, read, change, cancel or delete, and the day's list for a location. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  appointmentInput,
  appointmentListQuery,
  appointmentUpdate,
} from '../../contract/appointments.js';
import {
  type AppointmentWithPatient,
  findAppointment,
  insertAppointment,
  listAppointments as list,
  deleteAppointment as remove,
  updateAppointment as update,
} from '../../store/appointments.js';
import type { Tx } from '../../store/database.js';
import { findPatient } from '../../store/patients.js';
import { listUsers } from '../../store/staff.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { audit, auditMany, inTransaction, type Services } from '../services.js';
import { checkSlot } from './slot.js';

export const appointmentDto = (r: AppointmentWithPatient) => ({
  id: r.id,
  patientId: r.patientId,
  patientName: `${r.familyName}, ${r.givenName}`,
  locationId: r.locationId,
  physicianId: r.physicianId,
  room: r.room,
  startsAt: r.startsAt.toISOString(),
  endsAt: new Date(r.startsAt.getTime() + r.minutes * 60_000).toISOString(),
  minutes: r.minutes,
  purpose: r.purpose as 'consult',
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Books inside a caller's transaction (also used when a screening request is accepted). */
export async function book(
  tx: Tx,
  ctx: RequestContext,
  practiceId: string,
  input: z.output<typeof appointmentInput>,
  prefix = 'body',
) {
  if (!(await findPatient(tx, practiceId, input.patientId))) throw notFound('patient');
  const slot = {
    locationId: input.locationId,
    room: input.room ?? null,
    physicianId: input.physicianId ?? null,
    startsAt: new Date(input.startsAt),
    minutes: input.minutes,
    status: input.status,
  };
  await checkSlot(tx, practiceId, slot, undefined, prefix);
  const row = await insertAppointment(tx, {
    id: randomUUID(),
    practiceId,
    patientId: input.patientId,
    ...slot,
    purpose: input.purpose,
    status: input.status,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await audit(tx, ctx, {
    action: 'create',
    entity: 'appointment',
    entityId: row.id,
    patientId: row.patientId,
  });
  return row;
}

export function createAppointment(
  svc: Services,
  ctx: RequestContext,
  input: z.output<typeof appointmentInput>,
) {
  const actor = requireStaff(ctx, 'appointments:write');
  return inTransaction(svc, async (tx) => {
    const row = await book(tx, ctx, actor.practiceId, input);
    return appointmentDto((await findAppointment(tx, actor.practiceId, row.id))!);
  });
}

export function getAppointment(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'appointments:read');
  return inTransaction(svc, async (tx) => {
    const row = await findAppointment(tx, actor.practiceId, id);
    if (!row) throw notFound('appointment');
    await audit(tx, ctx, { action: 'read', entity: 'appointment', entityId: id, patientId: row.patientId });
    return appointmentDto(row);
  });
}

export function updateAppointment(
  svc: Services,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof appointmentUpdate>,
) {
  const actor = requireStaff(ctx, 'appointments:write');
  return inTransaction(svc, async (tx) => {
    const old = await findAppointment(tx, actor.practiceId, id);
    if (!old) throw notFound('appointment');
    const slot = {
      locationId: input.locationId ?? old.locationId,
      room: input.room !== undefined ? input.room : old.room,
      physicianId: input.physicianId !== undefined ? input.physicianId : old.physicianId,
      startsAt: input.startsAt ? new Date(input.startsAt) : old.startsAt,
      minutes: input.minutes ?? old.minutes,
      status: input.status ?? old.status,
    };
    await checkSlot(tx, actor.practiceId, slot, id, 'body', {
      room: input.room !== undefined || input.locationId !== undefined,
      physician: input.physicianId !== undefined,
    });
    await update(tx, actor.practiceId, id, {
      ...slot,
      status: slot.status as 'booked',
      purpose: input.purpose ?? old.purpose,
      updatedAt: ctx.now,
    });
    await audit(tx, ctx, { action: 'update', entity: 'appointment', entityId: id, patientId: old.patientId });
    return appointmentDto((await findAppointment(tx, actor.practiceId, id))!);
  });
}

export function deleteAppointment(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'appointments:write');
  return inTransaction(svc, async (tx) => {
    const row = await remove(tx, actor.practiceId, id);
    if (!row) throw notFound('appointment');
    await audit(tx, ctx, { action: 'delete', entity: 'appointment', entityId: id, patientId: row.patientId });
  });
}

/** Offset of a time zone from UTC at an instant, in minutes. */
function zoneOffsetMinutes(tz: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a local midnight falls on in a time zone. */
export function localMidnight(date: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d);
  let guess = naive - zoneOffsetMinutes(tz, new Date(naive)) * 60_000;
  guess = naive - zoneOffsetMinutes(tz, new Date(guess)) * 60_000;
  return new Date(guess);
}

export function listAppointments(
  svc: Services,
  ctx: RequestContext,
  q: z.output<typeof appointmentListQuery>,
) {
  const actor = requireStaff(ctx, 'appointments:read');
  const from = localMidnight(q.date, q.tz);
  const next = new Date(`${q.date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const to = localMidnight(next.toISOString().slice(0, 10), q.tz);
  return inTransaction(svc, async (tx) => {
    const { rows, total } = await list(tx, actor.practiceId, { ...q, from, to });
    await auditMany(
      tx,
      ctx,
      rows.map((r) => ({ action: 'list', entity: 'appointment', entityId: r.id, patientId: r.patientId })),
    );
    return { items: rows.map(appointmentDto), total, limit: q.limit, offset: q.offset };
  });
}

/**
 * The practice's active physicians, by name: whoever books appointments needs them, and coordinators may
 * not read the staff list (GET /staff is for admins: it shows emails, roles and lockouts).
 */
export async function listPhysicians(svc: Services, ctx: RequestContext) {
  const actor = requireStaff(ctx, 'appointments:read');
  const rows = await listUsers(svc.database.db, actor.practiceId);
  return {
    items: rows.filter((r) => r.role === 'physician' && r.active).map((r) => ({ id: r.id, name: r.name })),
  };
}
