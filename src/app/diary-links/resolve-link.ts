/**
 * A patient's link token → the one procedure it opens. Unknown tokens (including any other practice's or a
 * malformed one) answer 404 alike; an expired or withdrawn link answers 410 with what to do. On success
 * the request's actor becomes the link (audit records it as 'patient-link'). One query: it is on the
 * patient's hot path.
 */
import { takesDiary } from '../../domain/diary/takes-diary.js';
import type { Executor } from '../../store/database.js';
import { findDiaryLinkWithProcedure } from '../../store/diary-links.js';
import type { RequestContext } from '../actor.js';
import { tokenHash } from '../auth/tokens.js';
import { AppError } from '../errors.js';

export async function resolveDiaryLink(tx: Executor, ctx: RequestContext, token: string) {
  const found = await findDiaryLinkWithProcedure(tx, tokenHash(token));
  if (!found)
    throw new AppError('NOT_FOUND', 'this diary link is not valid; check the address or ask the practice');
  const { link, procedure } = found;
  if (link.revokedAt)
    throw new AppError('GONE', 'this diary link has been withdrawn; ask the practice for a new one');
  if (link.expiresAt.getTime() <= ctx.now.getTime())
    throw new AppError('GONE', 'this diary link has expired; ask the practice for a new one');
  // The same rule as staff meet (takesDiary), but here the link was valid when handed out and the procedure
  // changed since (cancelled, or no longer diagnostic): to the patient the link is dead, 410 like a withdrawn
  // one. The patient's page and its offline queue rely on it: 404/410 stop sending and say "ask the
  // practice", while 409 means "this entry's time is already recorded" (web/patient/diary/queue.ts).
  if (!procedure || !takesDiary(procedure))
    throw new AppError('GONE', 'this diary is closed; ask the practice for a new link');
  ctx.actor = {
    kind: 'patient-link',
    linkId: link.id,
    practiceId: link.practiceId,
    procedureId: link.procedureId,
  };
  return { link, procedure };
}
