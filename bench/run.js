#!/usr/bin/env node
/**
 * Batch evaluation benchmark (`npm run bench`): generates CASES cases as NDJSON, then runs, each in its
 * own child process with standard output to /dev/null,
 *   (a) the baseline: bench/baseline.js, which reads the same stream the same way and only parses and
 *       re-serialises each line, and
 *   (b) `node bin/facetpath.js evaluate FILE --ndjson`,
 * RUNS times each (alternating), and reports the median wall time, cases per second and peak RSS, and
 * the ratio evaluation / baseline. Results go to bench/results/evaluate.json.
 *
 *   node bench/run.js [--cases 100000] [--runs 3] [--seed 1] [--no-build]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ndjsonChunks } from './generate-cases.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
  },
});
const CASES = Number(values.cases);
const RUNS = Number(values.runs);
const SEED = Number(values.seed);

const log = (s) => process.stderr.write(`${s}\n`);

if (!values['no-build']) {
  log('building (tsc) …');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** GNU time reports the child's peak RSS (KiB) with -f %M; without it, the child reports its own. */
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' })
  .stderr?.trim()
  .match(/^\d+$/);
const RSS_REPORTER = join(ROOT, 'bench', 'report-rss.js');

const dir = mkdtempSync(join(tmpdir(), 'facetpath-bench-'));
const file = join(dir, 'cases.ndjson');

async function generate() {
  const out = createWriteStream(file);
  for (const chunk of ndjsonChunks(CASES, SEED)) {
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
}

/** Runs `node ARGS` with stdout to /dev/null; resolves with wall time (ms), peak RSS (MiB) and exit code. */
function measure(args) {
  const devnull = openSync('/dev/null', 'w');
  const [cmd, argv] = hasGnuTime
    ? [GNU_TIME, ['-f', 'maxrss=%M', process.execPath, ...args]]
    : [process.execPath, ['--import', RSS_REPORTER, ...args]];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', devnull, 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => {
    stderr += s;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      closeSync(devnull);
      const m = /maxrss=(\d+)/.exec(stderr);
      if (code !== 0 || !m) {
        reject(new Error(`node ${args.join(' ')} exited ${code}:\n${stderr}`));
        return;
      }
      resolve({ wallMs, peakRssMiB: Number(m[1]) / 1024 });
    });
  });
}

