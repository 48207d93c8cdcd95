/**
 * A worker thread of `facetpath evaluate --ndjson --jobs N`: evaluates batches of lines and sends back
 * their output lines. The clinical core is pure, so workers share nothing but the policy files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EvaluateOptions } from '../app/evaluate-case.js';
import { loadPolicyCatalog } from '../app/policy-catalog.js';
import { evaluateLine } from './batch-line.js';

export interface BatchRequest {
  id: number;
  /** [line number, text] pairs. */
  lines: [number, string][];
}
export interface BatchReply {
  id: number;
  text: string;
  bad: number;
}

const { policyDir, opts } = workerData as { policyDir?: string; opts: EvaluateOptions };
const policies = loadPolicyCatalog(policyDir);

parentPort!.on('message', (req: BatchRequest) => {
  let text = '';
  let bad = 0;
  for (const [n, line] of req.lines) {
    const r = evaluateLine(line, n, policies, opts);
    text += `${r.text}\n`;
    if (r.bad) bad++;
  }
  parentPort!.postMessage({ id: req.id, text, bad } satisfies BatchReply);
});
