/** One NDJSON line → one output line: the result, or {"line": n, "error": …}. Shared by the main thread and workers. */
import { type EvaluateOptions, evaluateCase } from '../app/evaluate-case.js';
import { DomainError } from '../domain/errors.js';
import type { Policy } from '../domain/policy/load.js';
import { parseJson } from './parse-json.js';
import { MAX_CASE_BYTES } from './read-input.js';

export function evaluateLine(
  line: string,
  n: number,
  policies: readonly Policy[],
  opts: EvaluateOptions,
): { text: string; bad: boolean } {
  try {
    if (line.length > MAX_CASE_BYTES) {
      throw new DomainError('INVALID_CASE', [
        { path: '', message: `line is longer than ${MAX_CASE_BYTES} bytes` },
      ]);
    }
    return { text: JSON.stringify(evaluateCase(parseJson(line), policies, opts)), bad: false };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { text: JSON.stringify({ line: n, error: { code: e.code, issues: e.issues } }), bad: true };
  }
}
