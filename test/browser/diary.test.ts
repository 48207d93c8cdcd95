/**
 * The patient's pain diary (/diary/:token) on a 375 px phone: entries from the clinic's link, the offline
 * queue (saved on the phone, sent when back online, never twice), a refused entry kept for the patient to
 * change, the relief chart's numbers, dead links explained, keyboard use of the scale, Spanish, and axe in
 * every state. Every outcome is checked on the server through the staff API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  type StaffSession,
  screenshot,
  staffSession,
  startApp,
} from './harness.js';

/** The browser globals the page functions use (the test project's types have no DOM). */
interface Browserish {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
  localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
}

interface Diary {
  procedureId: string;
  linkId: string;
  token: string;
}

interface Entry {
  minutesAfter: number;
  score: number;
  activity: string | null;
  rescueMedication: boolean | null;
  source: string;
}

describe('the patient pain diary', () => {
  let app: RunningApp;
  let browser: Browser;
  let staff: StaffSession;
  let episodeId: string;

  /** A fresh diagnostic block today (pre-block NRS 8) in a demo episode, and a diary link for it. */
  async function newDiary(
    opts: { preScore?: boolean; record?: Record<string, unknown> } = {},
  ): Promise<Diary> {
    const today = new Date().toISOString().slice(0, 10);
    const p = await staff.call<{ id: string }>('POST', `/api/v1/episodes/${episodeId}/procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      date: today,
      joints: [
        { joint: 'L4-L5', side: 'bilateral' },
        { joint: 'L5-S1', side: 'bilateral' },
      ],
      agent: 'lidocaine',
      volumeMlPerNerve: 0.5,
      guidance: 'fluoroscopy',
      sedation: 'local',
      ...(opts.preScore === false ? {} : { preScore: { scale: 'NRS', score: 8 } }),
      status: 'done',
      ...opts.record,
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const l = await staff.call<{ linkId: string; token: string }>(
      'POST',
      `/api/v1/procedures/${p.body.id}/diary-links`,
      { expiresInHours: 72 },
    );
    expect(l.status).toBe(201);
    return { procedureId: p.body.id, linkId: l.body.linkId, token: l.body.token };
  }

  /** The diary as the clinic sees it, in time order. */
  async function serverEntries(procedureId: string): Promise<Entry[]> {
    const r = await staff.call<{ diary: Entry[] }>('GET', `/api/v1/procedures/${procedureId}`);
    expect(r.status).toBe(200);
    return [...r.body.diary]
      .sort((a, b) => a.minutesAfter - b.minutesAfter)
      .map(({ minutesAfter, score, activity, rescueMedication, source }) => ({
        minutesAfter,
        score,
        activity,
        rescueMedication,
        source,
      }));
  }

  async function openDiary(page: Page, token: string, query = ''): Promise<void> {
    await page.goto(`/diary/${token}${query}`);
    await page.getByRole('button', { name: /Save entry|Guardar anotación/ }).waitFor();
  }

  /** The entries table as text, row by row (time, pain, relief). */
  const tableRows = (page: Page) =>
    page
      .locator('table.diary-entries tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent?.trim())),
      );

  const status = (page: Page) => page.locator('.diary-status');

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    staff = await staffSession(app.baseUrl, STAFF_EMAILS.physician, app.password);
    const patients = await staff.call<{ items: { id: string }[] }>('GET', '/api/v1/patients?q=Carter');
    const episodes = await staff.call<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/patients/${patients.body.items[0]!.id}/episodes`,
    );
    episodeId = episodes.body.items[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the patient fill entries from the link; the chart and table show the relief', async () => {
    const d = await newDiary();
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await openDiary(page, d.token);
    await expect(page.locator('h1').textContent()).resolves.toBe('Pain diary');
    await page.getByText('Before the block your pain was 8 out of 10.').waitFor();
    await page.getByRole('heading', { name: 'Next entry: 15 minutes after your block' }).waitFor();
    await page.getByText('The chart appears after your first entry.').waitFor();
    expect(await axeViolations(page)).toEqual([]); // empty
    // Every choice of the scale is a touch target of at least 44 × 44 px on the phone.
    const boxes = await page
      .locator('.nrs-option')
      .evaluateAll((els) =>
        els.map((e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]),
      );
    expect(boxes).toHaveLength(11);
    for (const [w, h] of boxes) expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(44);
    expect(await noHorizontalScroll(page)).toBe(true);

    // Save without a score: the error is beside the scale and nothing is sent.
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('Choose a number from 0 to 10.').waitFor();
    await expect(page.getByRole('radiogroup').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(await serverEntries(d.procedureId)).toEqual([]);

    // The scale by keyboard: focus "0", arrows move the choice.
    await page.getByRole('radio', { name: '0 — no pain' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '3 — mild pain' }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: '2 — mild pain' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: '3 — mild pain' }).isChecked()).resolves.toBe(false);
    await page.getByLabel('Activity you tried (optional)').fill('bending forward');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await status(page).getByText('Saved. Your entry for 15 minutes reached the clinic.').waitFor();
    await expect(status(page).getAttribute('role')).resolves.toBe('status');

    // The next time point follows; a touch on the scale and the medication box.
    await page.getByRole('heading', { name: 'Next entry: 30 minutes after your block' }).waitFor();
    await page.getByRole('radio', { name: '1 — mild pain' }).check();
    await page.getByLabel('I took pain medication since my last entry').check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await status(page).getByText('Saved. Your entry for 30 minutes reached the clinic.').waitFor();
    await page.getByRole('heading', { name: 'Next entry: 1 hour after your block' }).waitFor();
    // The form is reset for the next entry.
    await expect(page.getByRole('radio', { name: '1 — mild pain' }).isChecked()).resolves.toBe(false);

    expect(await serverEntries(d.procedureId)).toEqual([
      { minutesAfter: 15, score: 2, activity: 'bending forward', rescueMedication: null, source: 'patient' },
      { minutesAfter: 30, score: 1, activity: null, rescueMedication: true, source: 'patient' },
    ]);
    // Relief = (8 − score) / 8: 75 % and 87.5 % → 88 %.
    expect(await tableRows(page)).toEqual([
      ['15 min', '2', '75%'],
      ['30 min', '1', '88%'],
    ]);
    const chart = page.getByRole('img', { name: /Your relief over time/ });
    await expect(chart.getAttribute('aria-label')).resolves.toBe(
      'Your relief over time. Entries: 2, up to 30 min. Highest relief: 88% (30 min); latest: 88%.',
    );
    await expect(chart.locator('circle').count()).resolves.toBe(2);
    await page.getByText('Relief in % compared with your pain before the block', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]); // filled
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'patient-diary-phone');

    // A reload shows what is on the server.
    await page.reload();
    await page.getByRole('heading', { name: 'Next entry: 1 hour after your block' }).waitFor();
    expect(await tableRows(page)).toHaveLength(2);
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    const desk = await newPage(browser, app.baseUrl, DESKTOP);
    await openDiary(desk.page, d.token);
    await desk.page.getByRole('img', { name: /Your relief over time/ }).waitFor();
    expect(await axeViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'patient-diary-desktop');
    expect(pageErrors(desk.page)).toEqual([]);
    await desk.context.close();
  }, 60_000);

  it('keeps entries on the phone while offline and sends each exactly once when back online', async () => {
    const d = await newDiary();
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await openDiary(page, d.token);
    await context.setOffline(true);

    await page.getByRole('radio', { name: '6 — moderate pain' }).check();
    await page.getByLabel('Activity you tried (optional)').fill('standing up from a chair');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await status(page).getByText('Saved on this phone — will be sent when you are back online.').waitFor();
    await page.getByText('1 entry is saved on this phone and waiting to send.').waitFor();
    // The next time point moves on even offline.
    await page.getByRole('heading', { name: 'Next entry: 30 minutes after your block' }).waitFor();
    await page.getByRole('radio', { name: '4 — moderate pain' }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('2 entries are saved on this phone and waiting to send.').waitFor();
    await expect(
      page.locator('table.diary-entries .badge', { hasText: 'waiting to send' }).count(),
    ).resolves.toBe(2);
    expect(await tableRows(page)).toEqual([
      ['15 min', '6', '25%'],
      ['30 min', '4', '50%'],
    ]);
    // Stored on the phone with their own keys.
    const stored = await page.evaluate(
      (token) =>
        JSON.parse(
          (globalThis as unknown as Browserish).localStorage.getItem(`facetpath.diary.${token}`) ?? '[]',
        ),
      d.token,
    );
    expect(stored).toHaveLength(2);
    expect(stored[0].idempotencyKey).toMatch(/^[A-Za-z0-9._:-]{8,100}$/);
    expect(stored[0].idempotencyKey).not.toBe(stored[1].idempotencyKey);
    expect(await serverEntries(d.procedureId)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]); // offline, queued
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'patient-diary-offline-phone');

    // Back online: both are sent by themselves.
    await context.setOffline(false);
    await status(page).getByText('All entries are sent.').waitFor();
    await expect(page.locator('table.diary-entries .badge', { hasText: 'sent' }).count()).resolves.toBe(2);
    await expect(page.getByText('waiting to send').count()).resolves.toBe(0);
    expect(await serverEntries(d.procedureId)).toEqual([
      {
        minutesAfter: 15,
        score: 6,
        activity: 'standing up from a chair',
        rescueMedication: null,
        source: 'patient',
      },
      { minutesAfter: 30, score: 4, activity: null, rescueMedication: null, source: 'patient' },
    ]);
    expect(
      await page.evaluate(
        (token) => (globalThis as unknown as Browserish).localStorage.getItem(`facetpath.diary.${token}`),
        d.token,
      ),
    ).toBeNull();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('resends an entry whose answer was lost without a duplicate; sends what waits on return and on load', async () => {
    const d = await newDiary();
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await openDiary(page, d.token);
    // The entry reaches the server, but the answer never reaches the phone.
    await page.route('**/api/v1/diary/*/entries', async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.getByRole('radio', { name: '3 — mild pain' }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await status(page).getByText('Saved on this phone — will be sent when you are back online.').waitFor();
    expect((await serverEntries(d.procedureId)).map((e) => [e.minutesAfter, e.score])).toEqual([[15, 3]]);

    // "Send now" resends the same key: the server answers with the first entry (200), nothing new.
    await page.unroute('**/api/v1/diary/*/entries');
    const answer = page.waitForResponse((r) => r.url().endsWith('/entries'));
    await page.getByRole('button', { name: 'Send now' }).click();
    expect((await answer).status()).toBe(200);
    await status(page).getByText('All entries are sent.').waitFor();
    expect((await serverEntries(d.procedureId)).map((e) => [e.minutesAfter, e.score])).toEqual([[15, 3]]);
    expect(await tableRows(page)).toEqual([['15 min', '3', '63%']]);

    // The server is unreachable for the next one; coming back to the page (after another app) sends it.
    await page.route('**/api/v1/diary/*/entries', (route) => route.abort('internetdisconnected'));
    await page.getByRole('radio', { name: '2 — mild pain' }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('1 entry is saved on this phone and waiting to send.').waitFor();
    await page.unroute('**/api/v1/diary/*/entries');
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { dispatchEvent(e: unknown): void };
        Event: new (t: string) => unknown;
      };
      g.document.dispatchEvent(new g.Event('visibilitychange'));
    });
    await status(page).getByText('All entries are sent.').waitFor();
    await page.getByRole('heading', { name: 'Next entry: 1 hour after your block' }).waitFor();

    // An entry left in the phone's queue (the tab was closed offline) is sent when the page opens again.
    await page.evaluate((token) => {
      (globalThis as unknown as Browserish).localStorage.setItem(
        `facetpath.diary.${token}`,
        JSON.stringify([
          {
            idempotencyKey: 'diary-left-offline-1',
            minutesAfter: 60,
            score: 4,
            savedAt: new Date().toISOString(),
          },
        ]),
      );
    }, d.token);
    await page.reload();
    await page.getByRole('heading', { name: 'Next entry: 2 hours after your block' }).waitFor();
    await expect.poll(() => serverEntries(d.procedureId).then((e) => e.length)).toBe(3);
    await page.reload(); // and again: the same key is not sent twice (the queue is empty now)
    await page.getByRole('heading', { name: 'Next entry: 2 hours after your block' }).waitFor();
    expect((await serverEntries(d.procedureId)).map((e) => [e.minutesAfter, e.score])).toEqual([
      [15, 3],
      [30, 2],
      [60, 4],
    ]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('keeps an entry the server refuses, says why, and lets the patient change it', async () => {
    const d = await newDiary();
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await openDiary(page, d.token);
    // Meanwhile the clinic records the 15-minute score by phone.
    const byStaff = await staff.call('POST', `/api/v1/procedures/${d.procedureId}/diary-entries`, {
      minutesAfter: 15,
      score: 5,
      idempotencyKey: 'staff-phone-call-15',
    });
    expect(byStaff.status).toBe(201);
    await page.getByRole('radio', { name: '4 — moderate pain' }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await status(page).getByText('did not accept an entry', { exact: false }).waitFor();
    await page
      .getByText('An entry for this time is already recorded. Choose another time or remove this entry.')
      .waitFor();
    await page.getByText('not sent — needs a change').waitFor();
    // The page now knows the clinic's 15-minute entry: the next time point is 30 minutes.
    await page.getByRole('heading', { name: 'Next entry: 30 minutes after your block' }).waitFor();
    expect(await axeViolations(page)).toEqual([]); // error
    expect(await noHorizontalScroll(page)).toBe(true);

    await page.getByRole('button', { name: 'Change this entry' }).click();
    await expect(page.getByRole('radio', { name: '4 — moderate pain' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('How long after your block is this entry?').selectOption('30');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await status(page).getByText('Saved. Your entry for 30 minutes reached the clinic.').waitFor();
    expect((await serverEntries(d.procedureId)).map((e) => [e.minutesAfter, e.score, e.source])).toEqual([
      [15, 5, 'staff'],
      [30, 4, 'patient'],
    ]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('explains an unknown or withdrawn link kindly, in English and Spanish', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/diary/not-a-real-link-token');
    await page.getByRole('heading', { level: 1, name: 'This diary link does not work' }).waitFor();
    await page.getByText('call the clinic for a new one', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const d = await newDiary();
    expect((await staff.call('DELETE', `/api/v1/diary-links/${d.linkId}`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/v1/diary/${d.token}`)).status).toBe(410);
    await page.goto(`/diary/${d.token}`);
    await page
      .getByRole('heading', { level: 1, name: 'This diary link has expired or was withdrawn' })
      .waitFor();
    await page.getByText('Please call the clinic: they can send you a new link.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.goto(`/diary/${d.token}?lang=es`);
    await page
      .getByRole('heading', { level: 1, name: 'Este enlace del diario caducó o fue retirado' })
      .waitFor();
    await page.getByText('Llame a la clínica: pueden enviarle un enlace nuevo.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('says so when the diary cannot be reached, and opens it on "Try again"', async () => {
    const d = await newDiary();
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.route(`**/api/v1/diary/${d.token}`, (route) => route.abort('internetdisconnected'));
    await page.goto(`/diary/${d.token}`);
    await page
      .getByText('Your phone cannot reach the clinic’s system right now.', { exact: false })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.unroute(`**/api/v1/diary/${d.token}`);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Next entry: 15 minutes after your block' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('still sends entries when the phone refuses to store them (full or private browser)', async () => {
    const d = await newDiary();
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.addInitScript(() => {
      const g = globalThis as unknown as { Storage: { prototype: { setItem: unknown } } };
      g.Storage.prototype.setItem = () => {
        throw new Error('QuotaExceededError');
      };
    });
    await openDiary(page, d.token);
    await page.getByRole('radio', { name: '5 — moderate pain' }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await status(page).getByText('Saved. Your entry for 15 minutes reached the clinic.').waitFor();
    expect((await serverEntries(d.procedureId)).map((e) => [e.minutesAfter, e.score])).toEqual([[15, 5]]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('charts the pain score itself, and says so, when no score was recorded before the block', async () => {
    const d = await newDiary({ preScore: false });
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await openDiary(page, d.token);
    await page.getByText('The clinic did not record a pain score before the block.').waitFor();
    for (const [score, next] of [
      ['7 — severe pain', '30 minutes'],
      ['5 — moderate pain', '1 hour'],
    ] as const) {
      await page.getByRole('radio', { name: score }).check();
      await page.getByRole('button', { name: 'Save entry' }).click();
      await page.getByRole('heading', { name: `Next entry: ${next} after your block` }).waitFor();
    }
    await page.getByText('Your pain score (0–10) by hours after the block', { exact: false }).waitFor();
    await expect(page.getByRole('img').getAttribute('aria-label')).resolves.toBe(
      'Your relief over time. Entries: 2, up to 30 min. Lowest pain: 5 (30 min); latest: 5.',
    );
    // No relief column without a baseline: time, pain, then the notes.
    await expect(page.locator('table.diary-entries thead th').allTextContents()).resolves.toEqual([
      'Time',
      'Pain (0–10)',
      'Notes',
    ]);
    expect((await serverEntries(d.procedureId)).map((e) => [e.minutesAfter, e.score])).toEqual([
      [15, 7],
      [30, 5],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows clock times when the clinic recorded the start time; the recovery check is the first point', async () => {
    const locs = await staff.call<{ items: { id: string; name: string; timeZone: string }[] }>(
      'GET',
      '/api/v1/locations',
    );
    const downtown = locs.body.items.find((l) => l.name === 'Downtown Spine Center')!;
    expect(downtown.timeZone).toBe('America/Los_Angeles');
    const d = await newDiary({
      record: {
        locationId: downtown.id,
        startTime: '14:05',
        provocation: { minutesAfter: 20, score: 2, activity: 'walking' },
      },
    });
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await openDiary(page, d.token);
    // 20 minutes fills the 15-minute point; the next is at 30 minutes: 14:35 on the clinic's clock.
    await page
      .getByRole('heading', { name: /^Next entry at 2:35\sPM \(30 minutes after your block\)$/ })
      .waitFor();
    await page.getByText(/^Your block started at 2:05\sPM\./).waitFor();
    expect(await page.getByLabel('How long after your block is this entry?').inputValue()).toBe('30');
    expect(await page.locator('option[value="60"]').textContent()).toMatch(/^3:05\sPM \(1 hour\)$/);
    expect(await page.locator('option[value="1440"]').textContent()).toMatch(
      /^\w+day,? 2:05\sPM \(24 hours\)$/,
    );
    expect(await tableRows(page)).toEqual([['20 min', '2', '75%']]);
    await page.getByText('recorded by the staff in the recovery area').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: /^1 / }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page
      .getByRole('heading', { name: /^Next entry at 3:05\sPM \(1 hour after your block\)$/ })
      .waitFor();
    expect(await serverEntries(d.procedureId)).toEqual([
      { minutesAfter: 20, score: 2, activity: 'walking', rescueMedication: null, source: 'staff' },
      { minutesAfter: 30, score: 1, activity: null, rescueMedication: null, source: 'patient' },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('is in Spanish for a Spanish speaker', async () => {
    const d = await newDiary();
    const { context, page } = await newPage(browser, app.baseUrl, PHONE, { locale: 'es-US' });
    await openDiary(page, d.token);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Diario del dolor');
    await page
      .getByRole('heading', { name: 'Próxima anotación: 15 minutos después de su bloqueo' })
      .waitFor();
    await page.getByText('Antes del bloqueo su dolor era 8 de 10.').waitFor();
    await page.getByRole('radio', { name: '10 — el peor dolor imaginable' }).waitFor();
    await page.getByRole('radio', { name: '0 — sin dolor' }).check();
    await page.getByRole('button', { name: 'Guardar anotación' }).click();
    await status(page).getByText('Guardado. Su anotación de 15 minutos llegó a la clínica.').waitFor();
    await page.getByRole('img', { name: /Su alivio a lo largo del tiempo/ }).waitFor();
    expect(await tableRows(page)).toEqual([['15 min', '0', '100%']]);
    await expect(page.getByRole('img').getAttribute('aria-label')).resolves.toBe(
      'Su alivio a lo largo del tiempo. Anotaciones: 1, hasta 15 min. Mayor alivio: 100 % (15 min); último: 100 %.',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
