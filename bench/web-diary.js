#!/usr/bin/env node
/**
 * Patient diary page benchmark: (1) every JavaScript file the diary page (/diary/:token) actually loads,
 * read from the network in Chromium, with its raw and gzipped (zlib level 9) size, against the goal of
 * ≤ 80 kB gzipped; (2) how long the page takes on 127.0.0.1 in headless Chromium with the CPU throttled 4×
 * (CDP Emulation.setCPUThrottlingRate) until the diary's 0–10 scale is visible, with a cold cache (a new
 * browser context) and a warm one (the same context, loaded again), median of RUNS.
 *
 * The server is the real one (buildServer from dist/, the built web app from dist/web) on a fresh PGlite
 * database in /tmp with the demo practice; the link is a real diary link for the demo's block of today
 * (James Carter, three entries so far), created through the staff API. Nothing is built here:
 * `npm run build` makes dist/ and dist/web.
 *
 *   node bench/web-diary.js [--runs 10] [--cpu 4] [--web-dir dist/web]
 *
 * Results: bench/results/web-diary.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    cpu: { type: 'string', default: '4' },
    'web-dir': { type: 'string', default: join(ROOT, 'dist', 'web') },
  },
});
const RUNS = Number(values.runs);
const CPU_RATE = Number(values.cpu);
const WEB_DIR = `${resolve(values['web-dir'])}/`;
/** The goal, in kB of 1000 bytes (the stricter reading; KiB are printed too). */
const GOAL_KB = 80;
/** Same flags as the browser tests (test/browser/harness.ts). */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const log = (s) => process.stderr.write(`${s}\n`);

