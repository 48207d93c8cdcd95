import type { DiaryEntryInput } from '../../contract/procedures.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { audit, inTransaction, type Services } from '../services.js';
import { refreshWorklist } from '../worklist/refresh-worklist.js';
import { recordDiaryEntry } from './record-diary-entry.js';

/** Staff record a diary entry (e.g. read out by the patient on the phone). */
export function addDiaryEntry(
  svc: Services,
  ctx: RequestContext,
  procedureId: string,
  input: DiaryEntryInput,
) {
  const actor = requireStaff(ctx, 'diary:write');
  return inTransaction(svc, async (tx) => {
    const r = await recordDiaryEntry(tx, {
      practiceId: actor.practiceId,
      procedureId,
      entry: input,
      source: 'staff',
      now: ctx.now,
    });
    if (r.created) await refreshWorklist(tx, svc, actor.practiceId, r.episodeId);
    await audit(tx, ctx, {
      action: r.created ? 'create' : 'read',
      entity: 'diary-entry',
      entityId: r.entry.id,
      patientId: r.patientId,
    });
    return r;
  });
}
