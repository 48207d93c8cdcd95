/**
 * The real `facetpath` command, spawned as a user runs it (`node bin/facetpath.js …` on the built dist/):
 * exit codes, messages, and that bad input of every kind exits 2 with the JSON path and what was expected,
 * never a stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCase } from '../src/app/evaluate-case.js';
import { loadPolicyCatalog } from '../src/app/policy-catalog.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'facetpath.js');
const EXAMPLE = join(ROOT, 'examples', 'lumbar-rfa-medicare.json');
// biome-ignore lint/suspicious/noExplicitAny: a case is mutated freely to make it wrong.
type Json = any;
const example = (): Json => JSON.parse(readFileSync(EXAMPLE, 'utf8'));

let tmp: string;

beforeAll(() => {
  // Always build, so the spawned CLI is the code under test rather than a stale dist/.
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  tmp = mkdtempSync(join(tmpdir(), 'facetpath-cli-'));
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const { FACETPATH_POLICY_DIR: _ignored, ...withoutPolicyDir } = process.env;

function run(args: string[], input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: withoutPolicyDir,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Evaluates a case given on standard input. */
const evaluateStdin = (c: unknown, ...args: string[]) =>
  run(['evaluate', '-', ...args], typeof c === 'string' ? c : JSON.stringify(c));

/** A word for `sh -c`, in single quotes. */
const sh = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

function expectNoStackTrace(r: Run): void {
  expect(r.stderr).not.toContain('    at ');
  expect(r.stdout).not.toContain('    at ');
  expect(r.stderr).not.toContain('internal error');
}

/** Exit 2, nothing on stdout, and a message naming the path and what was expected. */
function expectInvalid(r: Run, path: string, expectation: RegExp): void {
  expectNoStackTrace(r);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^facetpath: /);
  const line = r.stderr.split('\n').find((l) => l.startsWith(`  ${path}: `));
  expect(line, `no line for ${path} in:\n${r.stderr}`).toBeDefined();
  expect(line).toMatch(expectation);
}

