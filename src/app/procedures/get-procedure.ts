import { findEpisode } from '../../store/episodes.js';
import { listDiaryEntries, listFollowUps, listProceduresOfEpisode } from '../../store/procedures.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { proceduresWithRecords } from '../records/procedure-dto.js';
import { audit, inTransaction, type Services } from '../services.js';
import { requireProcedure } from './procedure-refs.js';

/** One procedure with its diary and follow-ups. */
export function getProcedure(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'procedures:read');
  return inTransaction(svc, async (tx) => {
    const p = await requireProcedure(tx, actor.practiceId, id);
    const [diary, followUps] = [
      await listDiaryEntries(tx, actor.practiceId, [id]),
      await listFollowUps(tx, actor.practiceId, [id]),
    ];
    await audit(tx, ctx, { action: 'read', entity: 'procedure', entityId: id, patientId: p.patientId });
    return proceduresWithRecords([p], diary, followUps)[0]!;
  });
}

/** The procedures of an episode, in date order, each with its diary and follow-ups. */
export function listProcedures(svc: Services, ctx: RequestContext, episodeId: string) {
  const actor = requireStaff(ctx, 'procedures:read');
  return inTransaction(svc, async (tx) => {
    const episode = await findEpisode(tx, actor.practiceId, episodeId);
    if (!episode) throw notFound('episode');
    const rows = await listProceduresOfEpisode(tx, actor.practiceId, episodeId);
    const ids = rows.map((r) => r.id);
    const [diary, followUps] = [
      await listDiaryEntries(tx, actor.practiceId, ids),
      await listFollowUps(tx, actor.practiceId, ids),
    ];
    await audit(tx, ctx, {
      action: 'list',
      entity: 'procedure',
      entityId: episodeId,
      patientId: episode.patientId,
    });
    return { items: proceduresWithRecords(rows, diary, followUps) };
  });
}
