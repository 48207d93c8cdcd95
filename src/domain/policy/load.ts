/**
 * Loading a policy: validates the file, then resolves every version's rules with its parameter overrides
 * (validated too), so that a broken policy fails when it is loaded, never in the middle of an evaluation.
 */
import type { IsoDate } from '../dates.js';
import { DomainError, formatPath, type Issue } from '../errors.js';
import {
  type Jurisdiction,
  type PolicyFile,
  type PolicyVersion,
  policySchema,
  type Rule,
  ruleSchema,
} from './schema.js';

export interface ResolvedVersion {
  version: string;
  effective: IsoDate;
  summary: string;
  source: string;
  rules: Rule[];
}

export interface Policy {
  id: string;
  title: string;
  description: string;
  defaultFor: PolicyFile['defaultFor'];
  coding: PolicyFile['coding'];
  jurisdictions: Jurisdiction[] | null;
  versions: ResolvedVersion[];
}

function resolveVersion(file: PolicyFile, v: PolicyVersion, vi: number, issues: Issue[]): ResolvedVersion {
  const rules = file.rules.map((r) => {
    const override = v.params[r.id];
    if (!override) return r;
    const parsed = ruleSchema.safeParse({ ...r, params: { ...r.params, ...override } });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const rest = issue.path[0] === 'params' ? issue.path.slice(1) : issue.path;
      issues.push({ path: formatPath(['versions', vi, 'params', r.id, ...rest]), message: issue.message });
    }
    return r;
  });
  return { version: v.version, effective: v.effective, summary: v.summary, source: v.source, rules };
}

/** Validates and resolves a policy document. `origin` (a file name) prefixes every message. */
export function parsePolicy(json: unknown, origin: string): Policy {
  const parsed = policySchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'INVALID_POLICY',
      parsed.error.issues.map((i) => ({ path: `${origin}:${formatPath(i.path)}`, message: i.message })),
    );
  }
  const file = parsed.data;
  const issues: Issue[] = [];
  const versions = file.versions.map((v, i) => resolveVersion(file, v, i, issues));
  if (issues.length) {
    throw new DomainError(
      'INVALID_POLICY',
      issues.map((i) => ({ ...i, path: `${origin}:${i.path}` })),
    );
  }
  return {
    id: file.id,
    title: file.title,
    description: file.description,
    defaultFor: file.defaultFor,
    coding: file.coding,
    jurisdictions: file.jurisdictions ?? null,
    versions,
  };
}

/** The version in effect on a date of service: the latest whose effective date is on or before it. */
export function versionInEffect(policy: Policy, date: IsoDate): ResolvedVersion {
  let found: ResolvedVersion | undefined;
  for (const v of policy.versions) if (v.effective <= date) found = v;
  if (!found) {
    throw new DomainError('POLICY_NOT_IN_EFFECT', [
      {
        path: 'proposed.date',
        message: `policy ${policy.id} has no version in effect on ${date} (its first version is effective ${policy.versions[0]!.effective})`,
      },
    ]);
  }
  return found;
}

export interface GoverningDocument {
  contractor: string;
  jurisdiction: string;
  document: string;
  note?: string;
}

/** For a policy with jurisdictions (the Medicare LCDs): which contractor and document govern a state on a date. */
export function governingDocument(policy: Policy, state: string, date: IsoDate): GoverningDocument | null {
  if (!policy.jurisdictions) return null;
  const j = policy.jurisdictions.find((x) => x.states.includes(state));
  if (!j) {
    throw new DomainError('NO_JURISDICTION', [
      { path: 'coverage.state', message: `no ${policy.id} jurisdiction covers the state ${state}` },
    ]);
  }
  const doc = j.documents.find((d) => d.from <= date && (!d.until || date <= d.until));
  if (!doc) {
    throw new DomainError('POLICY_NOT_IN_EFFECT', [
      {
        path: 'proposed.date',
        message: `no ${j.contractor} ${j.jurisdiction} document of ${policy.id} is in effect on ${date} (from ${j.documents[0]!.from})`,
      },
    ]);
  }
  return {
    contractor: j.contractor,
    jurisdiction: j.jurisdiction,
    document: doc.id,
    ...(doc.note ? { note: doc.note } : {}),
  };
}

/** The policy for a case: named explicitly, or the default for the coverage kind. */
export function choosePolicy(
  policies: readonly Policy[],
  coverageKind: string,
  named: string | undefined,
  namedAt = 'policy',
): Policy {
  if (named) {
    const p = policies.find((x) => x.id === named);
    if (!p) {
      throw new DomainError('POLICY_NOT_FOUND', [
        {
          path: namedAt,
          message: `unknown policy "${named}"; known: ${policies.map((x) => x.id).join(', ')}`,
        },
      ]);
    }
    return p;
  }
  const p = policies.find((x) => x.defaultFor.includes(coverageKind as never));
  if (!p) {
    throw new DomainError('POLICY_NOT_FOUND', [
      { path: 'coverage.kind', message: `no policy is the default for coverage "${coverageKind}"; name one` },
    ]);
  }
  return p;
}
