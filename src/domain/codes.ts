/**
 * Stable reason codes (facet-pathway.md §10). Codes are only ever added, never renamed: integrators and
 * stored decisions depend on them. The codes after the specification's are additions of this product, documented
 * in docs/reason-codes.md. Every code an evaluation result or a worklist item carries is listed here.
 */
export const REASON_CODES = [
  'PAIN_DURATION_TOO_SHORT',
  'CONSERVATIVE_CARE_NOT_DOCUMENTED',
  'CONSERVATIVE_CARE_TOO_SHORT',
  'PAIN_NOT_AXIAL',
  'FUNCTION_NOT_RECORDED',
  'UNTREATED_RADICULOPATHY',
  'NEUROGENIC_CLAUDICATION',
  'NON_FACET_CAUSE',
  'BASELINE_MISSING',
  'SCALE_MISMATCH',
  'PRIOR_BLOCK_NOT_POSITIVE',
  'INSUFFICIENT_POSITIVE_BLOCKS',
  'BLOCKS_DO_NOT_COVER_JOINTS',
  'IA_BLOCK_NOT_PROGNOSTIC',
  'BLOCK_INTERVAL_TOO_SHORT',
  'DIAGNOSTIC_SESSION_LIMIT',
  'THERAPEUTIC_SESSION_LIMIT',
  'RFA_SESSION_LIMIT',
  'JOINT_ALREADY_ABLATED',
  'NON_THERMAL_RFA',
  'RFA_TEMPERATURE_TOO_LOW',
  'PRIOR_RFA_RELIEF_INSUFFICIENT',
  'PRIOR_RFA_TOO_OLD',
  'RFA_NOT_CONTRAINDICATED',
  'PRIOR_THERAPEUTIC_RELIEF_INSUFFICIENT',
  'LEVEL_LIMIT_EXCEEDED',
  'GUIDANCE_NOT_COVERED',
  'GENERAL_ANESTHESIA',
  'SEDATION_NOT_JUSTIFIED',
  'SAME_DAY_OTHER_BLOCK',
  'DIAGNOSIS_NOT_SUPPORTED',
  'DIAGNOSIS_REGION_MISMATCH',
  'DURATION_INCONSISTENT',
  'DIARY_INSUFFICIENT',
  'DIARY_CENSORED',
  'PROLONGED_RELIEF',
  'VOLUME_ABOVE_RECOMMENDED',
  'SEDATION_NOT_RECOMMENDED',
  // Product additions (facet-pathway.md §10 allows adding codes):
  'RELIEF_BELOW_THRESHOLD',
  'AGENT_UNKNOWN',
  'RFA_INTERVAL_TOO_SHORT',
  // The policy refuses the proposed procedure's category outright (a "not-covered" rule).
  'PROCEDURE_NOT_COVERED',
  // Worklist only (src/app/worklist/refresh-worklist.ts): an open episode whose patient has no active coverage
  // cannot be checked against any payer's rules, so the worklist says what to record. No evaluation carries it
  // (a case file always names its coverage).
  'COVERAGE_MISSING',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];
