/**
 * The chart's coverage section in a real browser on the demo practice: a coordinator changes a demo patient's
 * Medicare coverage to a commercial one (the server's 400 for a too-long member ID shows beside that field and
 * nothing else typed is lost; the API then answers the new coverage and the chart shows it, with the payer
 * policy it will be checked against); a patient who came from the website without a coverage gets one by
 * keyboard alone on a phone, filled in from their screening request, after which the episode's payer
 * evaluation no longer answers 422 for the missing coverage; an admin (no patients:write) sees no edit
 * control. Every state passes axe.
 */

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  DESKTOP,
  launchBrowser,
  newPage,
  PHONE,
  pageErrors,
  type RunningApp,
  STAFF_EMAILS,
  screenshot,
  signIn,
  startApp,
} from './harness.js';

interface Win {
  document: { activeElement: unknown; documentElement: { scrollWidth: number; clientWidth: number } };
  sessionStorage: { getItem(k: string): string | null };
}
interface Coverage {
  kind: string;
  state: string;
  payerName: string | null;
  memberId: string | null;
  policy: string | null;
  active: boolean;
}
interface Policies {
  policyByCoverage: Record<string, string>;
  catalog: { id: string; title: string; defaultFor: string[] }[];
}

/** Presses Tab until the element has the focus (at most 80 times): how a keyboard user gets there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === (globalThis as unknown as Win).document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const csrfOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Win).sessionStorage.getItem('facetpath.csrf') ?? '');

async function json<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  const res = await page.request.get(path);
  return { status: res.status(), body: (await res.json()) as T };
}

/** The policy the server would use for a coverage (its own, else the practice's choice, else the catalog
 * default for the kind), as the chart words it: "<title> (<why>)". */
function policyLine(p: Policies, kind: string, label: string): string {
  const chosen = p.policyByCoverage[kind];
  const id = chosen ?? p.catalog.find((c) => c.defaultFor.includes(kind))!.id;
  const why = chosen ? `the practice's policy for ${label}` : `the default for ${label}`;
  return `${p.catalog.find((c) => c.id === id)!.title} (${why})`;
}

