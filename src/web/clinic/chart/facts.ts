/**
 * The episode's facts without React: every field of the complaint (src/contract/case.ts) with its stable
 * element id, its label, and the policy rule that reads it — the one place the web says which rule uses
 * which fact (by rule kind; the numbers are the Medicare LCD's, facet-pathway.md §5.1) and which reason
 * code each field fixes. Also the ICD-10 search (the §7 supporting list first), the live region check of a
 * code against the episode's region, the form's text state to and from the complaint, and the server's
 * issue paths back to fields.
 */
import type { ComplaintFacts } from '../../../contract/episodes';

export type FactKey =
  | 'description'
  | 'onset'
  | 'axial'
  | 'radicular'
  | 'neurogenicClaudication'
  | 'nonFacetCause'
  | 'diagnoses'
  | 'imaging'
  | 'conservativeCare'
  | 'baseline'
  | 'function'
  | 'rfaContraindication';

export interface FactField {
  key: FactKey;
  /** The id of the element a "what is missing" link focuses. */
  id: string;
  label: string;
  /** The rule that reads it, in words; null when no rule does. */
  rule: string | null;
  /** Reason codes (docs/reason-codes.md) this field fixes. */
  fixes: readonly string[];
  /** Clinical facts are a physician's; the administrative ones (records on file) a coordinator may enter. */
  clinical: boolean;
}

const f = (
  key: FactKey,
  label: string,
  rule: string | null,
  fixes: readonly string[],
  clinical = true,
): FactField => ({ key, id: `fact-${key}`, label, rule, fixes, clinical });

/** In the order the form shows them. */
export const FACT_FIELDS: readonly FactField[] = [
  f('description', 'Index pain description', null, []),
  f(
    'onset',
    'Pain began on',
    'Rule 1 — index pain for at least 3 months (pain duration)',
    ['PAIN_DURATION_TOO_SHORT'],
    false,
  ),
  f('axial', 'Pain predominantly axial', 'Rule 3a — pain predominantly axial', ['PAIN_NOT_AXIAL']),
  f('radicular', 'Radicular symptoms', 'Rule 4a — no untreated radiculopathy (facet cyst excepted)', [
    'UNTREATED_RADICULOPATHY',
  ]),
  f('neurogenicClaudication', 'Neurogenic claudication', 'Rule 4b — no neurogenic claudication', [
    'NEUROGENIC_CLAUDICATION',
  ]),
  f('nonFacetCause', 'Non-facet cause found', 'Rule 5 — no non-facet cause explains the pain', [
    'NON_FACET_CAUSE',
  ]),
  f('diagnoses', 'ICD-10 diagnoses', 'Rule 24 — a supporting ICD-10 code matching the region', [
    'DIAGNOSIS_NOT_SUPPORTED',
    'DIAGNOSIS_REGION_MISMATCH',
  ]),
  f('imaging', 'Imaging on file', null, [], false),
  f(
    'conservativeCare',
    'Conservative care',
    'Rule 2 — documented failure of conservative care',
    ['CONSERVATIVE_CARE_NOT_DOCUMENTED', 'CONSERVATIVE_CARE_TOO_SHORT'],
    false,
  ),
  f('baseline', 'Baseline pain', 'Rule 6 — baseline pain on the scale used after the block', [
    'BASELINE_MISSING',
    'SCALE_MISMATCH',
  ]),
  f('function', 'Function', 'Rule 3b — a functional deficit on a named scale', ['FUNCTION_NOT_RECORDED']),
  f(
    'rfaContraindication',
    'Reason RFA is not possible',
    'Rule 17b — therapeutic injections need a documented reason RFA is not possible',
    ['RFA_NOT_CONTRAINDICATED'],
  ),
];

export const FACT = Object.fromEntries(FACT_FIELDS.map((x) => [x.key, x])) as Record<FactKey, FactField>;

/** The field that fixes a reason code, if a field does. */
export function fieldForReason(code: string): FactField | null {
  return FACT_FIELDS.find((x) => x.fixes.includes(code)) ?? null;
}

/** The chart's URL that opens an episode's facts at a field (or the section). */
export function factHref(patientId: string, episodeId: string, field?: FactField | null): string {
  return `/clinic/patients/${patientId}?episode=${episodeId}#${field ? field.id : 'facts'}`;
}

