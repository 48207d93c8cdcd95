/**
 * Golden cases: hand-derived expectations for every shipped policy (test/golden/<policy-id>/*.json).
 * Each fixture is a complete case file with the answer the specification (facet-pathway.md) gives; the
 * description says why. The expectations were worked out from the specification, never copied from output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../src/app/evaluate-case.js';
import { loadPolicyCatalog } from '../src/app/policy-catalog.js';
import { REASON_CODES } from '../src/domain/codes.js';
import { DomainError } from '../src/domain/errors.js';

interface BlockExpectation {
  result?: string;
  peakReliefPercent?: number | null;
  durationMinutes?: number;
  reasons?: string[];
}

interface Expectation {
  verdict: 'eligible' | 'not-eligible' | 'needs-information';
  reasons: string[];
  warnings: string[];
  criteria: Record<string, 'met' | 'not-met' | 'unknown'>;
  blocks?: Record<string, BlockExpectation>;
  coding?: { code: string; modifiers: string[]; units: number; covered: boolean }[];
  next?: { action: string; earliestDate: string | null; alreadyAllowed?: boolean }[];
  earliestDate?: Record<string, string>;
  policy?: { lcd?: string; contractor?: string; version?: string };
}

interface Golden {
  name: string;
  description: string;
  case: Record<string, unknown> & { asOf?: string };
  expect?: Expectation;
  expectError?: { code: string; path: string };
}

const ROOT = fileURLToPath(new URL('./golden/', import.meta.url));
const policies = loadPolicyCatalog();
const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((dir) =>
    readdirSync(join(ROOT, dir.name))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((file) => ({
        policyId: dir.name,
        file,
        golden: JSON.parse(readFileSync(join(ROOT, dir.name, file), 'utf8')) as Golden,
      })),
  );

const evaluate = (g: Golden) => evaluateCase(g.case, policies, { today: '2000-01-01' });
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('golden cases', () => {
  it('has fixtures for every shipped policy and at least 60 in all', () => {
    expect(new Set(fixtures.map((f) => f.policyId))).toEqual(new Set(policies.map((p) => p.id)));
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
  });

  for (const { policyId, file, golden: g } of fixtures) {
    it(`${policyId}/${file}: ${g.name}`, () => {
      expect(g.description.length, 'a description says why').toBeGreaterThan(20);
      expect(g.case.asOf, 'every golden case sets asOf').toBeTruthy();
      expect(Boolean(g.expect) !== Boolean(g.expectError), 'either expect or expectError').toBe(true);

      if (g.expectError) {
        let error: unknown;
        try {
          evaluate(g);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DomainError);
        const de = error as DomainError;
        expect(de.code).toBe(g.expectError.code);
        expect(de.issues.map((i) => i.path)).toContain(g.expectError.path);
        return;
      }

      const x = g.expect!;
      const r = evaluate(g);
      expect(r.policy.id).toBe(policyId);
      expect(r.verdict).toBe(x.verdict);
      expect(sorted(r.reasons)).toEqual(sorted(x.reasons));
      expect(sorted(r.warnings)).toEqual(sorted(x.warnings));

      const criteria = Object.fromEntries(r.criteria.map((c) => [c.rule, c.status]));
      for (const [rule, status] of Object.entries(x.criteria)) {
        expect(criteria[rule], `criterion ${rule}`).toBe(status);
      }
      for (const [rule, date] of Object.entries(x.earliestDate ?? {})) {
        expect(r.criteria.find((c) => c.rule === rule)?.earliestDate, `earliest date of rule ${rule}`).toBe(
          date,
        );
      }
      for (const [id, want] of Object.entries(x.blocks ?? {})) {
        const block = r.blocks.find((b) => b.id === id);
        expect(block, `block ${id}`).toBeDefined();
        const got = Object.fromEntries(Object.keys(want).map((k) => [k, block![k as keyof typeof block]]));
        expect(got, `block ${id}`).toEqual(want);
      }
      if (x.coding) {
        expect(
          r.coding.map((l) => ({ code: l.code, modifiers: l.modifiers, units: l.units, covered: l.covered })),
        ).toEqual(x.coding);
      }
      for (const step of x.next ?? []) {
        // alreadyAllowed is compared where the fixture states it (older fixtures name the date only).
        expect(
          r.next.map((n) =>
            'alreadyAllowed' in step
              ? { action: n.action, earliestDate: n.earliestDate, alreadyAllowed: n.alreadyAllowed }
              : { action: n.action, earliestDate: n.earliestDate },
          ),
          `next step ${step.action}`,
        ).toContainEqual(step);
      }
      if (x.policy) {
        const got = { lcd: r.policy.lcd, contractor: r.policy.contractor, version: r.policy.version };
        expect(Object.fromEntries(Object.keys(x.policy).map((k) => [k, got[k as keyof typeof got]]))).toEqual(
          x.policy,
        );
      }
    });
  }
});

describe('golden coverage', () => {
  const expectations = fixtures.filter((f) => f.golden.expect);

  /**
   * Codes only the worklist produces, never an evaluation (docs/reason-codes.md): no golden case can expect
   * them. COVERAGE_MISSING: an episode without coverage is never evaluated (a case file always names its
   * coverage); test/http/worklist.test.ts covers it.
   */
  const WORKLIST_ONLY: ReadonlySet<string> = new Set(['COVERAGE_MISSING']);

  it('every reason code appears in some expected reasons, warnings or block reasons', () => {
    const seen = new Set<string>();
    for (const { golden: g } of expectations) {
      const x = g.expect!;
      for (const c of [...x.reasons, ...x.warnings]) seen.add(c);
      for (const b of Object.values(x.blocks ?? {})) for (const c of b.reasons ?? []) seen.add(c);
    }
    expect(REASON_CODES.filter((c) => !seen.has(c) && !WORKLIST_ONLY.has(c))).toEqual([]);
  });

  it('every rule of every policy appears in some expected criteria (block interpretation: in expected blocks)', () => {
    const missing: string[] = [];
    for (const policy of policies) {
      const mine = expectations.filter((f) => f.policyId === policy.id).map((f) => f.golden.expect!);
      const ids = new Set(policy.versions.flatMap((v) => v.rules.map((r) => `${r.kind}\t${r.id}`)));
      for (const entry of ids) {
        const [kind, id] = entry.split('\t') as [string, string];
        const covered =
          kind === 'block-interpretation'
            ? mine.some((x) => Object.keys(x.blocks ?? {}).length > 0)
            : mine.some((x) => id in x.criteria);
        if (!covered) missing.push(`${policy.id} rule ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every policy has a case for each of met, not-met and unknown where the rule can be unknown', () => {
    const statuses = new Set(expectations.flatMap((f) => Object.values(f.golden.expect!.criteria)));
    expect(statuses).toEqual(new Set(['met', 'not-met', 'unknown']));
  });
});