/** The lines of a file, in chunks, without holding the whole file. */
function* readLines(path) {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const parts = (rest + buf.toString('utf8', 0, n)).split('\n');
      rest = parts.pop() ?? '';
      yield parts;
    }
    if (rest) yield [rest];
  } finally {
    closeSync(fd);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function summary(runs) {
  const wallMs = median(runs.map((r) => r.wallMs));
  return {
    wallMs: Math.round(wallMs),
    casesPerSecond: Math.round(CASES / (wallMs / 1000)),
    peakRssMiB: Math.round(median(runs.map((r) => r.peakRssMiB))),
    runs: runs.map((r) => ({ wallMs: Math.round(r.wallMs), peakRssMiB: Math.round(r.peakRssMiB) })),
  };
}

try {
  log(`generating ${CASES} cases (seed ${SEED}) …`);
  await generate();
  const bytes = statSync(file).size;
  log(
    `${(bytes / 1024 / 1024).toFixed(1)} MiB of NDJSON; ${RUNS} run(s) each, peak RSS from ${hasGnuTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS'}`,
  );

  const baselineArgs = [join(ROOT, 'bench', 'baseline.js'), file];
  const evaluateArgs = [join(ROOT, 'bin', 'facetpath.js'), 'evaluate', file, '--ndjson'];
  const baseline = [];
  const evaluation = [];
  for (let i = 1; i <= RUNS; i++) {
    const b = await measure(baselineArgs);
    baseline.push(b);
    log(`  run ${i}: baseline   ${(b.wallMs / 1000).toFixed(2)} s, ${b.peakRssMiB.toFixed(0)} MiB`);
    const e = await measure(evaluateArgs);
    evaluation.push(e);
    log(`  run ${i}: evaluate   ${(e.wallMs / 1000).toFixed(2)} s, ${e.peakRssMiB.toFixed(0)} MiB`);
  }

  // Once more, untimed, to a file: check every case was evaluated, count the verdicts, and measure the
  // same parse + re-serialise over the results stream, which is what JSON alone costs for output this big.
  log('checking the results …');
  const resultsFile = join(dir, 'results.ndjson');
  const out = openSync(resultsFile, 'w');
  const check = spawnSync(process.execPath, evaluateArgs, { cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
  closeSync(out);
  if (check.status !== 0) throw new Error(`evaluate exited ${check.status}: ${check.stderr}`);
  const verdicts = {};
  let lines = 0;
  for (const chunk of readLines(resultsFile)) {
    for (const line of chunk) {
      lines++;
      const v = /"verdict":"([a-z-]+)"/.exec(line)?.[1] ?? 'error';
      verdicts[v] = (verdicts[v] ?? 0) + 1;
    }
  }
  if (lines !== CASES || verdicts.error)
    throw new Error(`expected ${CASES} results, got ${JSON.stringify(verdicts)}`);
  const resultsBytes = statSync(resultsFile).size;
  const roundTrip = [];
  for (let i = 1; i <= RUNS; i++) {
    const r = await measure([join(ROOT, 'bench', 'baseline.js'), resultsFile]);
    roundTrip.push(r);
    log(`  run ${i}: results round-trip ${(r.wallMs / 1000).toFixed(2)} s, ${r.peakRssMiB.toFixed(0)} MiB`);
  }

  const b = summary(baseline);
  const e = summary(evaluation);
  const rt = summary(roundTrip);
  const results = {
    benchmark: 'facetpath evaluate --ndjson vs. parse + re-serialise of the same NDJSON stream',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    cases: CASES,
    inputMiB: Number((bytes / 1024 / 1024).toFixed(1)),
    seed: SEED,
    runs: RUNS,
    peakRssFrom: hasGnuTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS',
    baseline: b,
    evaluate: e,
    outputMiB: Number((resultsBytes / 1024 / 1024).toFixed(1)),
    verdicts,
    resultsRoundTrip: {
      what: 'bench/baseline.js over the results stream: the JSON cost alone of output this size',
      ...rt,
    },
    ratio: {
      time: Number((e.wallMs / b.wallMs).toFixed(2)),
      peakRss: Number((e.peakRssMiB / b.peakRssMiB).toFixed(2)),
      resultsRoundTripTime: Number((rt.wallMs / b.wallMs).toFixed(2)),
    },
    goal: 'evaluation costs no more than 2x the baseline',
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'evaluate.json'), `${JSON.stringify(results, null, 2)}\n`);

  const row = (name, s) =>
    `| ${name.padEnd(10)} | ${(s.wallMs / 1000).toFixed(2).padStart(8)} | ${String(s.casesPerSecond).padStart(9)} | ${String(s.peakRssMiB).padStart(13)} |`;
  console.log(
    `\n${CASES} cases, ${results.inputMiB} MiB, median of ${RUNS} (${results.machine.cpus} cores, Node ${process.version})\n`,
  );
  console.log('| run        | wall (s) |  cases/s  | peak RSS (MiB) |');
  console.log('|------------|---------:|----------:|---------------:|');
  console.log(row('baseline', b));
  console.log(row('evaluate', e));
  console.log(row('results rt', rt));
  console.log(`\nratio evaluate / baseline: time ${results.ratio.time}×, peak RSS ${results.ratio.peakRss}×`);
  console.log(
    `results: ${results.outputMiB} MiB (${(resultsBytes / bytes).toFixed(1)}× the input); verdicts ${JSON.stringify(verdicts)}`,
  );
  console.log(
    `results rt = parse + re-serialise of the results stream alone: ${results.ratio.resultsRoundTripTime}× the baseline`,
  );
  console.log('written to bench/results/evaluate.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
