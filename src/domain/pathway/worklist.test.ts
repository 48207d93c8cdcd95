import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../app/evaluate-case.js';
import { loadPolicyCatalog } from '../../app/policy-catalog.js';
import { computeWorklist, type EpisodeFacts } from './worklist.js';

const policies = loadPolicyCatalog();
// The shipped example: lumbar L4-L5 + L5-S1 bilateral, Medicare in CA; MBB-1 (2026-01-12, positive with
// lidocaine) and MBB-2 (2026-02-02, positive with bupivacaine).
const example = () =>
  parseCase(
    JSON.parse(readFileSync(new URL('../../../examples/lumbar-rfa-medicare.json', import.meta.url), 'utf8')),
  );

function facts(edit: (c: ReturnType<typeof example>) => void, interpreted: string[] = []): EpisodeFacts {
  const c = example();
  edit(c);
  const { proposed: _p, asOf: _a, ...base } = c;
  return { base, interpreted: new Set(interpreted), planned: [] };
}
const kinds = (items: { kind: string }[]) => items.map((i) => i.kind).sort();

describe('worklist items of an episode', () => {
  it('a block done today: its diary is in progress', () => {
    const f = facts((c) => {
      c.history = c.history.slice(0, 1);
    });
    const items = computeWorklist(f, policies, '2026-01-12');
    expect(kinds(items)).toContain('diary-in-progress');
    expect(items.find((i) => i.kind === 'diary-in-progress')?.dueDate).toBe('2026-01-12');
  });

  it('one positive block under Medicare: interpretation awaited, confirmatory block from 14 days later', () => {
    const f = facts((c) => {
      c.history = c.history.slice(0, 1);
    });
    const items = computeWorklist(f, policies, '2026-01-15');
    expect(kinds(items)).toEqual([
      'awaiting-interpretation',
      'diary-in-progress',
      'schedule-confirmatory-block',
    ]);
    // The diary shows on the block's day, the interpretation from the day after (the read filters by date).
    expect(items.find((i) => i.kind === 'diary-in-progress')?.dueDate).toBe('2026-01-12');
    expect(items.find((i) => i.kind === 'awaiting-interpretation')?.dueDate).toBe('2026-01-13');
    // Rule 9: at least 14 days after 2026-01-12.
    expect(items.find((i) => i.kind === 'schedule-confirmatory-block')?.dueDate).toBe('2026-01-26');
  });

  it('an interpreted block has no diary or interpretation item', () => {
    const f = facts(
      (c) => {
        c.history = c.history.slice(0, 1);
      },
      ['MBB-1'],
    );
    expect(kinds(computeWorklist(f, policies, '2026-01-15'))).toEqual(['schedule-confirmatory-block']);
  });

  it('two positive blocks, both interpreted: eligible for RFA', () => {
    const items = computeWorklist(
      facts(() => {}, ['MBB-1', 'MBB-2']),
      policies,
      '2026-02-10',
    );
    expect(kinds(items)).toEqual(['eligible-for-rfa']);
  });

  it('after an RFA: the 3-, 6- and 12-month follow-ups fall due one by one, each gone once recorded', () => {
    const rfaWith = (followUp: { date: string; reliefPercent: number }[]) =>
      facts(
        (c) => {
          c.history.push({ ...c.proposed, id: 'RFA-1', date: '2026-03-09', followUp });
        },
        ['MBB-1', 'MBB-2'],
      );
    expect(computeWorklist(rfaWith([]), policies, '2026-05-01')).toEqual([
      {
        kind: 'follow-up-due',
        dueDate: '2026-06-09',
        reason: '3-month follow-up after the RFA of 2026-03-09, due 2026-06-09: record relief and function.',
        detail: { procedureId: 'RFA-1', months: 3 },
      },
    ]);
    const after3 = computeWorklist(
      rfaWith([{ date: '2026-06-05', reliefPercent: 80 }]),
      policies,
      '2026-06-06',
    );
    expect(after3).toEqual([
      expect.objectContaining({
        kind: 'follow-up-due',
        dueDate: '2026-09-09',
        detail: { procedureId: 'RFA-1', months: 6 },
      }),
    ]);
    expect(after3[0]!.reason).toContain('6-month follow-up');
    expect(after3[0]!.reason).toContain('(rule 15 needs it before a repeat)');
  });

  it('an RFA that gave ≥ 50 % relief at 6 months: a repeat-RFA candidate, and the 12-month follow-up', () => {
    const f = facts(
      (c) => {
        c.history.push({
          ...c.proposed,
          id: 'RFA-1',
          date: '2026-03-09',
          followUp: [{ date: '2026-09-10', reliefPercent: 70 }],
        });
      },
      ['MBB-1', 'MBB-2'],
    );
    const items = computeWorklist(f, policies, '2026-10-01');
    expect(kinds(items)).toEqual(['follow-up-due', 'repeat-rfa-candidate']);
    expect(items[0]).toMatchObject({ dueDate: '2027-03-09', detail: { months: 12 } });
  });

  it('a new episode without a baseline: missing information, naming rule 6', () => {
    const f = facts((c) => {
      c.history = [];
      delete c.complaint.baseline;
    });
    const items = computeWorklist(f, policies, '2026-01-05');
    expect(kinds(items)).toEqual(['missing-information']);
    expect(items[0]!.reason).toContain('rule 6 (BASELINE_MISSING)');
  });
});
