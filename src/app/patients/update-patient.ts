import type { z } from 'zod';
import type { patientUpdate } from '../../contract/patients.js';
import { updatePatient as update } from '../../store/patients.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';
import { patientDto } from './patient-dto.js';

export function updatePatient(
  svc: Services,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof patientUpdate>,
) {
  const actor = requireStaff(ctx, 'patients:write');
  return inTransaction(svc, async (tx) => {
    const row = await update(tx, actor.practiceId, id, { ...input, updatedAt: ctx.now });
    if (!row) throw notFound('patient');
    await audit(tx, ctx, { action: 'update', entity: 'patient', entityId: id, patientId: id });
    return patientDto(row);
  });
}