/** Moves focus to a fact's field (or the facts heading) and brings it into view. */
export function focusFact(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  return true;
}

type Radicular = NonNullable<ComplaintFacts['radicular']>;
type NonFacet = NonNullable<ComplaintFacts['nonFacetCause']>;
type CareKind = NonNullable<ComplaintFacts['conservativeCare']>[number]['kind'];
type ImagingKind = NonNullable<ComplaintFacts['imaging']>[number]['kind'];
type Instrument = NonNullable<ComplaintFacts['function']>['instrument'];

export const RADICULAR_LABEL: Record<Radicular, string> = {
  none: 'None',
  treated: 'Present and treated',
  untreated: 'Present and untreated',
  'facet-cyst': 'Caused by a facet synovial cyst',
};
export const NON_FACET_LABEL: Record<NonFacet, string> = {
  none: 'None (excluded)',
  fracture: 'Fracture',
  tumor: 'Tumour',
  infection: 'Infection',
  deformity: 'Significant deformity',
};
export const CARE_LABEL: Record<CareKind, string> = {
  'physical-therapy': 'Physical therapy',
  medication: 'Medication',
  manipulation: 'Manipulation',
  exercise: 'Exercise',
  'activity-modification': 'Activity modification',
  other: 'Other',
};
export const IMAGING_LABEL: Record<ImagingKind, string> = {
  mri: 'MRI',
  ct: 'CT',
  xray: 'X-ray',
  ultrasound: 'Ultrasound',
  other: 'Other',
};
export const INSTRUMENT_LABEL: Record<Instrument, string> = {
  ODI: 'Oswestry Disability Index (ODI)',
  NDI: 'Neck Disability Index (NDI)',
  'PROMIS-PI': 'PROMIS Pain Interference',
  other: 'Other',
};

// ICD-10 ---------------------------------------------------------------------------------------------------

export interface Icd10 {
  code: string;
  words: string;
  /** On the §7 list of codes that support facet coverage. */
  supporting: boolean;
}

const SPONDYLOSIS_REGIONS: [string, string][] = [
  ['2', 'cervical'],
  ['3', 'cervicothoracic'],
  ['4', 'thoracic'],
  ['5', 'thoracolumbar'],
  ['6', 'lumbar'],
  ['7', 'lumbosacral'],
];

/** The §7 supporting list first, then common codes that do not support facet coverage. */
export const ICD10: readonly Icd10[] = [
  ...SPONDYLOSIS_REGIONS.map(([c, r]) => ({
    code: `M47.81${c}`,
    words: `Spondylosis without myelopathy or radiculopathy, ${r} region`,
    supporting: true,
  })),
  ...SPONDYLOSIS_REGIONS.map(([c, r]) => ({
    code: `M47.89${c}`,
    words: `Other spondylosis, ${r} region`,
    supporting: true,
  })),
  ...SPONDYLOSIS_REGIONS.map(([c, r]) => ({
    code: `M48.1${c}`,
    words: `Ankylosing hyperostosis (Forestier), ${r} region`,
    supporting: true,
  })),
  ...SPONDYLOSIS_REGIONS.map(([c, r]) => ({
    code: `M53.8${c}`,
    words: `Other specified dorsopathies (facet cyst), ${r} region`,
    supporting: true,
  })),
  { code: 'M54.2', words: 'Cervicalgia (neck pain)', supporting: false },
  { code: 'M54.6', words: 'Pain in thoracic spine', supporting: false },
  { code: 'M54.50', words: 'Low back pain, unspecified', supporting: false },
  { code: 'M54.12', words: 'Radiculopathy, cervical region', supporting: false },
  { code: 'M54.16', words: 'Radiculopathy, lumbar region', supporting: false },
  { code: 'M54.17', words: 'Radiculopathy, lumbosacral region', supporting: false },
  { code: 'M51.26', words: 'Other intervertebral disc displacement, lumbar region', supporting: false },
  { code: 'M48.061', words: 'Spinal stenosis, lumbar, without neurogenic claudication', supporting: false },
  { code: 'M48.062', words: 'Spinal stenosis, lumbar, with neurogenic claudication', supporting: false },
  { code: 'M43.16', words: 'Spondylolisthesis, lumbar region', supporting: false },
];

