/**
 * The checks every booking passes, shared by the appointment use cases and accepting a screening request:
 * the location is the practice's, the room is one of its rooms, the physician is an active physician of
 * the practice, and neither the room nor the physician is booked at an overlapping time.
 */
import { findConflicts, lockBookings } from '../../store/appointments.js';
import type { Tx } from '../../store/database.js';
import { findLocation } from '../../store/practices.js';
import { findUser } from '../../store/staff.js';
import { AppError, notFound } from '../errors.js';

export interface Slot {
  locationId: string;
  room: string | null;
  physicianId: string | null;
  startsAt: Date;
  minutes: number;
  status: string;
}

/**
 * `changed` says which parts a change touches (an update that only marks an appointment done is not
 * refused because its physician has since left or its room was renamed); new bookings check everything.
 */
export async function checkSlot(
  tx: Tx,
  practiceId: string,
  slot: Slot,
  exceptId?: string,
  prefix = 'body',
  changed: { room: boolean; physician: boolean } = { room: true, physician: true },
) {
  const location = await findLocation(tx, practiceId, slot.locationId);
  if (!location) throw notFound('location');
  if (changed.room && slot.room !== null && !location.rooms.includes(slot.room)) {
    throw new AppError('VALIDATION', `${prefix}.room: "${slot.room}" is not a room of ${location.name}`, [
      {
        path: `${prefix}.room`,
        message: `not a room of this location; rooms: ${location.rooms.join(', ') || '(none listed)'}`,
      },
    ]);
  }
  if (changed.physician && slot.physicianId !== null) {
    const physician = await findUser(tx, practiceId, slot.physicianId);
    if (physician?.role !== 'physician' || !physician.active) {
      throw new AppError('VALIDATION', `${prefix}.physicianId: not an active physician of this practice`, [
        { path: `${prefix}.physicianId`, message: 'not an active physician of this practice' },
      ]);
    }
  }
  if (slot.status !== 'booked' && slot.status !== 'done') return;
  await lockBookings(tx, practiceId);
  const [clash] = await findConflicts(tx, practiceId, { ...slot, exceptId });
  if (clash) {
    const what =
      slot.room !== null && clash.room === slot.room && clash.locationId === slot.locationId
        ? `room ${slot.room}`
        : 'the physician';
    throw new AppError(
      'CONFLICT',
      `${what} is already booked at an overlapping time (appointment ${clash.id})`,
      [{ path: 'conflictingAppointmentId', message: clash.id }],
    );
  }
}
