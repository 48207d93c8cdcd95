/** Who read or changed a patient's records, when and in which request; reading it is itself audited. */
import { patientAccessHistory } from '../../store/audit.js';
import { findPatient } from '../../store/patients.js';
import { userNames } from '../../store/staff.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';

export function getAccessHistory(svc: Services, ctx: RequestContext, patientId: string) {
  const actor = requireStaff(ctx, 'audit:read');
  return inTransaction(svc, async (tx) => {
    if (!(await findPatient(tx, actor.practiceId, patientId))) throw notFound('patient');
    const events = await patientAccessHistory(tx, actor.practiceId, patientId);
    const names = await userNames(tx, actor.practiceId, [
      ...new Set(events.filter((e) => e.actorType === 'user' && e.actorId).map((e) => e.actorId!)),
    ]);
    await audit(tx, ctx, { action: 'read', entity: 'access-history', entityId: patientId, patientId });
    return {
      patientId,
      items: events.map((e) => ({
        seq: e.seq,
        at: e.at.toISOString(),
        actorType: e.actorType,
        actorId: e.actorId,
        actorName: e.actorType === 'user' && e.actorId ? (names.get(e.actorId) ?? null) : null,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        requestId: e.requestId,
      })),
    };
  });
}
