/** The web app is served by the API's server: both shells load, navigate, and pass axe on an empty page. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newPage,
  PHONE,
  pageErrors,
  type RunningApp,
  STAFF_EMAILS,
  signIn,
  startApp,
} from './harness.js';

describe('the web app shells', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the demo practice patient site at /, with security headers and no referrer', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    const res = await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/p/demo');
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(res!.headers()['referrer-policy']).toBe('no-referrer');
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('switches the patient site to Spanish and remembers it', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/p/demo');
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await context.close();
  });

  it('signs staff in and out; a reload keeps the session', async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await page.goto('/clinic');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(STAFF_EMAILS.coordinator);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not right.').waitFor();
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('serves hashed assets with long caching, and unknown paths as 404', async () => {
    const html = await (await fetch(`${app.baseUrl}/p/demo`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await fetch(app.baseUrl + asset);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${app.baseUrl}/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/nowhere`)).status).toBe(404);
  });
});
