/**
 * "Would you recommend us?" from the practice's public page: stored per practice, anonymous by default.
 * With the patient's diary link token (they came from their diary) the answer is linked to that procedure,
 * which makes it patient data: the link must be valid, of this practice, and the write is audited with the
 * patient. A bad token is refused rather than dropped, so no answer is ever attached to a patient by a
 * guessed or stale link, and nobody is silently made anonymous either. The comment is never logged.
 */
import { randomUUID } from 'node:crypto';
import type { FeedbackInput } from '../../contract/feedback.js';
import type { Tx } from '../../store/database.js';
import { insertFeedback } from '../../store/feedback.js';
import { findLocation, findPracticeBySlug } from '../../store/practices.js';
import type { RequestContext } from '../actor.js';
import { resolveDiaryLink } from '../diary-links/resolve-link.js';
import { AppError, notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION', `invalid body: ${path}: ${message}`, [{ path: `body.${path}`, message }]);

export const DIARY_TOKEN_MESSAGES = {
  unknown: 'this diary link is not valid; send your answer without it, or ask the practice',
  closed: 'this diary link has expired or been withdrawn; send your answer without it',
} as const;

/** The diary link behind a token, only if it is live and belongs to this practice. */
async function linkedProcedure(tx: Tx, ctx: RequestContext, practiceId: string, token: string) {
  const actor = ctx.actor;
  try {
    const { link, procedure } = await resolveDiaryLink(tx, ctx, token);
    if (link.practiceId !== practiceId) {
      ctx.actor = actor; // another practice's link is answered exactly like an unknown one
      throw invalid('diaryToken', DIARY_TOKEN_MESSAGES.unknown);
    }
    return { linkId: link.id, procedureId: procedure.id, patientId: procedure.patientId };
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND')
      throw invalid('diaryToken', DIARY_TOKEN_MESSAGES.unknown);
    if (e instanceof AppError && e.code === 'GONE') throw invalid('diaryToken', DIARY_TOKEN_MESSAGES.closed);
    throw e;
  }
}

export function submitFeedback(
  svc: Services,
  ctx: RequestContext,
  slug: string,
  input: FeedbackInput,
): Promise<{ id: string }> {
  return inTransaction(svc, async (tx) => {
    const practice = await findPracticeBySlug(tx, slug);
    if (!practice) throw notFound('practice');
    if (input.locationId !== undefined) {
      const location = await findLocation(tx, practice.id, input.locationId);
      if (!location?.active) throw invalid('locationId', 'not a location of this practice');
    }
    const linked =
      input.diaryToken !== undefined
        ? await linkedProcedure(tx, ctx, practice.id, input.diaryToken)
        : undefined;
    const { id } = await insertFeedback(tx, {
      id: randomUUID(),
      practiceId: practice.id,
      locationId: input.locationId ?? null,
      score: input.score,
      comment: input.comment ? input.comment : null,
      language: input.language,
      diaryLinkId: linked?.linkId ?? null,
      procedureId: linked?.procedureId ?? null,
      createdAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'create',
      entity: 'feedback',
      entityId: id,
      patientId: linked?.patientId ?? null,
      practiceId: practice.id,
    });
    return { id };
  });
}
