/** Locations of the practice: every staff member reads them; admins create and change them. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { locationInput, locationUpdate } from '../../contract/admin.js';
import { zoneOfState } from '../../contract/states.js';
import {
  findLocation,
  insertLocation,
  type LocationRow,
  listLocations as list,
  updateLocation as update,
} from '../../store/practices.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';

export const locationDto = (r: LocationRow) => ({
  id: r.id,
  name: r.name,
  address: r.address,
  phone: r.phone,
  state: r.state,
  rooms: r.rooms,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
  timeZone: r.timeZone,
});

export async function listLocations(svc: Services, ctx: RequestContext, q: { active?: 'true' | 'false' }) {
  const actor = requireStaff(ctx, 'locations:read');
  const rows = await list(svc.database.db, actor.practiceId, q.active === 'true');
  return { items: rows.filter((r) => q.active !== 'false' || !r.active).map(locationDto) };
}

export async function getLocation(svc: Services, ctx: RequestContext, id: string) {
  const actor = requireStaff(ctx, 'locations:read');
  const row = await findLocation(svc.database.db, actor.practiceId, id);
  if (!row) throw notFound('location');
  return locationDto(row);
}

export function createLocation(svc: Services, ctx: RequestContext, input: z.output<typeof locationInput>) {
  const actor = requireStaff(ctx, 'locations:write');
  return inTransaction(svc, async (tx) => {
    const row = await insertLocation(tx, {
      id: randomUUID(),
      practiceId: actor.practiceId,
      ...input,
      timeZone: input.timeZone ?? zoneOfState(input.state),
      createdAt: ctx.now,
    });
    await audit(tx, ctx, { action: 'create', entity: 'location', entityId: row.id, patientId: null });
    return locationDto(row);
  });
}

export function updateLocation(
  svc: Services,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof locationUpdate>,
) {
  const actor = requireStaff(ctx, 'locations:write');
  return inTransaction(svc, async (tx) => {
    const row =
      Object.keys(input).length > 0
        ? await update(tx, actor.practiceId, id, input)
        : await findLocation(tx, actor.practiceId, id);
    if (!row) throw notFound('location');
    await audit(tx, ctx, { action: 'update', entity: 'location', entityId: id, patientId: null });
    return locationDto(row);
  });
}
