/** Everything an episode holds, read at once: the chart's data and the input of the case conversion. */
import type { EpisodeDto } from '../../contract/episodes.js';
import type { Tx } from '../../store/database.js';
import { type EpisodeRow, findEpisode } from '../../store/episodes.js';
import {
  type DiaryEntryRow,
  type FollowUpRow,
  listDiaryEntries,
  listFollowUps,
  listProceduresOfEpisode,
  type ProcedureRow,
} from '../../store/procedures.js';
import { notFound } from '../errors.js';

export interface EpisodeRecords {
  episode: EpisodeRow;
  procedures: ProcedureRow[];
  diary: DiaryEntryRow[];
  followUps: FollowUpRow[];
}

export const episodeDto = (r: EpisodeRow): EpisodeDto => ({
  id: r.id,
  patientId: r.patientId,
  locationId: r.locationId,
  region: r.region,
  complaint: r.complaint,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The episode and its records, or 404 (unknown and other practices' ids alike). */
export async function loadEpisodeRecords(
  tx: Tx,
  practiceId: string,
  episodeId: string,
): Promise<EpisodeRecords> {
  const episode = await findEpisode(tx, practiceId, episodeId);
  if (!episode) throw notFound('episode');
  const procedures = await listProceduresOfEpisode(tx, practiceId, episodeId);
  const ids = procedures.map((p) => p.id);
  const [diary, followUps] = [
    await listDiaryEntries(tx, practiceId, ids),
    await listFollowUps(tx, practiceId, ids),
  ];
  return { episode, procedures, diary, followUps };
}
