/** How a decision's dates read for people: the rule's date, and whether it is already past on the as-of date. */
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../app/evaluate-case.js';
import { loadPolicyCatalog } from '../app/policy-catalog.js';
import { earliestAllowed, whenAllowed } from './decision.js';

const J = [{ joint: 'L4-L5', side: 'bilateral' }];
const firstBlock = (asOf: string, onset = '2025-06-01') => ({
  asOf,
  coverage: { kind: 'medicare', state: 'CA' },
  complaint: {
    region: 'lumbar',
    onset,
    axial: true,
    radicular: 'none',
    neurogenicClaudication: false,
    nonFacetCause: 'none',
    diagnoses: ['M47.816'],
    baseline: { scale: 'NRS', score: 8, date: '2025-12-01' },
    function: { instrument: 'ODI', score: 42, date: '2025-12-01' },
    conservativeCare: [{ kind: 'physical-therapy', start: '2025-07-01', end: '2025-10-01', failed: true }],
  },
  history: [],
  proposed: {
    id: 'MBB-1',
    kind: 'mbb',
    intent: 'diagnostic',
    date: '2026-01-12',
    joints: J,
    agent: 'lidocaine',
    volumeMlPerNerve: 0.5,
    guidance: 'fluoroscopy',
    sedation: 'local',
  },
});
const policies = loadPolicyCatalog();

describe('whenAllowed', () => {
  it('gives the rule date, and says when it is already past', () => {
    expect(whenAllowed({ earliestDate: '2026-01-26', alreadyAllowed: false }, '2026-01-05')).toBe(
      'from 2026-01-26',
    );
    expect(whenAllowed({ earliestDate: '2026-01-26', alreadyAllowed: true }, '2026-06-01')).toBe(
      'from 2026-01-26 (already allowed on 2026-06-01)',
    );
    expect(whenAllowed({ earliestDate: null, alreadyAllowed: false }, '2026-06-01')).toBe('');
  });

  it('a confirmatory block evaluated months later keeps the rule 9 date and is marked already allowed', () => {
    const r = evaluateCase(firstBlock('2026-06-01'), policies, { today: '2000-01-01' });
    const step = r.next.find((n) => n.action === 'confirmatory-block')!;
    // 2026-01-12 + 14 days (rule 9) = 2026-01-26, before the as-of date 2026-06-01.
    expect(step).toMatchObject({ earliestDate: '2026-01-26', alreadyAllowed: true });
    expect(whenAllowed(step, r.asOf)).toBe('from 2026-01-26 (already allowed on 2026-06-01)');
  });

  it('a held-back block is allowed from the rule 1 date, already past or not', () => {
    // Onset 2025-11-15 + 3 months = 2026-02-15 > 2026-01-12: held back to 2026-02-15.
    const before = earliestAllowed(
      evaluateCase(firstBlock('2026-01-05', '2025-11-15'), policies, { today: '2000-01-01' }),
    );
    expect(before).toMatchObject({ kind: 'from', date: '2026-02-15', alreadyAllowed: false });
    const after = earliestAllowed(
      evaluateCase(firstBlock('2026-03-01', '2025-11-15'), policies, { today: '2000-01-01' }),
    );
    expect(after).toMatchObject({ kind: 'from', date: '2026-02-15', alreadyAllowed: true });
  });
});