/** ICD-10 as written with a dot after the category (m47816 → M47.816), as the policy rule reads it. */
export function normaliseIcd10(code: string): string {
  const c = code.trim().toUpperCase().replace('.', '');
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

export const looksLikeIcd10 = (code: string) =>
  /^[A-Za-z]\d[0-9A-Za-z](\.?[0-9A-Za-z]{1,4})?$/.test(code.trim());

/** Codes matching every word of the query, by code (with or without the dot) or by words; supporting first. */
export function searchIcd10(query: string, limit = 8): Icd10[] {
  const terms = query.toLowerCase().replace('.', '').split(/\s+/).filter(Boolean);
  if (!terms.length) return [];
  const hits = ICD10.filter((d) => {
    const hay = `${d.code.toLowerCase().replace('.', '')} ${d.code.toLowerCase()} ${d.words.toLowerCase()}`;
    return terms.every((t) => hay.includes(t));
  });
  // Supporting codes first; among them, those whose words hold each term as a whole word ("lumbar" before
  // "thoracolumbar").
  const whole = (d: Icd10) =>
    terms.filter((t) =>
      new RegExp(`(^|[^a-z])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`).test(
        d.words.toLowerCase(),
      ),
    ).length;
  const rank = (d: Icd10) => (d.supporting ? 100 : 0) + whole(d);
  return [...hits].sort((a, b) => rank(b) - rank(a)).slice(0, limit);
}

const REGION_CHARS: Record<string, { chars: string; words: string }> = {
  cervical: { chars: '2345', words: 'cervical/thoracic codes end in 2–5' },
  thoracic: { chars: '2345', words: 'cervical/thoracic codes end in 2–5' },
  lumbar: { chars: '567', words: 'lumbar/sacral codes end in 5–7' },
};

/** A warning in words when a code cannot support coverage for the episode's region (rule 24); else null. */
export function diagnosisWarning(code: string, region: string): string | null {
  const c = normaliseIcd10(code);
  const known = ICD10.find((d) => d.code === c);
  if (!known?.supporting) {
    return `${c} is not on the list of codes that support facet coverage (rule 24)${
      c.startsWith('M54.1') ? '; radiculopathy codes never do' : ''
    }.`;
  }
  const r = REGION_CHARS[region];
  if (r && !r.chars.includes(c.slice(-1))) {
    return `${c} does not match this ${region} episode: ${r.words}.`;
  }
  return null;
}

// Form state -----------------------------------------------------------------------------------------------

export interface CareRow {
  kind: string;
  start: string;
  end: string;
  failed: boolean;
}
export interface ImagingRow {
  kind: string;
  date: string;
  finding: string;
}

/** Every fact as the form holds it: text, '' for not recorded. */
export interface FactsForm {
  description: string;
  onset: string;
  axial: '' | 'yes' | 'no';
  radicular: string;
  neurogenicClaudication: '' | 'yes' | 'no';
  nonFacetCause: string;
  diagnoses: string[];
  imaging: ImagingRow[];
  conservativeCare: CareRow[];
  baselineScale: string;
  baselineScore: string;
  baselineDate: string;
  baselineActivity: string;
  functionInstrument: string;
  functionScore: string;
  functionDate: string;
  rfaContraindication: string;
}

const yn = (b: boolean | undefined): '' | 'yes' | 'no' => (b === undefined ? '' : b ? 'yes' : 'no');
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function formFromComplaint(c: Partial<ComplaintFacts>): FactsForm {
  return {
    description: c.description ?? '',
    onset: c.onset ?? '',
    axial: yn(c.axial),
    radicular: c.radicular ?? '',
    neurogenicClaudication: yn(c.neurogenicClaudication),
    nonFacetCause: c.nonFacetCause ?? '',
    diagnoses: c.diagnoses ?? [],
    imaging: (c.imaging ?? []).map((i) => ({ kind: i.kind, date: i.date, finding: i.finding ?? '' })),
    conservativeCare: (c.conservativeCare ?? []).map((x) => ({ ...x })),
    baselineScale: c.baseline?.scale ?? '',
    baselineScore: str(c.baseline?.score),
    baselineDate: c.baseline?.date ?? '',
    baselineActivity: c.baseline?.activity ?? '',
    functionInstrument: c.function?.instrument ?? '',
    functionScore: str(c.function?.score),
    functionDate: c.function?.date ?? '',
    rfaContraindication: c.rfaContraindication ?? '',
  };
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const set = (o: Record<string, unknown>, k: string, v: unknown) => {
  if (v !== undefined && v !== '') o[k] = v;
};

/**
 * The complaint to send (PATCH replaces it as a whole): what is recorded, nothing for what is not. A group
 * filled in part (a baseline score without its date) is sent as it is, so the server says what is missing.
 */
export function complaintFromForm(s: FactsForm): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  set(c, 'description', s.description.trim());
  set(c, 'onset', s.onset);
  if (s.axial) c.axial = s.axial === 'yes';
  set(c, 'radicular', s.radicular);
  if (s.neurogenicClaudication) c.neurogenicClaudication = s.neurogenicClaudication === 'yes';
  set(c, 'nonFacetCause', s.nonFacetCause);
  if (s.diagnoses.length) c.diagnoses = s.diagnoses;
  const imaging = s.imaging.filter((i) => i.kind || i.date || i.finding.trim());
  if (imaging.length)
    c.imaging = imaging.map((i) => {
      const o: Record<string, unknown> = {};
      set(o, 'kind', i.kind);
      set(o, 'date', i.date);
      set(o, 'finding', i.finding.trim());
      return o;
    });
  const care = s.conservativeCare.filter((x) => x.kind || x.start || x.end);
  if (care.length)
    c.conservativeCare = care.map((x) => {
      const o: Record<string, unknown> = { failed: x.failed };
      set(o, 'kind', x.kind);
      set(o, 'start', x.start);
      set(o, 'end', x.end);
      return o;
    });
  if (s.baselineScale || s.baselineScore || s.baselineDate || s.baselineActivity.trim()) {
    const b: Record<string, unknown> = {};
    set(b, 'scale', s.baselineScale);
    set(b, 'score', num(s.baselineScore));
    set(b, 'date', s.baselineDate);
    set(b, 'activity', s.baselineActivity.trim());
    c.baseline = b;
  }
  if (s.functionInstrument || s.functionScore || s.functionDate) {
    const fn: Record<string, unknown> = {};
    set(fn, 'instrument', s.functionInstrument);
    set(fn, 'score', num(s.functionScore));
    set(fn, 'date', s.functionDate);
    c.function = fn;
  }
  set(c, 'rfaContraindication', s.rfaContraindication.trim());
  return c;
}

/**
 * A server issue's path (body.complaint.baseline.score, body.complaint.imaging[0].date) as the form's
 * field: the key of one input ("baseline.score", "imaging.0.date") and the fact it belongs to.
 */
export function issueField(path: string): { input: string; fact: FactField | null } {
  const input = path
    .replace(/^body\.?/, '')
    .replace(/^complaint\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1');
  const key = input.split('.')[0] as FactKey;
  return { input, fact: FACT[key] ?? null };
}

/** "Baseline pain — score", "Conservative care 2 — end" — where an issue is, for the error summary. */
export function issueLabel(input: string): string {
  const [key, a, b] = input.split('.');
  const fact = FACT[key as FactKey];
  if (!fact) return 'Episode facts';
  const part = (p: string | undefined) => (p ? (PART_LABEL[p] ?? p) : '');
  if (a !== undefined && /^\d+$/.test(a)) {
    return `${fact.label} ${Number(a) + 1}${b ? ` — ${part(b)}` : ''}`;
  }
  return a ? `${fact.label} — ${part(a)}` : fact.label;
}

const PART_LABEL: Record<string, string> = {
  scale: 'scale',
  score: 'score',
  date: 'date',
  activity: 'activity',
  instrument: 'instrument',
  kind: 'kind',
  start: 'from',
  end: 'to',
  failed: 'failed',
  finding: 'finding',
};

/** The element id of one input of the form, from its key ("baseline.score" → "fact-baseline-score"). */
export function inputId(input: string): string {
  const [key, a] = input.split('.');
  if (key === 'diagnoses') return 'fact-diagnoses';
  if (input === 'baseline.scale' || input === 'function.instrument') return `fact-${key}`;
  if ((key === 'imaging' || key === 'conservativeCare') && a !== undefined && !input.split('.')[2])
    return `fact-${key}-${a}-kind`;
  return `fact-${input.replace(/\./g, '-')}`;
}