describe('facetpath evaluate: a valid case', () => {
  it('exits 0 and prints the result as JSON', () => {
    const r = run(['evaluate', EXAMPLE]);
    expectNoStackTrace(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(result.verdict).toBe('eligible');
    expect(result.policy.id).toBe('medicare-lcd-facet');
    expect(result.asOf).toBe('2026-03-02');
  });

  it('explains the result with --format text', () => {
    const r = run(['evaluate', EXAMPLE, '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdict:');
    expect(r.stdout).toContain('ELIGIBLE');
    expect(r.stdout).toContain('Criteria');
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('reads the case from standard input with -', () => {
    const r = run(['evaluate', '-'], readFileSync(EXAMPLE));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe('eligible');
  });

  it('reads standard input when no file is given and it is a pipe', () => {
    const r = run(['evaluate', '--format', 'text'], readFileSync(EXAMPLE));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ELIGIBLE');
  });

  it('reads standard input redirected from a file (evaluate < case.json)', () => {
    const r = spawnSync('sh', ['-c', `${sh(process.execPath)} ${sh(BIN)} evaluate < ${sh(EXAMPLE)}`], {
      encoding: 'utf8',
      env: withoutPolicyDir,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe('eligible');
  });

  it('treats an empty pipe and no file as an empty case, not as a missing argument', () => {
    const r = run(['evaluate'], '');
    expectInvalid(r, '(the whole case)', /empty input/);
    expect(r.stderr).toContain('standard input');
  });

  it('takes the policy from --policy over the case and the coverage default', () => {
    const r = run(['evaluate', EXAMPLE, '--policy', 'consensus-2020']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).policy.id).toBe('consensus-2020');
  });

  it('takes the as-of date from --as-of', () => {
    const r = run(['evaluate', EXAMPLE, '--as-of', '2026-03-05']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).asOf).toBe('2026-03-05');
  });

  it('exits 0 whatever the verdict', () => {
    const c = example();
    c.complaint.radicular = 'untreated';
    c.complaint.neurogenicClaudication = true;
    const r = evaluateStdin(c);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe('not-eligible');
  });

  it('accepts a file that starts with a byte-order mark', () => {
    const r = run(['evaluate', '-'], `\ufeff${readFileSync(EXAMPLE, 'utf8')}`);
    expect(r.code, r.stderr).toBe(0);
  });

  it('gives the same result as evaluateCase in-process', () => {
    const r = run(['evaluate', EXAMPLE, '--as-of', '2026-03-04']);
    expect(r.code).toBe(0);
    const inProcess = evaluateCase(example(), loadPolicyCatalog(), {
      asOf: '2026-03-04',
      today: '2000-01-01',
    });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(inProcess)));
  });
});

describe('facetpath: the command line', () => {
  it('exits 2 for an unknown policy, naming the known ones', () => {
    const r = run(['evaluate', EXAMPLE, '--policy', 'no-such-policy']);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no-such-policy');
    expect(r.stderr).toContain('medicare-lcd-facet');
  });

  it.each(['2026-13-01', '2026-02-30', 'tomorrow', '03/04/2026'])('exits 2 for --as-of %s', (asOf) => {
    const r = run(['evaluate', EXAMPLE, '--as-of', asOf]);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of expects a calendar date YYYY-MM-DD');
    expect(r.stderr).toContain(asOf);
  });

  it('exits 2 with the usage for an unknown command', () => {
    const r = run(['frobnicate']);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain('Usage:');
  });

  it('exits 2 with the usage when no command is given', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
  });

  it('exits 2 for an unknown option and for a wrong --format', () => {
    for (const args of [
      ['evaluate', EXAMPLE, '--frob'],
      ['evaluate', EXAMPLE, '--format', 'xml'],
      ['evaluate', EXAMPLE, EXAMPLE],
    ]) {
      const r = run(args);
      expectNoStackTrace(r);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage:');
    }
  });

  it('exits 2 for a missing file, saying it cannot read it', () => {
    const r = run(['evaluate', join(tmp, 'no-such-case.json')]);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).toContain('no-such-case.json');
    expect(r.stderr).toContain('ENOENT');
  });

  it('exits 2 for a directory given as the case', () => {
    const r = run(['evaluate', tmp]);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });

  it('exits 2 for a policy folder that does not exist', () => {
    const r = run(['evaluate', EXAMPLE, '--policy-dir', join(tmp, 'no-such-folder')]);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read the policy folder (ENOENT)');
  });

  it('prints the usage with help and exits 0', () => {
    const r = run(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage:');
  });
});

/** util-linux `script` runs a command on a new pseudo-terminal; BSD and busybox `script` take other flags. */
const hasScript = /util-linux/.test(spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '');

/**
 * Runs `sh -c command` with a real terminal on its standard input (and stdout), as when a user types it
 * at a prompt. The output is what the terminal showed (stdout and stderr, unless redirected).
 */
function onTerminal(command: string): { code: number | null; terminal: string } {
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: withoutPolicyDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  return { code: r.status, terminal: r.stdout };
}

describe.skipIf(!hasScript)('facetpath evaluate: standard input is a terminal', () => {
  const node = `${sh(process.execPath)} ${sh(BIN)}`;

  it('gives the child a real terminal (the harness itself)', () => {
    expect(onTerminal(`${sh(process.execPath)} -e 'process.exit(process.stdin.isTTY ? 7 : 8)'`).code).toBe(7);
  });

  it('prints the usage on standard error and exits 2 when no file is given', () => {
    const err = join(tmp, 'terminal-stderr.txt');
    const r = onTerminal(`${node} evaluate 2>${sh(err)}`);
    expect(r.code).toBe(2);
    const stderr = readFileSync(err, 'utf8');
    expect(stderr).toContain('facetpath: evaluate needs a case file, - or a pipe on standard input');
    expect(stderr).toContain('Usage:');
    expect(stderr).toContain('facetpath evaluate [CASE.json|-]');
    expect(r.terminal).not.toContain('Usage:');
  });

  it('still evaluates a file given on the command line', () => {
    const r = onTerminal(`${node} evaluate ${sh(EXAMPLE)} --format text`);
    expect(r.code, r.terminal).toBe(0);
    expect(r.terminal).toContain('ELIGIBLE');
  });
});

describe('facetpath evaluate: bad input of every kind exits 2 with the path and the expectation', () => {
  const cases: [string, (c: Json) => void, string, RegExp][] = [
    [
      'a score as a string',
      (c) => {
        c.history[0].diary[1].score = '2';
      },
      'history[0].diary[1].score',
      /expected a pain score from 0 to 10/,
    ],
    [
      'joints not an array',
      (c) => {
        c.proposed.joints = 'L4-L5';
      },
      'proposed.joints',
      /expected array/,
    ],
    [
      'an unknown joint L6-L7',
      (c) => {
        c.proposed.joints[0].joint = 'L6-L7';
      },
      'proposed.joints[0].joint',
      /expected a facet joint/,
    ],
    [
      'a pain score of 11',
      (c) => {
        c.history[0].diary[1].score = 11;
      },
      'history[0].diary[1].score',
      /at most 10/,
    ],
    [
      'a negative pain score',
      (c) => {
        c.history[1].preScore.score = -1;
      },
      'history[1].preScore.score',
      /at least 0/,
    ],
    [
      'diary entries out of time order',
      (c) => {
        c.history[0].diary[2].minutesAfter = 20;
      },
      'history[0].diary[2].minutesAfter',
      /increasing time order/,
    ],
    [
      'conservative care that ends before it starts',
      (c) => {
        c.complaint.conservativeCare[0].end = '2025-06-01';
      },
      'complaint.conservativeCare[0].end',
      /before start/,
    ],
    [
      'a past procedure dated after the proposed one',
      (c) => {
        c.history[1].date = '2026-04-01';
      },
      'history[1].date',
      /cannot come after the proposed one/,
    ],
    [
      'an empty diary',
      (c) => {
        c.history[0].diary = [];
      },
      'history[0].diary',
      /at least one entry/,
    ],
    [
      'an unknown key',
      (c) => {
        c.proposed.colour = 'blue';
      },
      'proposed',
      /Unrecognized key.*colour/,
    ],
    [
      'an invalid date 2026-02-30',
      (c) => {
        c.proposed.date = '2026-02-30';
      },
      'proposed.date',
      /expected a calendar date YYYY-MM-DD/,
    ],
    [
      'a date as a number',
      (c) => {
        c.history[0].date = 20260112;
      },
      'history[0].date',
      /expected a calendar date YYYY-MM-DD/,
    ],
    [
      'an unknown state ZZ',
      (c) => {
        c.coverage.state = 'ZZ';
      },
      'coverage.state',
      /expected a US state or territory code/,
    ],
    [
      'a proposed other-block',
      (c) => {
        c.proposed.kind = 'other-block';
        c.proposed.otherBlock = 'epidural';
        delete c.proposed.technique;
        delete c.proposed.temperatureC;
      },
      'proposed.kind',
      /must be a facet procedure/,
    ],
    [
      'a missing section',
      (c) => {
        delete c.complaint;
      },
      'complaint',
      /expected object/,
    ],
  ];

  it.each(cases)('%s', (_name, mutate, path, expectation) => {
    const c = example();
    mutate(c);
    expectInvalid(evaluateStdin(c), path, expectation);
  });

  it('names the file it read', () => {
    const c = example();
    c.history[0].diary[1].score = 11;
    const file = join(tmp, 'score-11.json');
    writeFileSync(file, JSON.stringify(c));
    const r = run(['evaluate', file]);
    expectInvalid(r, 'history[0].diary[1].score', /at most 10/);
    expect(r.stderr).toContain('score-11.json');
  });

  it('reports every wrong place, not just the first', () => {
    const c = example();
    c.history[0].diary[1].score = 11;
    c.coverage.state = 'ZZ';
    const r = evaluateStdin(c);
    expectInvalid(r, 'history[0].diary[1].score', /at most 10/);
    expectInvalid(r, 'coverage.state', /US state/);
  });

  it('not JSON at all', () => {
    expectInvalid(evaluateStdin('this is not a case'), '(the whole case)', /not valid JSON/);
  });

  it('JSON that is not an object', () => {
    expectInvalid(evaluateStdin('[1, 2, 3]'), '(the whole case)', /expected object/);
    expectInvalid(evaluateStdin('null'), '(the whole case)', /expected object/);
  });

  it('empty input', () => {
    expectInvalid(evaluateStdin(''), '(the whole case)', /empty input/);
    expectInvalid(evaluateStdin(' \n'), '(the whole case)', /empty input/);
  });

  it('binary garbage is shown escaped, not sent to the terminal', () => {
    const r = evaluateStdin('\u0000\u001b[31mred');
    expectInvalid(r, '(the whole case)', /not valid JSON/);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('\\u001b');
  });

  it('10 MB of random garbage in a file', () => {
    const file = join(tmp, 'garbage.bin');
    writeFileSync(file, randomBytes(10 * 1024 * 1024));
    const r = run(['evaluate', file]);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/garbage\.bin is larger than 1 MB/);
    expect(r.stderr.length).toBeLessThan(1000);
  });

  it('10 MB of random garbage on standard input', () => {
    const r = run(['evaluate', '-'], randomBytes(10 * 1024 * 1024));
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/standard input is larger than 1 MB/);
  });
});