describe('clinic: the chart records and changes the coverage', () => {
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

  it('a coordinator changes a demo patient from Medicare to commercial; the server’s error sits beside its field', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    const list = await json<{ items: { id: string; familyName: string }[] }>(
      page,
      '/api/v1/patients?q=López',
    );
    const patientId = list.body.items[0]!.id;
    const before = await json<Coverage>(page, `/api/v1/patients/${patientId}/coverage`);
    expect(before.body).toMatchObject({ kind: 'medicare', state: 'CA', policy: null });
    const policies = (await json<Policies>(page, '/api/v1/practice/policies')).body;

    await page.goto(`/clinic/patients/${patientId}`);
    await page.getByRole('heading', { level: 1, name: 'María López' }).waitFor();
    const section = page.getByRole('region', { name: 'Coverage' });
    await section.getByText(policyLine(policies, 'medicare', 'Medicare'), { exact: false }).waitFor();
    const now = await section.locator('dl').textContent();
    expect(now).toContain('KindMedicare');
    expect(now).toContain('StateCA');
    expect(now).toContain(`Payer checks use${policyLine(policies, 'medicare', 'Medicare')}`);
    expect(await axeViolations(page)).toEqual([]);

    await section.getByRole('button', { name: 'Change the coverage' }).click();
    const form = page.getByRole('form', { name: 'Record the coverage' });
    await form.waitFor();
    expect(await form.getByLabel('Coverage kind').inputValue()).toBe('medicare');
    expect(await form.getByLabel('State').inputValue()).toBe('CA');
    expect(await axeViolations(page)).toEqual([]);

    // A member ID longer than the server takes: its message beside the field; nothing typed is lost.
    await form.getByLabel('Coverage kind').selectOption('commercial');
    await form.getByLabel('Payer name').fill('Aetna');
    const tooLong = 'W'.repeat(61);
    await form.getByLabel('Member ID').fill(tooLong);
    await form.getByRole('button', { name: 'Save the coverage' }).click();
    const memberField = form.locator('.field-error');
    await memberField.waitFor();
    expect(await memberField.count()).toBe(1);
    expect(await memberField.locator('label').textContent()).toBe('Member ID');
    const message = (await memberField.locator('.error-text').textContent()) ?? '';
    expect(message).toMatch(/60/);
    expect(await form.getByLabel('Member ID').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').first().textContent()).toContain(`Member ID: ${message}`);
    expect(await form.getByLabel('Coverage kind').inputValue()).toBe('commercial');
    expect(await form.getByLabel('Payer name').inputValue()).toBe('Aetna');
    expect(await form.getByLabel('Member ID').inputValue()).toBe(tooLong);
    expect(await form.getByLabel('State').inputValue()).toBe('CA');
    expect((await json<Coverage>(page, `/api/v1/patients/${patientId}/coverage`)).body.kind).toBe('medicare');
    expect(await axeViolations(page)).toEqual([]);

    // Corrected and saved: the API answers the new coverage, the chart shows it and the policy it is checked under.
    await form.getByLabel('Member ID').fill('W123456789');
    await form.getByRole('button', { name: 'Save the coverage' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: 'Coverage saved: Commercial (CA) · Aetna · member W123456789.' })
      .waitFor();
    expect(await form.count()).toBe(0);
    const after = await json<Coverage>(page, `/api/v1/patients/${patientId}/coverage`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      kind: 'commercial',
      state: 'CA',
      payerName: 'Aetna',
      memberId: 'W123456789',
      policy: null,
      active: true,
    });
    expect(await page.locator('.chart-head').textContent()).toContain(
      'Commercial (CA) · Aetna · member W123456789',
    );
    const shown = await section.locator('dl').textContent();
    expect(shown).toContain('KindCommercial');
    expect(shown).toContain('PayerAetna');
    expect(shown).toContain('Member IDW123456789');
    expect(shown).toContain(`Payer checks use${policyLine(policies, 'commercial', 'Commercial')}`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-coverage-desktop');

    // It stays after a reload (it is the server's, not the page's).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'María López' }).waitFor();
    await page.getByRole('region', { name: 'Coverage' }).getByText('W123456789').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('a website patient without coverage gets one by keyboard on a phone, from the screening request; the evaluation then runs', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    const csrf = await csrfOf(page);
    const inbox = await json<{
      items: { id: string; contact: { familyName?: string }; insurance: Record<string, string> | null }[];
    }>(page, '/api/v1/requests?status=new');
    const baker = inbox.body.items.find((r) => r.contact.familyName === 'Baker')!;
    expect(baker.insurance).toEqual({ kind: 'medicare', payerName: 'Medicare Part B' });
    const accepted = await page.request.post(`/api/v1/requests/${baker.id}/accept`, {
      headers: { 'x-csrf-token': csrf },
      data: {},
    });
    expect(accepted.status()).toBe(200);
    const { patientId } = (await accepted.json()) as { patientId: string };
    expect((await page.request.get(`/api/v1/patients/${patientId}/coverage`)).status()).toBe(404);

    // An episode with a planned block (a physician plans it), evaluated before any coverage: 422.
    const ep = await page.request.post(`/api/v1/patients/${patientId}/episodes`, {
      headers: { 'x-csrf-token': csrf },
      data: { region: 'lumbar', complaint: {} },
    });
    expect(ep.status()).toBe(201);
    const episodeId = ((await ep.json()) as { id: string }).id;
    const doc = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(doc.page, STAFF_EMAILS.physician, app.password);
    const planned = await doc.page.request.post(`/api/v1/episodes/${episodeId}/procedures`, {
      headers: { 'x-csrf-token': await csrfOf(doc.page) },
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
    await doc.context.close();
    const evaluation = `/api/v1/episodes/${episodeId}/evaluation?proposed=${proposed}`;
    const missing = await json<{ error: { issues: { path: string; message: string }[] } }>(page, evaluation);
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues).toEqual([{ path: 'coverage', message: 'no active coverage' }]);

    // The chart: no coverage yet; the form offers the screening request's insurance. Keyboard only.
    await page.goto(`/clinic/patients/${patientId}`);
    await page.getByRole('heading', { level: 1, name: 'Henry Baker' }).waitFor();
    const section = page.getByRole('region', { name: 'Coverage' });
    await section.getByText('No coverage on file.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const toggle = section.getByRole('button', { name: 'Record the coverage' });
    await tabTo(page, toggle);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Record the coverage' });
    await form.waitFor();
    expect(await form.textContent()).toContain(
      'On the screening request from the website the patient gave: Medicare · Medicare Part B.',
    );
    expect(await form.getByLabel('Coverage kind').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, form.getByRole('button', { name: 'Fill in from the screening request' }));
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: 'Filled in from the screening request.' }).waitFor();
    expect(await form.getByLabel('Coverage kind').inputValue()).toBe('medicare');
    expect(await form.getByLabel('Payer name').inputValue()).toBe('Medicare Part B');
    expect(await form.getByLabel('State').inputValue()).toBe('CA'); // the practice's locations are in CA
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, form.getByLabel('Member ID'));
    await page.keyboard.type('1EG4-TE5-MK73');
    await tabTo(page, form.getByRole('button', { name: 'Save the coverage' }));
    await page.keyboard.press('Enter');
    await section
      .getByRole('status')
      .filter({ hasText: 'Coverage saved: Medicare (CA) · Medicare Part B · member 1EG4-TE5-MK73.' })
      .waitFor();
    // The focus goes back to the button that opened the form, now "Change the coverage".
    expect(
      await section
        .getByRole('button', { name: 'Change the coverage' })
        .evaluate((el) => el === (globalThis as unknown as Win).document.activeElement),
    ).toBe(true);
    expect(
      await page.evaluate(() => {
        const d = (globalThis as unknown as Win).document.documentElement;
        return d.scrollWidth <= d.clientWidth;
      }),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-coverage-phone');

    const saved = await json<Coverage>(page, `/api/v1/patients/${patientId}/coverage`);
    expect(saved.body).toMatchObject({
      kind: 'medicare',
      state: 'CA',
      payerName: 'Medicare Part B',
      memberId: '1EG4-TE5-MK73',
    });
    const ran = await json<{ verdict: string; criteria: unknown[]; policy: { id: string; title: string } }>(
      page,
      evaluation,
    );
    expect(ran.status).toBe(200);
    // The policy the chart said the checks would use is the one the evaluation used.
    expect(await section.locator('dl').textContent()).toContain(`Payer checks use${ran.body.policy.title} (`);
    expect(['eligible', 'not-eligible', 'needs-information']).toContain(ran.body.verdict);
    expect(ran.body.criteria.length).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('an admin (no patients:write) gets no edit control, and the API refuses the change', async () => {
    const coord = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(coord.page, STAFF_EMAILS.coordinator, app.password);
    const list = await json<{ items: { id: string }[] }>(coord.page, '/api/v1/patients?q=Carter');
    const patientId = list.body.items[0]!.id;
    await coord.context.close();

    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.admin, app.password);
    await page.goto(`/clinic/patients/${patientId}`);
    await page.getByRole('heading', { level: 1, name: 'Patient chart' }).waitFor();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('button', { name: /coverage/i }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Record the coverage' }).count()).toBe(0);
    expect(await page.getByLabel('Coverage kind').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const put = await page.request.put(`/api/v1/patients/${patientId}/coverage`, {
      headers: { 'x-csrf-token': await csrfOf(page) },
      data: { kind: 'self-pay', state: 'CA' },
    });
    expect(put.status()).toBe(403);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
