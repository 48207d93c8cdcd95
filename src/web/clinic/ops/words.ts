/**
 * The clinic's operations pages in words: worklist kinds, appointment purposes and statuses, screening
 * answers and results, audit actions. Codes the server sends are never shown bare when a phrase exists.
 */
import type { z } from 'zod';
import type { worklistPage } from '../../../contract/worklist';
import { isReasonCode, REASONS } from '../decision/reasons';

export type WorklistKind = z.infer<typeof worklistPage>['items'][number]['kind'];

export const KIND_WORDS: Record<WorklistKind, string> = {
  'diary-in-progress': 'Pain diary in progress',
  'awaiting-interpretation': 'Block awaiting interpretation',
  'schedule-confirmatory-block': 'Schedule the confirmatory block',
  'eligible-for-rfa': 'Eligible for RFA',
  'follow-up-due': 'Follow-up due',
  'repeat-rfa-candidate': 'Repeat RFA candidate',
  'missing-information': 'Missing information',
};

export const KINDS = Object.keys(KIND_WORDS) as WorklistKind[];

/** The link that lets staff act on a worklist item, and what it says. */
export function actionFor(item: {
  kind: WorklistKind;
  episodeId: string;
  patientId: string;
  detail: Record<string, unknown>;
}): { href: string; label: string } {
  const procedureId = typeof item.detail.procedureId === 'string' ? item.detail.procedureId : null;
  const procedure = (label: string) =>
    procedureId
      ? { href: `/clinic/procedures/${procedureId}`, label }
      : { href: `/clinic/patients/${item.patientId}`, label: 'Open the chart' };
  switch (item.kind) {
    case 'diary-in-progress':
      return procedure('Open the block and its diary');
    case 'awaiting-interpretation':
      return procedure('Interpret the block');
    case 'follow-up-due':
      return procedure('Record the follow-up');
    case 'schedule-confirmatory-block':
      return { href: `/clinic/episodes/${item.episodeId}/decision`, label: 'Plan the confirmatory block' };
    case 'eligible-for-rfa':
      return { href: `/clinic/episodes/${item.episodeId}/decision`, label: 'Review the RFA decision' };
    case 'repeat-rfa-candidate':
      return { href: `/clinic/episodes/${item.episodeId}/decision`, label: 'Review a repeat RFA' };
    default:
      return {
        href: `/clinic/patients/${item.patientId}?episode=${item.episodeId}#facts`,
        label: 'Complete the chart',
      };
  }
}

/**
 * A machine code as words: a reason code in its phrase (decision/reasons.ts, one text per code), any other
 * code (a result, a verdict: "needs-information") spelt out ("needs information").
 */
export function codeWords(code: string): string {
  return isReasonCode(code) ? REASONS[code].words : code.replace(/[_-]+/g, ' ').toLowerCase();
}

/** The server's reason sentence with machine codes in it ("rule 6 (BASELINE_MISSING)") put into words. */
export function plainReason(reason: string): string {
  return reason.replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, (code) => codeWords(code));
}

export const PURPOSE_WORDS: Record<string, string> = {
  consult: 'Consultation',
  mbb: 'Medial branch block',
  rfa: 'Radiofrequency ablation (RFA)',
  'follow-up': 'Follow-up visit',
  other: 'Other',
};

export const APPOINTMENT_STATUS_WORDS: Record<string, string> = {
  booked: 'Booked',
  done: 'Done',
  cancelled: 'Cancelled',
  'no-show': 'No-show',
};

export const COVERAGE_WORDS: Record<string, string> = {
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  commercial: 'Commercial insurance',
  medicaid: 'Medicaid',
  'self-pay': 'Self-pay',
};

export const COVERAGE_KIND_LIST = Object.keys(COVERAGE_WORDS);

export const ROLE_WORDS: Record<string, string> = {
  admin: 'Admin',
  physician: 'Physician',
  coordinator: 'Coordinator',
};

/** The public screening questionnaire's answers, as a coordinator reads them. */
export const ANSWER_WORDS = {
  painArea: { neck: 'Neck', 'mid-back': 'Mid back', 'low-back': 'Low back' } as Record<string, string>,
  duration: {
    '<6 weeks': 'Less than 6 weeks',
    '6-12 weeks': '6 to 12 weeks',
    '3-6 months': '3 to 6 months',
    '>6 months': 'More than 6 months',
  } as Record<string, string>,
  radiation: {
    none: 'Does not spread',
    'above-knee': 'Spreads into the buttock or thigh, not below the knee',
    'below-knee': 'Spreads below the knee',
    arm: 'Spreads down the arm',
  } as Record<string, string>,
  treatmentsTried: {
    'physical-therapy': 'Physical therapy',
    medication: 'Medication',
    chiropractic: 'Chiropractic',
    injections: 'Injections',
    surgery: 'Spine surgery',
    none: 'None',
  } as Record<string, string>,
  imaging: { mri: 'MRI', ct: 'CT', xray: 'X-ray', none: 'None' } as Record<string, string>,
  redFlags: {
    fever: 'Fever',
    'weight-loss': 'Unexplained weight loss',
    'cancer-history': 'History of cancer',
    'bladder-bowel': 'Bladder or bowel changes',
    trauma: 'Recent trauma',
    weakness: 'Leg or arm weakness',
    none: 'None',
  } as Record<string, string>,
};

