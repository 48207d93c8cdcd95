/** Types and small helpers shared by the interpretation view and the decision panel. */
import type { z } from 'zod';
import type { episodeChart } from '../../../contract/episodes';
import type { PatientDto } from '../../../contract/patients';
import { type ProcedureStatus, takesDiary } from '../../../contract/preview';
import type { BlockInterpretationDto, ProcedureWithRecordsDto } from '../../../contract/procedures';

export type { BlockInterpretationDto, PatientDto, ProcedureWithRecordsDto };
export type EpisodeChart = z.infer<typeof episodeChart>;

export const RESULT_BADGE: Record<string, { cls: string; text: string }> = {
  positive: { cls: 'badge badge-ok', text: 'Positive' },
  negative: { cls: 'badge badge-err', text: 'Negative' },
  indeterminate: { cls: 'badge badge-warn', text: 'Indeterminate' },
};

export const jointsText = (joints: { joint: string; side: string }[]) =>
  joints.map((j) => `${j.joint} ${j.side}`).join(', ');

/** The diagnostic blocks done, whose diary there is to read (takesDiary: the server's rule, and done). */
export const isDiagnosticBlock = (p: { kind: string; intent: string; status: ProcedureStatus }) =>
  takesDiary(p) && p.status === 'done';

export function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export const patientName = (p: PatientDto) => `${p.givenName} ${p.familyName}`;
