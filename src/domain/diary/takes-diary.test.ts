import { describe, expect, it } from 'vitest';
import { categoryOf, INTENTS, PROCEDURE_KINDS } from '../case.js';
import { isDiagnosticBlock, takesDiary } from './takes-diary.js';

describe('takesDiary', () => {
  it('is true for diagnostic MBBs and intra-articular injections that are not cancelled, and only them', () => {
    const yes: string[] = [];
    for (const kind of PROCEDURE_KINDS)
      for (const intent of INTENTS)
        for (const status of [undefined, 'planned', 'done', 'cancelled'] as const)
          if (takesDiary({ kind, intent, status })) yes.push(`${kind} ${intent} ${status ?? '-'}`);
    expect(yes).toEqual([
      'mbb diagnostic -',
      'mbb diagnostic planned',
      'mbb diagnostic done',
      'intra-articular diagnostic -',
      'intra-articular diagnostic planned',
      'intra-articular diagnostic done',
    ]);
  });

  it('agrees with the policy category of a procedure', () => {
    for (const kind of PROCEDURE_KINDS)
      for (const intent of INTENTS)
        expect(isDiagnosticBlock({ kind, intent })).toBe(categoryOf({ kind, intent }) === 'diagnostic');
  });

  it('says no to kinds and intents it does not know (store rows are text)', () => {
    expect(takesDiary({ kind: 'epidural', intent: 'diagnostic', status: 'done' })).toBe(false);
    expect(takesDiary({ kind: 'mbb', intent: 'prognostic', status: 'done' })).toBe(false);
  });
});
