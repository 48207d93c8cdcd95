/**
 * One patient's whole pathway across the roles, on one server and one browser, each step using only what the
 * steps before it created through the pages (the demo practice gives only the staff accounts and locations):
 * a Spanish-speaking patient screens on her phone and asks for an appointment; the coordinator accepts the
 * request (creating the patient and her first appointment) and records her Medicare coverage on the chart;
 * the physician opens a lumbar episode and documents a two-level bilateral block 3 weeks ago with a diary link;
 * the patient fills that diary on her phone, one entry while offline; the physician reads and signs the
 * interpretation, documents the confirmatory block a week ago (its diary filled through the diary API), plans
 * an RFA and runs the decision, whose page and packet say what the API says; the admin sees who read and
 * changed her records. axe on every page reached, no page errors.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, squash } from '../support/pdf-text.js';
import {
  axeViolations,
  DESKTOP,
  launchBrowser,
  newPage,
  PHONE,
  pageErrors,
  type RunningApp,
  STAFF_EMAILS,
  signIn,
  startApp,
} from './harness.js';

interface Interpretation {
  result: string;
  peakReliefPercent: number | null;
  threshold: number;
  thresholdInclusive: boolean;
  interpretedByName: string | null;
}
interface Evaluation {
  verdict: 'eligible' | 'not-eligible' | 'needs-information';
  criteria: {
    rule: string;
    title: string;
    status: string;
    severity: string;
    source: string;
    reason?: string;
  }[];
  coding: { code: string; modifiers: string[] }[];
  next: { action: string; earliestDate: string | null; reason: string }[];
  proposed: { date: string };
}
interface DiaryEntry {
  minutesAfter: number;
  score: number;
  source: string;
}

const VERDICT = {
  eligible: 'Eligible',
  'not-eligible': 'Not eligible',
  'needs-information': 'Needs information',
};
const STATUS = { met: 'Met', 'not-met': 'Not met', unknown: 'Unknown — information missing' };
const TWO_LEVELS = [
  { joint: 'L4-L5', side: 'bilateral' },
  { joint: 'L5-S1', side: 'bilateral' },
];
const GIVEN = 'Rosa';
const FAMILY = 'Delgado';
const NAME = `${GIVEN} ${FAMILY}`;
const PHYSICIAN = 'Dr. Sofia Rivera (demo)';
const COORDINATOR = 'Jordan Coordinator (demo)';

const isoDay = (daysFromToday: number) =>
  new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/** A JSON GET with the page's own session (the same cookies the app uses). */
async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number } };
    };
    return g.document.documentElement.scrollWidth <= g.innerWidth;
  });
}

/** axe finds nothing and no uncaught error happened so far. */
async function clean(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), what).toEqual([]);
  expect(pageErrors(page), what).toEqual([]);
}

