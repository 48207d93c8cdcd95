/** Which practice the patient site's home page (/) shows: the configured one, or the only one on the server. */
import { firstPracticeSlugs } from '../../store/practices.js';
import type { Services } from '../services.js';

export async function homePracticeSlug(svc: Services, configured?: string): Promise<string | undefined> {
  if (configured) return configured;
  const slugs = await firstPracticeSlugs(svc.database.db);
  return slugs.length === 1 ? slugs[0] : undefined;
}
