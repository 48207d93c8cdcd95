/** What a patient's diary link does: show the diary, and add an entry to it. */
import type { DiaryEntryDto, DiaryEntryInput, PatientDiaryDto } from '../../contract/diary-links.js';
import { listDiaryEntries } from '../../store/diary-links.js';
import { findPractice } from '../../store/practices.js';
import { markWorklistDirty } from '../../store/worklist.js';
import type { RequestContext } from '../actor.js';
import { recordDiaryEntry } from '../procedures/record-diary-entry.js';
import { isoWithOffset } from '../records/local-time.js';
import { diaryEntryDto } from '../records/procedure-dto.js';
import { audit, inTransaction, type Services } from '../services.js';
import { resolveDiaryLink } from './resolve-link.js';
import { diarySchedule } from './schedule.js';

export function openDiary(svc: Services, ctx: RequestContext, token: string): Promise<PatientDiaryDto> {
  return inTransaction(svc, async (tx) => {
    const { link, procedure: p } = await resolveDiaryLink(tx, ctx, token);
    const entries = await listDiaryEntries(tx, link.practiceId, p.id);
    const practice = (await findPractice(tx, link.practiceId))!;
    await audit(tx, ctx, { action: 'read', entity: 'diary', entityId: p.id, patientId: p.patientId });
    const hasPre = p.preScore !== null && p.preScoreScale !== null;
    return {
      procedure: { date: p.date, kind: p.kind, region: p.region, joints: p.joints },
      patient: { givenName: p.givenName },
      practice: { slug: practice.slug, name: practice.name },
      preScore: hasPre ? { scale: p.preScoreScale!, score: p.preScore! } : null,
      ...diarySchedule(
        hasPre,
        entries.map((e) => e.minutesAfter),
      ),
      entries: entries.map(diaryEntryDto),
      expiresAt: link.expiresAt.toISOString(),
      startedAt: p.startedAt && p.timeZone ? isoWithOffset(p.startedAt, p.timeZone) : null,
      timeZone: p.startedAt && p.timeZone ? p.timeZone : null,
    };
  });
}

export function addDiaryEntry(
  svc: Services,
  ctx: RequestContext,
  token: string,
  input: DiaryEntryInput,
): Promise<{ created: boolean; entry: DiaryEntryDto }> {
  return inTransaction(svc, async (tx) => {
    const { link, procedure: p } = await resolveDiaryLink(tx, ctx, token);
    const r = await recordDiaryEntry(tx, {
      practiceId: link.practiceId,
      procedureId: p.id,
      entry: input,
      source: 'patient',
      now: ctx.now,
    });
    // The worklist follows within seconds (marked here, recomputed on read and in the background), so a
    // patient's phone never waits for the practice's worklist.
    if (r.created) await markWorklistDirty(tx, link.practiceId, r.episodeId);
    await audit(tx, ctx, {
      action: r.created ? 'create' : 'read',
      entity: 'diary-entry',
      entityId: r.entry.id,
      patientId: r.patientId,
    });
    return { created: r.created, entry: r.entry };
  });
}
