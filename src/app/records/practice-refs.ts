import type { Tx } from '../../store/database.js';
import { findLocation } from '../../store/practices.js';
import { AppError } from '../errors.js';

/** A location id given in a request must be one of the practice's (another practice's reads as unknown). */
export async function checkLocation(tx: Tx, practiceId: string, locationId: string | null | undefined) {
  if (locationId && !(await findLocation(tx, practiceId, locationId))) {
    throw new AppError('VALIDATION', 'unknown location', [
      { path: 'body.locationId', message: 'not a location of this practice' },
    ]);
  }
}
