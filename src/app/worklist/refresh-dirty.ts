/**
 * Recomputes the worklists of episodes marked dirty by high-volume writes (patients' diary entries): before
 * a practice's worklist is read, and by the server every few seconds. Each batch is one transaction.
 */
import type { Tx } from '../../store/database.js';
import { takeDirtyEpisodes } from '../../store/worklist.js';
import { inTransaction, type Services } from '../services.js';
import { refreshWorklist } from './refresh-worklist.js';

const BATCH = 50;

/** Inside the caller's transaction: the practice's marked episodes, at most `limit` of them. */
export async function refreshDirtyOfPractice(
  tx: Tx,
  svc: Services,
  practiceId: string,
  limit = 500,
): Promise<number> {
  const taken = await takeDirtyEpisodes(tx, practiceId, limit);
  for (const e of taken) await refreshWorklist(tx, svc, e.practiceId, e.episodeId);
  return taken.length;
}

/** Every practice's marked episodes, batch by batch, until none is left. */
export async function refreshAllDirty(svc: Services): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await inTransaction(svc, async (tx) => {
      const taken = await takeDirtyEpisodes(tx, null, BATCH);
      for (const e of taken) await refreshWorklist(tx, svc, e.practiceId, e.episodeId);
      return taken.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
