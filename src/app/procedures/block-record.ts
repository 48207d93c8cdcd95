/**
 * The block record's fields that need the store (ADR 0013): the start time read in the location's time zone,
 * the room among the location's rooms, and the provocation check kept as the diary's first point (a staff
 * entry marked as recorded in the recovery area, with a key of its own, so patients' keys are untouched).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { provocationInput } from '../../contract/block-record.js';
import type { Tx } from '../../store/database.js';
import { findEpisode } from '../../store/episodes.js';
import { findLocation } from '../../store/practices.js';
import {
  type DiaryEntryRow,
  deleteDiaryEntry,
  findDiaryEntryAt,
  findRecoveryEntry,
  insertDiaryEntryIfNew,
  type ProcedureRow,
  updateDiaryEntry,
} from '../../store/procedures.js';
import { AppError } from '../errors.js';
import { localParts, zonedInstant } from '../records/local-time.js';

type Provocation = z.output<typeof provocationInput>;
export type Issue = { path: string; message: string };

export function throwIfIssues(issues: readonly Issue[]): void {
  if (issues.length) {
    throw new AppError(
      'VALIDATION',
      `invalid body: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      [...issues],
    );
  }
}

/** The start instant and zone from the local time, and the room checked against the location's rooms. */
export async function placeAndTime(
  tx: Tx,
  practiceId: string,
  r: { date: string; locationId: string | null; startTime: string | null; room: string | null },
  issues: Issue[],
): Promise<{ startedAt: Date | null; timeZone: string | null }> {
  const location = r.locationId ? await findLocation(tx, practiceId, r.locationId) : undefined;
  if (r.room !== null) {
    if (!location) {
      issues.push({ path: 'body.room', message: 'a room needs its location; choose the location' });
    } else if (location.rooms.length > 0 && !location.rooms.includes(r.room)) {
      issues.push({
        path: 'body.room',
        message: `not a room of ${location.name} (${location.rooms.join(', ')})`,
      });
    }
  }
  if (r.startTime === null) return { startedAt: null, timeZone: null };
  if (!location) {
    issues.push({
      path: 'body.startTime',
      message: 'a start time is read on the location’s clock; choose the location',
    });
    return { startedAt: null, timeZone: null };
  }
  const startedAt = zonedInstant(r.date, r.startTime, location.timeZone);
  if (!startedAt) {
    issues.push({
      path: 'body.startTime',
      message: `${r.startTime} does not exist on ${r.date} in ${location.timeZone} (the clocks go forward); check the time`,
    });
    return { startedAt: null, timeZone: null };
  }
  return { startedAt, timeZone: location.timeZone };
}

/** The stored start's local time (for a change that keeps it while the date or location changes). */
export const startTimeOf = (p: ProcedureRow): string | null =>
  p.startedAt && p.timeZone ? localParts(p.startedAt, p.timeZone).time : null;

/** A pain score on the NRS is whole: the diary's scale is the pre-block one, else the episode's baseline. */
export async function checkProvocationScale(
  tx: Tx,
  practiceId: string,
  p: { episodeId: string; preScoreScale: string | null },
  provocation: Provocation,
  issues: Issue[],
): Promise<void> {
  const scale =
    p.preScoreScale ??
    ((await findEpisode(tx, practiceId, p.episodeId))?.complaint.baseline as { scale?: string } | undefined)
      ?.scale;
  if (scale === 'NRS' && !Number.isInteger(provocation.score)) {
    issues.push({
      path: 'body.provocation.score',
      message: 'this diary is on the NRS: a whole number 0–10',
    });
  }
}

/** Writes (or, with null, removes) the provocation check of a procedure; undefined leaves it as it is. */
export async function saveProvocation(
  tx: Tx,
  p: ProcedureRow,
  provocation: Provocation | null | undefined,
  now: Date,
): Promise<DiaryEntryRow | null> {
  const old = await findRecoveryEntry(tx, p.practiceId, p.id);
  if (provocation === undefined) return old ?? null;
  if (provocation === null) {
    if (old) await deleteDiaryEntry(tx, p.practiceId, old.id);
    return null;
  }
  const clash = await findDiaryEntryAt(tx, p.practiceId, p.id, provocation.minutesAfter);
  if (clash && clash.id !== old?.id) {
    throw new AppError(
      'CONFLICT',
      `the diary already has an entry ${provocation.minutesAfter} minutes after the block`,
      [
        {
          path: 'body.provocation.minutesAfter',
          message: `the diary already has an entry ${provocation.minutesAfter} minutes after the block (score ${clash.score}); choose another minute`,
        },
      ],
    );
  }
  const values = {
    minutesAfter: provocation.minutesAfter,
    score: provocation.score,
    activity: provocation.activity,
    recordedAt: now,
  };
  if (old) return (await updateDiaryEntry(tx, p.practiceId, old.id, values)) ?? null;
  const row = await insertDiaryEntryIfNew(tx, {
    id: randomUUID(),
    practiceId: p.practiceId,
    procedureId: p.id,
    ...values,
    rescueMedication: null,
    idempotencyKey: `recovery:${p.id}`,
    source: 'staff',
    inRecovery: true,
  });
  if (!row) throw new AppError('CONFLICT', 'the provocation check was recorded at the same time; try again');
  return row;
}
