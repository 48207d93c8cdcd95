/**
 * Recording one pain-diary entry, for staff (POST /api/v1/procedures/:id/diary-entries) and for patients
 * through their diary link. Idempotent: the same key again returns the entry first recorded and creates
 * nothing; another key at a time already recorded is a conflict. The caller owns the transaction and the
 * audit event (the actor differs).
 */
import { randomUUID } from 'node:crypto';
import type { DiaryEntryDto, DiaryEntryInput } from '../../contract/procedures.js';
import { takesDiary } from '../../domain/diary/takes-diary.js';
import type { Tx } from '../../store/database.js';
import { findEpisode } from '../../store/episodes.js';
import {
  countDiaryEntries,
  findDiaryEntryAt,
  findDiaryEntryByKey,
  findProcedureForUpdate,
  insertDiaryEntryIfNew,
} from '../../store/procedures.js';
import { AppError, notFound } from '../errors.js';
import { diaryEntryDto } from '../records/procedure-dto.js';

/**
 * The one answer to "this procedure takes no diary" (src/domain/diary/takes-diary.ts), whether staff ask
 * for a diary link or record an entry: 409, the procedure's state conflicts with the request.
 */
export const noDiary = () =>
  new AppError(
    'CONFLICT',
    'a pain diary is kept only for a diagnostic medial branch block or intra-articular injection that is not cancelled',
  );

/** The case format's limit on a diary's length (src/contract/case.ts). */
export const MAX_DIARY_ENTRIES = 500;

export interface RecordDiaryEntryArgs {
  practiceId: string;
  procedureId: string;
  entry: DiaryEntryInput;
  source: 'patient' | 'staff';
  now: Date;
}

export interface RecordedDiaryEntry {
  entry: DiaryEntryDto;
  /** false when the idempotency key had been used: `entry` is the one first recorded. */
  created: boolean;
  patientId: string;
  episodeId: string;
}

export async function recordDiaryEntry(tx: Tx, args: RecordDiaryEntryArgs): Promise<RecordedDiaryEntry> {
  const { practiceId, procedureId, entry } = args;
  // The row lock queues concurrent writes to one diary, so the length check below holds.
  const p = await findProcedureForUpdate(tx, practiceId, procedureId);
  if (!p) throw notFound('procedure');
  const ids = { patientId: p.patientId, episodeId: p.episodeId };

  if (!takesDiary(p)) {
    // A retry of an entry recorded before still answers with that entry.
    const earlier = await findDiaryEntryByKey(tx, practiceId, procedureId, entry.idempotencyKey);
    if (earlier) return { entry: diaryEntryDto(earlier), created: false, ...ids };
    throw noDiary();
  }
  // The diary is scored on the pre-block scale, else the episode's baseline scale (as the case file requires);
  // the episode is read only when the procedure has no pre-block score.
  const scale =
    p.preScoreScale ??
    ((await findEpisode(tx, practiceId, p.episodeId))?.complaint.baseline as { scale?: string } | undefined)
      ?.scale;
  if (scale === 'NRS' && !Number.isInteger(entry.score)) {
    throw new AppError('VALIDATION', 'this diary is on the NRS: a whole number 0–10', [
      { path: 'body.score', message: 'this diary is on the NRS: a whole number 0–10' },
    ]);
  }
  const row = await insertDiaryEntryIfNew(tx, {
    id: randomUUID(),
    practiceId,
    procedureId,
    minutesAfter: entry.minutesAfter,
    score: entry.score,
    activity: entry.activity ?? null,
    rescueMedication: entry.rescueMedication ?? null,
    idempotencyKey: entry.idempotencyKey,
    source: args.source,
    recordedAt: args.now,
  });
  if (row) {
    if ((await countDiaryEntries(tx, practiceId, procedureId)) > MAX_DIARY_ENTRIES) {
      throw new AppError('UNPROCESSABLE', `a diary holds at most ${MAX_DIARY_ENTRIES} entries`);
    }
    return { entry: diaryEntryDto(row), created: true, ...ids };
  }
  // Skipped: a concurrent request with the same key won, or this time is already recorded.
  const same = await findDiaryEntryByKey(tx, practiceId, procedureId, entry.idempotencyKey);
  if (same) return { entry: diaryEntryDto(same), created: false, ...ids };
  const atTime = await findDiaryEntryAt(tx, practiceId, procedureId, entry.minutesAfter);
  throw new AppError(
    'CONFLICT',
    `an entry ${entry.minutesAfter} minutes after the block is already recorded${atTime ? ` (score ${atTime.score})` : ''}; change that entry's time or send the same idempotency key to retry`,
    [{ path: 'body.minutesAfter', message: 'already recorded with another idempotency key' }],
  );
}
