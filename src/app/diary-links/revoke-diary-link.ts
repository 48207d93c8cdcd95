import type { DiaryLinkDto } from '../../contract/diary-links.js';
import { findDiaryLink, findProcedureForDiary, revokeDiaryLink } from '../../store/diary-links.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';
import { diaryLinkDto } from './link-dto.js';

/** Withdraws a link at once; revoking a revoked link changes nothing and answers the same. */
export function revokeLink(svc: Services, ctx: RequestContext, linkId: string): Promise<DiaryLinkDto> {
  const actor = requireStaff(ctx, 'diary-links:write');
  return inTransaction(svc, async (tx) => {
    const link = await findDiaryLink(tx, actor.practiceId, linkId);
    if (!link) throw notFound('diary link');
    const procedure = await findProcedureForDiary(tx, actor.practiceId, link.procedureId);
    if (link.revokedAt) return diaryLinkDto(link, ctx.now);
    const row = (await revokeDiaryLink(tx, actor.practiceId, linkId, ctx.now))!;
    await audit(tx, ctx, {
      action: 'revoke',
      entity: 'diary-link',
      entityId: linkId,
      patientId: procedure?.patientId ?? null,
    });
    return diaryLinkDto(row, ctx.now);
  });
}
