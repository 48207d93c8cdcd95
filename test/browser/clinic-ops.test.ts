/**
 * The clinic's operations pages in a real browser on the demo practice: the coordinator's worklist per
 * location, screening requests accepted and declined, booking on the schedule (and a double booking refused),
 * the admin's locations, payer policies and a patient's access history, and who sees Admin at all. Every
 * page and state visited passes axe; the outcomes are checked through the API, not only on the page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocation } from '../../src/app/admin/locations.js';
import { signIn as signInUseCase } from '../../src/app/auth/sign-in.js';
import {
  axeViolations,
  DESKTOP,
  launchBrowser,
  newPage,
  PHONE,
  pageApi,
  pageErrors,
  type RunningApp,
  STAFF_EMAILS,
  screenshot,
  scrollWidth,
  signIn,
  startApp,
} from './harness.js';

interface WorklistItem {
  patientId: string;
  patientName: string;
  locationId: string | null;
  kind: string;
  dueDate: string;
  reason: string;
}
interface Loc {
  id: string;
  name: string;
}

/** Presses Tab until the focused element is the one wanted (keyboard only; fails after `max` presses). */
async function tabTo(
  page: Page,
  want: (el: { tag: string; label: string; text: string }) => boolean,
  max = 120,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // A string, run in the page (this file is typechecked without the DOM library).
    const el = (await page.evaluate(`(() => {
      const a = document.activeElement;
      if (!a) return { tag: '', label: '', text: '' };
      const label = a.id ? (document.querySelector('label[for="' + a.id + '"]')?.textContent ?? '') : '';
      return { tag: a.tagName.toLowerCase(), label: label.trim(), text: (a.textContent ?? '').trim() };
    })()`)) as { tag: string; label: string; text: string };
    if (want(el)) return;
  }
  throw new Error('the element was not reached with Tab');
}

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('the clinic operations pages', () => {
  let app: RunningApp;
  let browser: Browser;
  let locations: Loc[];
  const downtown = () => locations.find((l) => l.name === 'Downtown Spine Center')!;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  }, 120_000);

  it('shows the coordinator the worklist of a location: what is due, why, and a link to act', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    locations = (await pageApi<{ items: Loc[] }>(page, '/api/v1/locations')).items;
    const loc = downtown();
    await page.getByRole('table').waitFor();
    // All locations: the demo's Aisha Khan (Northside), whose block of 3 days ago awaits interpretation
    // since the day after it, is overdue — said in words, not by colour only.
    const all = await pageApi<{ items: WorklistItem[]; until: string }>(page, '/api/v1/worklist?limit=200');
    const khan = all.items.find(
      (i) => i.patientName === 'Aisha Khan' && i.kind === 'awaiting-interpretation',
    )!;
    const late = (Date.parse(all.until) - Date.parse(khan.dueDate)) / 86_400_000;
    expect(late).toBeGreaterThan(0);
    const khanRow = page.getByRole('row').filter({ hasText: 'Aisha Khan' });
    await khanRow.getByText(`Overdue by ${late} ${late === 1 ? 'day' : 'days'}`).waitFor();
    await khanRow.getByText(khan.reason).waitFor();
    await khanRow.getByText('Northside Clinic').waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(all.items.length);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Location').selectOption({ label: loc.name });
    const expected = (
      await pageApi<{ items: WorklistItem[] }>(page, `/api/v1/worklist?locationId=${loc.id}&limit=200`)
    ).items;
    // The demo's Robert Nguyen (Downtown): a positive first block 20 days ago, confirmatory block due.
    await page
      .getByRole('status')
      .filter({ hasText: `${expected.length} items at ${loc.name}, due by` })
      .waitFor();
    const nguyen = expected.find(
      (i) => i.patientName === 'Robert Nguyen' && i.kind === 'schedule-confirmatory-block',
    )!;
    expect(nguyen.reason).toContain(
      'was positive; medicare-lcd-facet needs another positive block before RFA',
    );
    const row = page.getByRole('row').filter({ hasText: 'Robert Nguyen' });
    await row.getByText(nguyen.reason).waitFor();
    await expect(row.getByText('Schedule the confirmatory block').count()).resolves.toBe(1);
    await expect(
      row.getByRole('link', { name: 'Plan the confirmatory block for Robert Nguyen' }).getAttribute('href'),
    ).resolves.toMatch(/^\/clinic\/episodes\/[0-9a-f-]{36}\/decision$/);
    await expect(
      row.getByRole('link', { name: 'Robert Nguyen', exact: true }).getAttribute('href'),
    ).resolves.toBe(`/clinic/patients/${nguyen.patientId}`);
    // Every item of the location is listed, and only those (Aisha Khan is treated at Northside).
    await expect(page.locator('tbody tr').count()).resolves.toBe(expected.length);
    expect(expected.some((i) => i.patientName === 'Aisha Khan')).toBe(false);
    await expect(page.getByText('Aisha Khan').count()).resolves.toBe(0);
    // Overdue items say so in words.
    const today = (await pageApi<{ until: string }>(page, '/api/v1/worklist?limit=1')).until;
    const overdue = expected.filter((i) => i.dueDate < today).length;
    await expect(page.getByText(/^Overdue by \d+ days?$/).count()).resolves.toBe(overdue);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-worklist-desktop');

    // Filter by kind, with counts.
    const missing = expected.filter((i) => i.kind === 'missing-information');
    await page.getByRole('button', { name: `Missing information (${missing.length})` }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `${missing.length} item${missing.length === 1 ? '' : 's'} of kind “Missing information”`,
      })
      .waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(missing.length);
    // The server's reason with its machine code put into words: "rule 6 (BASELINE_MISSING)".
    const lopez = missing.find((i) => i.patientName === 'María López')!;
    expect(lopez.reason).toContain('(BASELINE_MISSING)');
    await page
      .getByRole('row')
      .filter({ hasText: 'María López' })
      .getByText(lopez.reason.replace('(BASELINE_MISSING)', '(baseline missing)'))
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The location is remembered.
    await page.reload();
    await page.getByRole('table').waitFor();
    await expect(page.getByLabel('Location').inputValue()).resolves.toBe(loc.id);

    // A location with no patients yet (opened by the practice's admin): the empty state.
    const [adminRow] = await app.database.query<{ id: string; practice_id: string }>(
      'SELECT id, practice_id FROM users WHERE email = $1',
      [STAFF_EMAILS.admin],
    );
    await createLocation(
      app.svc,
      {
        actor: { kind: 'user', userId: adminRow!.id, practiceId: adminRow!.practice_id, role: 'admin' },
        requestId: 'clinic-ops-test',
        now: new Date(),
      },
      {
        name: 'Quiet Valley Clinic',
        address: '9 Valley Rd, Napa, CA 94558',
        phone: '+1 707 555 0100',
        state: 'CA',
        rooms: [],
        active: true,
      },
    );
    await page.reload();
    await page.getByLabel('Location').selectOption({ label: 'Quiet Valley Clinic' });
    await page.getByRole('heading', { name: 'Nothing due' }).waitFor();
    await page.getByText(/^Nothing is due at Quiet Valley Clinic by /).waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets the coordinator accept one public request (creating the patient and appointment) and decline another', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    const henry = page.getByRole('article', { name: 'Henry Baker' });
    await henry.waitFor();
    await henry.getByText('Likely candidate for a facet work-up').waitFor();
    await henry.getByText('Fits: worse with movement').waitFor();
    await henry.getByText('Medicare · Medicare Part B').waitFor();
    const lucia = page.getByRole('article', { name: 'Lucía Fernández' });
    await lucia.getByText('Prefers Spanish').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-requests-desktop');

    // Accept Henry Baker with a first appointment at the location he chose.
    const day = addDays(new Date().toISOString().slice(0, 10), 3);
    await henry.getByRole('button', { name: "Accept Henry Baker's request" }).click();
    const form = page.getByRole('form', { name: "Accept Henry Baker's request" });
    await form.getByLabel('Book the first appointment now').check();
    await form.getByLabel('Room').selectOption('Consult A');
    await form.getByLabel('Physician').selectOption({ label: 'Dr. Martin Chen (demo)' });
    await form.getByLabel('Date', { exact: true }).fill(day);
    await form.getByLabel('Start time').fill('10:00');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Accept and create the patient' }).click();
    const done = page.getByRole('status').filter({ hasText: "Accepted Henry Baker's request" });
    await done.waitFor();
    const chart = done.getByRole('link', { name: "Open Henry Baker's chart" });
    const patientId = (await chart.getAttribute('href'))!.split('/').pop()!;
    await done.getByText('First appointment booked on').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Through the API: the request is accepted, the patient exists, the appointment is booked.
    const accepted = await pageApi<{ items: { contact: { familyName: string }; patientId: string }[] }>(
      page,
      '/api/v1/requests?status=accepted',
    );
    expect(accepted.items.find((r) => r.contact.familyName === 'Baker')?.patientId).toBe(patientId);
    const patient = await pageApi<{ givenName: string; familyName: string; birthDate: string }>(
      page,
      `/api/v1/patients/${patientId}`,
    );
    expect(patient).toMatchObject({ givenName: 'Henry', familyName: 'Baker', birthDate: '1960-10-10' });
    const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const appts = await pageApi<{
      items: { patientId: string; room: string; purpose: string; locationId: string }[];
    }>(page, `/api/v1/appointments?date=${day}&tz=${encodeURIComponent(tz)}`);
    expect(appts.items.filter((a) => a.patientId === patientId)).toEqual([
      expect.objectContaining({ room: 'Consult A', purpose: 'consult', locationId: downtown().id }),
    ]);
    await page.getByRole('article', { name: 'Henry Baker' }).waitFor({ state: 'detached' });

    // Lucía Fernández gave no date of birth: accepting without one is refused beside the field.
    await page
      .getByRole('article', { name: 'Lucía Fernández' })
      .getByRole('button', { name: "Accept Lucía Fernández's request" })
      .click();
    const luciaForm = page.getByRole('form', { name: "Accept Lucía Fernández's request" });
    await luciaForm.getByText('Required: the request did not give one').waitFor();
    await luciaForm.getByRole('button', { name: 'Accept and create the patient' }).click();
    const birth = luciaForm.getByLabel('Date of birth');
    await expect(birth.getAttribute('aria-invalid')).resolves.toBe('true');
    await luciaForm.locator('.field-error').getByText('required to create the patient').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(
      (
        await pageApi<{ items: { contact: { familyName: string } }[] }>(page, '/api/v1/requests?status=new')
      ).items.map((r) => r.contact.familyName),
    ).toEqual(['Fernández']);
    await luciaForm.getByRole('button', { name: 'Not now' }).click();

    // Decline Lucía Fernández with a reason, with the keyboard only.
    await tabTo(
      page,
      (el) => el.tag === 'button' && el.text.startsWith('Decline') && el.text.includes('Lucía'),
    );
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: "Decline Lucía Fernández's request" }).waitFor();
    // An empty reason is refused beside the field.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Decline request');
    await page.keyboard.press('Enter');
    await page.getByText('Give the reason for declining (the patient may ask).').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (el) => el.tag === 'textarea' && el.label.startsWith('Reason for declining'));
    const reason = 'Neck pain for under 6 months: her primary care physician should see her first.';
    await page.keyboard.type(reason);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Decline request');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: "Declined Lucía Fernández's request" }).waitFor();
    const declined = await pageApi<{ items: { contact: { familyName: string }; declineReason: string }[] }>(
      page,
      '/api/v1/requests?status=declined',
    );
    expect(declined.items.find((r) => r.contact.familyName === 'Fernández')?.declineReason).toBe(reason);
    await page.getByRole('status').filter({ hasText: 'No new requests.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The decided ones stay findable.
    await page.getByLabel('Show').selectOption('accepted');
    await page
      .getByRole('article', { name: 'Henry Baker' })
      .getByRole('link', { name: "Open Henry Baker's chart" })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('books an appointment on the schedule and refuses a double booking with a clear message', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    await page.getByLabel('Location').first().selectOption({ label: 'Downtown Spine Center' });
    // Today at Downtown: the demo's James Carter, block done.
    await page.getByRole('row').filter({ hasText: 'Carter, James' }).getByText('Done').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-schedule-desktop');
    await page.getByRole('button', { name: 'Next day' }).click();
    await page.getByRole('button', { name: 'Previous day' }).click();
    await page.getByRole('row').filter({ hasText: 'Carter, James' }).waitFor();

    const day = addDays(new Date().toISOString().slice(0, 10), 2);
    const form = page.getByRole('form', { name: 'Book an appointment' });
    const book = async (search: string, choose: string) => {
      await form.getByLabel('Find the patient').fill(search);
      await form.getByRole('button', { name: 'Search patients' }).click();
      await form.getByLabel(new RegExp(`^${choose}`)).check();
      await form.getByLabel('Room').selectOption('C-arm 1');
      await form.getByLabel('Physician').selectOption({ label: 'Dr. Sofia Rivera (demo)' });
      await form.getByLabel('Date').fill(day);
      await form.getByLabel('Start time').fill('11:00');
      await form.getByLabel('Duration (minutes)').fill('30');
      await form.getByLabel('Type').selectOption({ label: 'Medial branch block' });
      await form.getByRole('button', { name: 'Book appointment' }).click();
    };
    await book('Nguyen', 'Nguyen, Robert');
    await page.getByRole('status').filter({ hasText: 'Booked Nguyen, Robert on' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Nguyen, Robert' }).getByText('C-arm 1').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The same room at the same time for another patient: refused, and nothing entered is lost.
    await book('Brooks', 'Brooks, Linda');
    const refusal = form.getByRole('alert');
    await refusal
      .getByText(
        /^Not booked: Room C-arm 1 is already booked at an overlapping time\. It overlaps Nguyen, Robert's appointment at 11:00.*Choose another time, room or physician\.$/,
      )
      .waitFor();
    await expect(form.getByLabel(/^Brooks, Linda/).isChecked()).resolves.toBe(true);
    await expect(form.getByLabel('Start time').inputValue()).resolves.toBe('11:00');
    expect(await axeViolations(page)).toEqual([]);
    const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const list = await pageApi<{ items: { patientName: string; room: string; status: string }[] }>(
      page,
      `/api/v1/appointments?date=${day}&tz=${encodeURIComponent(tz)}&locationId=${downtown().id}`,
    );
    expect(list.items.filter((a) => a.room === 'C-arm 1').map((a) => a.patientName)).toEqual([
      'Nguyen, Robert',
    ]);

    // Reschedule Robert Nguyen's appointment to noon.
    const nguyenRow = page.getByRole('row').filter({ hasText: 'Nguyen, Robert' });
    await nguyenRow.getByRole('button', { name: 'Reschedule Nguyen, Robert' }).click();
    await nguyenRow.getByLabel('New start time').fill('12:00');
    await nguyenRow.getByRole('button', { name: 'Save new time' }).click();
    await page.getByRole('status').filter({ hasText: "Moved Nguyen, Robert's appointment to" }).waitFor();
    const moved = await pageApi<{ items: { patientName: string; startsAt: string }[] }>(
      page,
      `/api/v1/appointments?date=${day}&tz=${encodeURIComponent(tz)}&locationId=${downtown().id}`,
    );
    const movedAt = moved.items.find((a) => a.patientName === 'Nguyen, Robert')!.startsAt;
    expect(await page.evaluate((iso) => new Date(iso).getHours(), movedAt)).toBe(12);

    // Another time works; then cancel it.
    await form.getByLabel('Start time').fill('13:00');
    await form.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByRole('status').filter({ hasText: 'Booked Brooks, Linda on' }).waitFor();
    const brooks = page.getByRole('row').filter({ hasText: 'Brooks, Linda' });
    await brooks.getByRole('button', { name: "Cancel Brooks, Linda's appointment" }).click();
    await brooks.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByRole('status').filter({ hasText: "Cancelled Brooks, Linda's appointment" }).waitFor();
    const after = await pageApi<{ items: { patientName: string; status: string }[] }>(
      page,
      `/api/v1/appointments?date=${day}&tz=${encodeURIComponent(tz)}&locationId=${downtown().id}`,
    );
    expect(after.items.find((a) => a.patientName === 'Brooks, Linda')?.status).toBe('cancelled');
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it("lets the admin add a location (keyboard only), change a payer's policy and see who read a patient's record", async () => {
    // The coordinator reads a patient's record (as the chart does) and sees the worklist.
    const coord = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(coord.page, STAFF_EMAILS.coordinator, app.password);
    await coord.page.getByRole('table').waitFor();
    const patients = await pageApi<{ items: { id: string; familyName: string }[] }>(
      coord.page,
      '/api/v1/patients?q=Nguyen',
    );
    const nguyen = patients.items.find((p) => p.familyName === 'Nguyen')!;
    await pageApi(coord.page, `/api/v1/patients/${nguyen.id}`);
    await coord.context.close();

    // Two patients answer "would you recommend us?" on the public site: a 10 and a 5 → NPS (1 − 1) / 2 = 0.
    for (const score of [10, 5]) {
      const res = await fetch(`${app.baseUrl}/api/v1/public/practices/demo/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ score, language: 'en' }),
      });
      expect(res.status).toBe(201);
    }

    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.admin, app.password);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    const feedback = page.getByRole('region', { name: 'Patient feedback: would they recommend us?' });
    await feedback.getByText('2 answers: 1 promoters (9–10, 50 %)', { exact: false }).waitFor();
    await page.getByRole('cell', { name: 'Downtown Spine Center', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Jordan Coordinator (demo)', exact: true }).waitFor();
    await page.getByLabel('Medicare', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-admin-desktop');

    // Add a location with the keyboard only.
    await tabTo(page, (el) => el.tag === 'input' && el.label === 'Name');
    await page.keyboard.type('Westlake Spine Annex');
    await page.keyboard.press('Tab');
    await page.keyboard.type('500 Lake Dr, Daly City, CA 94015');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+1 650 555 0190');
    await page.keyboard.press('Tab'); // State: CA already chosen
    await page.keyboard.press('Tab');
    await page.keyboard.type('Procedure 4');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Consult B');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Add location');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Added Westlake Spine Annex.' }).waitFor();
    const locs = await pageApi<{
      items: { name: string; rooms: string[]; state: string; active: boolean }[];
    }>(page, '/api/v1/locations');
    expect(locs.items.find((l) => l.name === 'Westlake Spine Annex')).toMatchObject({
      rooms: ['Procedure 4', 'Consult B'],
      state: 'CA',
      active: true,
      timeZone: 'America/Los_Angeles', // the state's zone when the admin names none
    });
    expect(await axeViolations(page)).toEqual([]);

    // Edit it, then close it: closed locations say so in words.
    const westlake = page.getByRole('row').filter({ hasText: 'Westlake Spine Annex' });
    await westlake.getByRole('button', { name: 'Edit Westlake Spine Annex' }).click();
    const edit = page.getByRole('form', { name: 'Edit Westlake Spine Annex' });
    await edit.getByLabel('Phone').fill('+1 650 555 0191');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved Westlake Spine Annex.' }).waitFor();
    await westlake.getByRole('button', { name: 'Close Westlake Spine Annex' }).click();
    await westlake.getByText('Closed', { exact: true }).waitFor();
    const closed = (
      await pageApi<{ items: { name: string; phone: string; active: boolean }[] }>(page, '/api/v1/locations')
    ).items.find((l) => l.name === 'Westlake Spine Annex');
    expect(closed).toMatchObject({ phone: '+1 650 555 0191', active: false });
    expect(await axeViolations(page)).toEqual([]);

    // A wrong phone is refused beside the field.
    await page.getByLabel('Name', { exact: true }).fill('Bad Phone Clinic');
    await page.getByLabel('Address', { exact: true }).fill('1 Main St, Fresno, CA 93721');
    await page.getByLabel('Phone', { exact: true }).fill('call me');
    await page.getByRole('button', { name: 'Add location' }).click();
    await page.getByText('expected a phone number (digits, spaces, + ( ) . -)').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A new physician, then a password reset: the password shown once is the one that signs in.
    const email = 'dr.haddad@demo.facetpath.test';
    await page.getByLabel('Full name').fill('Dr. Amira Haddad');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Role').selectOption('physician');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const added = page.getByRole('status').filter({ hasText: 'Added Dr. Amira Haddad (Physician)' });
    await added.waitFor();
    const first = (await added.locator('.ops-secret').textContent())!;
    // Through the sign-in use case (the HTTP route allows 10 sign-ins a minute, which this file's own
    // sign-ins use up): 200 when the password signs in, 401 when it does not.
    const signInWith = async (password: string) => {
      try {
        await signInUseCase(
          app.svc,
          { actor: { kind: 'public' }, requestId: 'clinic-ops-test', now: new Date() },
          { email, password },
        );
        return 200;
      } catch {
        return 401;
      }
    };
    expect(await signInWith(first)).toBe(200);
    await page.getByRole('button', { name: 'Reset password of Dr. Amira Haddad' }).click();
    const reset = page.getByRole('status').filter({ hasText: 'New password for Dr. Amira Haddad' });
    await reset.waitFor();
    const second = (await reset.locator('.ops-secret').textContent())!;
    expect(second).not.toBe(first);
    expect(await signInWith(second)).toBe(200);
    expect(await signInWith(first)).toBe(401);
    await page.getByRole('button', { name: 'Deactivate Dr. Amira Haddad' }).click();
    await page.getByRole('row').filter({ hasText: 'Dr. Amira Haddad' }).getByText('Deactivated').waitFor();
    expect(await signInWith(second)).not.toBe(200);
    expect(await axeViolations(page)).toEqual([]);

    // Commercial insurance checked against the Medicare LCD instead of the default.
    await page.getByLabel('Commercial insurance').selectOption('medicare-lcd-facet');
    await page
      .getByRole('row')
      .filter({ hasText: 'Commercial insurance' })
      .getByText(/^Source: /)
      .waitFor();
    await page.getByRole('button', { name: 'Save policy choices' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Saved. Commercial insurance: medicare-lcd-facet' })
      .waitFor();
    const policies = await pageApi<{ policyByCoverage: Record<string, string> }>(
      page,
      '/api/v1/practice/policies',
    );
    expect(policies.policyByCoverage).toEqual({ commercial: 'medicare-lcd-facet' });
    expect(await axeViolations(page)).toEqual([]);

    // The access history of the patient the coordinator read.
    await page.goto(`/clinic/patients/${nguyen.id}/access`);
    await page.getByRole('heading', { level: 1, name: 'Access history' }).waitFor();
    const readRow = page
      .getByRole('row')
      .filter({ hasText: 'Jordan Coordinator (demo)' })
      .filter({ hasText: 'Read patient record' })
      .filter({ hasText: nguyen.id });
    await readRow.first().waitFor();
    await expect(readRow.count()).resolves.toBe(1);
    await page
      .getByRole('row')
      .filter({ hasText: 'Jordan Coordinator (demo)' })
      .filter({ hasText: 'Saw on the worklist' })
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'clinic-access-history-desktop');
    // Paging through the older events.
    const history = await pageApi<{ items: unknown[] }>(page, `/api/v1/patients/${nguyen.id}/access-history`);
    if (history.items.length > 25) {
      await page.getByRole('button', { name: 'Older events' }).click();
      await page.getByText(/^Events 26–/).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows no Admin link to a non-admin, and says "admins only" if they go there', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.physician, app.password);
    await page.getByRole('navigation', { name: 'Clinic' }).getByRole('link', { name: 'Worklist' }).waitFor();
    await expect(page.getByRole('link', { name: 'Admin' }).count()).resolves.toBe(0);
    await page.goto('/clinic/admin');
    await page.getByText(/^Admins only: practice administration/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/clinic/patients/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/access`);
    await page.getByText('Admins only: the access history is shown to the practice’s admins.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('fits every page on a phone, without horizontal scrolling', async () => {
    const pages: [string, string, string, string][] = [
      [STAFF_EMAILS.coordinator, '/clinic', 'Worklist', 'clinic-worklist-phone'],
      [STAFF_EMAILS.coordinator, '/clinic/schedule', 'Schedule', 'clinic-schedule-phone'],
      [STAFF_EMAILS.coordinator, '/clinic/requests', 'Requests', 'clinic-requests-phone'],
    ];
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    const patientId = (await pageApi<{ items: { id: string }[] }>(page, '/api/v1/patients?q=Ortiz')).items[0]!
      .id;
    for (const [, path, title, shot] of pages) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.waitForFunction("!document.body.textContent.includes('Loading')");
      if (path === '/clinic/requests') {
        // The inbox is empty by now: show an accepted request's card.
        await page.getByLabel('Show').selectOption('accepted');
        await page.getByRole('article', { name: 'Henry Baker' }).waitFor();
      }
      expect(await axeViolations(page), path).toEqual([]);
      expect(await scrollWidth(page), path).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, shot);
    }
    await context.close();
    const admin = await newPage(browser, app.baseUrl, PHONE);
    await signIn(admin.page, STAFF_EMAILS.admin, app.password);
    for (const [path, title, shot] of [
      ['/clinic/admin', 'Admin', 'clinic-admin-phone'],
      [`/clinic/patients/${patientId}/access`, 'Access history', 'clinic-access-history-phone'],
    ] as const) {
      await admin.page.goto(path);
      await admin.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await admin.page.waitForFunction("!document.body.textContent.includes('Loading')");
      expect(await axeViolations(admin.page), path).toEqual([]);
      expect(await scrollWidth(admin.page), path).toBeLessThanOrEqual(PHONE.width);
      await screenshot(admin.page, shot);
    }
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(admin.page)).toEqual([]);
    await admin.context.close();
  }, 120_000);
});