if (!existsSync(`${WEB_DIR}patient.html`)) {
  log(`the web app is not built (${WEB_DIR}patient.html is missing): run \`npm run build\` first`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist', 'http', 'server.js'))) {
  log('the server is not built (dist/http/server.js is missing): run `npm run build` first');
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  log(`${CHROMIUM} is missing (Debian's chromium package; browsers are never downloaded)`);
  process.exit(2);
}

const { chromium } = await import('playwright-core');
const { openServices } = await import('../dist/main.js');
const { seedDemo } = await import('../dist/app/demo/seed-demo.js');
const { refreshAllWorklists } = await import('../dist/app/worklist/refresh-all.js');
const { buildServer } = await import('../dist/http/server.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes) => bytes / 1000;
const kib = (bytes) => bytes / 1024;

/** The server with the demo practice, and a diary link for the demo's diagnostic block of today. */
async function startServer(dataDir) {
  const svc = await openServices({ dataDir });
  let printed = '';
  await seedDemo(svc, (s) => {
    printed += s;
  });
  await refreshAllWorklists(svc);
  const password = /password (\S+) \(shown only now\)/.exec(printed)?.[1];
  if (!password) throw new Error('the demo seed printed no password');
  const app = await buildServer(svc, { logger: false, web: { dir: WEB_DIR } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${app.server.address().port}`;

  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'dr.rivera@demo.facetpath.test', password }),
  });
  if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = /fp_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0];
  const { csrfToken } = await signIn.json();
  const call = async (method, path, body) => {
    const r = await fetch(base + path, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}`);
    return r.json();
  };
  const patients = await call('GET', '/api/v1/patients?q=Carter');
  const episodes = await call('GET', `/api/v1/patients/${patients.items[0].id}/episodes`);
  const procedures = await call('GET', `/api/v1/episodes/${episodes.items[0].id}/procedures`);
  const block = procedures.items.find((p) => p.kind === 'mbb' && p.intent === 'diagnostic');
  const link = await call('POST', `/api/v1/procedures/${block.id}/diary-links`, { expiresInHours: 72 });
  return {
    url: `${base}/diary/${link.token}`,
    entries: block.diary.length,
    async close() {
      await app.close();
      await svc.database.close();
    },
  };
}

/** Loads the page on a throttled CPU; resolves with ms from navigation start to the scale on screen. */
async function load(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  // Polled every animation frame in the page: performance.now() is measured from the navigation's start.
  const handle = await page.waitForFunction(
    () => {
      const el = document.querySelector('.nrs-options');
      return el && el.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return handle.jsonValue();
}

async function throttledPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  return page;
}

const loadBefore = loadavg()[0];
const dataDir = mkdtempSync(join(tmpdir(), 'facetpath-web-bench-'));
let server;
let browser;
try {
  log('starting the server with the demo practice …');
  server = await startServer(dataDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const viewport = { width: 375, height: 740 };
  const newContext = () => browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'en-US' });

  // (1) The JavaScript the page loads, from the network (one cold load, unthrottled).
  const scripts = new Set();
  {
    const context = await newContext();
    const page = await context.newPage();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await load(page, server.url).catch((e) => {
      throw new Error(
        `the diary page never showed its 0–10 scale (is ${WEB_DIR} built from this tree? \`npm run build\`): ${e.message}`,
      );
    });
    await page.waitForLoadState('networkidle');
    await context.close();
  }
  const files = [...scripts].sort().map((path) => {
    const file = join(WEB_DIR, path);
    if (!path.startsWith('/assets/') || !existsSync(file)) throw new Error(`unexpected script ${path}`);
    const raw = readFileSync(file);
    return { path, rawBytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length };
  });
  const total = {
    rawBytes: files.reduce((s, f) => s + f.rawBytes, 0),
    gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
  };

  // (2) Load time, CPU throttled: one untimed warm-up (the server's JIT), then RUNS cold + warm pairs.
  {
    const context = await newContext();
    await load(await throttledPage(context), server.url);
    await context.close();
  }
  const cold = [];
  const warm = [];
  for (let i = 1; i <= RUNS; i++) {
    const context = await newContext();
    const page = await throttledPage(context);
    cold.push(await load(page, server.url));
    warm.push(await load(page, server.url));
    await context.close();
    log(`  run ${i}: cold ${cold.at(-1).toFixed(0)} ms, warm ${warm.at(-1).toFixed(0)} ms`);
  }

  const round = (x) => Math.round(x);
  const results = {
    benchmark:
      'patient diary page (/diary/:token): JavaScript loaded (gzip -9) and time to the 0–10 scale on screen, headless Chromium, CPU throttled',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      chromium: browser.version(),
      platform: `${process.platform} ${process.arch}`,
      /** 1-minute load average before and after: the timings mean little on a busy machine. */
      loadAverage: { before: Number(loadBefore.toFixed(1)), after: Number(loadavg()[0].toFixed(1)) },
    },
    webDir: WEB_DIR,
    viewport,
    cpuThrottlingRate: CPU_RATE,
    diaryEntriesOnPage: server.entries,
    javascript: {
      files,
      total,
      totalGzipKB: Number(kb(total.gzipBytes).toFixed(1)),
      totalGzipKiB: Number(kib(total.gzipBytes).toFixed(1)),
      goalGzipKB: GOAL_KB,
      units: 'kB = 1000 bytes, KiB = 1024 bytes',
      withinGoal: kb(total.gzipBytes) <= GOAL_KB,
    },
    timeToScaleMs: {
      what: 'ms from navigation start (performance.now() in the page, polled every frame) until the scale has a box',
      runs: RUNS,
      cold: { median: round(median(cold)), min: round(Math.min(...cold)), max: round(Math.max(...cold)) },
      warm: { median: round(median(warm)), min: round(Math.min(...warm)), max: round(Math.max(...warm)) },
      coldRuns: cold.map(round),
      warmRuns: warm.map(round),
    },
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'web-diary.json'), `${JSON.stringify(results, null, 2)}\n`);

  const pad = (s, n) => String(s).padStart(n);
  console.log(`\nJavaScript the diary page loads (${files.length} files, read from the network):\n`);
  console.log('| file                                  |  raw (kB) | gzip -9 (bytes) | gzip -9 (kB) |');
  console.log('|---------------------------------------|----------:|----------------:|-------------:|');
  for (const f of files)
    console.log(
      `| ${f.path.padEnd(37)} | ${pad(kb(f.rawBytes).toFixed(1), 9)} | ${pad(f.gzipBytes, 15)} | ${pad(kb(f.gzipBytes).toFixed(1), 12)} |`,
    );
  console.log(
    `| ${'total'.padEnd(37)} | ${pad(kb(total.rawBytes).toFixed(1), 9)} | ${pad(total.gzipBytes, 15)} | ${pad(kb(total.gzipBytes).toFixed(1), 12)} |`,
  );
  console.log(
    `\ngoal ≤ ${GOAL_KB} kB gzipped: ${results.javascript.withinGoal ? 'met' : 'NOT met'} (${results.javascript.totalGzipKB} kB = ${results.javascript.totalGzipKiB} KiB)`,
  );
  console.log(
    `\nTime to the scale on screen, 375 px, CPU ${CPU_RATE}× slower, 127.0.0.1, median of ${RUNS} (min–max):\n`,
  );
  console.log('| cache | median (ms) | min–max (ms) |');
  console.log('|-------|------------:|-------------:|');
  for (const [name, s] of [
    ['cold', results.timeToScaleMs.cold],
    ['warm', results.timeToScaleMs.warm],
  ])
    console.log(`| ${name.padEnd(5)} | ${pad(s.median, 11)} | ${pad(`${s.min}–${s.max}`, 12)} |`);
  console.log(
    `load average ${results.machine.loadAverage.before} → ${results.machine.loadAverage.after} on ${results.machine.cpus} cores`,
  );
  console.log('\nwritten to bench/results/web-diary.json');
} finally {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
