/** The worklist: what is due, per practice and location, with the reason; each patient shown is audited. */
import type { z } from 'zod';
import type { worklistQuery } from '../../contract/worklist.js';
import { listWorklist as list } from '../../store/worklist.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { auditMany, inTransaction, type Services, today } from '../services.js';
import { refreshDirtyOfPractice } from './refresh-dirty.js';

export function listWorklist(svc: Services, ctx: RequestContext, q: z.output<typeof worklistQuery>) {
  const actor = requireStaff(ctx, 'worklist:read');
  const until = q.until ?? today(svc);
  return inTransaction(svc, async (tx) => {
    await refreshDirtyOfPractice(tx, svc, actor.practiceId);
    const { rows, total, totalIsCapped } = await list(tx, actor.practiceId, { ...q, until });
    await auditMany(
      tx,
      ctx,
      [...new Set(rows.map((r) => r.patientId))].map((patientId) => ({
        action: 'list',
        entity: 'worklist',
        entityId: null,
        patientId,
      })),
    );
    return {
      items: rows.map((r) => ({
        episodeId: r.episodeId,
        patientId: r.patientId,
        patientName: `${r.givenName} ${r.familyName}`,
        locationId: r.locationId,
        kind: r.kind,
        dueDate: r.dueDate,
        reason: r.reason,
        detail: r.detail,
      })),
      total,
      totalIsCapped,
      limit: q.limit,
      offset: q.offset,
      until,
    };
  });
}
