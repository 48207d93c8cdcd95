import type {
  DiaryEntryDto,
  FollowUpDto,
  ProcedureDto,
  ProcedureWithRecordsDto,
} from '../../contract/procedures.js';
import type { DiaryEntryRow, FollowUpRow, ProcedureRow } from '../../store/procedures.js';
import { isoWithOffset, localParts } from './local-time.js';

/** The block record's fields of a procedure (migrations/0008_block_record.sql); `recovery`: its check. */
const blockRecordDto = (r: ProcedureRow, recovery: DiaryEntryRow | null | undefined) => {
  const zoned = r.startedAt && r.timeZone ? { at: r.startedAt, tz: r.timeZone } : null;
  return {
    startedAt: zoned ? isoWithOffset(zoned.at, zoned.tz) : null,
    timeZone: zoned ? zoned.tz : null,
    startTime: zoned ? localParts(zoned.at, zoned.tz).time : null,
    room: r.room,
    agentConcentrationPercent: r.agentConcentrationPercent,
    steroid: r.steroid && r.steroidDoseMg !== null ? { drug: r.steroid, doseMg: r.steroidDoseMg } : null,
    contrast: r.contrast,
    complications: r.complications ? { kinds: r.complications, note: r.complicationsNote } : null,
    observationMinutes: r.observationMinutes,
    provocation: recovery
      ? { minutesAfter: recovery.minutesAfter, score: recovery.score, activity: recovery.activity }
      : null,
  };
};

export const procedureDto = (r: ProcedureRow, recovery?: DiaryEntryRow | null): ProcedureDto => ({
  id: r.id,
  episodeId: r.episodeId,
  patientId: r.patientId,
  status: r.status,
  kind: r.kind,
  otherBlock: r.otherBlock,
  intent: r.intent,
  date: r.date,
  joints: r.joints,
  agent: r.agent,
  volumeMlPerNerve: r.volumeMlPerNerve,
  guidance: r.guidance,
  sedation: r.sedation,
  sedationJustified: r.sedationJustified,
  technique: r.technique,
  temperatureC: r.temperatureC,
  preScore:
    r.preScoreScale !== null && r.preScore !== null ? { scale: r.preScoreScale, score: r.preScore } : null,
  locationId: r.locationId,
  physicianId: r.physicianId,
  interpretedAt: r.interpretedAt ? r.interpretedAt.toISOString() : null,
  interpretedBy: r.interpretedBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  ...blockRecordDto(r, recovery),
});

export const diaryEntryDto = (r: DiaryEntryRow): DiaryEntryDto => ({
  id: r.id,
  procedureId: r.procedureId,
  minutesAfter: r.minutesAfter,
  score: r.score,
  activity: r.activity,
  rescueMedication: r.rescueMedication,
  source: r.source,
  recordedAt: r.recordedAt.toISOString(),
  inRecovery: r.inRecovery,
});

export const followUpDto = (r: FollowUpRow): FollowUpDto => ({
  id: r.id,
  procedureId: r.procedureId,
  date: r.date,
  reliefPercent: r.reliefPercent,
  functionImprovementPercent: r.functionImprovementPercent,
  nrs: r.nrs,
  functionScore: r.functionScore,
  ableToDoActivities: r.ableToDoActivities,
  createdAt: r.createdAt.toISOString(),
});

/** Procedures with their diaries and follow-ups nested (rows of the three tables, any order). */
export function proceduresWithRecords(
  procedures: readonly ProcedureRow[],
  diary: readonly DiaryEntryRow[],
  followUps: readonly FollowUpRow[],
): ProcedureWithRecordsDto[] {
  return procedures.map((p) => ({
    ...procedureDto(
      p,
      diary.find((d) => d.procedureId === p.id && d.inRecovery),
    ),
    diary: diary
      .filter((d) => d.procedureId === p.id)
      .sort((a, b) => a.minutesAfter - b.minutesAfter)
      .map(diaryEntryDto),
    followUps: followUps
      .filter((f) => f.procedureId === p.id)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map(followUpDto),
  }));
}
