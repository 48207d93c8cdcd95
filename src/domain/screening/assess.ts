/**
 * The public self-screening questionnaire and its result: an honest, non-diagnostic answer to "is a facet
 * joint work-up worth an appointment?", from the screening facts of the pathway (spec §1: chronic, mainly
 * axial pain, worse with movement, not relieved by conservative care, no red flags). Never a diagnosis: the
 * result only says whether the answers fit the pathway and what a clinician should look at first.
 * Pure: no I/O, no clock.
 */

export const PAIN_AREAS = ['neck', 'mid-back', 'low-back'] as const;
export const PAIN_DURATIONS = ['<6 weeks', '6-12 weeks', '3-6 months', '>6 months'] as const;
export const RADIATION = ['none', 'above-knee', 'below-knee', 'arm'] as const;
export const TREATMENTS_TRIED = [
  'physical-therapy',
  'medication',
  'chiropractic',
  'injections',
  'surgery',
  'none',
] as const;
export const IMAGING = ['mri', 'ct', 'xray', 'none'] as const;
export const RED_FLAGS = [
  'fever',
  'weight-loss',
  'cancer-history',
  'bladder-bowel',
  'trauma',
  'weakness',
  'none',
] as const;

export interface ScreeningAnswers {
  painArea: (typeof PAIN_AREAS)[number];
  duration: (typeof PAIN_DURATIONS)[number];
  worseWithMovement: boolean;
  radiation: (typeof RADIATION)[number];
  treatmentsTried: readonly (typeof TREATMENTS_TRIED)[number][];
  imaging: (typeof IMAGING)[number];
  redFlags: readonly (typeof RED_FLAGS)[number][];
}

export const SCREENING_RESULTS = ['likely-candidate', 'possible-candidate', 'see-doctor-first'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

/** Stable reason keys (the public page translates them; staff see them beside the request). */
export const SCREENING_REASONS = [
  // any red flag: a clinician must see the patient before any facet work-up
  'RED_FLAG_FEVER',
  'RED_FLAG_WEIGHT_LOSS',
  'RED_FLAG_CANCER_HISTORY',
  'RED_FLAG_BLADDER_BOWEL',
  'RED_FLAG_TRAUMA',
  'RED_FLAG_WEAKNESS',
  // what fits the pathway
  'CHRONIC_PAIN',
  'MOVEMENT_RELATED',
  'AXIAL_PAIN',
  'CONSERVATIVE_CARE_TRIED',
  // what does not fit (yet)
  'PAIN_UNDER_3_MONTHS',
  'NOT_MOVEMENT_RELATED',
  'RADIATES_BELOW_KNEE',
  'RADIATES_TO_ARM',
  'NO_CONSERVATIVE_CARE',
  // information for the visit, not a judgement
  'PRIOR_SPINE_SURGERY',
  'NO_IMAGING',
] as const;
export type ScreeningReason = (typeof SCREENING_REASONS)[number];

export interface ScreeningAssessment {
  result: ScreeningResult;
  reasons: ScreeningReason[];
  /** Always true: the result is a screening aid, not a diagnosis. */
  notADiagnosis: true;
}

const RED_FLAG_REASON: Record<Exclude<(typeof RED_FLAGS)[number], 'none'>, ScreeningReason> = {
  fever: 'RED_FLAG_FEVER',
  'weight-loss': 'RED_FLAG_WEIGHT_LOSS',
  'cancer-history': 'RED_FLAG_CANCER_HISTORY',
  'bladder-bowel': 'RED_FLAG_BLADDER_BOWEL',
  trauma: 'RED_FLAG_TRAUMA',
  weakness: 'RED_FLAG_WEAKNESS',
};

const CONSERVATIVE = new Set(['physical-therapy', 'medication', 'chiropractic']);

export function assessScreening(a: ScreeningAnswers): ScreeningAssessment {
  const flags = RED_FLAGS.filter((f) => f !== 'none' && a.redFlags.includes(f)) as Exclude<
    (typeof RED_FLAGS)[number],
    'none'
  >[];
  const info: ScreeningReason[] = [];
  if (a.treatmentsTried.includes('surgery')) info.push('PRIOR_SPINE_SURGERY');
  if (a.imaging === 'none') info.push('NO_IMAGING');
  if (flags.length > 0) {
    return {
      result: 'see-doctor-first',
      reasons: [...flags.map((f) => RED_FLAG_REASON[f]), ...info],
      notADiagnosis: true,
    };
  }

  const fits: ScreeningReason[] = [];
  const misses: ScreeningReason[] = [];
  const chronic = a.duration === '3-6 months' || a.duration === '>6 months';
  (chronic ? fits : misses).push(chronic ? 'CHRONIC_PAIN' : 'PAIN_UNDER_3_MONTHS');
  (a.worseWithMovement ? fits : misses).push(
    a.worseWithMovement ? 'MOVEMENT_RELATED' : 'NOT_MOVEMENT_RELATED',
  );
  // Facet pain may refer into the buttock and thigh; pain below the knee or down the arm suggests a nerve root.
  if (a.radiation === 'below-knee') misses.push('RADIATES_BELOW_KNEE');
  else if (a.radiation === 'arm') misses.push('RADIATES_TO_ARM');
  else fits.push('AXIAL_PAIN');
  const conservative = a.treatmentsTried.some((t) => CONSERVATIVE.has(t));
  (conservative ? fits : misses).push(conservative ? 'CONSERVATIVE_CARE_TRIED' : 'NO_CONSERVATIVE_CARE');

  return {
    result: misses.length === 0 ? 'likely-candidate' : 'possible-candidate',
    reasons: [...misses, ...fits, ...info],
    notADiagnosis: true,
  };
}
