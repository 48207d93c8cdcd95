/**
 * The clinic's patients, chart and block documentation in a real browser: a physician finds a demo patient,
 * documents a two-level bilateral lumbar block on the spine diagram (the live nerves, levels and CPT lines are
 * the domain's own), saves it, creates the diary link with its QR code, and sees the block on the chart's
 * timeline; a new patient, episode and block entirely by keyboard, with the server's errors beside the fields.
 */

import type { Browser, Page } from 'playwright-core';
import qrcode from 'qrcode-generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSession } from '../../src/domain/coding/cpt.js';
import { nervesForJoints } from '../../src/domain/spine/joints.js';
import {
  axeViolations,
  DESKTOP,
  launchBrowser,
  newPage,
  noHorizontalScroll,
  PHONE,
  pageErrors,
  type RunningApp,
  STAFF_EMAILS,
  screenshot,
  signIn,
  staffSession,
  startApp,
} from './harness.js';

const TWO_LEVELS = [
  { joint: 'L4-L5', side: 'bilateral' },
  { joint: 'L5-S1', side: 'bilateral' },
] as const;

/** The bits of the browser's globals the page functions use (this file is typechecked without the DOM). */
interface Win {
  document: { activeElement: unknown; documentElement: { scrollWidth: number; clientWidth: number } };
  scrollTo(x: number, y: number): void;
  sessionStorage: { getItem(k: string): string | null };
}

