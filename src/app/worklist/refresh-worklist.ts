/**
 * Recomputes the worklist items of one episode from its records, in the caller's transaction: every write
 * to an episode (its facts, procedures, diary, follow-ups, interpretation, the patient's coverage) calls it,
 * so the worklist never disagrees with the records.
 */
import type { ReasonCode } from '../../domain/codes.js';
import { computeWorklist, type WorklistItem } from '../../domain/pathway/worklist.js';
import type { Tx } from '../../store/database.js';
import { listEpisodesOfPatient } from '../../store/episodes.js';
import { replaceWorklistItems } from '../../store/worklist.js';
import { episodeBase, loadCaseRecords } from '../records/episode-case.js';
import { type Services, today } from '../services.js';

export async function refreshWorklist(
  tx: Tx,
  svc: Services,
  practiceId: string,
  episodeId: string,
): Promise<void> {
  const records = await loadCaseRecords(tx, practiceId, episodeId);
  const now = today(svc);
  let items: WorklistItem[] = [];
  if (records.episode.status === 'open') {
    if (!records.coverage) {
      items = [
        {
          kind: 'missing-information',
          dueDate: now,
          reason: "No active coverage: record the patient's insurance to check the payer's rules.",
          detail: { reasons: ['COVERAGE_MISSING'] satisfies ReasonCode[] },
        },
      ];
    } else {
      items = computeWorklist(
        {
          base: episodeBase(records),
          interpreted: new Set(records.procedures.filter((p) => p.interpretedAt !== null).map((p) => p.id)),
          planned: records.procedures
            .filter((p) => p.status === 'planned')
            .map((p) => ({ kind: p.kind, intent: p.intent, date: p.date })),
        },
        svc.policies,
        now,
      );
    }
  }
  await replaceWorklistItems(
    tx,
    practiceId,
    episodeId,
    items.map((i) => ({
      practiceId,
      episodeId,
      patientId: records.episode.patientId,
      locationId: records.episode.locationId,
      kind: i.kind,
      dueDate: i.dueDate,
      reason: i.reason,
      detail: i.detail,
    })),
  );
}

/** After a change to a patient (coverage): every episode of the patient. */
export async function refreshPatientWorklist(tx: Tx, svc: Services, practiceId: string, patientId: string) {
  for (const e of await listEpisodesOfPatient(tx, practiceId, patientId)) {
    await refreshWorklist(tx, svc, practiceId, e.id);
  }
}
