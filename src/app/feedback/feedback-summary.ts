/**
 * The practice's "would you recommend us?" summary for its admins: counts, the Net Promoter Score (see
 * src/domain/feedback/nps.ts), the same per location, and a page of the latest comments. Comments sent
 * from a diary link are linked to a patient: each one shown is audited as read with that patient.
 */
import type { FeedbackSummaryDto } from '../../contract/feedback.js';
import { tally } from '../../domain/feedback/nps.js';
import { feedbackScoreCounts, listFeedbackComments } from '../../store/feedback.js';
import { listLocations } from '../../store/practices.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { auditMany, inTransaction, type Services } from '../services.js';

export function feedbackSummary(
  svc: Services,
  ctx: RequestContext,
  page: { limit: number; offset: number },
): Promise<FeedbackSummaryDto> {
  const actor = requireStaff(ctx, 'feedback:read');
  return inTransaction(svc, async (tx) => {
    const counts = await feedbackScoreCounts(tx, actor.practiceId);
    const locations = await listLocations(tx, actor.practiceId);
    const comments = await listFeedbackComments(tx, actor.practiceId, page.limit, page.offset);

    const { scores, ...all } = tally(counts);
    const byKey = (id: string | null) => {
      const { scores: _, ...t } = tally(counts.filter((c) => c.locationId === id));
      return t;
    };
    const withAnswers = new Set(counts.map((c) => c.locationId));
    const byLocation: FeedbackSummaryDto['byLocation'] = locations
      .filter((l) => withAnswers.has(l.id))
      .map((l) => ({ locationId: l.id, name: l.name, ...byKey(l.id) }));
    if (withAnswers.has(null)) byLocation.push({ locationId: null, name: null, ...byKey(null) });

    const linked = comments.items.filter((c) => c.patientId);
    if (linked.length) {
      await auditMany(
        tx,
        ctx,
        linked.map((c) => ({ action: 'read', entity: 'feedback', entityId: c.id, patientId: c.patientId })),
      );
    }
    return {
      ...all,
      scores,
      byLocation,
      comments: {
        items: comments.items.map((c) => ({
          id: c.id,
          score: c.score,
          comment: c.comment ?? '',
          language: c.language,
          locationId: c.locationId,
          locationName: c.locationName,
          fromDiary: c.procedureId !== null,
          createdAt: c.createdAt.toISOString(),
        })),
        total: comments.total,
        limit: page.limit,
        offset: page.offset,
      },
    };
  });
}
