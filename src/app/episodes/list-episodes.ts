import { listEpisodesOfPatient } from '../../store/episodes.js';
import { findPatient } from '../../store/patients.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { episodeDto } from '../records/episode-records.js';
import { auditMany, inTransaction, type Services } from '../services.js';

/** A patient's episodes, oldest first; one audit event per episode shown. */
export function listEpisodes(svc: Services, ctx: RequestContext, patientId: string) {
  const actor = requireStaff(ctx, 'episodes:read');
  return inTransaction(svc, async (tx) => {
    if (!(await findPatient(tx, actor.practiceId, patientId))) throw notFound('patient');
    const rows = await listEpisodesOfPatient(tx, actor.practiceId, patientId);
    await auditMany(
      tx,
      ctx,
      rows.length
        ? rows.map((r) => ({ action: 'list', entity: 'episode', entityId: r.id, patientId }))
        : [{ action: 'list', entity: 'episode', entityId: null, patientId }],
    );
    return { items: rows.map(episodeDto) };
  });
}
