/**
 * Follow-ups and the provisional interpretation in a real browser on the demo practice: the RFA's follow-up
 * form reached from the chart (messages in words beside their fields, completed with the keyboard), and a
 * block done today whose diary is open — provisional, no "Sign", closed by staff with a reason, then signed
 * with a note and an override kept beside the computed result. Every state passes axe at 1366 and 375 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newPage,
  PHONE,
  pageApi,
  pageErrors,
  type RunningApp,
  STAFF_EMAILS,
  signIn,
  startApp,
} from './harness.js';

const WIDE = { width: 1366, height: 860 } as const;

interface Procedure {
  id: string;
  kind: string;
  status: string;
  date: string;
  intent: string;
}

async function demoEpisode(page: Page, familyName: string) {
  const patient = (await pageApi<{ items: { id: string }[] }>(page, `/api/v1/patients?q=${familyName}`))
    .items[0]!;
  const episodeId = (
    await pageApi<{ items: { id: string }[] }>(page, `/api/v1/patients/${patient.id}/episodes`)
  ).items[0]!.id;
  const episode = await pageApi<{ procedures: Procedure[] }>(page, `/api/v1/episodes/${episodeId}`);
  return { patientId: patient.id, episodeId, procedures: episode.procedures };
}

describe('follow-ups and the provisional interpretation in the clinic', () => {
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

  for (const size of [WIDE, PHONE]) {
    it(`records an RFA follow-up from the chart with the keyboard (${size.width} px)`, async () => {
      const { context, page } = await newPage(browser, app.baseUrl, size);
      await signIn(page, STAFF_EMAILS.physician, app.password);
      const adams = await demoEpisode(page, 'Adams');
      const rfa = adams.procedures.find((p) => p.kind === 'rfa' && p.status === 'done')!;
      await page.goto(`/clinic/patients/${adams.patientId}`);
      await page.getByRole('link', { name: /^Follow-ups \(\d+ recorded\)/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Follow-up after the/ }).waitFor();
      if (size === WIDE) await page.getByText('No follow-up recorded yet.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Wrong values: messages in words beside their fields.
      await page.getByLabel('Pain now (NRS 0–10)').fill('11');
      await page.getByLabel('Function score (0–100, e.g. ODI)').fill('140');
      await page.getByLabel('Function score (0–100, e.g. ODI)').press('Enter');
      await page.getByText('Please correct the fields marked below.').waitFor();
      await page.getByText('pain is a whole number 0–10').waitFor();
      await page.getByText('the function score is a number 0–100').waitFor();
      await page.getByText('write the relief in %').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // The keyboard alone: type, Tab, Space for the radio, Enter to save.
      const date = new Date(Date.now() + 86_400_000 * 30).toISOString().slice(0, 10);
      await page.getByLabel('Date').fill(date);
      await page.getByLabel('Pain now (NRS 0–10)').fill('');
      await page.getByLabel('Pain now (NRS 0–10)').focus();
      await page.keyboard.type('3');
      await page.keyboard.press('Tab');
      await page.keyboard.type('70');
      await page.keyboard.press('Tab');
      await page.keyboard.type('60');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('22');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await page.getByText(/The follow-up of .* is saved/).waitFor();
      const row = page.getByRole('table', { name: 'Recorded follow-ups' }).getByRole('row').nth(1);
      expect(await row.textContent()).toContain('70 %');
      expect(await row.textContent()).toContain('able');
      const stored = await pageApi<{ followUps: { functionScore: number; ableToDoActivities: boolean }[] }>(
        page,
        `/api/v1/procedures/${rfa.id}`,
      );
      expect(stored.followUps).toContainEqual(
        expect.objectContaining({ functionScore: 22, ableToDoActivities: true }),
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }, 90_000);
  }

  it('keeps a block done today provisional, closes its diary with a reason, then signs with an override', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, WIDE);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    const carter = await demoEpisode(page, 'Carter');
    const b = carter.procedures.find((p) => p.intent === 'diagnostic')!;
    await page.goto(`/clinic/procedures/${b.id}`);
    await page.getByTestId('provisional').waitFor();
    expect(await page.getByTestId('provisional').textContent()).toMatch(/^Provisional — diary open until /);
    await page.getByRole('heading', { name: 'Result so far (provisional)' }).waitFor();
    expect(await page.getByRole('button', { name: /^Sign the interpretation/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Close the diary' }).click();
    await page.getByText('write the reason').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Reason to close the diary now').fill('The patient stopped after 30 minutes.');
    await page.getByRole('button', { name: 'Close the diary' }).click();
    await page.getByText('The diary is closed.').waitFor();
    expect(await page.getByTestId('provisional').count()).toBe(0);
    await page
      .getByTestId('diary-closed')
      .getByText(/The patient stopped after 30 minutes\./)
      .waitFor();

    const computed = (await pageApi<{ result: string }>(page, `/api/v1/procedures/${b.id}/interpretation`))
      .result;
    await page.getByLabel('Note (optional)').fill('Scores by phone.');
    await page.getByLabel('Your reading').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Sign the interpretation' }).click();
    await page.getByText('write the reason for the override').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Reason for the override').fill('The diary is too short to judge.');
    await page.getByRole('button', { name: 'Sign the interpretation' }).click();
    await page.getByText('Your signature is recorded on this block.').waitFor();
    const override = await page.getByTestId('override').textContent();
    expect(override).toContain('The decision still uses the computed result.');
    const after = await pageApi<{ result: string; override: { result: string } | null; signNote: string }>(
      page,
      `/api/v1/procedures/${b.id}/interpretation`,
    );
    expect(after.result).toBe(computed);
    expect(after.override?.result).not.toBe(computed);
    expect(after.signNote).toBe('Scores by phone.');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 90_000);
});
