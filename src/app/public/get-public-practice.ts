/** A practice's public page: its name and active locations (nothing else; no account needed, no patient data). */
import type { PublicPracticeDto } from '../../contract/public.js';
import { findPracticeBySlug, listLocations } from '../../store/practices.js';
import type { RequestContext } from '../actor.js';
import { notFound } from '../errors.js';
import type { Services } from '../services.js';

export async function getPublicPractice(
  svc: Services,
  _ctx: RequestContext,
  slug: string,
): Promise<PublicPracticeDto> {
  const db = svc.database.db;
  const practice = await findPracticeBySlug(db, slug);
  if (!practice) throw notFound('practice');
  const locations = await listLocations(db, practice.id, true);
  return {
    name: practice.name,
    locations: locations.map((l) => ({ id: l.id, name: l.name, address: l.address, phone: l.phone })),
  };
}
