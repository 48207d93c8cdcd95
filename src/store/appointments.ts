/** Appointments; every function is scoped to one practice. */
import { and, asc, count, eq, getTableColumns, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { appointments, patients } from './schema.js';

export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentWithPatient = AppointmentRow & { givenName: string; familyName: string };

const APPOINTMENT_LOCK = 7_340_213;

/** Serialises bookings of one practice until the transaction ends, so two overlapping bookings cannot both pass the check. */
export async function lockBookings(tx: Executor, practiceId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${APPOINTMENT_LOCK}, hashtext(${practiceId}))`);
}

export async function insertAppointment(tx: Executor, row: typeof appointments.$inferInsert) {
  const [r] = await tx.insert(appointments).values(row).returning();
  return r!;
}

export async function updateAppointment(
  tx: Executor,
  practiceId: string,
  id: string,
  changes: Partial<typeof appointments.$inferInsert>,
) {
  const [r] = await tx
    .update(appointments)
    .set(changes)
    .where(and(eq(appointments.practiceId, practiceId), eq(appointments.id, id)))
    .returning();
  return r;
}

export async function deleteAppointment(tx: Executor, practiceId: string, id: string) {
  const [r] = await tx
    .delete(appointments)
    .where(and(eq(appointments.practiceId, practiceId), eq(appointments.id, id)))
    .returning({ id: appointments.id, patientId: appointments.patientId });
  return r;
}

const withPatient = {
  ...getTableColumns(appointments),
  givenName: patients.givenName,
  familyName: patients.familyName,
};

export async function findAppointment(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<AppointmentWithPatient | undefined> {
  const [r] = await tx
    .select(withPatient)
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(and(eq(appointments.practiceId, practiceId), eq(appointments.id, id)));
  return r;
}

export async function listAppointments(
  tx: Executor,
  practiceId: string,
  q: { from: Date; to: Date; locationId?: string; physicianId?: string; limit: number; offset: number },
): Promise<{ rows: AppointmentWithPatient[]; total: number }> {
  const where = and(
    eq(appointments.practiceId, practiceId),
    q.locationId ? eq(appointments.locationId, q.locationId) : undefined,
    q.physicianId ? eq(appointments.physicianId, q.physicianId) : undefined,
    sql`${appointments.startsAt} >= ${q.from.toISOString()}::timestamptz`,
    lt(appointments.startsAt, q.to),
  );
  const rows = await tx
    .select(withPatient)
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(where)
    .orderBy(asc(appointments.startsAt), asc(appointments.room), asc(appointments.id))
    .limit(q.limit)
    .offset(q.offset);
  const [t] = await tx.select({ n: count() }).from(appointments).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

/**
 * Booked (or done) appointments overlapping [startsAt, startsAt + minutes) in the same room of the same
 * location or with the same physician. Cancelled and no-show appointments free their slot.
 */
export async function findConflicts(
  tx: Executor,
  practiceId: string,
  slot: {
    locationId: string;
    room: string | null;
    physicianId: string | null;
    startsAt: Date;
    minutes: number;
    exceptId?: string;
  },
): Promise<Pick<AppointmentRow, 'id' | 'room' | 'physicianId' | 'locationId'>[]> {
  const end = new Date(slot.startsAt.getTime() + slot.minutes * 60_000);
  const sameRoom = slot.room
    ? and(eq(appointments.locationId, slot.locationId), eq(appointments.room, slot.room))
    : undefined;
  const samePhysician = slot.physicianId ? eq(appointments.physicianId, slot.physicianId) : undefined;
  if (!sameRoom && !samePhysician) return [];
  return tx
    .select({
      id: appointments.id,
      room: appointments.room,
      physicianId: appointments.physicianId,
      locationId: appointments.locationId,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.practiceId, practiceId),
        inArray(appointments.status, ['booked', 'done']),
        slot.exceptId ? ne(appointments.id, slot.exceptId) : undefined,
        lt(appointments.startsAt, end),
        gt(
          sql`${appointments.startsAt} + ${appointments.minutes} * interval '1 minute'`,
          sql`${slot.startsAt.toISOString()}::timestamptz`,
        ),
        or(sameRoom, samePhysician),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
}
