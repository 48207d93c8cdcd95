/**
 * The pathway of one episode as dated events, oldest first: the screening request, the complaint's onset and
 * baseline, conservative care, the episode, each procedure (with its diary and result), the physician's
 * interpretation sign-offs, and the follow-ups.
 */

import { takesDiary } from '../../../contract/preview';
import type { BlockInterpretationDto, ProcedureWithRecordsDto } from '../../../contract/procedures';

export interface ScreeningRequestLite {
  id: string;
  status: string;
  answers: Record<string, unknown>;
  createdAt: string;
  decidedAt: string | null;
}

export interface ComplaintLite {
  onset?: string;
  axial?: boolean;
  radicular?: string;
  diagnoses?: string[];
  baseline?: { scale: string; score: number; date: string };
  function?: { instrument: string; score: number; date: string };
  conservativeCare?: { kind: string; start: string; end: string; failed: boolean }[];
}

export type TimelineEvent =
  | { kind: 'screening'; date: string; request: ScreeningRequestLite }
  | { kind: 'onset'; date: string; complaint: ComplaintLite }
  | { kind: 'baseline'; date: string; complaint: ComplaintLite }
  | { kind: 'care'; date: string; care: NonNullable<ComplaintLite['conservativeCare']>[number] }
  | { kind: 'episode'; date: string; region: string }
  | {
      kind: 'procedure';
      date: string;
      procedure: ProcedureWithRecordsDto;
      /** 1, 2, … among the episode's diagnostic blocks (not cancelled), by date. */
      blockNumber: number | null;
      interpretation: BlockInterpretationDto | null;
    }
  | {
      kind: 'decision';
      date: string;
      procedure: ProcedureWithRecordsDto;
      blockNumber: number | null;
      interpretation: BlockInterpretationDto;
    }
  | {
      kind: 'follow-up';
      date: string;
      procedure: ProcedureWithRecordsDto;
      followUp: ProcedureWithRecordsDto['followUps'][number];
    };

const ORDER: Record<TimelineEvent['kind'], number> = {
  screening: 0,
  onset: 1,
  baseline: 2,
  care: 3,
  episode: 4,
  procedure: 5,
  decision: 6,
  'follow-up': 7,
};

export function buildTimeline(input: {
  episode: { region: string; createdAt: string; complaint: ComplaintLite };
  procedures: readonly ProcedureWithRecordsDto[];
  interpretations: ReadonlyMap<string, BlockInterpretationDto>;
  screening: ScreeningRequestLite | null;
}): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const c = input.episode.complaint;
  if (input.screening)
    events.push({ kind: 'screening', date: input.screening.createdAt, request: input.screening });
  if (c.onset) events.push({ kind: 'onset', date: c.onset, complaint: c });
  if ((c.baseline && c.baseline.date !== c.onset) || (!c.onset && (c.baseline || c.function)))
    events.push({ kind: 'baseline', date: c.baseline?.date ?? c.function!.date, complaint: c });
  for (const care of c.conservativeCare ?? []) events.push({ kind: 'care', date: care.start, care });
  events.push({ kind: 'episode', date: input.episode.createdAt, region: input.episode.region });

  const ordered = [...input.procedures].sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
  let n = 0;
  const numbers = new Map<string, number>();
  for (const p of ordered) if (takesDiary(p)) numbers.set(p.id, ++n);
  for (const p of ordered) {
    const interpretation = input.interpretations.get(p.id) ?? null;
    const blockNumber = numbers.get(p.id) ?? null;
    events.push({ kind: 'procedure', date: p.date, procedure: p, blockNumber, interpretation });
    if (interpretation?.interpretedAt)
      events.push({
        kind: 'decision',
        date: interpretation.interpretedAt,
        procedure: p,
        blockNumber,
        interpretation,
      });
    for (const f of p.followUps) events.push({ kind: 'follow-up', date: f.date, procedure: p, followUp: f });
  }
  return events
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        a.e.date.slice(0, 10).localeCompare(b.e.date.slice(0, 10)) ||
        ORDER[a.e.kind] - ORDER[b.e.kind] ||
        a.e.date.localeCompare(b.e.date) ||
        a.i - b.i,
    )
    .map((x) => x.e);
}
