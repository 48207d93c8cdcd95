/**
 * The screening form's state, its checks in the browser and its mapping onto the server's contract
 * (screeningRequestInput in src/contract/public.ts). Pure: no DOM, no React, so test/web can check it.
 * The browser checks what a patient can fix before sending (required answers, phone format, dates in the
 * past); the server checks everything again and its 400 issues are mapped back onto the same fields.
 */
import type { ScreeningRequestInput } from '../../../contract/public';
import type { CoverageKind, Duration, Imaging, PainArea, Radiation, RedFlag, Treatment } from './screening';

export interface ScreeningForm {
  painArea: PainArea | '';
  duration: Duration | '';
  worseWithMovement: 'yes' | 'no' | '';
  radiation: Radiation | '';
  treatmentsTried: Treatment[];
  imaging: Imaging | '';
  redFlags: RedFlag[];
  locationId: string;
  preferredTimes: string;
  givenName: string;
  familyName: string;
  phone: string;
  email: string;
  birthDate: string;
  /** '' until answered; 'not-sure' when the patient would rather not say (no insurance is sent). */
  insuranceKind: CoverageKind | 'not-sure' | '';
  payerName: string;
  memberId: string;
}

export const EMPTY_FORM: ScreeningForm = {
  painArea: '',
  duration: '',
  worseWithMovement: '',
  radiation: '',
  treatmentsTried: [],
  imaging: '',
  redFlags: [],
  locationId: '',
  preferredTimes: '',
  givenName: '',
  familyName: '',
  phone: '',
  email: '',
  birthDate: '',
  insuranceKind: '',
  payerName: '',
  memberId: '',
};

/** The fields in the order they appear (the error summary lists them in this order). */
export const FIELDS = [
  'painArea',
  'duration',
  'worseWithMovement',
  'radiation',
  'treatmentsTried',
  'imaging',
  'redFlags',
  'locationId',
  'preferredTimes',
  'contact.givenName',
  'contact.familyName',
  'contact.phone',
  'contact.email',
  'contact.birthDate',
  'insurance.kind',
  'insurance.payerName',
  'insurance.memberId',
] as const;
export type FieldKey = (typeof FIELDS)[number];

export type ErrorCode =
  | 'errChoose'
  | 'errChooseSome'
  | 'errNoneAlone'
  | 'errLocation'
  | 'errGivenName'
  | 'errFamilyName'
  | 'errPhoneMissing'
  | 'errPhone'
  | 'errEmail'
  | 'errBirthDate'
  | 'errTooLong';

/** A field's error: a translated message (by code) or, for something only the server knows, its text. */
export type FieldError = { code: ErrorCode; max?: number } | { code: 'errServer'; message: string };
export type FieldErrors = Partial<Record<FieldKey, FieldError>>;

/** Insurance kinds that have a payer name and member ID worth asking for. */
export const hasPayer = (kind: ScreeningForm['insuranceKind']) =>
  kind !== '' && kind !== 'not-sure' && kind !== 'self-pay';

/** The same pattern the server accepts (src/contract/common.ts). */
const PHONE = /^[+0-9 ().-]{7,25}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function realDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The checks a patient can fix before sending. `today` is YYYY-MM-DD. */
export function validate(f: ScreeningForm, today: string): FieldErrors {
  const e: FieldErrors = {};
  const choose = (k: FieldKey, v: string) => {
    if (!v) e[k] = { code: 'errChoose' };
  };
  const some = (k: FieldKey, v: readonly string[]) => {
    if (v.length === 0) e[k] = { code: 'errChooseSome' };
    else if (v.length > 1 && v.includes('none')) e[k] = { code: 'errNoneAlone' };
  };
  const long = (k: FieldKey, v: string, max: number) => {
    if (v.trim().length > max) e[k] = { code: 'errTooLong', max };
  };
  choose('painArea', f.painArea);
  choose('duration', f.duration);
  choose('worseWithMovement', f.worseWithMovement);
  choose('radiation', f.radiation);
  some('treatmentsTried', f.treatmentsTried);
  choose('imaging', f.imaging);
  some('redFlags', f.redFlags);
  if (!f.locationId) e.locationId = { code: 'errLocation' };
  long('preferredTimes', f.preferredTimes, 200);
  if (!f.givenName.trim()) e['contact.givenName'] = { code: 'errGivenName' };
  else long('contact.givenName', f.givenName, 100);
  if (!f.familyName.trim()) e['contact.familyName'] = { code: 'errFamilyName' };
  else long('contact.familyName', f.familyName, 100);
  if (!f.phone.trim()) e['contact.phone'] = { code: 'errPhoneMissing' };
  else if (!PHONE.test(f.phone.trim())) e['contact.phone'] = { code: 'errPhone' };
  const email = f.email.trim();
  if (email && (!EMAIL.test(email) || email.length > 200)) e['contact.email'] = { code: 'errEmail' };
  const born = f.birthDate.trim();
  if (born && (!realDate(born) || born > today)) e['contact.birthDate'] = { code: 'errBirthDate' };
  if (hasPayer(f.insuranceKind)) {
    long('insurance.payerName', f.payerName, 100);
    long('insurance.memberId', f.memberId, 60);
  }
  return e;
}

