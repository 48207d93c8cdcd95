import { type RequestContext, requireStaff } from '../actor.js';
import { episodeDto, loadEpisodeRecords } from '../records/episode-records.js';
import { proceduresWithRecords } from '../records/procedure-dto.js';
import { audit, inTransaction, type Services } from '../services.js';

/** The patient chart's data: the episode with its procedures, diaries and follow-ups. */
export function getEpisode(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'episodes:read');
  return inTransaction(svc, async (tx) => {
    const r = await loadEpisodeRecords(tx, actor.practiceId, id);
    await audit(tx, ctx, { action: 'read', entity: 'episode', entityId: id, patientId: r.episode.patientId });
    return {
      ...episodeDto(r.episode),
      procedures: proceduresWithRecords(r.procedures, r.diary, r.followUps),
    };
  });
}
