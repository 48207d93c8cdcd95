/**
 * Browser tests: the real server (the same buildServer as `facetpath serve`, web app from dist/web) on a
 * fresh embedded database with the demo practice, on 127.0.0.1, driven by Debian's Chromium through
 * playwright-core. Every page a journey visits is checked with axe-core (WCAG 2.1 A and AA).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { loadPolicyCatalog } from '../../src/app/policy-catalog.js';
import type { Services } from '../../src/app/services.js';
import { refreshAllWorklists } from '../../src/app/worklist/refresh-all.js';
import { buildServer } from '../../src/http/server.js';
import { WEB_DIR } from '../../src/http/web.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const STAFF_EMAILS = {
  admin: 'admin@demo.facetpath.test',
  physician: 'dr.rivera@demo.facetpath.test',
  physician2: 'dr.chen@demo.facetpath.test',
  coordinator: 'coordinator@demo.facetpath.test',
} as const;

export interface RunningApp {
  baseUrl: string;
  app: FastifyInstance;
  svc: Services;
  database: Database;
  /** The demo staff password printed at seeding. */
  password: string;
  close(): Promise<void>;
}

/** The server with the demo practice on a fresh PGlite database (or `url`), listening on 127.0.0.1. */
export async function startApp(opts: { url?: string; now?: () => Date } = {}): Promise<RunningApp> {
  // FACETPATH_WEB_DIR: a build of one's own (npx vite build --outDir DIR), so parallel builds never collide.
  const webDir = process.env.FACETPATH_WEB_DIR
    ? `${process.env.FACETPATH_WEB_DIR.replace(/\/$/, '')}/`
    : WEB_DIR;
  if (!existsSync(`${webDir}patient.html`))
    throw new Error(`the web app is not built (${webDir}): run \`npm run build\` first (npm test does)`);
  const database = await openDatabase(opts.url ? { url: opts.url, poolSize: 5 } : {});
  await migrate(database);
  const svc: Services = { database, policies: loadPolicyCatalog(), clock: opts.now ?? (() => new Date()) };
  let printed = '';
  await seedDemo(svc, (s) => {
    printed += s;
  });
  await refreshAllWorklists(svc);
  const password = /password (\S+) \(shown only now\)/.exec(printed)?.[1];
  if (!password) throw new Error('the demo seed printed no password');
  const app = await buildServer(svc, { web: { dir: webDir } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    svc,
    database,
    password,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export const PHONE = { width: 375, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 860 } as const;

export async function newPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = DESKTOP,
  opts: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: opts.locale ?? 'en-US',
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  const page = await context.newPage();
  // A page error is a failed test, never a silent one.
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  ERRORS.set(page, errors);
  return { context, page };
}

const ERRORS = new WeakMap<Page, string[]>();

/** The uncaught errors of a page opened with newPage, so far. */
export function pageErrors(page: Page): string[] {
  return ERRORS.get(page) ?? [];
}

/** Signs a demo staff member in through the sign-in form. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/clinic');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; returns the violations, readable. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE); // via DevTools: the page's CSP (rightly) refuses inline scripts
  const violations = (await page.evaluate(async () => {
    const g = globalThis as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> };
      document: unknown;
    };
    const r = (await g.axe.run(g.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })) as { violations: unknown[] };
    return r.violations;
  })) as AxeViolation[];
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

/** Screenshots for docs/screenshots, taken only when FACETPATH_SCREENSHOTS=1 (npm run screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.FACETPATH_SCREENSHOTS !== '1') return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

/** A JSON GET with the page's own session (the same cookies the app uses); anything but 200 fails the test. */
export async function pageApi<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** How wide the page's content is, in CSS pixels (compare it with the viewport: no sideways scrolling). */
export async function scrollWidth(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth')) as number;
}

/** Whether the page's content fits its width: no horizontal scrolling. */
export async function noHorizontalScroll(page: Page): Promise<boolean> {
  return (await page.evaluate(
    'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
  )) as boolean;
}

/** A signed-in staff member talking to the API directly (cookie + CSRF header), as the clinic's app does. */
export interface StaffSession {
  call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** Signs a staff member in through the API (not the page); the sign-in must succeed. */
export async function staffSession(baseUrl: string, email: string, password: string): Promise<StaffSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = /fp_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async call<T>(method: string, path: string, body?: unknown) {
      const r = await fetch(baseUrl + path, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}