describe('facetpath evaluate --ndjson', () => {
  const line = () => JSON.stringify(example());

  it('writes one result per line and exits 0 when every line is a case', () => {
    const r = run(['evaluate', '-', '--ndjson'], `${line()}\n${line()}\n${line()}\n`);
    expectNoStackTrace(r);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(3);
    for (const l of out) expect(JSON.parse(l).verdict).toBe('eligible');
  });

  it('reads standard input when no file is given (cat cases.ndjson | facetpath evaluate --ndjson)', () => {
    const r = run(['evaluate', '--ndjson'], `${line()}\n${line()}\n`);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(2);
    for (const l of out) expect(JSON.parse(l).verdict).toBe('eligible');
  });

  it('writes an error line for a bad line, keeps going, and exits 2', () => {
    const bad = example();
    bad.history[0].diary[1].score = 11;
    const file = join(tmp, 'batch.ndjson');
    writeFileSync(file, `${line()}\n${JSON.stringify(bad)}\n${line()}\n`);
    const r = run(['evaluate', file, '--ndjson']);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].verdict).toBe('eligible');
    expect(out[1]).toEqual({
      line: 2,
      error: {
        code: 'INVALID_CASE',
        issues: [{ path: 'history[0].diary[1].score', message: 'a pain score is at most 10' }],
      },
    });
    expect(out[2].verdict).toBe('eligible');
    expect(r.stderr).toContain('1 of 3 lines');
  });

  it('reports a line that is not JSON by its line number', () => {
    const r = run(['evaluate', '-', '--ndjson'], `${line()}\n{"truncated": \n`);
    expect(r.code).toBe(2);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[1].line).toBe(2);
    expect(out[1].error.issues[0].message).toMatch(/not valid JSON/);
  });

  it('gives the same results as evaluating each case alone', () => {
    const single = JSON.parse(run(['evaluate', EXAMPLE, '--as-of', '2026-03-04']).stdout);
    const batch = run(['evaluate', '-', '--ndjson', '--as-of', '2026-03-04'], `${line()}\n`);
    expect(JSON.parse(batch.stdout)).toEqual(single);
  });

  it('gives the same output, in input order, with one thread or several worker threads', () => {
    // 700 lines cross several 256-line batches; bad lines at known places keep their line numbers.
    const bad = example();
    bad.proposed.joints[0].joint = 'L6-L7';
    const lines = Array.from({ length: 700 }, (_, i) => {
      if (i % 97 === 5) return JSON.stringify(bad);
      const c = example();
      c.proposed.date = `2026-03-${String(9 + (i % 20)).padStart(2, '0')}`;
      return JSON.stringify(c);
    });
    const file = join(tmp, 'many.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const one = run(['evaluate', file, '--ndjson', '--jobs', '1', '--as-of', '2026-03-04']);
    const three = run(['evaluate', file, '--ndjson', '--jobs', '3', '--as-of', '2026-03-04']);
    expect(one.code).toBe(2);
    expect(three.code).toBe(2);
    expect(three.stdout).toBe(one.stdout);
    const out = one.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(700);
    expect(out.filter((o) => o.error).map((o) => o.line)).toEqual([6, 103, 200, 297, 394, 491, 588, 685]);
    expect(out[699].proposed.date).toBe('2026-03-28');
  });

  it('refuses --jobs outside 1–64', () => {
    expect(run(['evaluate', '-', '--ndjson', '--jobs', '0'], `${line()}\n`).code).toBe(2);
    expect(run(['evaluate', '-', '--ndjson', '--jobs', 'many'], `${line()}\n`).stderr).toContain('--jobs');
  });

  it('exits 2 for --ndjson with --format text', () => {
    const r = run(['evaluate', '-', '--ndjson', '--format', 'text'], `${line()}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--ndjson');
  });

  it('exits 2 for a missing file', () => {
    const r = run(['evaluate', join(tmp, 'missing.ndjson'), '--ndjson']);
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });

  it('stops quietly when the reader goes away (| head -1)', () => {
    const file = join(tmp, 'many.ndjson');
    writeFileSync(file, `${line()}\n`.repeat(3000));
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" evaluate "${file}" --ndjson | head -c 100`],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout).toHaveLength(100);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).not.toContain('    at ');
  });
});
