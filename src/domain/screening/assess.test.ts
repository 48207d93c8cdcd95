import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessScreening,
  IMAGING,
  PAIN_AREAS,
  PAIN_DURATIONS,
  RADIATION,
  RED_FLAGS,
  type ScreeningAnswers,
  TREATMENTS_TRIED,
} from './assess.js';

const typical: ScreeningAnswers = {
  painArea: 'low-back',
  duration: '>6 months',
  worseWithMovement: true,
  radiation: 'above-knee',
  treatmentsTried: ['physical-therapy', 'medication'],
  imaging: 'mri',
  redFlags: ['none'],
};

describe('assessScreening', () => {
  it('calls chronic, movement-related, axial pain after conservative care a likely candidate', () => {
    expect(assessScreening(typical)).toEqual({
      result: 'likely-candidate',
      reasons: ['CHRONIC_PAIN', 'MOVEMENT_RELATED', 'AXIAL_PAIN', 'CONSERVATIVE_CARE_TRIED'],
      notADiagnosis: true,
    });
  });

  it('sends any red flag to a doctor first, whatever else fits, naming each flag', () => {
    const a = assessScreening({ ...typical, redFlags: ['weakness', 'fever'] });
    expect(a.result).toBe('see-doctor-first');
    expect(a.reasons).toEqual(['RED_FLAG_FEVER', 'RED_FLAG_WEAKNESS']);
  });

  it('names each thing that does not fit, first, and keeps the rest as a possible candidate', () => {
    const a = assessScreening({
      ...typical,
      duration: '6-12 weeks',
      worseWithMovement: false,
      radiation: 'below-knee',
      treatmentsTried: ['none'],
    });
    expect(a).toEqual({
      result: 'possible-candidate',
      reasons: ['PAIN_UNDER_3_MONTHS', 'NOT_MOVEMENT_RELATED', 'RADIATES_BELOW_KNEE', 'NO_CONSERVATIVE_CARE'],
      notADiagnosis: true,
    });
  });

  it('treats 3 months as chronic and 12 weeks as not yet', () => {
    expect(assessScreening({ ...typical, duration: '3-6 months' }).result).toBe('likely-candidate');
    expect(assessScreening({ ...typical, duration: '6-12 weeks' }).reasons[0]).toBe('PAIN_UNDER_3_MONTHS');
    expect(assessScreening({ ...typical, duration: '<6 weeks' }).reasons[0]).toBe('PAIN_UNDER_3_MONTHS');
  });

  it('neck pain down the arm is not axial; injections or surgery alone are not conservative care', () => {
    expect(assessScreening({ ...typical, painArea: 'neck', radiation: 'arm' }).reasons).toContain(
      'RADIATES_TO_ARM',
    );
    const a = assessScreening({ ...typical, treatmentsTried: ['injections', 'surgery'] });
    expect(a.result).toBe('possible-candidate');
    expect(a.reasons).toEqual([
      'NO_CONSERVATIVE_CARE',
      'CHRONIC_PAIN',
      'MOVEMENT_RELATED',
      'AXIAL_PAIN',
      'PRIOR_SPINE_SURGERY',
    ]);
  });

  it('mentions missing imaging without counting it against the patient', () => {
    const a = assessScreening({ ...typical, imaging: 'none' });
    expect(a.result).toBe('likely-candidate');
    expect(a.reasons.at(-1)).toBe('NO_IMAGING');
  });

  it('is see-doctor-first exactly when a red flag is present, for any answers', () => {
    const answers = fc.record({
      painArea: fc.constantFrom(...PAIN_AREAS),
      duration: fc.constantFrom(...PAIN_DURATIONS),
      worseWithMovement: fc.boolean(),
      radiation: fc.constantFrom(...RADIATION),
      treatmentsTried: fc.subarray([...TREATMENTS_TRIED], { minLength: 1 }),
      imaging: fc.constantFrom(...IMAGING),
      redFlags: fc.subarray([...RED_FLAGS], { minLength: 1 }),
    });
    fc.assert(
      fc.property(answers, (a) => {
        const r = assessScreening(a);
        const flagged = a.redFlags.some((f) => f !== 'none');
        expect(r.result === 'see-doctor-first').toBe(flagged);
        expect(r.notADiagnosis).toBe(true);
        expect(new Set(r.reasons).size).toBe(r.reasons.length);
        if (r.result === 'likely-candidate')
          expect(r.reasons.join()).not.toMatch(/UNDER|NOT_|RADIATES|NO_CONS/);
      }),
    );
  });
});
