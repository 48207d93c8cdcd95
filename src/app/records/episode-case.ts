/**
 * The one place where an episode's records become the clinical core's case (src/domain/case.ts), so the
 * server decides exactly as `facetpath evaluate` does on the same case file.
 *
 * - coverage: the patient's active coverage (kind, state);
 * - policy: the coverage's own policy, else the practice's choice for that coverage kind, else none (the
 *   catalog default for the kind is then chosen by the evaluator, as the CLI does);
 * - complaint: the episode's region and complaint facts;
 * - history: the episode's procedures that were done (not planned, not cancelled), in date order, with
 *   their pre-block score, diary (by minutesAfter) and follow-ups (by date);
 * - proposed: one planned procedure of the episode.
 */
import type { CaseFile } from '../../contract/case.js';
import type { Case, Complaint, PastProcedure, Procedure } from '../../domain/case.js';
import { DomainError } from '../../domain/errors.js';
import type { Tx } from '../../store/database.js';
import { activeCoverage, type CoverageRow } from '../../store/patients.js';
import { findPractice, type PracticeRow } from '../../store/practices.js';
import type { DiaryEntryRow, FollowUpRow, ProcedureRow } from '../../store/procedures.js';
import { AppError } from '../errors.js';
import { parseCase } from '../evaluate-case.js';
import { type EpisodeRecords, loadEpisodeRecords } from './episode-records.js';

export interface CaseRecords extends EpisodeRecords {
  practice: PracticeRow;
  coverage: CoverageRow | undefined;
}

/** Reads what the conversion needs: the episode's records, the practice and the patient's active coverage. */
export async function loadCaseRecords(tx: Tx, practiceId: string, episodeId: string): Promise<CaseRecords> {
  const records = await loadEpisodeRecords(tx, practiceId, episodeId);
  const practice = await findPractice(tx, practiceId);
  if (!practice) throw new Error('the practice of a signed-in user is missing');
  const coverage = await activeCoverage(tx, practiceId, records.episode.patientId);
  return { ...records, practice, coverage };
}

function procedureFacts(p: ProcedureRow): Procedure {
  const out: Procedure = {
    id: p.id,
    kind: p.kind,
    intent: p.intent,
    date: p.date,
    joints: p.joints,
    guidance: p.guidance,
    sedation: p.sedation,
  };
  if (p.otherBlock !== null) out.otherBlock = p.otherBlock;
  if (p.agent !== null) out.agent = p.agent;
  if (p.volumeMlPerNerve !== null) out.volumeMlPerNerve = p.volumeMlPerNerve;
  if (p.sedationJustified !== null) out.sedationJustified = p.sedationJustified;
  if (p.technique !== null) out.technique = p.technique;
  if (p.temperatureC !== null) out.temperatureC = p.temperatureC;
  return out;
}

function pastProcedure(p: ProcedureRow, diary: readonly DiaryEntryRow[], followUps: readonly FollowUpRow[]) {
  const out: PastProcedure = procedureFacts(p);
  if (p.preScoreScale !== null && p.preScore !== null) {
    out.preScore = { scale: p.preScoreScale, score: p.preScore };
  }
  const entries = diary
    .filter((d) => d.procedureId === p.id)
    .sort((a, b) => a.minutesAfter - b.minutesAfter)
    .map((d) => ({ minutesAfter: d.minutesAfter, score: d.score }));
  if (entries.length) out.diary = entries;
  const fus = followUps
    .filter((f) => f.procedureId === p.id)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((f) =>
      f.functionImprovementPercent === null
        ? { date: f.date, reliefPercent: f.reliefPercent }
        : {
            date: f.date,
            reliefPercent: f.reliefPercent,
            functionImprovementPercent: f.functionImprovementPercent,
          },
    );
  if (fus.length) out.followUp = fus;
  return out;
}

/** The case without a proposed procedure: coverage, policy, complaint and what was done. */
export function episodeBase(records: CaseRecords): Omit<Case, 'proposed' | 'asOf'> {
  const { coverage, practice, episode } = records;
  if (!coverage) {
    throw new AppError(
      'UNPROCESSABLE',
      'the patient has no active coverage: record it (PUT /api/v1/patients/:id/coverage) before evaluating',
      [{ path: 'coverage', message: 'no active coverage' }],
    );
  }
  const policy = coverage.policy ?? practice.policyByCoverage[coverage.kind] ?? undefined;
  const complaint: Complaint = { ...episode.complaint, region: episode.region };
  const history = records.procedures
    .filter((p) => p.status === 'done')
    .map((p) => pastProcedure(p, records.diary, records.followUps));
  return {
    ...(policy ? { policy } : {}),
    coverage: { kind: coverage.kind, state: coverage.state },
    complaint,
    history,
  };
}

/** The episode as the core's case, proposing one of its planned procedures. */
export function episodeToCase(records: CaseRecords, proposed: ProcedureRow, asOf?: string): Case {
  if (proposed.episodeId !== records.episode.id || proposed.status !== 'planned') {
    throw new AppError(
      'UNPROCESSABLE',
      'the proposed procedure must be a planned procedure of this episode',
      [{ path: 'query.proposed', message: `procedure ${proposed.id} is ${proposed.status}, not planned` }],
    );
  }
  const base = episodeBase(records);
  return { ...(asOf ? { asOf } : {}), ...base, proposed: procedureFacts(proposed) };
}

/** Loads an episode and converts it, proposing the procedure `proposedId` (404 unless it is in the episode). */
export async function caseForEpisode(
  tx: Tx,
  practiceId: string,
  episodeId: string,
  proposedId: string,
  asOf?: string,
): Promise<{ case: Case; patientId: string }> {
  const records = await loadCaseRecords(tx, practiceId, episodeId);
  const proposed = records.procedures.find((p) => p.id === proposedId);
  if (!proposed) throw new AppError('NOT_FOUND', 'procedure not found in this episode');
  return { case: episodeToCase(records, proposed, asOf), patientId: records.episode.patientId };
}

/**
 * The case checked by the case contract. The records were validated on the way in, but together they may
 * still not make a case (a planned procedure dated before one already done, pain onset after it…): that is
 * a 422 naming the case paths, not a fault of the request.
 */
export function checkedCase(c: Case): CaseFile {
  try {
    return parseCase(c);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'INVALID_CASE') {
      throw new AppError(
        'UNPROCESSABLE',
        `the episode's records do not make a valid case: ${e.message}`,
        e.issues,
      );
    }
    throw e;
  }
}
