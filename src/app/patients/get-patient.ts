import { findPatient } from '../../store/patients.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';
import { patientDto } from './patient-dto.js';

export function getPatient(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'patients:read');
  return inTransaction(svc, async (tx) => {
    const row = await findPatient(tx, actor.practiceId, id);
    if (!row) throw notFound('patient');
    await audit(tx, ctx, { action: 'read', entity: 'patient', entityId: id, patientId: id });
    return patientDto(row);
  });
}
