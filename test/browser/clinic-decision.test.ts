/**
 * The physician's journey from a block's interpretation to the payer decision and its packet, in a real
 * browser on the demo practice: the diary curve with its labelled threshold, the peak relief as the API
 * computes it, the sign-off, the decision for RFA with every criterion and its source and the earliest
 * date, the PDF downloaded through the page and read with pdftotext; and an episode whose block was
 * negative, where the panel plans an RFA and says what stands in the way and how to fix it. Every page and
 * state passes axe; the values checked are the API's own answers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, squash } from '../support/pdf-text.js';
import {
  axeViolations,
  DESKTOP,
  launchBrowser,
  newPage,
  noHorizontalScroll,
  PHONE,
  pageApi,
  pageErrors,
  type RunningApp,
  STAFF_EMAILS,
  screenshot,
  signIn,
  startApp,
} from './harness.js';

interface Procedure {
  id: string;
  kind: string;
  intent: string;
  status: string;
  date: string;
}
interface Interpretation {
  result: string;
  peakReliefPercent: number | null;
  durationMinutes: number;
  threshold: number;
  thresholdInclusive: boolean;
  interpretedAt: string | null;
  interpretedByName: string | null;
  agentWindow: { fromMinutes: number; toMinutes: number } | null;
  agent: string | null;
  reasons: string[];
}
interface Evaluation {
  verdict: 'eligible' | 'not-eligible' | 'needs-information';
  criteria: { rule: string; title: string; status: string; source: string; reason?: string }[];
  coding: { code: string; modifiers: string[] }[];
  blocks: { id: string; peakReliefPercent: number | null }[];
  next: { action: string; earliestDate: string | null }[];
  proposed: { date: string };
}

const VERDICT = {
  eligible: 'Eligible',
  'not-eligible': 'Not eligible',
  'needs-information': 'Needs information',
};

/** The demo patient's only episode and its procedures, in date order. */
async function demoEpisode(page: Page, familyName: string) {
  const patient = (
    await pageApi<{ items: { id: string; givenName: string; familyName: string }[] }>(
      page,
      `/api/v1/patients?q=${familyName}`,
    )
  ).items[0]!;
  const episodeId = (
    await pageApi<{ items: { id: string }[] }>(page, `/api/v1/patients/${patient.id}/episodes`)
  ).items[0]!.id;
  const episode = await pageApi<{ procedures: Procedure[] }>(page, `/api/v1/episodes/${episodeId}`);
  const procedures = [...episode.procedures].sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    name: `${patient.givenName} ${patient.familyName}`,
    episodeId,
    blocks: procedures.filter((p) => p.intent === 'diagnostic' && p.status === 'done'),
    planned: procedures.filter((p) => p.status === 'planned'),
  };
}

const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

