/**
 * The patient pages' words and the screening form's mapping, without a browser: every dictionary has the same
 * keys in English and Spanish with non-empty values and the same {placeholders}; the choices cover exactly the
 * server's enums; the form's request body passes the server's own schema; server issue paths map to fields.
 * (The web modules are loaded by path at run time, so the server's typecheck — which has no DOM — skips them.)
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screeningRequestInput } from '../../src/contract/public.js';
import { COVERAGE_KINDS } from '../../src/domain/case.js';
import {
  IMAGING,
  PAIN_AREAS,
  PAIN_DURATIONS,
  RADIATION,
  RED_FLAGS,
  SCREENING_REASONS,
  SCREENING_RESULTS,
  TREATMENTS_TRIED,
} from '../../src/domain/screening/assess.js';

type Dict = { en: Record<string, string>; es: Record<string, string> };
type Mod = Record<string, unknown>;

const CONTENT = resolve(import.meta.dirname, '../../src/web/patient/content');
const load = (name: string): Promise<Mod> => import(`${CONTENT}/${name}`);
const isDict = (v: unknown): v is Dict =>
  typeof v === 'object' && v !== null && 'en' in v && 'es' in v && Object.keys(v).length === 2;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('patient page dictionaries', () => {
  it.each(['common.ts', 'learn.ts', 'prepare.ts', 'screening.ts'])(
    '%s: the same keys in English and Spanish, none empty, the same placeholders',
    async (file) => {
      const dicts = Object.entries(await load(file)).filter(([, v]) => isDict(v)) as [string, Dict][];
      expect(dicts.length).toBeGreaterThan(0);
      for (const [name, d] of dicts) {
        expect(Object.keys(d.es).sort(), name).toEqual(Object.keys(d.en).sort());
        for (const [key, en] of Object.entries(d.en)) {
          const es = d.es[key]!;
          expect(en.trim(), `${name}.en.${key}`).not.toBe('');
          expect(es.trim(), `${name}.es.${key}`).not.toBe('');
          expect(placeholders(es), `${name}.${key}`).toEqual(placeholders(en));
          expect(`${en} ${es}`, `${name}.${key}`).not.toMatch(/\bTODO\b|lorem ipsum/);
        }
      }
    },
  );

  it('labels exactly the choices, results and reasons of the server contract', async () => {
    const m = await load('screening.ts');
    const keys = (name: string) => Object.keys((m[name] as Dict).en).sort();
    expect(keys('painAreaText')).toEqual([...PAIN_AREAS].sort());
    expect(keys('durationText')).toEqual([...PAIN_DURATIONS].sort());
    expect(keys('radiationText')).toEqual([...RADIATION].sort());
    expect(keys('treatmentText')).toEqual([...TREATMENTS_TRIED].sort());
    expect(keys('imagingText')).toEqual([...IMAGING].sort());
    expect(keys('redFlagText')).toEqual([...RED_FLAGS].sort());
    expect(keys('coverageText')).toEqual([...COVERAGE_KINDS].sort());
    expect(keys('reasonText')).toEqual([...SCREENING_REASONS].sort());
    expect(keys('resultText')).toEqual(SCREENING_RESULTS.flatMap((r) => [`${r}.body`, `${r}.title`]).sort());
    expect(Object.keys(m.REASON_GROUP as object).sort()).toEqual([...SCREENING_REASONS].sort());
  });
});

describe('the screening form', () => {
  const filled = {
    painArea: 'low-back',
    duration: '>6 months',
    worseWithMovement: 'yes',
    radiation: 'above-knee',
    treatmentsTried: ['physical-therapy'],
    imaging: 'mri',
    redFlags: ['none'],
    locationId: '6f1c3f7e-9d2a-4c55-8a51-0b7e2b9f4a10',
    preferredTimes: '  mornings ',
    givenName: ' Ana ',
    familyName: 'Silva',
    phone: '+1 (415) 555-0123',
    email: '',
    birthDate: '1960-02-29',
    insuranceKind: 'commercial',
    payerName: 'Blue Shield',
    memberId: '',
  };

  it('checks the required answers, the phone and the dates a patient can fix', async () => {
    const f = await load('screening-form.ts');
    const validate = f.validate as (form: unknown, today: string) => Record<string, { code: string }>;
    expect(validate(filled, '2026-11-21')).toEqual({});
    const empty = validate(f.EMPTY_FORM, '2026-11-21');
    expect(Object.keys(empty)).toEqual([
      'painArea',
      'duration',
      'worseWithMovement',
      'radiation',
      'treatmentsTried',
      'imaging',
      'redFlags',
      'locationId',
      'contact.givenName',
      'contact.familyName',
      'contact.phone',
    ]);
    const bad = validate(
      {
        ...filled,
        phone: 'call me',
        email: 'ana@',
        birthDate: '2027-01-01',
        redFlags: ['none', 'fever'],
      },
      '2026-11-21',
    );
    expect(bad).toEqual({
      redFlags: { code: 'errNoneAlone' },
      'contact.phone': { code: 'errPhone' },
      'contact.email': { code: 'errEmail' },
      'contact.birthDate': { code: 'errBirthDate' },
    });
    expect(validate({ ...filled, birthDate: '1961-02-29' }, '2026-11-21')).toEqual({
      'contact.birthDate': { code: 'errBirthDate' },
    });
  });

  it('builds a body the server schema accepts, with the UI language and no empty optional parts', async () => {
    const f = await load('screening-form.ts');
    const toRequest = f.toRequest as (form: unknown, lang: string) => unknown;
    const body = toRequest(filled, 'es');
    const parsed = screeningRequestInput.parse(JSON.parse(JSON.stringify(body)));
    expect(parsed).toEqual({
      answers: {
        painArea: 'low-back',
        duration: '>6 months',
        worseWithMovement: true,
        radiation: 'above-knee',
        treatmentsTried: ['physical-therapy'],
        imaging: 'mri',
        redFlags: ['none'],
      },
      locationId: filled.locationId,
      preferredTimes: 'mornings',
      contact: { givenName: 'Ana', familyName: 'Silva', phone: '+1 (415) 555-0123', birthDate: '1960-02-29' },
      insurance: { kind: 'commercial', payerName: 'Blue Shield' },
      language: 'es',
    });
    const unsure = JSON.parse(JSON.stringify(toRequest({ ...filled, insuranceKind: 'not-sure' }, 'en')));
    expect(unsure).not.toHaveProperty('insurance');
    const selfPay = JSON.parse(JSON.stringify(toRequest({ ...filled, insuranceKind: 'self-pay' }, 'en')));
    expect(selfPay.insurance).toEqual({ kind: 'self-pay' });
  });

  it("maps the server's issue paths onto the form's fields", async () => {
    const f = await load('screening-form.ts');
    const fieldForIssue = f.fieldForIssue as (p: string) => string | undefined;
    expect(fieldForIssue('body.contact.phone')).toBe('contact.phone');
    expect(fieldForIssue('body.answers.redFlags.1')).toBe('redFlags');
    expect(fieldForIssue('body.answers.painArea')).toBe('painArea');
    expect(fieldForIssue('body.locationId')).toBe('locationId');
    expect(fieldForIssue('body.insurance.memberId')).toBe('insurance.memberId');
    expect(fieldForIssue('body.language')).toBeUndefined();
    const errorsFromIssues = f.errorsFromIssues as (i: unknown[]) => unknown;
    expect(
      errorsFromIssues([
        { path: 'body.contact.birthDate', message: 'expected a date of birth in the past' },
        { path: 'body.insurance.kind', message: 'invalid option' },
        { path: 'body', message: 'unrecognized key' },
      ]),
    ).toEqual({
      fields: {
        'contact.birthDate': { code: 'errBirthDate' },
        'insurance.kind': { code: 'errServer', message: 'invalid option' },
      },
      other: ['unrecognized key'],
    });
  });
});