describe('the whole pathway of one patient, across the roles', () => {
  let app: RunningApp;
  let browser: Browser;
  // What the steps hand on to each other.
  let patientPhone: { context: BrowserContext; page: Page };
  let physician: { context: BrowserContext; page: Page };
  let downtown: { id: string; name: string };
  let reference: string;
  let requestId: string;
  let patientId: string;
  let coverageId: string;
  let episodeId: string;
  let firstBlockId: string;
  let secondBlockId: string;
  let firstLink: string;
  let firstPeak: number;
  let secondPeak: number;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const res = await fetch(`${app.baseUrl}/api/v1/public/practices/demo`);
    const { locations } = (await res.json()) as { locations: { id: string; name: string }[] };
    downtown = locations.find((l) => l.name === 'Downtown Spine Center')!;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  }, 120_000);

  it('1. the patient screens on her phone in Spanish and asks for an appointment at Downtown', async () => {
    patientPhone = await newPage(browser, app.baseUrl, PHONE);
    const { page } = patientPhone;
    await page.goto('/p/demo/screening');
    await page.getByRole('heading', { level: 1, name: 'Am I a candidate?' }).waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: '¿Soy candidato?' }).waitFor();
    await page.getByRole('radio', { name: /Downtown Spine Center/ }).waitFor();
    await clean(page, 'screening, empty, Spanish');

    const group = (name: string | RegExp) => page.getByRole('group', { name });
    await group('¿Dónde tiene el dolor principalmente?')
      .getByRole('radio', { name: 'Parte baja de la espalda' })
      .check();
    await group('¿Desde hace cuánto tiene este dolor?')
      .getByRole('radio', { name: 'Más de 6 meses' })
      .check();
    await group(/El dolor empeora al inclinarse/)
      .getByRole('radio', { name: 'Sí' })
      .check();
    await group('¿El dolor se extiende a alguna parte?')
      .getByRole('radio', { name: 'Hacia la nalga o el muslo, pero no por debajo de la rodilla' })
      .check();
    const tried = group('¿Qué tratamientos ha probado para este dolor?');
    await tried.getByRole('checkbox', { name: 'Fisioterapia o ejercicios en casa' }).check();
    await tried.getByRole('checkbox', { name: /Medicamentos para el dolor/ }).check();
    await group('¿Le han hecho una imagen o una radiografía de la columna por este dolor?')
      .getByRole('radio', { name: 'Resonancia magnética' })
      .check();
    await group('¿Le ocurre ahora alguna de estas cosas?')
      .getByRole('checkbox', { name: 'Ninguna de estas' })
      .check();
    await page.getByRole('radio', { name: /Downtown Spine Center/ }).check();
    await page.getByLabel('¿Qué días u horarios le vienen bien?').fill('Lunes o miércoles por la mañana');
    await page.getByLabel('Nombre', { exact: true }).fill(GIVEN);
    await page.getByLabel('Apellido').fill(FAMILY);
    await page.getByLabel('Número de teléfono').fill('+1 415 555 0177');
    await page.getByLabel('Fecha de nacimiento').fill('1954-09-03');
    await page.getByRole('radio', { name: 'Medicare', exact: true }).check();
    await page.getByLabel('Nombre de su aseguradora o plan').fill('Medicare Part B');
    await page.getByLabel('Número de afiliado').fill('7QW2-HJ4-LM19');
    await page.getByRole('button', { name: 'Enviar mis respuestas y la solicitud de cita' }).click();

    await page.getByRole('heading', { level: 2, name: 'Su resultado' }).waitFor();
    await page
      .getByRole('heading', {
        name: 'Sus respuestas coinciden con el tipo de dolor que estudia un bloqueo de rama medial',
      })
      .waitFor();
    await page.getByRole('heading', { name: 'Su solicitud de cita fue enviada' }).waitFor();
    expect(await page.locator('.confirm').textContent()).toContain(downtown.name);
    expect(await noHorizontalScroll(page)).toBe(true);
    await clean(page, 'screening, result, Spanish');
    const ref = /Número de referencia: ([0-9A-F]{8})/.exec((await page.locator('main').textContent()) ?? '');
    expect(ref).not.toBeNull();
    reference = ref![1]!; // the request id's first 8 characters, upper case
  }, 60_000);

  it('2–3. the coordinator accepts her request (the patient, her first appointment) and records her Medicare coverage', async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.coordinator, app.password);
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    await page.waitForFunction("!document.body.textContent.includes('Loading')");
    await clean(page, 'worklist after sign-in (coordinator)');
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    const card = page.getByRole('article', { name: NAME });
    await card.waitFor();
    await card.getByText('Likely candidate for a facet work-up').waitFor();
    await card.getByText('Prefers Spanish').waitFor();
    await card.getByText('Medicare · Medicare Part B').waitFor();
    // The request in the inbox is the one the patient's page confirmed (its reference number).
    const inbox = await api<{
      items: { id: string; locationId: string; language: string; contact: { givenName: string } }[];
    }>(page, '/api/v1/requests?status=new&limit=200');
    const mine = inbox.items.filter((r) => r.contact.givenName === GIVEN);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.id.slice(0, 8).toUpperCase()).toBe(reference);
    expect(mine[0]).toMatchObject({ locationId: downtown.id, language: 'es' });
    requestId = mine[0]!.id;
    await clean(page, 'requests');

    const day = isoDay(2);
    await card.getByRole('button', { name: `Accept ${NAME}'s request` }).click();
    const form = page.getByRole('form', { name: `Accept ${NAME}'s request` });
    await form.getByLabel('Book the first appointment now').check();
    await form.getByLabel('Physician').selectOption({ label: PHYSICIAN });
    await form.getByLabel('Date', { exact: true }).fill(day);
    await form.getByLabel('Start time').fill('09:30');
    await clean(page, 'accept form');
    await form.getByRole('button', { name: 'Accept and create the patient' }).click();
    const done = page.getByRole('status').filter({ hasText: `Accepted ${NAME}'s request` });
    await done.waitFor();
    await done.getByText('First appointment booked on').waitFor();
    await clean(page, 'accepted');

    const chartLink = done.getByRole('link', { name: `Open ${NAME}'s chart` });
    patientId = (await chartLink.getAttribute('href'))!.split('/').pop()!;
    const patient = await api<{ givenName: string; familyName: string; birthDate: string }>(
      page,
      `/api/v1/patients/${patientId}`,
    );
    expect(patient).toMatchObject({ givenName: GIVEN, familyName: FAMILY, birthDate: '1954-09-03' });
    const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const appts = await api<{ items: { patientId: string; locationId: string }[] }>(
      page,
      `/api/v1/appointments?date=${day}&tz=${encodeURIComponent(tz)}`,
    );
    expect(appts.items.filter((a) => a.patientId === patientId)).toEqual([
      expect.objectContaining({ locationId: downtown.id }),
    ]);

    await chartLink.click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clinic/patients/${patientId}`);
    await page.getByRole('heading', { name: 'Open an episode' }).waitFor();
    await clean(page, 'chart of the new patient (coordinator)');

    // 3. Her coverage, recorded on the chart from what she gave on her phone.
    await page.getByRole('button', { name: 'Record the coverage' }).click();
    const coverageForm = page.getByRole('form', { name: 'Record the coverage' });
    await coverageForm.getByText('Medicare · Medicare Part B · member 7QW2-HJ4-LM19').waitFor();
    await coverageForm.getByRole('button', { name: 'Fill in from the screening request' }).click();
    expect(await coverageForm.getByLabel('Coverage kind').inputValue()).toBe('medicare');
    expect(await coverageForm.getByLabel('Payer name').inputValue()).toBe('Medicare Part B');
    expect(await coverageForm.getByLabel('Member ID').inputValue()).toBe('7QW2-HJ4-LM19');
    await coverageForm.getByLabel('State', { exact: true }).selectOption('CA');
    await clean(page, 'chart, coverage form');
    await coverageForm.getByRole('button', { name: 'Save the coverage' }).click();
    await page.getByText(/^Coverage saved: /).waitFor();
    const cov = await api<Record<string, unknown>>(page, `/api/v1/patients/${patientId}/coverage`);
    expect(cov).toMatchObject({
      kind: 'medicare',
      state: 'CA',
      payerName: 'Medicare Part B',
      memberId: '7QW2-HJ4-LM19',
      active: true,
    });
    coverageId = cov.id as string;
    await clean(page, 'chart with coverage');
    await context.close();
  }, 90_000);

  it('4. the physician opens a lumbar episode, documents the first block 3 weeks ago and creates the diary link', async () => {
    physician = await newPage(browser, app.baseUrl, DESKTOP);
    const { page } = physician;
    await signIn(page, STAFF_EMAILS.physician, app.password);
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    await page.waitForFunction("!document.body.textContent.includes('Loading')");
    await clean(page, 'worklist after sign-in (physician)');
    await page.goto('/clinic/patients');
    await page.getByLabel('Search by name or MRN').fill(FAMILY);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(`Showing 1–1 of 1 patient matching “${FAMILY}”.`).waitFor();
    await clean(page, 'patients, search');
    await page.getByRole('link', { name: `${FAMILY}, ${GIVEN}` }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clinic/patients/${patientId}`);
    await page.getByRole('heading', { name: 'Open an episode' }).waitFor();
    expect(await page.getByLabel('Region').inputValue()).toBe('lumbar');
    await page.getByLabel('Pain began on').fill(isoDay(-400));
    await clean(page, 'chart, open an episode');
    await page.getByRole('button', { name: 'Open the episode' }).click();
    await page.getByRole('link', { name: 'Document a block' }).click();

    await page.getByRole('heading', { level: 1, name: 'Document a block' }).waitFor();
    episodeId = /\/clinic\/episodes\/([^/]+)\/blocks\/new/.exec(page.url())![1]!;
    await page.getByRole('button', { name: 'L4-L5 Left' }).click();
    await page.getByRole('button', { name: 'L4-L5 Right' }).click();
    await page.getByRole('button', { name: 'L5-S1 Both sides' }).click();
    expect(await page.locator('.levels-count').textContent()).toBe('2 levels');
    await page.getByLabel('Date', { exact: true }).fill(isoDay(-21));
    await page.getByLabel('Anaesthetic agent').selectOption('lidocaine');
    await page.getByLabel('Pain score before the block').fill('8');
    await page.locator('.payer-lines li', { hasText: '64494-50' }).waitFor();
    await clean(page, 'block form, first block');
    await page.getByRole('button', { name: 'Save the block' }).click();
    await page.getByRole('heading', { name: `Block saved for ${NAME}` }).waitFor();

    const list = await api<{
      items: { id: string; date: string; agent: string; joints: unknown; preScore: unknown }[];
    }>(page, `/api/v1/episodes/${episodeId}/procedures`);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      date: isoDay(-21),
      agent: 'lidocaine',
      joints: TWO_LEVELS,
      preScore: { scale: 'NRS', score: 8 },
    });
    firstBlockId = list.items[0]!.id;

    await page.getByRole('button', { name: 'Create diary link' }).click();
    const linkBox = page.getByRole('textbox', { name: 'Diary link', exact: true });
    await linkBox.waitFor();
    firstLink = await linkBox.inputValue();
    expect(firstLink).toMatch(/\/diary\/[A-Za-z0-9_-]{43}$/);
    // She asked in Spanish: her message comes first, and carries the link.
    expect(await page.getByLabel(/Text message in Spanish/).inputValue()).toContain(firstLink);
    await page.getByRole('img', { name: `QR code of the diary link for ${NAME}` }).waitFor();
    await clean(page, 'diary link');
  }, 90_000);

  it('5. the patient fills the diary on her phone, one entry offline; each reaches the clinic exactly once', async () => {
    const { context, page } = patientPhone;
    await page.goto(firstLink);
    // The phone remembers she chose Spanish.
    await page.getByRole('button', { name: 'Guardar anotación' }).waitFor();
    await page.getByText('Antes del bloqueo su dolor era 8 de 10.').waitFor();
    await page.getByRole('heading', { name: /^Próxima anotación: 15 minutos/ }).waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await clean(page, 'diary, empty');
    const status = page.locator('.diary-status');

    await page.getByRole('radio', { name: '3 — dolor leve' }).check();
    await page.getByLabel('Actividad que probó (opcional)').fill('inclinarme hacia delante');
    await page.getByRole('button', { name: 'Guardar anotación' }).click();
    await status.getByText('Guardado. Su anotación de 15 minutos llegó a la clínica.').waitFor();
    await page.getByRole('heading', { name: /^Próxima anotación: 30 minutos/ }).waitFor();

    // No signal: the 30-minute entry stays on the phone.
    await context.setOffline(true);
    await page.getByRole('radio', { name: '1 — dolor leve' }).check();
    await page.getByRole('button', { name: 'Guardar anotación' }).click();
    await status.getByText('Guardado en este teléfono: se enviará cuando vuelva a tener conexión.').waitFor();
    await page.getByText('1 anotación está guardada en este teléfono esperando a enviarse.').waitFor();
    await clean(page, 'diary, offline with a queued entry');
    const onServer = async () =>
      (await api<{ diary: DiaryEntry[] }>(physician.page, `/api/v1/procedures/${firstBlockId}`)).diary
        .map((e) => [e.minutesAfter, e.score, e.source] as const)
        .sort((a, b) => a[0] - b[0]);
    expect(await onServer()).toEqual([[15, 3, 'patient']]);

    // Back online: it is sent by itself, once.
    await context.setOffline(false);
    await status.getByText('Todas las anotaciones están enviadas.').waitFor();
    expect(await onServer()).toEqual([
      [15, 3, 'patient'],
      [30, 1, 'patient'],
    ]);

    for (const [score, next] of [
      ['1 — dolor leve', /^Próxima anotación: 2 horas/],
      ['2 — dolor leve', /^Próxima anotación: 3 horas/],
    ] as const) {
      await page.getByRole('radio', { name: score }).check();
      await page.getByRole('button', { name: 'Guardar anotación' }).click();
      await page.getByRole('heading', { name: next }).waitFor();
    }
    await page.getByRole('img', { name: /Su alivio a lo largo del tiempo/ }).waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await clean(page, 'diary, filled');
    // Exactly once each: a reload sends nothing again.
    await page.reload();
    await page.getByRole('heading', { name: /^Próxima anotación: 3 horas/ }).waitFor();
    expect(await onServer()).toEqual([
      [15, 3, 'patient'],
      [30, 1, 'patient'],
      [60, 1, 'patient'],
      [120, 2, 'patient'],
    ]);
  }, 90_000);

  it('6. the physician reads the interpretation of the block from the chart and signs it', async () => {
    const { page } = physician;
    await page.goto(`/clinic/patients/${patientId}`);
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    const block = page.locator('.timeline li.tl-procedure');
    await block.first().waitFor();
    expect(await block.count()).toBe(1);
    expect(await block.textContent()).toContain('L4-L5 both sides, L5-S1 both sides');
    await clean(page, 'chart with the first block');
    await block.getByRole('link').click();
    expect(new URL(page.url()).pathname).toBe(`/clinic/procedures/${firstBlockId}`);

    const reading = await api<Interpretation>(page, `/api/v1/procedures/${firstBlockId}/interpretation`);
    expect(reading.result).toBe('positive');
    const chart = page.getByRole('img', { name: /Relief over time after the block/ });
    await chart.waitFor();
    expect(await chart.locator('polyline').count()).toBe(1);
    expect(await chart.locator('circle').count()).toBe(4);
    const threshold = `Threshold ${reading.thresholdInclusive ? '≥' : '>'} ${reading.threshold} %`;
    expect(await chart.getAttribute('aria-label')).toContain(threshold);
    expect((await page.getByTestId('threshold-line').textContent())?.trim()).toBe(threshold);
    firstPeak = Math.round(reading.peakReliefPercent!);
    expect(firstPeak).toBe(88); // (8 − 1) / 8
    expect((await page.getByTestId('peak-relief').textContent())?.trim()).toBe(`${firstPeak} %`);
    expect(await page.getByTestId('result-badge').textContent()).toBe('Positive');
    await clean(page, 'interpretation, first block');

    await page.getByRole('button', { name: /^Sign the interpretation/ }).click();
    await page.getByText('Your signature is recorded on this block.').waitFor();
    expect(await page.getByTestId('signed').textContent()).toMatch(
      /^Signed by Dr\. Sofia Rivera \(demo\) on /,
    );
    const signed = await api<Interpretation>(page, `/api/v1/procedures/${firstBlockId}/interpretation`);
    expect(signed.interpretedByName).toBe(PHYSICIAN);
    await clean(page, 'interpretation, signed');
  }, 90_000);

  it('7. a confirmatory bupivacaine block a week ago, its diary, an RFA planned and decided; the packet', async () => {
    const { page } = physician;
    await page.goto(`/clinic/patients/${patientId}`);
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByRole('link', { name: 'Document a block' }).click();
    await page.getByRole('heading', { level: 1, name: 'Document a block' }).waitFor();
    await page.getByRole('button', { name: 'Use the same levels' }).click();
    await page.getByRole('button', { name: 'Same levels chosen' }).waitFor();
    expect(await page.getByLabel('Anaesthetic agent').inputValue()).toBe('bupivacaine');
    for (const name of ['L4-L5 Both sides', 'L5-S1 Both sides'])
      expect(await page.getByRole('button', { name }).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Date', { exact: true }).fill(isoDay(-7)); // 14 days after the first (rule 9)
    await page.getByLabel('Pain score before the block').fill('8');
    await clean(page, 'block form, confirmatory block');
    await page.getByRole('button', { name: 'Save the block' }).click();
    await page.getByRole('heading', { name: `Block saved for ${NAME}` }).waitFor();
    const procs = await api<{ items: { id: string; date: string; agent: string; joints: unknown }[] }>(
      page,
      `/api/v1/episodes/${episodeId}/procedures`,
    );
    const second = procs.items.find((p) => p.id !== firstBlockId)!;
    expect(second).toMatchObject({ date: isoDay(-7), agent: 'bupivacaine', joints: TWO_LEVELS });
    secondBlockId = second.id;
    await page.getByRole('button', { name: 'Create diary link' }).click();
    const linkBox = page.getByRole('textbox', { name: 'Diary link', exact: true });
    await linkBox.waitFor();
    const secondLink = await linkBox.inputValue();
    await clean(page, 'diary link, confirmatory block');

    // The second diary's entries go in through the patient's diary API (the same POST the diary page sends,
    // with the link's token) rather than the phone again: step 5 already proved the browser path.
    const token = secondLink.split('/diary/')[1]!;
    for (const [minutesAfter, score] of [
      [30, 2],
      [60, 1],
      [120, 1],
      [240, 1],
      [360, 2],
    ] as const) {
      const res = await fetch(`${app.baseUrl}/api/v1/diary/${token}/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ minutesAfter, score, idempotencyKey: `journey-second-${minutesAfter}` }),
      });
      expect(res.status, await res.text()).toBe(201);
    }

    // Its interpretation, read and signed on the page.
    await page.goto(`/clinic/procedures/${secondBlockId}`);
    const reading = await api<Interpretation>(page, `/api/v1/procedures/${secondBlockId}/interpretation`);
    expect(reading.result).toBe('positive');
    secondPeak = Math.round(reading.peakReliefPercent!);
    await page.getByRole('img', { name: /Relief over time after the block/ }).waitFor();
    expect((await page.getByTestId('peak-relief').textContent())?.trim()).toBe(`${secondPeak} %`);
    await page.getByTestId('comparison').getByText('Concordant').waitFor();
    await clean(page, 'interpretation, confirmatory block');
    await page.getByRole('button', { name: /^Sign the interpretation/ }).click();
    await page.getByText('Your signature is recorded on this block.').waitFor();

    // The decision panel: no planned procedure yet, so the physician plans the RFA there.
    await page.getByRole('link', { name: 'Open the decision panel for this episode' }).click();
    await page.getByRole('heading', { level: 1, name: `Decision for ${NAME}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clinic/episodes/${episodeId}/decision`);
    await page.getByRole('heading', { level: 2, name: 'Plan the procedure to decide on' }).waitFor();
    await page.getByRole('radio', { name: 'Radiofrequency ablation (RFA)' }).check();
    await page.getByLabel('Planned date').fill(isoDay(14));
    await clean(page, 'decision, plan form');
    await page.getByRole('button', { name: 'Plan it and run the decision' }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();

    const planned = (
      await api<{ items: { id: string; kind: string; status: string }[] }>(
        page,
        `/api/v1/episodes/${episodeId}/procedures`,
      )
    ).items.filter((p) => p.status === 'planned');
    expect(planned).toEqual([expect.objectContaining({ kind: 'rfa' })]);
    const evaluation = await api<Evaluation>(
      page,
      `/api/v1/episodes/${episodeId}/evaluation?proposed=${planned[0]!.id}`,
    );
    expect(await verdict.getByText(`Verdict: ${VERDICT[evaluation.verdict]}`).count()).toBe(1);
    // The two positive blocks at the joints to ablate: rule 12 is met, on the page as in the API. (Rule 9, the
    // 14 days between the blocks, belongs to the second diagnostic block, not to the RFA: it is not among the
    // RFA's criteria; the blocks here are 14 days apart.)
    const rule12 = evaluation.criteria.findIndex((c) => c.rule === '12');
    expect(evaluation.criteria[rule12]).toMatchObject({ status: 'met' });
    // Every criterion with its source, in the API's order.
    const rows = page.getByTestId('criteria').locator('tbody tr');
    expect(await rows.count()).toBe(evaluation.criteria.length);
    for (const [k, c] of evaluation.criteria.entries()) {
      const row = rows.nth(k);
      expect(await row.locator('td').nth(0).textContent()).toBe(STATUS[c.status as keyof typeof STATUS]);
      expect(await row.locator('td').nth(1).textContent()).toContain(`Rule ${c.rule}: ${c.title}`);
      expect(await row.locator('td').nth(3).textContent()).toBe(c.source);
    }
    expect(await rows.nth(rule12).locator('td').first().textContent()).toBe('Met');
    // What is missing: exactly the open criteria the API names (the new episode lacks some facts).
    const open = evaluation.criteria.filter(
      (c) => c.status !== 'met' && (c.severity === 'required' || c.status === 'not-met'),
    );
    const missing = page.getByTestId('missing');
    if (open.length === 0) {
      expect(await missing.textContent()).toBe('Nothing is missing: every required criterion is met.');
    } else {
      expect(await missing.locator(':scope > li').count()).toBe(open.length);
      for (const c of open) {
        expect(await missing.getByText(`Rule ${c.rule}: ${c.title}`).count()).toBe(1);
        if (c.reason) expect(await missing.getByText(`(${c.reason})`).count()).toBeGreaterThan(0);
      }
    }
    const provide = evaluation.next.find((n) => n.action === 'provide-information');
    if (provide) await page.getByText(provide.reason, { exact: true }).waitFor();
    // The earliest date, as the API's answer gives it.
    const reschedule = evaluation.next.find((n) => n.action === 'reschedule' && n.earliestDate);
    const earliest = await page.getByTestId('earliest').textContent();
    if (reschedule)
      expect(earliest).toBe(
        `Earliest allowed date: ${formatDate(reschedule.earliestDate!)} — ${reschedule.reason}`,
      );
    else if (evaluation.verdict === 'eligible')
      expect(earliest).toBe(
        `Earliest allowed date: ${formatDate(evaluation.proposed.date)} (the planned date)`,
      );
    else
      expect(earliest).toBe(
        `Earliest allowed date: ${
          evaluation.verdict === 'needs-information'
            ? 'No date until the missing information is recorded.'
            : 'Not allowed until the unmet criteria are resolved.'
        }`,
      );
    expect(
      await page.getByTestId('coding').locator('tbody tr').first().locator('td').first().textContent(),
    ).toBe(evaluation.coding[0]!.code);
    await clean(page, 'decision, result');

    // The packet, downloaded through the page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download medical-necessity packet (PDF)' }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(pdfText(pdf));
    expect(text).toContain(NAME);
    for (const peak of [firstPeak, secondPeak]) expect(text).toContain(`Peak relief ${peak} %`);
    expect(text).toContain(evaluation.coding[0]!.code);
    await clean(page, 'decision, after the download');
    await physician.context.close();
  }, 120_000);

  it("8. the admin sees who read and changed her records: the coordinator's acceptance, the physician's packet", async () => {
    const { context, page } = await newPage(browser, app.baseUrl, DESKTOP);
    await signIn(page, STAFF_EMAILS.admin, app.password);
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    await page.waitForFunction("!document.body.textContent.includes('Loading')");
    await clean(page, 'worklist after sign-in (admin)');
    await page.goto(`/clinic/patients/${patientId}/access`);
    await page.getByRole('heading', { level: 1, name: 'Access history' }).waitFor();
    await page.getByRole('table').waitFor();
    await clean(page, 'access history');

    /** Pages through the history (newest first) until a row matches, or fails at the last page. */
    async function findRow(who: string, what: string, record: string) {
      for (;;) {
        const row = page
          .getByRole('row')
          .filter({ hasText: who })
          .filter({ hasText: what })
          .filter({ hasText: record });
        if ((await row.count()) > 0) return row.first();
        const older = page.getByRole('button', { name: 'Older events' });
        if ((await older.count()) === 0 || (await older.isDisabled()))
          throw new Error(`no row: ${who} · ${what} · ${record}`);
        const at = Number(/Page (\d+) of/.exec((await page.locator('.ops-pager').textContent()) ?? '')![1]);
        await older.click();
        await page.locator('.ops-pager', { hasText: `Page ${at + 1} of` }).waitFor();
      }
    }
    await findRow(PHYSICIAN, 'Read medical-necessity packet', episodeId);
    await findRow(PHYSICIAN, 'Interpreted procedure', firstBlockId);
    // Older than that sign-off: her own entries from her phone, and the link the physician made for them.
    await findRow('The patient, through a diary link', 'Created pain diary entry', '');
    await findRow(PHYSICIAN, 'Created diary link', '');
    await findRow(COORDINATOR, 'Changed insurance coverage', coverageId);
    await findRow(COORDINATOR, 'Accepted screening request', requestId);
    await findRow(COORDINATOR, 'Created patient record', patientId);
    await clean(page, 'access history, oldest events');
    await context.close();
    await patientPhone.context.close();
  }, 90_000);
});
