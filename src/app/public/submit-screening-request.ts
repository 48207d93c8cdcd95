/**
 * The public self-screening questionnaire with an appointment request: stored as a new screening request
 * for the practice's coordinators, answered with the non-diagnostic screening result.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ScreeningRequestInput, screeningRequestCreated } from '../../contract/public.js';
import { assessScreening } from '../../domain/screening/assess.js';
import { findLocation, findPracticeBySlug } from '../../store/practices.js';
import { insertScreeningRequest } from '../../store/public.js';
import type { RequestContext } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';

export function submitScreeningRequest(
  svc: Services,
  ctx: RequestContext,
  slug: string,
  input: ScreeningRequestInput,
): Promise<z.infer<typeof screeningRequestCreated>> {
  const today = ctx.now.toISOString().slice(0, 10);
  const born = input.contact.birthDate;
  if (born && (born > today || Number(today.slice(0, 4)) - Number(born.slice(0, 4)) > 120)) {
    throw new AppError(
      'VALIDATION',
      'invalid body: contact.birthDate: expected a date of birth in the past',
      [
        {
          path: 'body.contact.birthDate',
          message: 'expected a date of birth in the past (at most 120 years)',
        },
      ],
    );
  }
  const assessment = assessScreening(input.answers);
  return inTransaction(svc, async (tx) => {
    const practice = await findPracticeBySlug(tx, slug);
    if (!practice) throw notFound('practice');
    const location = await findLocation(tx, practice.id, input.locationId);
    if (!location?.active) {
      throw new AppError('VALIDATION', 'invalid body: locationId: not a location of this practice', [
        { path: 'body.locationId', message: 'not a location of this practice' },
      ]);
    }
    const { id } = await insertScreeningRequest(tx, {
      id: randomUUID(),
      practiceId: practice.id,
      locationId: location.id,
      answers: {
        ...input.answers,
        preferredTimes: input.preferredTimes ?? null,
        assessment,
      },
      contact: { ...input.contact },
      insurance: input.insurance ? { ...input.insurance } : null,
      language: input.language,
      status: 'new',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'create',
      entity: 'screening-request',
      entityId: id,
      patientId: null,
      practiceId: practice.id,
    });
    return { id, assessment };
  });
}
