/**
 * Evaluate a case file: validate it at the boundary, choose the policy (named on the command line or in
 * the case, else the default for the coverage kind), and run the clinical core. Used by the CLI and the
 * HTTP API, so both give the same decision for the same case.
 */
import { caseSchema } from '../contract/case.js';
import { DomainError, formatPath } from '../domain/errors.js';
import { evaluate } from '../domain/policy/evaluate.js';
import { choosePolicy, type Policy } from '../domain/policy/load.js';
import type { EvaluationResult } from '../domain/result.js';

export interface EvaluateOptions {
  /** A policy named by the caller; wins over the case's own `policy`. */
  policy?: string;
  /** The as-of date; wins over the case's own `asOf`. */
  asOf?: string;
  /** Today's date, from the caller's clock: the as-of date when neither the caller nor the case gives one. */
  today: string;
}

/** Validates unknown JSON as a case; throws DomainError('INVALID_CASE') naming every wrong path. */
export function parseCase(json: unknown) {
  const parsed = caseSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'INVALID_CASE',
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  return parsed.data;
}

export function evaluateCase(
  json: unknown,
  policies: readonly Policy[],
  opts: EvaluateOptions,
): EvaluationResult {
  const c = parseCase(json);
  const policy = choosePolicy(
    policies,
    c.coverage.kind,
    opts.policy ?? c.policy,
    opts.policy ? '--policy' : 'policy',
  );
  return evaluate(c, policy, opts.asOf ?? c.asOf ?? opts.today);
}
