import type { Tx } from '../../store/database.js';
import { findProcedure, type ProcedureRow } from '../../store/procedures.js';
import { findUser } from '../../store/staff.js';
import { AppError, notFound } from '../errors.js';
import { checkLocation } from '../records/practice-refs.js';

/** The location and physician of a procedure must be the practice's own (others' read as unknown). */
export async function checkProcedureRefs(
  tx: Tx,
  practiceId: string,
  refs: { locationId?: string | null; physicianId?: string | null },
): Promise<void> {
  await checkLocation(tx, practiceId, refs.locationId);
  if (refs.physicianId) {
    const u = await findUser(tx, practiceId, refs.physicianId);
    if (u?.role !== 'physician' || !u.active) {
      throw new AppError('VALIDATION', 'unknown physician', [
        { path: 'body.physicianId', message: 'not a physician of this practice' },
      ]);
    }
  }
}

export async function requireProcedure(tx: Tx, practiceId: string, id: string): Promise<ProcedureRow> {
  const p = await findProcedure(tx, practiceId, id);
  if (!p) throw notFound('procedure');
  return p;
}
