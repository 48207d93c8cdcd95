/**
 * Errors the clinical core raises for input it cannot evaluate. Each carries a stable code and the places
 * (JSON paths) that are wrong, so every caller (CLI, HTTP) can say what is wrong and where.
 */
export type DomainErrorCode =
  | 'INVALID_CASE'
  | 'INVALID_POLICY'
  | 'POLICY_NOT_FOUND'
  | 'POLICY_NOT_IN_EFFECT'
  | 'NO_JURISDICTION';

export interface Issue {
  /** JSON path, e.g. `history[0].diary[2].score`; empty for the whole document. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly issues: Issue[],
  ) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'DomainError';
  }
}

/** Formats a path of keys and indexes as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