describe('interpretation, decision and packet in the clinic', () => {
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

  it('reads block 1, signs it, decides RFA after two positive blocks and downloads the packet', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    const wilson = await demoEpisode(page, 'Wilson');
    expect(wilson.blocks).toHaveLength(2);
    expect(wilson.planned).toHaveLength(1);
    const [first, second] = wilson.blocks as [Procedure, Procedure];
    const before = await pageApi<Interpretation>(page, `/api/v1/procedures/${first.id}/interpretation`);
    expect(before.result).toBe('positive');

    // The interpretation of block 1: the curve, the labelled threshold line, the API's numbers.
    await page.goto(`/clinic/procedures/${first.id}`);
    await page.getByRole('heading', { level: 1, name: /^Interpretation: medial branch block of/ }).waitFor();
    const chart = page.getByRole('img', { name: /Relief over time after the block/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain(
      `Threshold ${before.thresholdInclusive ? '≥' : '>'} ${before.threshold} %`,
    );
    expect(await chart.locator('polyline').count()).toBe(1);
    expect(await chart.locator('circle').count()).toBeGreaterThanOrEqual(2);
    expect((await page.getByTestId('threshold-line').textContent())?.trim()).toBe(
      `Threshold ${before.thresholdInclusive ? '≥' : '>'} ${before.threshold} %`,
    );
    expect(await page.locator('.agent-window text').textContent()).toBe(
      `${before.agent} expected ${before.agentWindow!.fromMinutes}–${before.agentWindow!.toMinutes} min`,
    );
    expect((await page.getByTestId('peak-relief').textContent())?.trim()).toBe(
      `${Math.round(before.peakReliefPercent!)} %`,
    );
    expect(await page.getByTestId('result-badge').textContent()).toBe('Positive');
    await page.getByRole('table', { name: 'Diary entries and relief' }).waitFor();
    await page.getByTestId('comparison').getByText('Concordant').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-interpretation-desktop');

    // The physician signs: the page shows who and when, and the block carries the new signature.
    await page.getByRole('button', { name: /^Sign the interpretation/ }).click();
    await page.getByText('Your signature is recorded on this block.').waitFor();
    const after = await pageApi<Interpretation>(page, `/api/v1/procedures/${first.id}/interpretation`);
    expect(after.interpretedByName).toBe('Dr. Sofia Rivera (demo)');
    expect(after.interpretedAt! > before.interpretedAt!).toBe(true);
    expect(await page.getByTestId('signed').textContent()).toMatch(
      /^Signed by Dr\. Sofia Rivera \(demo\) on /,
    );
    expect(await axeViolations(page)).toEqual([]);

    // The decision panel for the planned RFA.
    await page.getByRole('link', { name: 'Open the decision panel for this episode' }).click();
    await page.getByRole('heading', { level: 1, name: `Decision for ${wilson.name}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const radio = page.getByRole('radio', { name: /^Radiofrequency ablation on/ });
    expect(await radio.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Run the decision' }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    const evaluation = await pageApi<Evaluation>(
      page,
      `/api/v1/episodes/${wilson.episodeId}/evaluation?proposed=${wilson.planned[0]!.id}`,
    );
    expect(evaluation.verdict).toBe('eligible');
    expect(await verdict.getByText(`Verdict: ${VERDICT[evaluation.verdict]}`).count()).toBe(1);
    expect(await page.getByTestId('earliest').textContent()).toBe(
      `Earliest allowed date: ${formatDate(evaluation.proposed.date)} (the planned date)`,
    );
    const rows = page.getByTestId('criteria').locator('tbody tr');
    expect(await rows.count()).toBe(evaluation.criteria.length);
    for (const [k, c] of evaluation.criteria.entries()) {
      const row = rows.nth(k);
      expect(await row.locator('td').nth(1).textContent()).toContain(`Rule ${c.rule}: ${c.title}`);
      expect(await row.locator('td').nth(3).textContent()).toBe(c.source);
    }
    expect(
      await page.getByTestId('coding').locator('tbody tr').first().locator('td').first().textContent(),
    ).toBe(evaluation.coding[0]!.code);
    expect(new URL(page.url()).searchParams.get('proposed')).toBe(wilson.planned[0]!.id);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-decision-desktop');

    // The packet, downloaded through the page, read back with pdftotext.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download medical-necessity packet (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^medical-necessity-rfa-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/,
    );
    const file = await download.path();
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(pdfText(pdf));
    expect(text).toContain(wilson.name);
    const secondReading = await pageApi<Interpretation>(
      page,
      `/api/v1/procedures/${second.id}/interpretation`,
    );
    for (const i of [after, secondReading])
      expect(text).toContain(`Peak relief ${Math.round(i.peakReliefPercent!)} %`);
    expect(text).toContain(evaluation.coding[0]!.code);
    expect(text).toContain('Verdict ELIGIBLE');
    if (process.env.FACETPATH_SCREENSHOTS === '1') {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        file,
        'docs/screenshots/packet-page1',
      ]);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('plans an RFA after a negative block and shows what stands in the way and how to fix it', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    const kim = await demoEpisode(page, 'Kim');
    expect(kim.planned).toHaveLength(0);
    const block = kim.blocks[0]!;
    const reading = await pageApi<Interpretation>(page, `/api/v1/procedures/${block.id}/interpretation`);
    expect(reading.result).toBe('negative');

    // The negative block in plain words.
    await page.goto(`/clinic/procedures/${block.id}`);
    await page.getByRole('heading', { level: 3, name: 'Why it is not positive' }).waitFor();
    expect(await page.getByTestId('result-badge').textContent()).toBe('Negative');
    expect(await page.getByText(`(${reading.reasons[0]})`).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // No planned procedure: the panel offers to plan one at the block's joints.
    await page.goto(`/clinic/episodes/${kim.episodeId}/decision`);
    await page.getByRole('heading', { level: 2, name: 'Plan the procedure to decide on' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A date the server refuses is named beside the field, and nothing chosen is lost.
    await page.getByLabel('Planned date').fill('');
    await page.getByRole('button', { name: 'Plan it and run the decision' }).click();
    await page.locator('.field-error').getByText(/date/i).first().waitFor();
    expect(await page.getByRole('radio', { name: 'Radiofrequency ablation (RFA)' }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByLabel('Planned date')
      .fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    // By keyboard: from the date field, Tab through the form to the button and press Enter.
    await page.getByLabel('Planned date').focus();
    const focusedText = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document
            .activeElement?.textContent ?? '',
      );
    for (let k = 0; k < 12 && (await focusedText()) !== 'Plan it and run the decision'; k++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedText()).toBe('Plan it and run the decision');
    await page.keyboard.press('Enter');
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    const planned = (await demoEpisode(page, 'Kim')).planned;
    expect(planned).toHaveLength(1);
    const evaluation = await pageApi<Evaluation>(
      page,
      `/api/v1/episodes/${kim.episodeId}/evaluation?proposed=${planned[0]!.id}`,
    );
    expect(evaluation.verdict).not.toBe('eligible');
    expect(await verdict.getByText(`Verdict: ${VERDICT[evaluation.verdict]}`).count()).toBe(1);
    const missing = page.getByTestId('missing');
    const open = evaluation.criteria.filter((c) => c.status !== 'met' && c.reason);
    expect(open.length).toBeGreaterThan(0);
    for (const c of open) {
      expect(await missing.getByText(`Rule ${c.rule}: ${c.title}`).count()).toBe(1);
      expect(await missing.getByText(`(${c.reason})`).first().isVisible()).toBe(true);
    }
    expect(await missing.getByText('How to fix it:').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('earliest').textContent()).toMatch(/^Earliest allowed date: /);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('fits a phone: interpretation and decision without horizontal scrolling; a coordinator cannot sign', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    const brooks = await demoEpisode(page, 'Brooks');
    await page.goto(`/clinic/procedures/${brooks.blocks[1]!.id}`);
    await page.getByRole('img', { name: /Relief over time after the block/ }).waitFor();
    await page.getByText('Only a physician can sign the interpretation.').waitFor();
    expect(await page.getByRole('button', { name: /^Sign the interpretation/ }).count()).toBe(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-interpretation-phone');

    const wilson = await demoEpisode(page, 'Wilson');
    await page.goto(`/clinic/episodes/${wilson.episodeId}/decision?proposed=${wilson.planned[0]!.id}`);
    await page.getByTestId('verdict').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-decision-phone');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 90_000);
});
