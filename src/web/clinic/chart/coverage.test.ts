import { describe, expect, it } from 'vitest';
import { coverageSummary, effectivePolicy, type PracticePolicies } from './coverage';

const catalog: PracticePolicies['catalog'] = [
  { id: 'lcd-a', title: 'LCD A', defaultFor: ['medicare', 'medicare-advantage'], versions: [] },
  { id: 'consensus', title: 'Consensus', defaultFor: ['commercial'], versions: [] },
];

describe('effectivePolicy: the policy a coverage is checked against, as the server chooses it', () => {
  it("uses the coverage's own policy first", () => {
    const r = effectivePolicy(
      { kind: 'medicare', policy: 'consensus' },
      { policyByCoverage: { medicare: 'lcd-a' }, catalog },
    );
    expect([r.id, r.entry?.title, r.why]).toEqual(['consensus', 'Consensus', 'chosen for this coverage']);
  });
  it("then the practice's choice for the kind", () => {
    const r = effectivePolicy(
      { kind: 'commercial', policy: null },
      { policyByCoverage: { commercial: 'lcd-a' }, catalog },
    );
    expect([r.id, r.why]).toEqual(['lcd-a', "the practice's policy for Commercial"]);
  });
  it('then the catalog default for the kind, or none', () => {
    const r = effectivePolicy(
      { kind: 'medicare-advantage', policy: null },
      { policyByCoverage: {}, catalog },
    );
    expect([r.id, r.why]).toEqual(['lcd-a', 'the default for Medicare Advantage']);
    expect(
      effectivePolicy({ kind: 'self-pay', policy: null }, { policyByCoverage: {}, catalog }).id,
    ).toBeNull();
  });
});

describe('coverageSummary', () => {
  it('names the kind and state, and the payer and member ID when recorded', () => {
    const base = { kind: 'medicare', state: 'CA', payerName: null, memberId: null, policy: null };
    expect(coverageSummary(base)).toBe('Medicare (CA)');
    expect(coverageSummary({ ...base, kind: 'commercial', payerName: 'Aetna', memberId: 'W1' })).toBe(
      'Commercial (CA) · Aetna · member W1',
    );
  });
});