export const RESULT_WORDS: Record<string, { label: string; badge: string }> = {
  'likely-candidate': { label: 'Likely candidate for a facet work-up', badge: 'badge-ok' },
  'possible-candidate': { label: 'Possible candidate: some answers do not fit yet', badge: 'badge-warn' },
  'see-doctor-first': { label: 'See a doctor first: red flag reported', badge: 'badge-err' },
};

export const SCREENING_REASON_WORDS: Record<string, string> = {
  RED_FLAG_FEVER: 'Red flag: fever',
  RED_FLAG_WEIGHT_LOSS: 'Red flag: unexplained weight loss',
  RED_FLAG_CANCER_HISTORY: 'Red flag: history of cancer',
  RED_FLAG_BLADDER_BOWEL: 'Red flag: bladder or bowel changes',
  RED_FLAG_TRAUMA: 'Red flag: recent trauma',
  RED_FLAG_WEAKNESS: 'Red flag: weakness',
  CHRONIC_PAIN: 'Fits: pain for 3 months or more',
  MOVEMENT_RELATED: 'Fits: worse with movement',
  AXIAL_PAIN: 'Fits: mainly spinal pain, not spreading below the knee or down the arm',
  CONSERVATIVE_CARE_TRIED: 'Fits: conservative care already tried',
  PAIN_UNDER_3_MONTHS: 'Does not fit yet: pain for less than 3 months',
  NOT_MOVEMENT_RELATED: 'Does not fit: not worse with movement',
  RADIATES_BELOW_KNEE: 'Does not fit: pain spreads below the knee (nerve root?)',
  RADIATES_TO_ARM: 'Does not fit: pain spreads down the arm (nerve root?)',
  NO_CONSERVATIVE_CARE: 'Does not fit yet: no physical therapy, medication or chiropractic tried',
  PRIOR_SPINE_SURGERY: 'For the visit: prior spine surgery',
  NO_IMAGING: 'For the visit: no imaging yet',
};

export const AUDIT_ACTION_WORDS: Record<string, string> = {
  read: 'Read',
  list: 'Saw in a list',
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  accept: 'Accepted',
  decline: 'Declined',
  sign: 'Signed',
  revoke: 'Revoked',
  evaluate: 'Evaluated',
  interpret: 'Interpreted',
};

export const AUDIT_ENTITY_WORDS: Record<string, string> = {
  patient: 'patient record',
  coverage: 'insurance coverage',
  episode: 'episode of care',
  procedure: 'procedure',
  'diary-entry': 'pain diary entry',
  'follow-up': 'follow-up',
  'diary-link': 'diary link',
  appointment: 'appointment',
  worklist: 'worklist',
  'screening-request': 'screening request',
  'access-history': 'access history',
  evaluation: 'payer-rule evaluation',
  interpretation: 'block interpretation',
  case: 'case (for a payer-rule check)',
  diary: 'pain diary',
  feedback: 'feedback answer',
  packet: 'medical-necessity packet',
};

export const ACTOR_WORDS: Record<string, string> = {
  user: 'Staff member',
  'patient-link': 'The patient, through a diary link',
  public: 'The public website',
  system: 'The system',
};

/** "2026-03-02" as "Mon, Mar 2, 2026" (the date itself, no time-zone shift). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** Days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round(
    (Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

export function addDaysIso(iso: string, n: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Today's date where the browser is. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The browser's IANA time zone: the schedule's days are counted in it. */
export const BROWSER_TZ = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

export function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The calendar date of an instant where the browser is. */
export function localDateOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An audit event's action on an entity, as a phrase: "Read patient record", "Saw on the worklist". */
export function auditWords(action: string, entity: string): string {
  const what = AUDIT_ENTITY_WORDS[entity] ?? codeWords(entity);
  if (action === 'list') return entity === 'worklist' ? 'Saw on the worklist' : `Saw in the ${what} list`;
  return `${AUDIT_ACTION_WORDS[action] ?? codeWords(action)} ${what}`;
}
