/**
 * The chart's episode facts in a real browser: from a new Medicare patient whose episode has only a region,
 * a physician follows the worklist's "Complete the chart" to the facts, follows a "what is missing" link to
 * its field, and records every fact with the keyboard alone (a diagnosis found by words and by code, with
 * the live region warning for a cervical code on a lumbar episode); the server's error for a function score
 * over 100 sits beside its field and in the summary, in words, with nothing typed lost; corrected and saved,
 * the missing list empties, the API and the worklist agree. A coordinator may record only the records on
 * file. The decision panel's missing items link to the same fields. Every state passes axe at 1366 px and at 375 px, without horizontal scroll on the phone.
 */

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newPage,
  noHorizontalScroll,
  PHONE,
  pageErrors,
  type RunningApp,
  STAFF_EMAILS,
  signIn,
  startApp,
} from './harness.js';

const WIDE = { width: 1366, height: 900 } as const;

interface Win {
  document: { activeElement: { id?: string } | null };
  sessionStorage: { getItem(k: string): string | null };
}

const activeId = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Win).document.activeElement?.id ?? '');

/** Presses Tab until the element has the focus (at most 120 times): how a keyboard user gets there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === (globalThis as unknown as Win).document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Tabs to a field and types into it (digits for a date: the en-US date input takes mm dd yyyy). */
async function typeInto(page: Page, target: ReturnType<Page['locator']>, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Tabs to a select and moves through its options with the arrow keys until `label` is chosen. */
async function choose(page: Page, target: ReturnType<Page['locator']>, label: string): Promise<void> {
  await tabTo(page, target);
  for (let i = 0; i < 12; i++) {
    const now = await target.evaluate((el) => {
      const s = el as unknown as { selectedIndex: number; options: { text: string }[] };
      return s.options[s.selectedIndex]?.text ?? '';
    });
    if (now === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option ${label}`);
}

const csrfOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Win).sessionStorage.getItem('facetpath.csrf') ?? '');

/** A new Medicare patient with a lumbar episode that has only its region (set up through the API). */
async function newPatient(page: Page, familyName: string): Promise<{ patientId: string; episodeId: string }> {
  const headers = { 'x-csrf-token': await csrfOf(page) };
  const p = await page.request.post('/api/v1/patients', {
    headers,
    data: { givenName: 'Facts', familyName, birthDate: '1958-04-05' },
  });
  const patientId = ((await p.json()) as { id: string }).id;
  await page.request.put(`/api/v1/patients/${patientId}/coverage`, {
    headers,
    data: { kind: 'medicare', state: 'CA' },
  });
  const e = await page.request.post(`/api/v1/patients/${patientId}/episodes`, {
    headers,
    data: { region: 'lumbar' },
  });
  expect(e.status()).toBe(201);
  return { patientId, episodeId: ((await e.json()) as { id: string }).id };
}

describe('clinic: the chart records every fact of an episode', () => {
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

  it('a physician fills every fact by keyboard, sees the server’s error beside its field, saves, and nothing is missing', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, WIDE);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    const { patientId, episodeId } = await newPatient(page, 'Keyboard');

    // The worklist's "Complete the chart" leads to the facts, focused.
    await page.goto('/clinic');
    const row = page.locator('tr', { hasText: 'Facts Keyboard' });
    await row.getByRole('link', { name: /Complete the chart/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Episode facts' }).waitFor();
    expect(page.url()).toContain(`/clinic/patients/${patientId}?episode=${episodeId}#facts`);
    await expect.poll(() => activeId(page)).toBe('facts');

    const section = page.locator('section.episode-facts');
    const missing = section.getByTestId('facts-missing');
    await missing.getByText('Needs information').waitFor();
    const links = missing.getByRole('link');
    const before = await links.allTextContents();
    expect(before).toEqual(
      expect.arrayContaining(['Rule 1 — Pain began on', 'Rule 6 — Baseline pain', 'Rule 3b — Function']),
    );
    expect(await axeViolations(page)).toEqual([]);

    // A missing item's link moves the focus to the field that fixes it.
    await tabTo(page, missing.getByRole('link', { name: 'Rule 6 — Baseline pain' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('fact-baseline');
    await tabTo(page, missing.getByRole('link', { name: 'Rule 1 — Pain began on' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('fact-onset');

    const form = page.getByRole('form', { name: 'Record the episode facts' });
    // Each field says which rule reads it.
    expect(await form.locator('#fact-onset').getAttribute('aria-describedby')).toBeTruthy();
    expect(await form.textContent()).toContain('Used by Rule 1 — index pain for at least 3 months');

    await typeInto(page, form.getByLabel('Index pain description'), 'Low back ache, worse standing up');
    await typeInto(page, form.getByLabel('Pain began on'), '06012025');
    await choose(page, form.getByLabel('Pain predominantly axial'), 'Yes — mainly back or neck');
    await choose(page, form.getByLabel('Radicular symptoms'), 'None');
    await choose(page, form.getByLabel('Neurogenic claudication'), 'No');
    await choose(page, form.getByLabel('Non-facet cause found'), 'None (excluded)');

    // Diagnoses: a cervical code on a lumbar episode is warned about at once; then found by words.
    const find = form.getByLabel('Find a diagnosis by code or words');
    await typeInto(page, find, 'M47.812');
    await page.keyboard.press('Enter');
    const recorded = form.getByRole('list', { name: 'Recorded diagnoses' });
    await recorded
      .getByText('M47.812 does not match this lumbar episode: lumbar/sacral codes end in 5–7.')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, recorded.getByRole('button', { name: 'Remove M47.812' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('fact-diagnoses');
    await page.keyboard.type('lumbar spondylosis');
    await form
      .getByRole('list', { name: 'Matching diagnoses' })
      .getByRole('button', { name: /^Add M47\.816/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await recorded.getByText('M47.816', { exact: true }).waitFor();
    expect(await recorded.locator('li').count()).toBe(1);
    expect(await recorded.locator('.facts-warning').count()).toBe(0);

    await choose(page, form.locator('#fact-baseline'), 'NRS (0–10, whole points)');
    await typeInto(page, form.locator('#fact-baseline-score'), '7');
    await typeInto(page, form.locator('#fact-baseline-date'), '12012025');
    await typeInto(page, form.locator('#fact-baseline-activity'), 'standing from a chair');
    await choose(page, form.locator('#fact-function'), 'Oswestry Disability Index (ODI)');
    await typeInto(page, form.locator('#fact-function-score'), '140');
    await typeInto(page, form.locator('#fact-function-date'), '12012025');

    await tabTo(page, form.getByRole('button', { name: 'Add a course of conservative care' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('fact-conservativeCare-0-kind');
    await choose(page, form.locator('#fact-conservativeCare-0-kind'), 'Physical therapy');
    await typeInto(page, form.locator('#fact-conservativeCare-0-start'), '07012025');
    await typeInto(page, form.locator('#fact-conservativeCare-0-end'), '10012025');
    expect(await form.getByLabel('Failed (did not relieve the pain)').isChecked()).toBe(true);

    await tabTo(page, form.getByRole('button', { name: 'Add an imaging study' }));
    await page.keyboard.press('Enter');
    await choose(page, form.locator('#fact-imaging-0-kind'), 'MRI');
    await typeInto(page, form.locator('#fact-imaging-0-date'), '09012025');
    await typeInto(page, form.locator('#fact-imaging-0-finding'), 'L4-L5 facet arthropathy');

    await tabTo(page, form.getByRole('button', { name: 'Save the episode facts' }));
    await page.keyboard.press('Enter');

    // The server's 400 for the function score: beside the field and in the summary, in words.
    const summary = form.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Function — score: a function score is at most 100');
    const bad = form.locator('.field-error');
    expect(await bad.count()).toBe(1);
    expect(await bad.locator('.error-text').textContent()).toBe('a function score is at most 100');
    expect(await form.locator('#fact-function-score').getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).not.toMatch(/Too big|Invalid input|expected number to be/);
    // Nothing typed is lost.
    expect(await form.getByLabel('Index pain description').inputValue()).toBe(
      'Low back ache, worse standing up',
    );
    expect(await form.getByLabel('Pain began on').inputValue()).toBe('2025-06-01');
    expect(await form.locator('#fact-baseline-activity').inputValue()).toBe('standing from a chair');
    expect(await form.locator('#fact-imaging-0-finding').inputValue()).toBe('L4-L5 facet arthropathy');
    expect(await recorded.textContent()).toContain('M47.816');
    expect(await axeViolations(page)).toEqual([]);
    // The summary's link goes to the field.
    await tabTo(page, summary.getByRole('link', { name: 'Function — score' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('fact-function-score');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('40');
    await tabTo(page, form.getByRole('button', { name: 'Save the episode facts' }));
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: 'Episode facts saved.' }).waitFor();
    await missing.getByText('Nothing is missing for this episode').waitFor();
    expect(await missing.getByRole('link').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The server holds every fact; the worklist has nothing missing for the episode.
    const ep = await (await page.request.get(`/api/v1/episodes/${episodeId}`)).json();
    expect(ep.complaint).toEqual({
      description: 'Low back ache, worse standing up',
      onset: '2025-06-01',
      axial: true,
      radicular: 'none',
      neurogenicClaudication: false,
      nonFacetCause: 'none',
      diagnoses: ['M47.816'],
      imaging: [{ kind: 'mri', date: '2025-09-01', finding: 'L4-L5 facet arthropathy' }],
      conservativeCare: [{ kind: 'physical-therapy', start: '2025-07-01', end: '2025-10-01', failed: true }],
      baseline: { scale: 'NRS', score: 7, date: '2025-12-01', activity: 'standing from a chair' },
      function: { instrument: 'ODI', score: 40, date: '2025-12-01' },
    });
    const wl = await (await page.request.get(`/api/v1/worklist?episodeId=${episodeId}`)).json();
    expect(wl.items.filter((i: { kind: string }) => i.kind === 'missing-information')).toEqual([]);

    // It stays after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Episode facts' }).waitFor();
    expect(await form.locator('#fact-baseline-activity').inputValue()).toBe('standing from a chair');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('on a phone: no horizontal scroll, axe-clean; a coordinator records only the records on file', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    const { patientId, episodeId } = await newPatient(page, 'Phone');
    await page.goto(`/clinic/patients/${patientId}?episode=${episodeId}#fact-onset`);
    const form = page.getByRole('form', { name: 'Record the episode facts' });
    await form.waitFor();
    await expect.poll(() => activeId(page)).toBe('fact-onset');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    expect(await form.getByLabel('Pain began on').isDisabled()).toBe(false);
    expect(await form.getByLabel('Index pain description').isDisabled()).toBe(true);
    expect(await form.locator('#fact-baseline').isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Add an imaging study' }).click();
    await form.locator('#fact-imaging-0-kind').selectOption('xray');
    await form.locator('#fact-imaging-0-date').fill('2025-08-01');
    await form.getByLabel('Finding').fill('x'.repeat(2001));
    await form.getByRole('button', { name: 'Save the episode facts' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.locator('.field-error .error-text').textContent()).toBe(
      'the finding is at most 2000 characters',
    );
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel('Finding').fill('Degenerative change L4-S1');
    await form.getByRole('button', { name: 'Save the episode facts' }).click();
    await form.getByRole('status').filter({ hasText: 'Episode facts saved.' }).waitFor();
    const ep = await (await page.request.get(`/api/v1/episodes/${episodeId}`)).json();
    expect(ep.complaint).toEqual({
      imaging: [{ kind: 'xray', date: '2025-08-01', finding: 'Degenerative change L4-S1' }],
    });
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it("the decision panel's missing items lead to the chart's field that fixes each", async () => {
    const { context, page } = await newPage(browser, app.baseUrl, WIDE);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    const { patientId, episodeId } = await newPatient(page, 'Decision');
    const planned = await page.request.post(`/api/v1/episodes/${episodeId}/procedures`, {
      headers: { 'x-csrf-token': await csrfOf(page) },
      data: {
        kind: 'mbb',
        intent: 'diagnostic',
        status: 'planned',
        date: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
        joints: [{ joint: 'L4-L5', side: 'bilateral' }],
        agent: 'lidocaine',
        volumeMlPerNerve: 0.5,
        guidance: 'fluoroscopy',
        sedation: 'local',
      },
    });
    expect(planned.status()).toBe(201);
    const proposed = ((await planned.json()) as { id: string }).id;
    await page.goto(`/clinic/episodes/${episodeId}/decision?proposed=${proposed}`);
    const missing = page.getByTestId('missing');
    const link = missing.getByRole('link', { name: 'Record “Pain began on” on the chart' });
    await link.waitFor();
    expect(await missing.getByRole('link', { name: 'Record “Baseline pain” on the chart' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Record the episode facts' }).waitFor();
    expect(page.url()).toContain(`/clinic/patients/${patientId}?episode=${episodeId}#fact-onset`);
    await expect.poll(() => activeId(page)).toBe('fact-onset');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
