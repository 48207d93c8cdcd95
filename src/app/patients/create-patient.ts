import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { patientInput } from '../../contract/patients.js';
import { insertPatient } from '../../store/patients.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { audit, inTransaction, type Services } from '../services.js';
import { patientDto } from './patient-dto.js';

export function createPatient(svc: Services, ctx: RequestContext, input: z.output<typeof patientInput>) {
  const actor = requireStaff(ctx, 'patients:write');
  return inTransaction(svc, async (tx) => {
    const row = await insertPatient(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      mrn: input.mrn ?? null,
      givenName: input.givenName,
      familyName: input.familyName,
      birthDate: input.birthDate,
      phone: input.phone ?? null,
      email: input.email ?? null,
      language: input.language,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await audit(tx, ctx, { action: 'create', entity: 'patient', entityId: row.id, patientId: row.id });
    return patientDto(row);
  });
}
