import { describe, expect, it } from 'vitest';
import type { BlockInterpretationDto, ProcedureWithRecordsDto } from '../../../contract/procedures';
import { buildTimeline } from './timeline';

const proc = (id: string, date: string, over: Partial<ProcedureWithRecordsDto> = {}) =>
  ({
    id,
    date,
    kind: 'mbb',
    intent: 'diagnostic',
    status: 'done',
    createdAt: `${date}T10:00:00.000Z`,
    diary: [],
    followUps: [],
    ...over,
  }) as ProcedureWithRecordsDto;

describe('the chart timeline', () => {
  it('puts every event of the pathway in date order and numbers the diagnostic blocks', () => {
    const rfa = proc('r', '2026-04-01', {
      kind: 'rfa',
      intent: 'therapeutic',
      followUps: [
        {
          id: 'f',
          procedureId: 'r',
          date: '2026-07-01',
          reliefPercent: 80,
          functionImprovementPercent: null,
          nrs: 2,
          functionScore: null,
          ableToDoActivities: null,
          createdAt: '2026-07-01T00:00:00.000Z',
        },
      ],
    });
    const events = buildTimeline({
      episode: {
        region: 'lumbar',
        createdAt: '2026-01-05T09:00:00.000Z',
        complaint: {
          onset: '2025-06-01',
          baseline: { scale: 'NRS', score: 8, date: '2025-06-01' },
          conservativeCare: [
            { kind: 'physical-therapy', start: '2025-07-01', end: '2025-09-01', failed: true },
          ],
        },
      },
      // Out of order on purpose, with a cancelled block that takes no number.
      procedures: [
        rfa,
        proc('b2', '2026-03-01'),
        proc('x', '2026-02-01', { status: 'cancelled' }),
        proc('b1', '2026-02-01'),
      ],
      interpretations: new Map([
        ['b1', { interpretedAt: '2026-02-03T12:00:00.000Z', result: 'positive' } as BlockInterpretationDto],
        ['b2', { interpretedAt: null, result: 'positive' } as BlockInterpretationDto],
      ]),
      screening: {
        id: 's',
        status: 'accepted',
        answers: {},
        createdAt: '2025-12-20T08:00:00.000Z',
        decidedAt: null,
      },
    });
    expect(
      events.map((e) =>
        e.kind === 'procedure'
          ? `${e.procedure.id}#${e.blockNumber ?? '-'}`
          : e.kind === 'decision'
            ? `signed ${e.procedure.id}`
            : e.kind,
      ),
    ).toEqual([
      'onset',
      'care',
      'screening',
      'episode',
      'x#-',
      'b1#1',
      'signed b1',
      'b2#2',
      'r#-',
      'follow-up',
    ]);
    const dates = events.map((e) => e.date.slice(0, 10));
    expect(dates).toEqual([...dates].sort());
  });
});