const optional = (s: string) => s.trim() || undefined;

/** The request body, exactly as screeningRequestInput expects it. */
export function toRequest(f: ScreeningForm, language: 'en' | 'es'): ScreeningRequestInput {
  if (!f.painArea || !f.duration || !f.worseWithMovement || !f.radiation || !f.imaging)
    throw new Error('validate the form before sending it');
  return {
    answers: {
      painArea: f.painArea,
      duration: f.duration,
      worseWithMovement: f.worseWithMovement === 'yes',
      radiation: f.radiation,
      treatmentsTried: f.treatmentsTried,
      imaging: f.imaging,
      redFlags: f.redFlags,
    },
    locationId: f.locationId,
    preferredTimes: optional(f.preferredTimes),
    contact: {
      givenName: f.givenName.trim(),
      familyName: f.familyName.trim(),
      phone: f.phone.trim(),
      email: optional(f.email),
      birthDate: optional(f.birthDate),
    },
    insurance:
      f.insuranceKind && f.insuranceKind !== 'not-sure'
        ? {
            kind: f.insuranceKind,
            payerName: hasPayer(f.insuranceKind) ? optional(f.payerName) : undefined,
            memberId: hasPayer(f.insuranceKind) ? optional(f.memberId) : undefined,
          }
        : undefined,
    language,
  };
}

/** "body.contact.phone" → "contact.phone"; "body.answers.redFlags.1" → "redFlags"; unknown → undefined. */
export function fieldForIssue(path: string): FieldKey | undefined {
  const parts = path.split('.').filter((p) => p && !/^\d+$/.test(p));
  if (parts[0] === 'body') parts.shift();
  if (parts[0] === 'answers') parts.shift();
  const one = parts[0] ?? '';
  const two = parts.slice(0, 2).join('.');
  return (FIELDS as readonly string[]).includes(two)
    ? (two as FieldKey)
    : (FIELDS as readonly string[]).includes(one)
      ? (one as FieldKey)
      : undefined;
}

const SERVER_CODE: Partial<Record<FieldKey, ErrorCode>> = {
  painArea: 'errChoose',
  duration: 'errChoose',
  worseWithMovement: 'errChoose',
  radiation: 'errChoose',
  imaging: 'errChoose',
  treatmentsTried: 'errChooseSome',
  redFlags: 'errChooseSome',
  locationId: 'errLocation',
  'contact.givenName': 'errGivenName',
  'contact.familyName': 'errFamilyName',
  'contact.phone': 'errPhone',
  'contact.email': 'errEmail',
  'contact.birthDate': 'errBirthDate',
};

/** The server's 400 issues as field errors (translated where the field is known) and the rest. */
export function errorsFromIssues(issues: readonly { path: string; message: string }[]): {
  fields: FieldErrors;
  other: string[];
} {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const i of issues) {
    const key = fieldForIssue(i.path);
    if (!key) {
      other.push(i.message);
      continue;
    }
    if (fields[key]) continue;
    const code = SERVER_CODE[key];
    fields[key] = code ? { code } : { code: 'errServer', message: i.message };
  }
  return { fields, other };
}
