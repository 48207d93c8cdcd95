/**
 * The chart's coverage, without React: which payer policy a coverage is checked against (its own policy, else
 * the practice's choice for its kind, else the catalog default for the kind — as the server decides in
 * src/app/episodes/episode-case.ts and the evaluator), and the one-line summary the chart shows.
 */
import { COVERAGE_LABEL } from '../labels';

export interface CoverageValue {
  kind: string;
  state: string;
  payerName: string | null;
  memberId: string | null;
  policy: string | null;
}

/** What a public screening request may carry about insurance (src/contract/public.ts). */
export interface ScreeningInsurance {
  kind: string;
  payerName?: string;
  memberId?: string;
}

export interface PolicyCatalogEntry {
  id: string;
  title: string;
  defaultFor: string[];
  versions: { version: string; effective: string; summary: string; source: string }[];
}
export interface PracticePolicies {
  policyByCoverage: Record<string, string>;
  catalog: PolicyCatalogEntry[];
}

/** The policy the server will evaluate this coverage under, and why. */
export function effectivePolicy(
  cov: Pick<CoverageValue, 'kind' | 'policy'>,
  policies: PracticePolicies,
): { entry: PolicyCatalogEntry | null; id: string | null; why: string } {
  const find = (id: string) => policies.catalog.find((p) => p.id === id) ?? null;
  const kind = COVERAGE_LABEL[cov.kind] ?? cov.kind;
  if (cov.policy) return { entry: find(cov.policy), id: cov.policy, why: 'chosen for this coverage' };
  const chosen = policies.policyByCoverage[cov.kind];
  if (chosen) return { entry: find(chosen), id: chosen, why: `the practice's policy for ${kind}` };
  const dflt = policies.catalog.find((p) => p.defaultFor.includes(cov.kind)) ?? null;
  return { entry: dflt, id: dflt?.id ?? null, why: `the default for ${kind}` };
}

export function coverageSummary(cov: CoverageValue): string {
  return `${COVERAGE_LABEL[cov.kind] ?? cov.kind} (${cov.state})${cov.payerName ? ` · ${cov.payerName}` : ''}${
    cov.memberId ? ` · member ${cov.memberId}` : ''
  }`;
}
