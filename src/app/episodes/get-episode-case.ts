import type { CaseFile } from '../../contract/case.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { caseForEpisode, checkedCase } from '../records/episode-case.js';
import { audit, inTransaction, type Services } from '../services.js';

/** The episode as a case file (docs/case-format.md), proposing one of its planned procedures. */
export function getEpisodeCase(
  svc: Services,
  ctx: RequestContext,
  episodeId: string,
  q: { proposed: string; asOf?: string },
): Promise<CaseFile> {
  const actor = requireStaff(ctx, 'evaluation:read');
  return inTransaction(svc, async (tx) => {
    const { case: c, patientId } = await caseForEpisode(tx, actor.practiceId, episodeId, q.proposed, q.asOf);
    await audit(tx, ctx, { action: 'read', entity: 'case', entityId: episodeId, patientId });
    return checkedCase(c);
  });
}
