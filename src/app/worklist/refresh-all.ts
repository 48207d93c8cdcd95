/**
 * Recomputes the worklist of every open episode (`facetpath worklist refresh`): after policy files change,
 * or a practice changes which policy it uses per payer. Each episode in its own transaction.
 */
import { listOpenEpisodes } from '../../store/episodes.js';
import { inTransaction, type Services } from '../services.js';
import { refreshWorklist } from './refresh-worklist.js';

export async function refreshAllWorklists(svc: Services, onProgress: (done: number) => void = () => {}) {
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const page = await listOpenEpisodes(svc.database.db, after, 500);
    if (page.length === 0) return done;
    for (const e of page) {
      await inTransaction(svc, (tx) => refreshWorklist(tx, svc, e.practiceId, e.id));
      done++;
    }
    onProgress(done);
    after = page[page.length - 1]!.id;
  }
}
