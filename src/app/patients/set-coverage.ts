import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { coverageInput } from '../../contract/patients.js';
import { activeCoverage, findPatient, insertCoverage } from '../../store/patients.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshPatientWorklist } from '../worklist/refresh-worklist.js';
import { coverageDto } from './patient-dto.js';

export function setCoverage(
  svc: Services,
  ctx: RequestContext,
  patientId: string,
  input: z.output<typeof coverageInput>,
) {
  const actor = requireStaff(ctx, 'patients:write');
  if (input.policy && !svc.policies.some((p) => p.id === input.policy)) {
    throw new AppError('VALIDATION', `unknown policy "${input.policy}"`, [
      { path: 'policy', message: `known: ${svc.policies.map((p) => p.id).join(', ')}` },
    ]);
  }
  return inTransaction(svc, async (tx) => {
    if (!(await findPatient(tx, actor.practiceId, patientId))) throw notFound('patient');
    const row = await insertCoverage(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      patientId,
      kind: input.kind,
      state: input.state,
      payerName: input.payerName ?? null,
      memberId: input.memberId ?? null,
      policy: input.policy ?? null,
      active: true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await refreshPatientWorklist(tx, svc, actor.practiceId, patientId);
    await audit(tx, ctx, { action: 'update', entity: 'coverage', entityId: row.id, patientId });
    return coverageDto(row);
  });
}

export function getCoverage(svc: Services, ctx: RequestContext, patientId: string) {
  const actor = requireStaff(ctx, 'patients:read');
  return inTransaction(svc, async (tx) => {
    if (!(await findPatient(tx, actor.practiceId, patientId))) throw notFound('patient');
    const row = await activeCoverage(tx, actor.practiceId, patientId);
    if (!row) throw notFound('coverage');
    await audit(tx, ctx, { action: 'read', entity: 'coverage', entityId: row.id, patientId });
    return coverageDto(row);
  });
}
