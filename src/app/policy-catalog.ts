/**
 * The policy catalog: every `*.json` file in the policy folder, validated when loaded. The shipped
 * folder is `policies/` at the package root; FACETPATH_POLICY_DIR (or --policy-dir) points elsewhere, so a
 * practice adds a payer by adding a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../domain/errors.js';
import { type Policy, parsePolicy } from '../domain/policy/load.js';

export const SHIPPED_POLICY_DIR = fileURLToPath(new URL('../../policies/', import.meta.url));

export function loadPolicyCatalog(dir: string = SHIPPED_POLICY_DIR): Policy[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EACCES') throw e;
    throw new DomainError('POLICY_NOT_FOUND', [
      { path: dir, message: `cannot read the policy folder (${code})` },
    ]);
  }
  const files = names.filter((f) => f.endsWith('.json')).sort();
  const policies: Policy[] = [];
  for (const f of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      throw new DomainError('INVALID_POLICY', [
        { path: f, message: `not valid JSON: ${(e as Error).message}` },
      ]);
    }
    const policy = parsePolicy(json, f);
    const clash = policies.find((p) => p.id === policy.id);
    if (clash)
      throw new DomainError('INVALID_POLICY', [
        { path: `${f}:id`, message: `policy id ${policy.id} is used twice` },
      ]);
    for (const kind of policy.defaultFor) {
      const other = policies.find((p) => p.defaultFor.includes(kind));
      if (other) {
        throw new DomainError('INVALID_POLICY', [
          { path: `${f}:defaultFor`, message: `${other.id} is already the default for ${kind}` },
        ]);
      }
    }
    policies.push(policy);
  }
  if (policies.length === 0) {
    throw new DomainError('INVALID_POLICY', [{ path: dir, message: 'no policy files (*.json) found' }]);
  }
  return policies;
}
