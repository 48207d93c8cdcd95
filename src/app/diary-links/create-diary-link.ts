/**
 * Staff hand a patient a diary link for one diagnostic block: a random 256-bit token shown once (only its
 * SHA-256 is stored), valid for a limited time, scoped to that procedure.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { diaryLinkCreated } from '../../contract/diary-links.js';
import { takesDiary } from '../../domain/diary/takes-diary.js';
import { findProcedureForDiary, insertDiaryLink } from '../../store/diary-links.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { newToken, tokenHash } from '../auth/tokens.js';
import { notFound } from '../errors.js';
import { noDiary } from '../procedures/record-diary-entry.js';
import { audit, inTransaction, type Services } from '../services.js';

export function createDiaryLink(
  svc: Services,
  ctx: RequestContext,
  procedureId: string,
  input: { expiresInHours?: number } | null | undefined,
): Promise<z.infer<typeof diaryLinkCreated>> {
  const actor = requireStaff(ctx, 'diary-links:write');
  const hours = input?.expiresInHours ?? 72;
  return inTransaction(svc, async (tx) => {
    const procedure = await findProcedureForDiary(tx, actor.practiceId, procedureId);
    if (!procedure) throw notFound('procedure');
    if (!takesDiary(procedure)) throw noDiary();
    const token = newToken();
    const link = await insertDiaryLink(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      procedureId,
      tokenHash: tokenHash(token),
      expiresAt: new Date(ctx.now.getTime() + hours * 3_600_000),
      revokedAt: null,
      createdBy: actor.userId,
      createdAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'create',
      entity: 'diary-link',
      entityId: link.id,
      patientId: procedure.patientId,
    });
    return { linkId: link.id, token, url: `/diary/${token}`, expiresAt: link.expiresAt.toISOString() };
  });
}
