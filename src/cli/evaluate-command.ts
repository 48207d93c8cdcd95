/**
 * `facetpath evaluate [CASE.json|-] [--policy ID] [--as-of DATE] [--format json|text] [--ndjson]`
 * (no file, or `-`, reads standard input; main.ts refuses that when standard input is a terminal)
 *
 * Exit 0 when evaluated (whatever the verdict), 2 for invalid input (the message names the JSON path and
 * what was expected; never a stack trace), 1 only for a real fault.
 */
import { statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { evaluateCase } from '../app/evaluate-case.js';
import { isIsoDate } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Policy } from '../domain/policy/load.js';
import { evaluateLine } from './batch-line.js';
import { BATCH_LINES, BatchPool } from './batch-pool.js';
import { formatText } from './format-text.js';
import { parseJson, printable } from './parse-json.js';
import { InputTooLargeError, MAX_CASE_BYTES, openInput, readAll } from './read-input.js';

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  today: () => string;
}

export interface EvaluateArgs {
  /** A file path, or `-` for standard input. */
  input: string;
  policy?: string;
  asOf?: string;
  format: 'json' | 'text';
  ndjson: boolean;
  /** Worker threads for --ndjson (1 = evaluate on the main thread). */
  jobs?: number;
  /** Where the policies were loaded from, for worker threads to load the same ones. */
  policyDir?: string;
}

export class UsageError extends Error {}

function describe(e: DomainError, where: string): string {
  const title = {
    INVALID_CASE: 'invalid case',
    INVALID_POLICY: 'invalid policy',
    POLICY_NOT_FOUND: 'unknown policy',
    POLICY_NOT_IN_EFFECT: 'no policy in effect',
    NO_JURISDICTION: 'no jurisdiction',
  }[e.code];
  const lines = e.issues
    .slice(0, 20)
    .map((i) => `  ${printable(i.path) || '(the whole case)'}: ${printable(i.message)}`);
  if (e.issues.length > 20) lines.push(`  … and ${e.issues.length - 20} more`);
  return `facetpath: ${title} (${where}):\n${lines.join('\n')}\n`;
}

export function checkEvaluateArgs(args: EvaluateArgs): void {
  if (args.asOf !== undefined && !isIsoDate(args.asOf)) {
    throw new UsageError(`--as-of expects a calendar date YYYY-MM-DD, got "${args.asOf}"`);
  }
  if (args.ndjson && args.format !== 'json')
    throw new UsageError('--ndjson writes JSON lines; leave out --format text');
}

export async function runEvaluate(args: EvaluateArgs, policies: readonly Policy[], io: Io): Promise<number> {
  checkEvaluateArgs(args);
  const where = args.input === '-' ? 'standard input' : args.input;
  const opts = { policy: args.policy, asOf: args.asOf, today: io.today() };
  if (args.ndjson) return runBatch(args, policies, io, opts);
  try {
    const text = await readAll(openInput(args.input, io.stdin), MAX_CASE_BYTES, where);
    const result = evaluateCase(parseJson(text), policies, opts);
    io.stdout.write(args.format === 'text' ? formatText(result) : `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      io.stderr.write(describe(e, where));
      return 2;
    }
    if (e instanceof InputTooLargeError) {
      io.stderr.write(`facetpath: invalid case: ${e.message}\n`);
      return 2;
    }
    if (isFileError(e)) {
      io.stderr.write(`facetpath: cannot read ${where}: ${(e as NodeJS.ErrnoException).code}\n`);
      return 2;
    }
    throw e;
  }
}

function isFileError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES';
}

/** A write that waits when the stream's buffer is full, so a large batch keeps memory flat. */
function writer(out: Writable) {
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  return {
    async line(s: string) {
      buffer += `${s}\n`;
      if (buffer.length >= 1 << 16) await flush();
    },
    /** Several lines at once, each already ending in a newline. */
    async chunk(s: string) {
      buffer += s;
      if (buffer.length >= 1 << 16) await flush();
    },
    flush,
  };
}

function progress(io: Io, total: number | null) {
  if (!io.stderr.isTTY) return { active: false, tick: (_bytes: number, _n: number) => {}, done: () => {} };
  let last = 0;
  const draw = (bytes: number, n: number) => {
    const pct = total ? Math.min(100, Math.floor((bytes / total) * 100)) : null;
    const bar = pct === null ? '' : `[${'#'.repeat(pct / 5).padEnd(20, '.')}] ${String(pct).padStart(3)} % `;
    io.stderr.write(`\r${bar}${n} cases`);
  };
  return {
    active: true,
    tick(bytes: number, n: number) {
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        draw(bytes, n);
      }
    },
    done: () => io.stderr.write('\n'),
  };
}

async function runBatch(
  args: EvaluateArgs,
  policies: readonly Policy[],
  io: Io,
  opts: { policy?: string; asOf?: string; today: string },
): Promise<number> {
  let total: number | null = null;
  if (args.input !== '-') {
    try {
      total = statSync(args.input).size;
    } catch (e) {
      if (isFileError(e)) {
        io.stderr.write(`facetpath: cannot read ${args.input}: ${(e as NodeJS.ErrnoException).code}\n`);
        return 2;
      }
      throw e;
    }
  }
  const out = writer(io.stdout);
  const bar = progress(io, total);
  const lines = createInterface({
    input: openInput(args.input, io.stdin),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  let bad = 0;
  let bytes = 0;
  const jobs = args.jobs ?? 1;
  // Workers start only once a full batch has been read: a short stream is done before they would be up.
  let pool: BatchPool | null = null;
  let batch: [number, string][] = [];
  const inline = async (items: [number, string][]) => {
    for (const [k, text] of items) {
      const r = evaluateLine(text, k, policies, opts);
      if (r.bad) bad++;
      await out.line(r.text);
    }
  };
  try {
    for await (const line of lines) {
      n++;
      // Only the progress bar needs the byte count; counting UTF-8 bytes of every line is not free.
      if (bar.active) bytes += Buffer.byteLength(line) + 1;
      if (line.trim() === '') continue;
      if (jobs > 1) {
        batch.push([n, line]);
        if (batch.length === BATCH_LINES) {
          pool ??= new BatchPool(jobs, args.policyDir, opts);
          pool.submit(batch);
          batch = [];
          while (pool.inFlight >= pool.capacity) await out.chunk(await pool.takeOldest());
        }
      } else {
        await inline([[n, line]]);
      }
      bar.tick(bytes, n);
    }
    if (pool) {
      if (batch.length) pool.submit(batch);
      while (pool.inFlight > 0) await out.chunk(await pool.takeOldest());
      bad += pool.bad;
    } else {
      await inline(batch);
    }
  } finally {
    await pool?.close();
  }
  await out.flush();
  bar.done();
  if (bad) {
    io.stderr.write(
      `facetpath: ${bad} of ${n} lines were not valid cases; each has an "error" line in the output\n`,
    );
    return 2;
  }
  return 0;
}
