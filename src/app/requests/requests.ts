/**
 * Screening requests, staff side: list them, accept one (the patient is created from the request's contact
 * details, optionally with a first appointment, in one transaction) or decline it with a reason.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isoDate } from '../../contract/case.js';
import { email as emailSchema, personName, phone as phoneSchema } from '../../contract/common.js';
import type { acceptInput, requestListQuery } from '../../contract/requests.js';
import type { Issue } from '../../domain/errors.js';
import { insertPatient } from '../../store/patients.js';
import {
  decideRequest,
  findRequestForUpdate,
  listRequests as list,
  type RequestRow,
} from '../../store/requests.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { book } from '../appointments/appointments.js';
import { AppError, notFound } from '../errors.js';
import { audit, auditMany, inTransaction, type Services } from '../services.js';

export const requestDto = (r: RequestRow) => ({
  id: r.id,
  locationId: r.locationId,
  status: r.status,
  language: r.language,
  contact: r.contact,
  answers: r.answers,
  insurance: r.insurance ?? null,
  patientId: r.patientId,
  declineReason: r.declineReason,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
});

const auditFor = (r: RequestRow, action: string) => ({
  action,
  entity: 'screening-request',
  entityId: r.id,
  patientId: r.patientId,
});

export function listRequests(svc: Services, ctx: RequestContext, q: z.output<typeof requestListQuery>) {
  const actor = requireStaff(ctx, 'requests:read');
  return inTransaction(svc, async (tx) => {
    const { rows, total } = await list(tx, actor.practiceId, q);
    await auditMany(
      tx,
      ctx,
      rows.map((r) => auditFor(r, 'list')),
    );
    return { items: rows.map(requestDto), total, limit: q.limit, offset: q.offset };
  });
}

async function openRequest(
  tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  practiceId: string,
  id: string,
) {
  const row = await findRequestForUpdate(tx, practiceId, id);
  if (!row) throw notFound('screening request');
  if (row.status !== 'new') throw new AppError('CONFLICT', `this request was already ${row.status}`);
  return row;
}

/** The new patient's details from the request's contact (the body may supply a birth date and MRN). */
function patientFrom(r: RequestRow, input: z.output<typeof acceptInput>) {
  const c = r.contact as Record<string, unknown>;
  const issues: Issue[] = [];
  const take = <T>(schema: z.ZodType<T>, value: unknown, path: string, required: boolean): T | undefined => {
    if (value === undefined || value === null || value === '') {
      if (required) issues.push({ path, message: 'required to create the patient' });
      return undefined;
    }
    const p = schema.safeParse(value);
    if (!p.success) {
      issues.push({ path, message: p.error.issues[0]?.message ?? 'invalid' });
      return undefined;
    }
    return p.data;
  };
  const givenName = take(personName, c.givenName, 'request.contact.givenName', true);
  const familyName = take(personName, c.familyName, 'request.contact.familyName', true);
  const birthDate = input.birthDate ?? take(isoDate, c.birthDate, 'body.birthDate', true);
  const phone = take(phoneSchema, c.phone, 'request.contact.phone', false);
  const email = take(emailSchema, c.email, 'request.contact.email', false);
  if (issues.length > 0) {
    throw new AppError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  return {
    givenName: givenName!,
    familyName: familyName!,
    birthDate: birthDate!,
    phone: phone ?? null,
    email: email ?? null,
    language: r.language === 'es' ? ('es' as const) : ('en' as const),
  };
}

export function acceptRequest(
  svc: Services,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof acceptInput>,
) {
  const actor = requireStaff(ctx, 'requests:write');
  requireStaff(ctx, 'patients:write');
  if (input.appointment) requireStaff(ctx, 'appointments:write');
  return inTransaction(svc, async (tx) => {
    const req = await openRequest(tx, actor.practiceId, id);
    const patient = await insertPatient(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      mrn: input.mrn ?? null,
      ...patientFrom(req, input),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'create',
      entity: 'patient',
      entityId: patient.id,
      patientId: patient.id,
    });
    let appointmentId: string | null = null;
    if (input.appointment) {
      const a = await book(
        tx,
        ctx,
        actor.practiceId,
        {
          ...input.appointment,
          locationId: input.appointment.locationId ?? req.locationId,
          patientId: patient.id,
          status: 'booked',
        },
        'body.appointment',
      );
      appointmentId = a.id;
    }
    const row = await decideRequest(tx, actor.practiceId, id, {
      status: 'accepted',
      patientId: patient.id,
      decidedBy: actor.userId,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    });
    await audit(tx, ctx, auditFor(row, 'accept'));
    return { request: requestDto(row), patientId: patient.id, appointmentId };
  });
}

export function declineRequest(svc: Services, ctx: RequestContext, id: string, reason: string) {
  const actor = requireStaff(ctx, 'requests:write');
  return inTransaction(svc, async (tx) => {
    await openRequest(tx, actor.practiceId, id);
    const row = await decideRequest(tx, actor.practiceId, id, {
      status: 'declined',
      declineReason: reason,
      decidedBy: actor.userId,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    });
    await audit(tx, ctx, auditFor(row, 'decline'));
    return requestDto(row);
  });
}
