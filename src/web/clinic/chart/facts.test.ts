import { describe, expect, it } from 'vitest';
import {
  complaintFromForm,
  diagnosisWarning,
  FACT_FIELDS,
  fieldForReason,
  formFromComplaint,
  ICD10,
  inputId,
  issueField,
  issueLabel,
  searchIcd10,
} from './facts';

describe('the episode facts form', () => {
  it('round-trips a complete complaint and leaves out what is not recorded', () => {
    const c = {
      description: 'Low back ache',
      onset: '2025-06-01',
      axial: true,
      radicular: 'none' as const,
      neurogenicClaudication: false,
      nonFacetCause: 'none' as const,
      diagnoses: ['M47.816'],
      imaging: [{ kind: 'mri' as const, date: '2025-09-01', finding: 'facet arthropathy' }],
      conservativeCare: [
        { kind: 'physical-therapy' as const, start: '2025-07-01', end: '2025-10-01', failed: true },
      ],
      baseline: { scale: 'NRS' as const, score: 7, date: '2025-12-01', activity: 'standing' },
      function: { instrument: 'ODI' as const, score: 40, date: '2025-12-01' },
      rfaContraindication: 'pacemaker',
    };
    expect(complaintFromForm(formFromComplaint(c))).toEqual(c);
    expect(complaintFromForm(formFromComplaint({}))).toEqual({});
  });

  it('sends a group filled in part as it is, so the server names what is missing', () => {
    const s = formFromComplaint({});
    expect(complaintFromForm({ ...s, baselineScore: '7' })).toEqual({ baseline: { score: 7 } });
    expect(
      complaintFromForm({ ...s, conservativeCare: [{ kind: '', start: '', end: '', failed: true }] }),
    ).toEqual({});
  });

  it("maps the server's issue paths to the form's inputs and words", () => {
    expect(issueField('body.complaint.baseline.score').input).toBe('baseline.score');
    expect(inputId('baseline.score')).toBe('fact-baseline-score');
    expect(inputId('baseline.scale')).toBe('fact-baseline');
    expect(inputId('conservativeCare.0')).toBe('fact-conservativeCare-0-kind');
    expect(inputId('diagnoses.2')).toBe('fact-diagnoses');
    expect(issueLabel('conservativeCare.1.end')).toBe('Conservative care 2 — to');
    expect(issueLabel('description')).toBe('Index pain description');
  });

  it('finds diagnoses by code or words, the supporting list first, and checks the region', () => {
    expect(searchIcd10('m47816')[0]?.code).toBe('M47.816');
    expect(searchIcd10('lumbar spondylosis')[0]?.code).toBe('M47.816');
    expect(searchIcd10('(lumbar')).toEqual([]);
    expect(searchIcd10('lumbar').every((d, i, a) => !a[i - 1] || a[i - 1]!.supporting || !d.supporting)).toBe(
      true,
    );
    expect(searchIcd10('radiculopathy lumbar').map((d) => d.code)).toContain('M54.16');
    expect(diagnosisWarning('M47.816', 'lumbar')).toBeNull();
    expect(diagnosisWarning('M47.812', 'lumbar')).toBe(
      'M47.812 does not match this lumbar episode: lumbar/sacral codes end in 5–7.',
    );
    expect(diagnosisWarning('M47.815', 'cervical')).toBeNull();
    expect(diagnosisWarning('M54.16', 'lumbar')).toMatch(/radiculopathy codes never do/);
  });

  it('names the field that fixes each screening reason code; the supporting list is the policy’s', () => {
    for (const code of [
      'PAIN_DURATION_TOO_SHORT',
      'CONSERVATIVE_CARE_NOT_DOCUMENTED',
      'PAIN_NOT_AXIAL',
      'FUNCTION_NOT_RECORDED',
      'UNTREATED_RADICULOPATHY',
      'NEUROGENIC_CLAUDICATION',
      'NON_FACET_CAUSE',
      'BASELINE_MISSING',
      'DIAGNOSIS_NOT_SUPPORTED',
      'RFA_NOT_CONTRAINDICATED',
    ])
      expect(fieldForReason(code), code).not.toBeNull();
    // The §7 list, as the shipped policies' diagnosis rule (rule 24) carries it.
    const supporting = ['2', '3', '4', '5', '6', '7'].flatMap((c) => [
      `M47.81${c}`,
      `M47.89${c}`,
      `M48.1${c}`,
      `M53.8${c}`,
    ]);
    expect(new Set(ICD10.filter((d) => d.supporting).map((d) => d.code))).toEqual(new Set(supporting));
    expect(FACT_FIELDS.map((f) => f.id)).toEqual([...new Set(FACT_FIELDS.map((f) => f.id))]);
  });
});
