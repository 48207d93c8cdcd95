import type { EvaluationResult } from '../../domain/result.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { evaluateCase } from '../evaluate-case.js';
import { caseForEpisode, checkedCase } from '../records/episode-case.js';
import { audit, inTransaction, type Services, today } from '../services.js';

/**
 * The payer-policy decision for a planned procedure of the episode: the episode converted to a case and
 * evaluated by the same function as `facetpath evaluate`, so both answer alike.
 */
export function evaluateEpisode(
  svc: Services,
  ctx: RequestContext,
  episodeId: string,
  q: { proposed: string; asOf?: string },
): Promise<EvaluationResult> {
  const actor = requireStaff(ctx, 'evaluation:read');
  return inTransaction(svc, async (tx) => {
    const { case: c, patientId } = await caseForEpisode(tx, actor.practiceId, episodeId, q.proposed, q.asOf);
    const result = evaluateCase(checkedCase(c), svc.policies, { today: today(svc) });
    await audit(tx, ctx, { action: 'evaluate', entity: 'episode', entityId: episodeId, patientId });
    return result;
  });
}
