/**
 * "Would you recommend us?" in the browser at phone width (375 px): a patient answers in English, in
 * Spanish, and once by keyboard alone; the answer from a diary link is linked to the visit, and a link that
 * is not valid is refused beside its checkbox with nothing typed lost. axe-core finds nothing in the empty,
 * error and thank-you states. Every outcome is checked in the database.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiaryLink } from '../../src/app/diary-links/create-diary-link.js';
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
  startApp,
} from './harness.js';

interface Row {
  score: number;
  comment: string | null;
  language: string;
  location_id: string | null;
  procedure_id: string | null;
}

describe('the feedback page', () => {
  let app: RunningApp;
  let browser: Browser;
  let locations: { id: string; name: string }[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    locations = await app.database.query<{ id: string; name: string }>(
      `SELECT l.id, l.name FROM locations l JOIN practices p ON p.id = l.practice_id
        WHERE p.slug = 'demo' AND l.active ORDER BY l.name`,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const stored = (comment: string) =>
    app.database.query<Row>(
      'SELECT score, comment, language, location_id, procedure_id FROM feedback WHERE comment = $1',
      [comment],
    );
  it('lets a patient answer in English on a phone; a missing score is shown beside the question', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/p/demo/feedback');
    await page.getByRole('heading', { level: 1, name: 'Would you recommend us?' }).waitFor();
    const clinic = page.getByLabel('Which clinic did you visit? (optional)');
    await clinic.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'patient-feedback-phone');

    // Sent without a score: the error stands beside the question and in a summary; the comment stays.
    const comment = `The nurse explained every step ${randomUUID().slice(0, 8)}`;
    await page.getByLabel('Anything you would like to tell us? (optional)').fill(comment);
    await page.getByRole('button', { name: 'Send my answer' }).click();
    const group = page.getByRole('group', {
      name: 'How likely are you to recommend us to a friend or family member?',
    });
    const missing = 'Please choose a number from 0 to 10 before sending.';
    await group.locator('#fb-score-error').getByText(missing).waitFor();
    await page.getByRole('alert').getByRole('link', { name: missing }).click(); // the summary leads to the scale
    expect(await page.locator(':focus').getAttribute('id')).toBe('fb-score-0');
    expect(await page.getByLabel('Anything you would like to tell us? (optional)').inputValue()).toBe(
      comment,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'patient-feedback-errors-phone');

    await page.getByRole('radio', { name: '0 — not at all likely' }).waitFor();
    await page.getByRole('radio', { name: '10 — extremely likely' }).waitFor();
    await page.getByRole('radio', { name: '9', exact: true }).check();
    await clinic.selectOption({ label: locations[1]!.name });
    await page.getByRole('button', { name: 'Send my answer' }).click();
    const thanks = page.getByRole('status').filter({ hasText: 'Thank you!' });
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain('You answered 9 out of 10.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'patient-feedback-thanks-phone');
    expect(await stored(comment)).toEqual([
      { score: 9, comment, language: 'en', location_id: locations[1]!.id, procedure_id: null },
    ]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('speaks Spanish to a Spanish-speaking patient, end to end', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE, { locale: 'es-US' });
    await page.goto('/p/demo/feedback');
    await page.getByRole('heading', { level: 1, name: '¿Nos recomendaría?' }).waitFor();
    await page.getByRole('radio', { name: '0 — nada probable' }).waitFor();
    await page.getByRole('radio', { name: '10 — muy probable' }).waitFor();
    const comment = `Mucho tiempo de espera ${randomUUID().slice(0, 8)}`;
    await page.getByRole('radio', { name: '3', exact: true }).check();
    await page.getByLabel('¿Hay algo que quiera decirnos? (opcional)').fill(comment);
    await page.getByLabel('¿Qué clínica visitó? (opcional)').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enviar mi respuesta' }).click();
    const thanks = page.getByRole('status').filter({ hasText: '¡Gracias!' });
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain('Usted respondió 3 de 10.');
    expect(await axeViolations(page)).toEqual([]);
    expect(await stored(comment)).toEqual([
      { score: 3, comment, language: 'es', location_id: null, procedure_id: null },
    ]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('works by keyboard alone: Tab to the scale, arrow keys to the score, Enter to send', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/p/demo/feedback');
    await page.getByLabel('Which clinic did you visit? (optional)').waitFor();
    await page.keyboard.press('Tab'); // from the page's heading (focused on arrival) to the scale
    expect(await page.locator(':focus').getAttribute('id')).toBe('fb-score-0');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator(':focus').getAttribute('id')).toBe('fb-score-8');
    expect(await page.getByRole('radio', { name: '8', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('id')).toBe('fb-comment');
    const comment = `Typed without a mouse ${randomUUID().slice(0, 8)}`;
    await page.keyboard.type(comment);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('id')).toBe('fb-location');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Send my answer');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Thank you!' }).waitFor();
    expect(await page.locator(':focus').textContent()).toBe('Thank you!');
    expect(await stored(comment)).toEqual([
      { score: 8, comment, language: 'en', location_id: null, procedure_id: null },
    ]);
    await context.close();
  }, 120_000);

  it("links an answer from the patient's diary link to the visit, and refuses a link that is not valid", async () => {
    const [procedure] = await app.database.query<{ id: string; practice_id: string }>(
      `SELECT pr.id, pr.practice_id FROM procedures pr JOIN practices p ON p.id = pr.practice_id
        WHERE p.slug = 'demo' AND pr.kind = 'mbb' AND pr.intent = 'diagnostic' AND pr.status <> 'cancelled'
        ORDER BY pr.date DESC LIMIT 1`,
    );
    const [coordinator] = await app.database.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      STAFF_EMAILS.coordinator,
    ]);
    const { token } = await createDiaryLink(
      app.svc,
      {
        actor: {
          kind: 'user',
          userId: coordinator!.id,
          practiceId: procedure!.practice_id,
          role: 'coordinator',
        },
        requestId: randomUUID(),
        now: new Date(),
      },
      procedure!.id,
      { expiresInHours: 24 },
    );
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);

    await page.goto(`/p/demo/feedback?from=${token}`);
    const linked = page.getByLabel('Link my answer to my visit');
    await linked.waitFor();
    expect(await linked.isChecked()).toBe(true);
    const comment = `Glad I kept the diary ${randomUUID().slice(0, 8)}`;
    await page.getByRole('radio', { name: '10 — extremely likely' }).check();
    await page.getByLabel('Anything you would like to tell us? (optional)').fill(comment);
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you!' }).waitFor();
    expect(await stored(comment)).toEqual([
      { score: 10, comment, language: 'en', location_id: null, procedure_id: procedure!.id },
    ]);

    // A made-up link: refused beside the checkbox; everything typed stays; unticked, it is sent anonymously.
    await page.goto('/p/demo/feedback?from=not-a-real-link');
    const other = `Sent without the link ${randomUUID().slice(0, 8)}`;
    await page.getByRole('radio', { name: '6', exact: true }).check();
    await page.getByLabel('Anything you would like to tell us? (optional)').fill(other);
    await page.getByRole('button', { name: 'Send my answer' }).click();
    const error =
      'This diary link is not valid. Untick "Link my answer to my visit" to send it without the link.';
    await page.locator('#fb-linked-error').getByText(error).waitFor();
    expect(await page.getByRole('radio', { name: '6', exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Anything you would like to tell us? (optional)').inputValue()).toBe(other);
    expect(await axeViolations(page)).toEqual([]);
    expect(await stored(other)).toEqual([]);
    await page.getByLabel('Link my answer to my visit').uncheck();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you!' }).waitFor();
    expect(await stored(other)).toEqual([
      { score: 6, comment: other, language: 'en', location_id: null, procedure_id: null },
    ]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('fits a desktop window too', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await page.goto('/p/demo/feedback');
    await page.getByLabel('Which clinic did you visit? (optional)').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'patient-feedback-desktop');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
