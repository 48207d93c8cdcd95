/**
 * The patient's Learn, Before & after and "Am I a candidate?" pages on a 375 px phone, in English and Spanish:
 * a patient screens and requests an appointment (and the request really reaches the clinic's inbox, read back
 * through the staff API), errors appear beside the field without losing what was typed (the browser's checks
 * and the server's), the form can be completed by keyboard alone, red flags lead to "see a doctor first", and
 * every page and state passes axe with no horizontal scroll.
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
  type StaffSession,
  screenshot,
  scrollWidth,
  staffSession,
  startApp,
} from './harness.js';

interface StoredRequest {
  id: string;
  locationId: string;
  status: string;
  language: string;
  contact: Record<string, unknown>;
  answers: Record<string, unknown>;
  insurance: Record<string, unknown> | null;
}

/** The id of the element that has the keyboard focus. */
async function focusedId(page: Page): Promise<string> {
  return (await page.evaluate('document.activeElement ? document.activeElement.id : ""')) as string;
}

/** Presses Tab (only Tab) until the element with this id has the focus. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

const PRACTICE = 'Facetpath Demo Clinic';

describe('patient pages: learn, before & after, am I a candidate?', () => {
  let app: RunningApp;
  let browser: Browser;
  let locations: { id: string; name: string; address: string; phone: string }[];
  let coordinator: StaffSession | undefined;

  /** The clinic's inbox of screening requests, read as the coordinator through the API. */
  async function inbox(): Promise<StoredRequest[]> {
    coordinator ??= await staffSession(app.baseUrl, STAFF_EMAILS.coordinator, app.password);
    const res = await coordinator.call<{ items: StoredRequest[] }>('GET', '/api/v1/requests?limit=200');
    expect(res.status).toBe(200);
    return res.body.items;
  }
  const requestOf = async (givenName: string) =>
    (await inbox()).filter((r) => r.contact.givenName === givenName);

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const res = await fetch(`${app.baseUrl}/api/v1/public/practices/demo`);
    locations = ((await res.json()) as { locations: typeof locations }).locations;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Answers the pain questions of the English form with the pointer (a likely candidate). */
  async function answerPainEn(page: Page) {
    const group = (name: string) => page.getByRole('group', { name });
    await group('Where is your pain mainly?').getByRole('radio', { name: 'Lower back' }).check();
    await group('How long have you had this pain?')
      .getByRole('radio', { name: 'More than 6 months' })
      .check();
    await page
      .getByRole('group', { name: /Is the pain worse when you bend backwards/ })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await group('Does the pain spread anywhere?')
      .getByRole('radio', { name: 'Into the buttock or thigh, but not below the knee' })
      .check();
    const tried = group('Which treatments have you tried for this pain?');
    await tried.getByRole('checkbox', { name: 'Physical therapy or a home exercise program' }).check();
    await tried.getByRole('checkbox', { name: /Pain medicines/ }).check();
    await group('Have you had a scan or X-ray of your spine for this pain?')
      .getByRole('radio', { name: 'MRI', exact: true })
      .check();
    await group('Does any of this apply to you now?')
      .getByRole('checkbox', { name: 'None of these' })
      .check();
  }

  it('Learn and Before & after: the practice, the facts, the FAQ and the phone numbers, in both languages', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const device = viewport === PHONE ? 'phone' : 'desktop';
      const { context, page } = await newPage(browser, app.baseUrl, viewport);
      context.setDefaultTimeout(8000);
      await page.goto('/p/demo');
      await page.getByText(`Information from ${PRACTICE}`).waitFor();
      await page
        .getByRole('heading', { level: 1, name: 'Medial branch blocks for neck and back pain' })
        .waitFor();
      for (const h of ['Why it is a test, not a treatment', 'How it is done', 'Risks', 'Insurance']) {
        await page.getByRole('heading', { level: 2, name: h }).waitFor();
      }
      expect(await page.getByText(/about 15 to 30 minutes/).count()).toBe(1);
      expect(await page.getByText(/at least 80% relief/).count()).toBe(1);
      // The FAQ opens by keyboard.
      const faq = page.locator('summary', { hasText: 'I take blood thinners. Should I stop them?' });
      await faq.focus();
      await page.keyboard.press('Enter');
      await page.getByText('Do not stop any medicine on your own.', { exact: false }).waitFor();
      expect(await page.locator('.faq details').count()).toBeGreaterThanOrEqual(5);
      expect(
        await page
          .getByRole('link', { name: 'Am I a candidate? Answer a few questions' })
          .getAttribute('href'),
      ).toBe('/p/demo/screening');
      expect(await axeViolations(page)).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `patient-learn-${device}`);

      await page.getByRole('link', { name: 'How to prepare and what to do afterwards' }).click();
      await page.getByRole('heading', { level: 1, name: 'Before and after your block' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/p/demo/prepare');
      await page.getByRole('heading', { name: 'When to call the clinic' }).waitFor();
      for (const l of locations) {
        expect(await page.getByRole('link', { name: l.phone }).getAttribute('href')).toBe(
          `tel:${l.phone.replace(/[^+0-9]/g, '')}`,
        );
      }
      await page.getByText(/No strenuous activity.* for 24 hours/).waitFor();
      await page.getByText(/Call 911 straight away/).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `patient-prepare-${device}`);

      if (viewport === PHONE) {
        await page.getByRole('button', { name: 'Español' }).click();
        await page.getByRole('heading', { level: 1, name: 'Antes y después de su bloqueo' }).waitFor();
        await page.getByText(/Llame al 911 de inmediato/).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
        await page.goto('/p/demo');
        await page.getByText(`Información de ${PRACTICE}`).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Preguntas frecuentes' }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      }
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }
  }, 90_000);

  it('a patient screens and requests an appointment on a phone, in English; the clinic receives it', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/p/demo/screening');
    await page.getByRole('heading', { level: 1, name: 'Am I a candidate?' }).waitFor();
    await page.getByRole('radio', { name: /Downtown Spine Center/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'patient-screening-phone');

    // Sending nothing: every required answer is named, beside its question and in the summary.
    await page.getByRole('button', { name: 'Send my answers and appointment request' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'Please check these answers' }).waitFor();
    expect(await summary.getByRole('link').count()).toBe(11);
    expect(await page.evaluate('document.activeElement.className')).toBe('error-summary');
    expect(await page.locator('#q-phone-error').textContent()).toBe('Enter your phone number.');
    expect(await page.locator('#q-location-error').textContent()).toBe(
      'Choose the location where you would like to be seen.',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    // The summary's link takes the focus to the field.
    await summary.getByRole('link', { name: /Phone number: Enter your phone number/ }).click();
    expect(await focusedId(page)).toBe('q-phone');

    await answerPainEn(page);
    const northside = locations.find((l) => l.name === 'Northside Clinic')!;
    await page.getByRole('radio', { name: /Northside Clinic/ }).check();
    await page.getByLabel('Which days or times suit you?').fill('Tuesday or Thursday mornings');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Okafor');
    await page.getByLabel('Phone number').fill('+1 510 555 0111');
    await page.getByLabel('Email').fill('grace@example.org');
    await page.getByLabel('Date of birth').fill('1958-04-12');
    await page.getByRole('radio', { name: 'Medicare', exact: true }).check();
    await page.getByLabel('Name of your insurance company or plan').fill('Medicare Part B');
    await page.getByLabel('Member ID').fill('1EG4-TE5-MK72');
    expect(await summary.count()).toBe(0); // every error went away as it was answered
    await page.getByRole('button', { name: 'Send my answers and appointment request' }).click();

    await page.getByRole('heading', { level: 2, name: 'Your result' }).waitFor();
    expect(await focusedId(page)).toBe('result-h');
    await page
      .getByRole('heading', { name: 'Your answers fit the kind of pain a medial branch block tests for' })
      .waitFor();
    await page.getByText('This is not a diagnosis.', { exact: false }).waitFor();
    await page.getByText('Your pain has lasted 3 months or more', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Your appointment request was sent' }).waitFor();
    const confirm = page.locator('.confirm');
    expect(await confirm.textContent()).toContain(northside.name);
    expect(await confirm.textContent()).toContain(northside.address);
    expect(await confirm.getByRole('link', { name: northside.phone }).count()).toBe(1);
    await page.getByText('will call you at +1 510 555 0111', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'patient-screening-result-phone');

    const [stored, ...more] = await requestOf('Grace');
    expect(more).toEqual([]);
    expect(stored).toMatchObject({
      locationId: northside.id,
      language: 'en',
      status: 'new',
      contact: {
        givenName: 'Grace',
        familyName: 'Okafor',
        phone: '+1 510 555 0111',
        email: 'grace@example.org',
        birthDate: '1958-04-12',
      },
      insurance: { kind: 'medicare', payerName: 'Medicare Part B', memberId: '1EG4-TE5-MK72' },
      answers: {
        painArea: 'low-back',
        duration: '>6 months',
        worseWithMovement: true,
        radiation: 'above-knee',
        treatmentsTried: ['physical-therapy', 'medication'],
        imaging: 'mri',
        redFlags: ['none'],
        preferredTimes: 'Tuesday or Thursday mornings',
        assessment: { result: 'likely-candidate' },
      },
    });
    expect(await page.getByText(`Reference number: ${stored!.id.slice(0, 8).toUpperCase()}`).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the same in Spanish: Spanish questions, result and confirmation; the request says Spanish', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/p/demo/screening');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: '¿Soy candidato?' }).waitFor();
    await page.getByRole('radio', { name: /Eastgate Pain Institute/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enviar mis respuestas y la solicitud de cita' }).click();
    await page.locator('.error-summary').getByRole('heading', { name: 'Revise estas respuestas' }).waitFor();
    expect(await page.locator('#q-given-name-error').textContent()).toBe('Escriba su nombre.');
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);

    const group = (name: string) => page.getByRole('group', { name });
    await group('¿Dónde tiene el dolor principalmente?').getByRole('radio', { name: 'Cuello' }).check();
    await group('¿Desde hace cuánto tiene este dolor?')
      .getByRole('radio', { name: 'De 6 a 12 semanas' })
      .check();
    await page
      .getByRole('group', { name: /El dolor empeora al inclinarse/ })
      .getByRole('radio', { name: 'Sí' })
      .check();
    await group('¿El dolor se extiende a alguna parte?')
      .getByRole('radio', { name: 'Hacia el brazo o la mano' })
      .check();
    await group('¿Qué tratamientos ha probado para este dolor?')
      .getByRole('checkbox', { name: /Medicamentos/ })
      .check();
    await group('¿Le han hecho una imagen o una radiografía de la columna por este dolor?')
      .getByRole('radio', { name: 'Ninguna todavía' })
      .check();
    await group('¿Le ocurre ahora alguna de estas cosas?')
      .getByRole('checkbox', { name: 'Ninguna de estas' })
      .check();
    const eastgate = locations.find((l) => l.name === 'Eastgate Pain Institute')!;
    await page.getByRole('radio', { name: /Eastgate Pain Institute/ }).check();
    await page.getByLabel('Nombre', { exact: true }).fill('Lucía');
    await page.getByLabel('Apellido').fill('Morales');
    await page.getByLabel('Número de teléfono').fill('(925) 555-0142');
    await page.getByRole('radio', { name: 'Medicaid' }).check();
    await page.getByRole('button', { name: 'Enviar mis respuestas y la solicitud de cita' }).click();

    await page.getByRole('heading', { level: 2, name: 'Su resultado' }).waitFor();
    await page
      .getByRole('heading', { name: 'Algunas respuestas coinciden y otras hay que verlas con más detalle' })
      .waitFor();
    await page.getByText('Su dolor empezó hace menos de 3 meses.', { exact: false }).waitFor();
    await page.getByText('Su dolor baja hacia el brazo.', { exact: false }).waitFor();
    await page.getByText('Todavía no le han hecho una imagen', { exact: false }).waitFor();
    await page.getByText('Esto no es un diagnóstico.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Su solicitud de cita fue enviada' }).waitFor();
    expect(await page.locator('.confirm').textContent()).toContain(eastgate.address);
    await page
      .getByText(`Una persona de nuestro equipo en ${eastgate.name} le llamará al (925) 555-0142`)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);

    const [stored] = await requestOf('Lucía');
    expect(stored).toMatchObject({
      locationId: eastgate.id,
      language: 'es',
      insurance: { kind: 'medicaid' },
      answers: {
        painArea: 'neck',
        duration: '6-12 weeks',
        radiation: 'arm',
        treatmentsTried: ['medication'],
        imaging: 'none',
        redFlags: ['none'],
        assessment: { result: 'possible-candidate' },
      },
    });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("a bad phone number and the server's refusal show beside the field; nothing typed is lost", async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/p/demo/screening');
    await answerPainEn(page);
    await page.getByRole('radio', { name: /Downtown Spine Center/ }).check();
    await page.getByLabel('Which days or times suit you?').fill('Any afternoon');
    await page.getByLabel('First name').fill('Tomasz');
    await page.getByLabel('Last name').fill('Nowak');
    await page.getByLabel('Phone number').fill('call me at home');
    await page.getByLabel('Date of birth').fill('1890-01-01');
    const send = page.getByRole('button', { name: 'Send my answers and appointment request' });
    await send.click();

    // The browser's check: beside the field, tied to it, and in the summary.
    const phoneError = page.locator('#q-phone-error');
    await phoneError.waitFor();
    expect(await phoneError.textContent()).toMatch(/^Enter a phone number with digits only/);
    const phone = page.getByLabel('Phone number');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getAttribute('aria-describedby')).toContain('q-phone-error');
    expect(await page.locator('.error-summary li').allTextContents()).toEqual([
      expect.stringMatching(/^Phone number: Enter a phone number with digits only/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'patient-screening-errors-phone');
    // Everything else is still there.
    expect(await phone.inputValue()).toBe('call me at home');
    expect(await page.getByLabel('First name').inputValue()).toBe('Tomasz');
    expect(await page.getByLabel('Which days or times suit you?').inputValue()).toBe('Any afternoon');
    expect(await page.getByRole('radio', { name: 'Lower back' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Downtown Spine Center/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Pain medicines/ }).isChecked()).toBe(true);
    expect(await requestOf('Tomasz')).toEqual([]);

    // A phone the browser accepts; the birth year the server refuses (it keeps dates from 1900 on).
    await phone.fill('+1 415 555 0190');
    expect(await phoneError.count()).toBe(0);
    await send.click();
    const birthError = page.locator('#q-birth-date-error');
    await birthError.waitFor();
    expect(await birthError.textContent()).toBe('Enter a real date of birth in the past, or leave it empty.');
    expect(await page.locator('.error-summary li').allTextContents()).toEqual([
      'Date of birth: Enter a real date of birth in the past, or leave it empty.',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByLabel('Date of birth').inputValue()).toBe('1890-01-01');
    expect(await page.getByLabel('Last name').inputValue()).toBe('Nowak');
    expect(await requestOf('Tomasz')).toEqual([]);

    await page.getByLabel('Date of birth').fill('1961-05-30');
    await send.click();
    await page.getByRole('heading', { name: 'Your appointment request was sent' }).waitFor();
    const [stored] = await requestOf('Tomasz');
    expect(stored).toMatchObject({
      contact: { phone: '+1 415 555 0190', birthDate: '1961-05-30' },
      answers: { preferredTimes: 'Any afternoon' },
    });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('a lost connection keeps every answer (also across pages), says so, and the form sends once it is back', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/p/demo/screening');
    await answerPainEn(page);
    await page.getByRole('radio', { name: /Downtown Spine Center/ }).check();
    await page.getByLabel('First name').fill('Ines');
    await page.getByLabel('Last name').fill('Duarte');
    await page.getByLabel('Phone number').fill('415 555 0155');
    await context.setOffline(true);
    const send = page.getByRole('button', { name: 'Send my answers and appointment request' });
    await send.click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'Your request was not sent.' }).waitFor();
    expect(await summary.textContent()).toContain('There is no connection to the server.');
    expect(await summary.textContent()).toContain('Your answers are still here; please try again.');
    expect(await page.getByLabel('Phone number').inputValue()).toBe('415 555 0155');
    expect(await page.getByRole('radio', { name: 'Lower back' }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.setOffline(false);
    // Reading another page in between loses nothing either.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Before & after' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Before and after your block' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Am I a candidate?' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Am I a candidate?' }).waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe('Ines');
    expect(await page.getByRole('radio', { name: /Downtown Spine Center/ }).isChecked()).toBe(true);
    await send.click();
    await page.getByRole('heading', { name: 'Your appointment request was sent' }).waitFor();
    expect(await requestOf('Ines')).toHaveLength(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the whole form can be completed with the keyboard alone (Tab, Space, arrows, Enter)', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await page.goto('/p/demo/screening');
    await page.getByRole('radio', { name: /Northside Clinic/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(DESKTOP.width);
    await screenshot(page, 'patient-screening-desktop');
    const key = (k: string) => page.keyboard.press(k);
    // Radio groups: Tab lands on the first choice, Space picks it, arrows move the choice.
    await tabTo(page, 'q-pain-area-0');
    await key('Space');
    await key('ArrowDown');
    await key('ArrowDown'); // lower back
    await tabTo(page, 'q-duration-0');
    await key('Space');
    await key('ArrowDown');
    await key('ArrowDown'); // 3 to 6 months
    await tabTo(page, 'q-movement-0');
    await key('Space'); // yes
    await tabTo(page, 'q-radiation-0');
    await key('Space'); // stays in the back
    await tabTo(page, 'q-treatments-0');
    await key('Space'); // physical therapy
    await tabTo(page, 'q-treatments-2');
    await key('Space'); // chiropractic
    await tabTo(page, 'q-imaging-0');
    await key('Space');
    await key('ArrowDown');
    await key('ArrowDown'); // X-ray
    await tabTo(page, 'q-red-flags-6');
    await key('Space'); // none of these
    await tabTo(page, 'q-location-0');
    await key('Space');
    const northside = locations.find((l) => l.name === 'Northside Clinic')!;
    for (let i = 0; i < locations.indexOf(northside); i++) await key('ArrowDown');
    await tabTo(page, 'q-given-name');
    await page.keyboard.type('Keyla');
    await key('Tab');
    await page.keyboard.type('Brooks');
    await key('Tab');
    expect(await focusedId(page)).toBe('q-phone');
    await page.keyboard.type('510 555 0177');
    await key('Enter'); // sends the form from the phone field

    await page
      .getByRole('heading', { name: 'Your answers fit the kind of pain a medial branch block tests for' })
      .waitFor();
    const [stored] = await requestOf('Keyla');
    expect(stored).toMatchObject({
      locationId: northside.id,
      language: 'en',
      insurance: null,
      contact: { givenName: 'Keyla', familyName: 'Brooks', phone: '510 555 0177' },
      answers: {
        painArea: 'low-back',
        duration: '3-6 months',
        worseWithMovement: true,
        radiation: 'none',
        treatmentsTried: ['physical-therapy', 'chiropractic'],
        imaging: 'xray',
        redFlags: ['none'],
      },
    });
    expect(stored!.contact).not.toHaveProperty('email');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('a red flag leads to "see a doctor first", with 911 for an emergency', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, PHONE);
    await page.goto('/p/demo/screening');
    await answerPainEn(page);
    const flags = page.getByRole('group', { name: 'Does any of this apply to you now?' });
    await flags.getByRole('checkbox', { name: /New trouble controlling your bladder or bowels/ }).check();
    // Choosing a red flag clears "None of these" and warns at once.
    expect(await flags.getByRole('checkbox', { name: 'None of these' }).isChecked()).toBe(false);
    await page.getByText('Please contact your doctor promptly about this.', { exact: false }).waitFor();
    await page.getByRole('radio', { name: /Eastgate Pain Institute/ }).check();
    await page.getByLabel('First name').fill('Walter');
    await page.getByLabel('Last name').fill('Hughes');
    await page.getByLabel('Phone number').fill('925 555 0166');
    await page.getByRole('button', { name: 'Send my answers and appointment request' }).click();

    await page.getByRole('heading', { name: 'Please have a doctor check your symptoms first' }).waitFor();
    await page.getByRole('heading', { name: 'Please do not wait' }).waitFor();
    await page.getByText('This can be an emergency: call 911', { exact: false }).waitFor();
    await page.getByText('please do not wait for our call', { exact: false }).waitFor();
    // The facet-joint reasons are not offered when a doctor must see the patient first.
    expect(await page.getByText('Your pain has lasted 3 months or more', { exact: false }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Primero, consulte a un médico por sus síntomas' }).waitFor();
    await page.getByText('Puede ser una emergencia: llame al 911', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [stored] = await requestOf('Walter');
    expect(stored).toMatchObject({
      language: 'en',
      answers: { redFlags: ['bladder-bowel'], assessment: { result: 'see-doctor-first' } },
    });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