/** Presses Tab until the element has the focus (at most 80 times): how a keyboard user gets there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === (globalThis as unknown as Win).document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The dark modules of the QR code's SVG path, as "row,col" (the quiet zone of 4 taken off). */
async function qrModules(page: Page): Promise<{ size: number; dark: Set<string> }> {
  const svg = page.locator('svg.qr');
  const d = (await svg.locator('path').getAttribute('d')) ?? '';
  const size = Number(await svg.getAttribute('data-modules'));
  const dark = new Set(
    [...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[2]) - 4},${Number(m[1]) - 4}`),
  );
  return { size, dark };
}

function expectedModules(text: string): { size: number; dark: Set<string> } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const dark = new Set<string>();
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (qr.isDark(r, c)) dark.add(`${r},${c}`);
  return { size, dark };
}

describe('clinic: patients, chart and block documentation', () => {
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

  it('a physician documents a two-level bilateral lumbar block on the spine diagram and hands over the diary link', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.physician, app.password);

    // Find a demo patient with a lumbar episode and no block yet.
    await page.goto('/clinic/patients');
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    await page.getByRole('link', { name: 'Carter, James' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('of 10 patients');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-patients-desktop');
    await page.getByLabel('Search by name or MRN').fill('López');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Showing 1–1 of 1 patient matching “López”.').waitFor();
    expect(await page.locator('table.patients tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'López, María' }).click();

    await page.getByRole('heading', { level: 1, name: 'María López' }).waitFor();
    await page.getByRole('heading', { name: 'Pain began' }).waitFor();
    expect(await page.locator('.chart-head').textContent()).toContain('Medicare (CA)');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Document a block' }).click();

    // The empty form: the lumbar levels only, nothing chosen.
    await page.getByRole('heading', { level: 1, name: 'Document a block' }).waitFor();
    const episodeId = /\/clinic\/episodes\/([^/]+)\/blocks\/new/.exec(page.url())![1]!;
    await page.getByRole('group', { name: 'L5-S1 facet joint' }).waitFor();
    expect(await page.getByRole('group', { name: 'C5-C6 facet joint' }).count()).toBe(0);
    expect(await page.locator('.live-summary').textContent()).toBe('No level chosen yet');
    expect(await axeViolations(page)).toEqual([]);

    // Saving without a level: the server's message sits on the spine diagram, and goes once a level is chosen.
    await page.getByRole('button', { name: 'Save the block' }).click();
    const spineError = page.locator('fieldset.spine .error-text');
    await spineError.waitFor();
    expect(await spineError.textContent()).toBe('at least one joint');
    expect(await page.getByRole('alert').first().textContent()).toContain('Joints: at least one joint');
    expect(await axeViolations(page)).toEqual([]);

    // L4-L5: left, then right (together: both sides); L5-S1: both sides at once.
    await page.getByRole('button', { name: 'L4-L5 Left' }).click();
    expect(await page.locator('.live-summary').textContent()).toBe('1 level, 2 nerves, 1 CPT line');
    expect(await spineError.count()).toBe(0);
    await page.getByRole('button', { name: 'L4-L5 Right' }).click();
    await page.getByRole('button', { name: 'L5-S1 Both sides' }).click();
    for (const name of ['L4-L5 Left', 'L4-L5 Right', 'L4-L5 Both sides', 'L5-S1 Both sides'])
      expect(await page.getByRole('button', { name }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'L3-L4 Left' }).getAttribute('aria-pressed')).toBe('false');

    // The live panel says what the domain says: nerves, levels, CPT lines.
    const nerves = nervesForJoints(TWO_LEVELS);
    expect(nerves.map((n) => n.nerve)).toEqual(['L3 MB', 'L4 MB', 'L5 DR']);
    const nerveItems = await page.locator('.nerve-list li').allTextContents();
    expect(nerveItems).toEqual([
      'L3 MB — L3 medial branch, left and right',
      'L4 MB — L4 medial branch, left and right',
      'L5 DR — L5 dorsal ramus, left and right',
    ]);
    expect(await page.locator('.levels-count').textContent()).toBe('2 levels');
    const expected = codeSession(
      {
        id: 'x',
        kind: 'mbb',
        intent: 'diagnostic',
        date: '2026-01-01',
        joints: [...TWO_LEVELS],
        guidance: 'fluoroscopy',
        sedation: 'local',
      },
      { kxOnDiagnostic: false, maxLevels: null },
    );
    expect(expected.map((l) => [l.code, l.modifiers.join(', '), String(l.units)])).toEqual([
      ['64493', '50', '1'],
      ['64494', '50', '1'],
    ]);
    const rows = await page.locator('table.cpt-lines tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const [code, modifiers, units] = [...tr.querySelectorAll('td')];
        return [code?.querySelector('.cpt-code')?.textContent, modifiers?.textContent, units?.textContent];
      }),
    );
    expect(rows).toEqual(expected.map((l) => [l.code, l.modifiers.join(', '), String(l.units)]));
    const cptText = await page.locator('table.cpt-lines').textContent();
    for (const l of expected) expect(cptText).toContain(l.description);
    expect(await page.locator('.live-preview').textContent()).toContain(
      '6 injections (nerve × side) × 0.5 mL = 3 mL',
    );

    // The same session under María's payer (Medicare), evaluated by the server: KX on the diagnostic lines; a third
    // level goes beyond the policy's limit, and the warning says so with its source.
    const payerLines = page.locator('.payer-lines');
    await page.locator('.payer-lines li', { hasText: '64494-50-KX' }).waitFor();
    expect(await payerLines.locator('li').allTextContents()).toEqual([
      '64493-50-KX × 1 (L4-L5)',
      '64494-50-KX × 1 (L5-S1)',
    ]);
    await page.getByRole('button', { name: 'L3-L4 Left' }).click();
    const problem = page.locator('.payer-problems li', {
      hasText: 'at most 2 level(s) per session per region',
    });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Medicare');
    expect(await payerLines.locator('li').allTextContents()).toEqual([
      '64493-LT-KX × 1 (L3-L4)',
      '64494-50-KX × 1 (L4-L5)',
      '64495-50-KX × 1 (L5-S1)',
    ]);
    expect(await page.locator('.levels-count').textContent()).toBe('3 levels');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'L3-L4 Left' }).click();
    await page.locator('.payer-ok').waitFor();
    expect(await page.locator('.levels-count').textContent()).toBe('2 levels');

    await page.getByLabel('Anaesthetic agent').selectOption('lidocaine');
    await page.getByLabel('Pain score before the block').fill('8');
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => (globalThis as unknown as Win).scrollTo(0, 0));
    await screenshot(page, 'clinic-block-form-desktop');
    await page.getByRole('button', { name: 'Save the block' }).click();
    await page.getByRole('heading', { name: 'Block saved for María López' }).waitFor();

    // The procedure exists with those joints.
    const list = (await (await page.request.get(`/api/v1/episodes/${episodeId}/procedures`)).json()) as {
      items: {
        id: string;
        kind: string;
        intent: string;
        joints: unknown;
        agent: string;
        preScore: unknown;
      }[];
    };
    expect(list.items).toHaveLength(1);
    const saved = list.items[0]!;
    expect(saved).toMatchObject({
      kind: 'mbb',
      intent: 'diagnostic',
      agent: 'lidocaine',
      joints: TWO_LEVELS,
      preScore: { scale: 'NRS', score: 8 },
    });

    // The diary link: the full link, a QR code of exactly that link, the messages with the expiry.
    await page.getByRole('button', { name: 'Create diary link' }).click();
    const linkBox = page.getByRole('textbox', { name: 'Diary link', exact: true });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(new RegExp(`^${app.baseUrl.replace(/\./g, '\\.')}/diary/[A-Za-z0-9_-]{43}$`));
    const qr = page.getByRole('img', { name: 'QR code of the diary link for María López' });
    await qr.waitFor();
    const shown = await qrModules(page);
    const want = expectedModules(link);
    expect(shown.size).toBe(want.size);
    expect(shown.dark.size).toBeGreaterThan(100);
    expect(shown.dark).toEqual(want.dark);
    const es = await page.getByLabel(/Text message in Spanish/).inputValue();
    const en = await page.getByLabel(/Text message in English/).inputValue();
    expect(es).toContain(link);
    expect(es).toContain('El enlace funciona hasta el');
    expect(en).toContain(link);
    expect(en).toContain('The link works until');
    // The patient speaks Spanish: her message comes first.
    expect(await page.getByLabel(/Text message in Spanish/).getAttribute('lang')).toBe('es');
    const token = link.split('/diary/')[1]!;
    const diary = await fetch(`${app.baseUrl}/api/v1/diary/${token}`);
    expect(diary.status).toBe(200);
    expect(((await diary.json()) as { procedure: { joints: unknown } }).procedure.joints).toEqual(TWO_LEVELS);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-diary-link-desktop');

    // Back on the chart, the block is on the timeline.
    await page.getByRole('link', { name: 'Back to the chart' }).click();
    const block = page.locator('.timeline li.tl-procedure');
    await block.first().waitFor();
    expect(await block.count()).toBe(1);
    const text = await block.textContent();
    expect(text).toContain('MBB #1 — Medial branch block');
    expect(text).toContain('L4-L5 both sides, L5-S1 both sides');
    expect(text).toContain('no entries yet');
    expect(await block.getByRole('link').getAttribute('href')).toBe(`/clinic/procedures/${saved.id}`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('a new patient, episode and block by keyboard only, the server errors beside their fields, nothing lost', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    await page.goto('/clinic/patients');
    await page.getByRole('link', { name: 'Carter, James' }).waitFor();

    await tabTo(page, page.getByRole('button', { name: 'New patient' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Given name'));
    await page.keyboard.type('Tomás');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rivas');
    await page.keyboard.press('Tab');
    await page.keyboard.type('07041962'); // mm dd yyyy in the en-US date field
    await tabTo(page, page.getByLabel('Mobile phone'));
    await page.keyboard.type('call me maybe'); // not a phone number
    await tabTo(page, page.getByRole('button', { name: 'Save and open the chart' }));
    await page.keyboard.press('Enter');
    const phoneError = page.locator('.field-error').filter({ has: page.getByLabel('Mobile phone') });
    await phoneError.waitFor();
    expect(await phoneError.locator('.error-text').textContent()).toBe(
      'expected a phone number (digits, spaces, + ( ) . -)',
    );
    expect(await page.getByLabel('Mobile phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Given name').inputValue()).toBe('Tomás');
    expect(await page.getByLabel('Date of birth').inputValue()).toBe('1962-07-04');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, page.getByLabel('Mobile phone'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('+1 415 555 0142');
    await tabTo(page, page.getByRole('button', { name: 'Save and open the chart' }));
    await page.keyboard.press('Enter');

    // The chart of the new patient: no episode yet, so the form to open one (lumbar by default).
    await page.getByRole('heading', { level: 1, name: 'Tomás Rivas' }).waitFor();
    await page.getByRole('heading', { name: 'Open an episode' }).waitFor();
    expect(await page.getByLabel('Region').inputValue()).toBe('lumbar');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, page.getByRole('button', { name: 'Open the episode' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: 'Document a block' }));
    await page.keyboard.press('Enter');

    // The block form, spine controls included, by keyboard.
    await page.getByRole('group', { name: 'L4-L5 facet joint' }).waitFor();
    const episodeId = /\/clinic\/episodes\/([^/]+)\/blocks\/new/.exec(page.url())![1]!;
    await tabTo(page, page.getByRole('button', { name: 'L4-L5 Both sides' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'L5-S1 Left' }));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // L5-S1 Right
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: 'L5-S1 Both sides' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.locator('.levels-count').textContent()).toBe('2 levels');
    await tabTo(page, page.getByLabel('Volume per nerve (mL)'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('12');
    await tabTo(page, page.getByLabel('Pain score before the block'));
    await page.keyboard.type('7');
    await tabTo(page, page.getByRole('button', { name: 'Save the block' }));
    await page.keyboard.press('Enter');

    // 12 mL is beyond the contract's bound: the message sits beside the volume; nothing is lost.
    const volumeField = page
      .locator('.field-error')
      .filter({ has: page.getByLabel('Volume per nerve (mL)') });
    await volumeField.waitFor();
    expect(await volumeField.locator('.error-text').textContent()).toMatch(/10/);
    expect(await page.getByRole('alert').first().textContent()).toContain('Volume per nerve');
    expect(await page.getByLabel('Pain score before the block').inputValue()).toBe('7');
    expect(await page.getByRole('button', { name: 'L4-L5 Both sides' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.getByRole('button', { name: 'L5-S1 Both sides' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(
      (
        (await (await page.request.get(`/api/v1/episodes/${episodeId}/procedures`)).json()) as {
          items: unknown[];
        }
      ).items,
    ).toHaveLength(0);

    await tabTo(page, page.getByLabel('Volume per nerve (mL)'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0.5');
    await tabTo(page, page.getByRole('button', { name: 'Save the block' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Block saved for Tomás Rivas' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Create diary link' }));
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'QR code of the diary link for Tomás Rivas' }).waitFor();
    // The pressed button is gone; the focus is on what replaced it.
    expect(
      await page
        .getByRole('heading', { name: 'Pain diary link for Tomás Rivas' })
        .evaluate((el) => el === (globalThis as unknown as Win).document.activeElement),
    ).toBe(true);

    const list = (await (await page.request.get(`/api/v1/episodes/${episodeId}/procedures`)).json()) as {
      items: { joints: unknown; volumeMlPerNerve: number; preScore: unknown }[];
    };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      joints: TWO_LEVELS,
      volumeMlPerNerve: 0.5,
      preScore: { scale: 'NRS', score: 7 },
    });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('the rest of the block record by keyboard: start time, room, concentration, steroid, contrast, complications, observation and the provocation check', async () => {
    const coordinator = await staffSession(app.baseUrl, STAFF_EMAILS.coordinator, app.password);
    const locs = await coordinator.call<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/v1/locations',
    );
    const downtown = locs.body.items.find((l) => l.name === 'Downtown Spine Center')!;
    const patient = await coordinator.call<{ id: string }>('POST', '/api/v1/patients', {
      givenName: 'Inés',
      familyName: 'Paredes',
      birthDate: '1957-09-30',
    });
    const episode = await coordinator.call<{ id: string }>(
      'POST',
      `/api/v1/patients/${patient.body.id}/episodes`,
      {
        region: 'lumbar',
        locationId: downtown.id,
        complaint: { baseline: { scale: 'NRS', score: 7, date: '2026-01-05' } },
      },
    );
    expect(episode.status).toBe(201);

    const { context, page } = await newPage(browser, app.baseUrl, { width: 1366, height: 860 });
    await signIn(page, STAFF_EMAILS.physician, app.password);
    await page.goto(`/clinic/episodes/${episode.body.id}/blocks/new`);
    await page.getByRole('group', { name: 'L4-L5 facet joint' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'L4-L5 Both sides' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel('Start time'));
    await page.keyboard.type('14:05');
    await tabTo(page, page.getByLabel('Concentration (%)'));
    await page.keyboard.type('2');
    await tabTo(page, page.getByLabel('Steroid added'));
    await page.keyboard.press('ArrowDown'); // Dexamethasone
    await tabTo(page, page.getByLabel('Steroid dose (mg)'));
    await page.keyboard.type('4');
    await tabTo(page, page.getByLabel('Contrast'));
    await page.keyboard.press('ArrowDown'); // Yes
    await tabTo(page, page.getByLabel('Pain score before the block'));
    await page.keyboard.type('7');
    await tabTo(page, page.getByLabel('Observation (minutes)'));
    await page.keyboard.type('2000');
    await tabTo(page, page.getByLabel('Complications', { exact: true }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // Yes (list them)
    await tabTo(page, page.getByRole('checkbox', { name: 'Vasovagal reaction' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel('Note on the complications'));
    await page.keyboard.type('brief, resolved lying flat');
    await tabTo(page, page.getByLabel('Minutes after the block'));
    await page.keyboard.type('20');
    await tabTo(page, page.getByLabel('Pain score during the activity'));
    await page.keyboard.type('2');
    await tabTo(page, page.getByLabel('Room'));
    await page.keyboard.press('ArrowDown'); // Procedure 1
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, page.getByRole('button', { name: 'Save the block' }));
    await page.keyboard.press('Enter');

    // The server's messages, in words, beside their fields; nothing typed is lost.
    const errorOf = (label: string) =>
      page
        .locator('.field-error')
        .filter({ has: page.getByLabel(label, { exact: true }) })
        .locator('.error-text');
    await errorOf('Observation (minutes)').waitFor();
    expect(await errorOf('Observation (minutes)').textContent()).toBe(
      'the observation is at most 1440 minutes',
    );
    expect(await errorOf('Activity tried').textContent()).toBe('expected the activity tried in words');
    expect(await page.getByRole('alert').first().textContent()).toContain('Provocation check in recovery');
    expect(await page.getByLabel('Start time').inputValue()).toBe('14:05');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 860 });

    await tabTo(page, page.getByLabel('Observation (minutes)'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('30');
    await tabTo(page, page.getByLabel('Activity tried'));
    await page.keyboard.type('walking, bending');
    await tabTo(page, page.getByRole('button', { name: 'Save the block' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Block saved for Inés Paredes' }).waitFor();
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain('14:05 (America/Los_Angeles)');
    expect(facts).toContain('Dexamethasone 4 mg');
    expect(facts).toContain('Vasovagal reaction — brief, resolved lying flat');
    expect(facts).toContain('walking, bending: pain 2 / 10, 20 minutes after the block');
    expect(await axeViolations(page)).toEqual([]);

    const saved = await coordinator.call<{ items: Record<string, unknown>[] }>(
      'GET',
      `/api/v1/episodes/${episode.body.id}/procedures`,
    );
    expect(saved.body.items).toHaveLength(1);
    expect(saved.body.items[0]).toMatchObject({
      startTime: '14:05',
      timeZone: 'America/Los_Angeles',
      room: 'Procedure 1',
      agent: 'lidocaine',
      agentConcentrationPercent: 2,
      steroid: { drug: 'dexamethasone', doseMg: 4 },
      contrast: true,
      complications: { kinds: ['vasovagal'], note: 'brief, resolved lying flat' },
      observationMinutes: 30,
      provocation: { minutesAfter: 20, score: 2, activity: 'walking, bending' },
      diary: [expect.objectContaining({ minutesAfter: 20, score: 2, source: 'staff', inRecovery: true })],
    });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('the chart shows a whole pathway in date order: blocks with signed results, the RFA and its follow-ups', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    await page.goto('/clinic/patients?q=Ortiz');
    await page.getByRole('link', { name: 'Ortiz, Carmen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Carmen Ortiz' }).waitFor();
    const items = page.locator('.timeline li');
    await items.first().waitFor();
    const titles = await page.locator('.timeline li h3').allTextContents();
    const order = (t: string) => titles.findIndex((x) => x.startsWith(t));
    expect(order('Pain began')).toBe(0);
    expect(order('Physical therapy')).toBeGreaterThan(0);
    expect(order('MBB #1')).toBeGreaterThan(order('Physical therapy'));
    expect(order('MBB #2')).toBeGreaterThan(order('MBB #1'));
    // Each block's sign-off comes after the block, on the day it was signed.
    expect(order('Interpretation signed for block #1')).toBeGreaterThan(order('MBB #1'));
    expect(order('Interpretation signed for block #2')).toBeGreaterThan(order('MBB #2'));
    expect(order('Radiofrequency ablation')).toBeGreaterThan(order('MBB #2'));
    expect(titles.filter((t) => t.startsWith('Follow-up after the RFA'))).toHaveLength(2);
    expect(order('Follow-up after the RFA')).toBeGreaterThan(order('Radiofrequency ablation'));
    const dates = await page
      .locator('.timeline li time')
      .evaluateAll((ts) => ts.map((t) => (t.getAttribute('datetime') ?? '').slice(0, 10)));
    expect(dates).toEqual([...dates].sort());
    const first = await page.locator('.timeline li.tl-procedure').first().textContent();
    expect(first).toContain('Positive · signed');
    expect(first).toMatch(/peak relief \d+ %/);
    const api = (await (
      await page.request.get(
        `/api/v1/episodes/${/episode=([^&]+)/.exec((await page.locator('.episode-list a').first().getAttribute('href')) ?? '')![1]}/procedures`,
      )
    ).json()) as { items: { diary: unknown[] }[] };
    expect(first).toContain(`Pain diary: ${api.items[0]!.diary.length} entries`);
    expect(await page.locator('.timeline').textContent()).toContain('80 % relief');
    expect(await page.getByRole('link', { name: 'Decision' }).getAttribute('href')).toMatch(
      /^\/clinic\/episodes\/[^/]+\/decision$/,
    );
    expect(await page.getByRole('link', { name: 'Access history' }).getAttribute('href')).toMatch(
      /^\/clinic\/patients\/[^/]+\/access$/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-chart-desktop');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('works on a phone without horizontal scrolling; a coordinator is sent to the chart instead of the form', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    await page.goto('/clinic/patients');
    await page.getByRole('link', { name: 'Carter, James' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-patients-phone');
    await page.getByRole('link', { name: 'Carter, James' }).click();
    await page.locator('.timeline li.tl-procedure').first().waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-chart-phone');
    const chartUrl = page.url();
    await page.getByRole('link', { name: 'Document a block' }).click();
    // James Carter had a lidocaine block today: the comparative one defaults to bupivacaine, same levels on request.
    await page.getByRole('button', { name: 'Use the same levels' }).click();
    await page.getByRole('button', { name: 'Same levels chosen' }).waitFor();
    expect(await page.getByLabel('Anaesthetic agent').inputValue()).toBe('bupivacaine');
    for (const name of ['L4-L5 Both sides', 'L5-S1 Both sides'])
      expect(await page.getByRole('button', { name }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'L4-L5 Left' }).click(); // now L4-L5 right only
    expect(await page.getByRole('button', { name: 'L4-L5 Right' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'L4-L5 Left' }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Use the same levels' }).waitFor();
    await page.locator('table.cpt-lines').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-block-form-phone');
    const blockUrl = page.url();
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    const coordinator = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(coordinator.page, STAFF_EMAILS.coordinator, app.password);
    await coordinator.page.goto(chartUrl);
    await coordinator.page.getByText('Blocks are documented by a physician.').waitFor();
    expect(await coordinator.page.getByRole('link', { name: 'Document a block' }).count()).toBe(0);
    await coordinator.page.goto(blockUrl);
    await coordinator.page
      .getByText(/Blocks are documented by a physician\. Signed in as coordinator/)
      .waitFor();
    expect(await coordinator.page.getByRole('button', { name: 'Save the block' }).count()).toBe(0);
    expect(await axeViolations(coordinator.page)).toEqual([]);
    await coordinator.context.close();
  }, 120_000);

  it('pages through the search results', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    const csrf = await page.evaluate(() =>
      (globalThis as unknown as Win).sessionStorage.getItem('facetpath.csrf'),
    );
    for (let i = 1; i <= 21; i++) {
      const res = await page.request.post('/api/v1/patients', {
        headers: { 'x-csrf-token': csrf ?? '' },
        data: {
          givenName: `Pat ${String(i).padStart(2, '0')}`,
          familyName: 'Zeller',
          birthDate: '1970-01-01',
        },
      });
      expect(res.status()).toBe(201);
    }
    await page.goto('/clinic/patients?q=Zeller');
    await page.getByText('Showing 1–20 of 21 patients matching “Zeller”.').waitFor();
    expect(await page.locator('table.patients tbody tr').count()).toBe(20);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Showing 21–21 of 21 patients matching “Zeller”.').waitFor();
    expect(await page.locator('table.patients tbody tr').count()).toBe(1);
    expect(new URL(page.url()).search).toBe('?q=Zeller&offset=20');
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Search by name or MRN').inputValue()).toBe('Zeller');
    expect(await axeViolations(page)).toEqual([]);
    await page.goBack();
    await page.getByText('Showing 1–20 of 21 patients matching “Zeller”.').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('a patient who came from the website has the screening request at the start of the timeline', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    const csrf = await page.evaluate(() =>
      (globalThis as unknown as Win).sessionStorage.getItem('facetpath.csrf'),
    );
    const inbox = (await (await page.request.get('/api/v1/requests?status=new')).json()) as {
      items: { id: string; contact: { familyName?: string } }[];
    };
    const baker = inbox.items.find((r) => r.contact.familyName === 'Baker')!;
    const accepted = await page.request.post(`/api/v1/requests/${baker.id}/accept`, {
      headers: { 'x-csrf-token': csrf ?? '' },
      data: {},
    });
    expect(accepted.status()).toBe(200);
    const { patientId } = (await accepted.json()) as { patientId: string };

    await page.goto(`/clinic/patients/${patientId}`);
    await page.getByRole('heading', { level: 1, name: 'Henry Baker' }).waitFor();
    await page.getByRole('button', { name: 'Open the episode' }).click();
    const first = page.locator('.timeline li').first();
    await first.waitFor();
    expect(await first.locator('h3').textContent()).toBe('Screening request from the website');
    const text = await first.textContent();
    expect(text).toContain('Pain area: low back · For: >6 months · Worse with movement: yes');
    expect(text).toContain('Request accepted');
    expect(await page.locator('.timeline li h3').nth(1).textContent()).toBe('Lumbar episode opened');
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
