import type { z } from 'zod';
import type { patientListQuery } from '../../contract/patients.js';
import { listPatients as list } from '../../store/patients.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { auditMany, inTransaction, type Services } from '../services.js';
import { patientDto } from './patient-dto.js';

/** A list reads many patients: one audit event per patient shown, so each patient's access history is complete. */
export function listPatients(svc: Services, ctx: RequestContext, q: z.output<typeof patientListQuery>) {
  const actor = requireStaff(ctx, 'patients:read');
  return inTransaction(svc, async (tx) => {
    const { rows, total } = await list(tx, actor.practiceId, q);
    await auditMany(
      tx,
      ctx,
      rows.map((r) => ({ action: 'list', entity: 'patient', entityId: r.id, patientId: r.id })),
    );
    return { items: rows.map(patientDto), total, limit: q.limit, offset: q.offset };
  });
}
