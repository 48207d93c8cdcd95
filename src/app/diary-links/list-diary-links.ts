import type { DiaryLinkDto } from '../../contract/diary-links.js';
import { findProcedureForDiary, listDiaryLinks } from '../../store/diary-links.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';
import { diaryLinkDto } from './link-dto.js';

/** A procedure's diary links with their status (tokens are never shown again). */
export function listProcedureDiaryLinks(
  svc: Services,
  ctx: RequestContext,
  procedureId: string,
): Promise<{ items: DiaryLinkDto[] }> {
  const actor = requireStaff(ctx, 'procedures:read');
  return inTransaction(svc, async (tx) => {
    const procedure = await findProcedureForDiary(tx, actor.practiceId, procedureId);
    if (!procedure) throw notFound('procedure');
    const rows = await listDiaryLinks(tx, actor.practiceId, procedureId);
    await audit(tx, ctx, {
      action: 'read',
      entity: 'diary-link',
      entityId: procedureId,
      patientId: procedure.patientId,
    });
    return { items: rows.map((r) => diaryLinkDto(r, ctx.now)) };
  });
}
