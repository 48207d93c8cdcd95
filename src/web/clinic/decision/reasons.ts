/**
 * Reason codes in plain words for the clinic (docs/reason-codes.md): a short phrase for a sentence, what the
 * code means and what the clinic can do about it. The code itself is always shown beside the words, so
 * nothing is hidden. Every code has its words: a new code in src/domain/codes.ts fails the typecheck here.
 */
import type { ReasonCode } from '../../../contract/decision';

export interface ReasonText {
  /** A short phrase that reads inside a sentence: "rule 6 (baseline missing)". */
  words: string;
  meaning: string;
  fix: string;
}

export const REASONS: Record<ReasonCode, ReasonText> = {
  PAIN_DURATION_TOO_SHORT: {
    words: 'pain not yet present long enough',
    meaning: 'The pain has not yet lasted the months the policy requires, or its onset is not recorded.',
    fix: 'Record the onset of the pain on the episode, or schedule on or after the earliest date.',
  },
  CONSERVATIVE_CARE_NOT_DOCUMENTED: {
    words: 'no failed conservative care recorded',
    meaning: 'No conservative care is recorded as tried and failed before the date of service.',
    fix: 'Record each treatment (physical therapy, medication…) with its dates and mark it failed.',
  },
  CONSERVATIVE_CARE_TOO_SHORT: {
    words: 'conservative care too short',
    meaning: 'The failed conservative care is shorter than the policy’s minimum.',
    fix: 'Record the full dates of care, or continue care until the minimum is reached.',
  },
  PAIN_NOT_AXIAL: {
    words: 'pain not recorded as axial',
    meaning: 'The pain is not recorded as predominantly axial (back or neck rather than limb).',
    fix: 'Record whether the pain is axial; reconsider the facet diagnosis if it mainly radiates.',
  },
  FUNCTION_NOT_RECORDED: {
    words: 'function not recorded',
    meaning: 'No functional assessment on a named scale is recorded.',
    fix: 'Record ODI, NDI or PROMIS-PI with its score and date.',
  },
  UNTREATED_RADICULOPATHY: {
    words: 'untreated radiculopathy, or radicular status not recorded',
    meaning: 'Untreated radiculopathy is present, or the radicular status is not recorded.',
    fix: 'Record the radicular status (none, treated, facet cyst); treat the radiculopathy first.',
  },
  NEUROGENIC_CLAUDICATION: {
    words: 'neurogenic claudication, or not recorded',
    meaning: 'Neurogenic claudication is present, or it is not recorded.',
    fix: 'Record it; address the claudication first.',
  },
  NON_FACET_CAUSE: {
    words: 'a non-facet cause not excluded',
    meaning: 'A fracture, tumour, infection or deformity may explain the pain, or this is not recorded.',
    fix: 'Record “no non-facet cause” once it has been excluded.',
  },
  BASELINE_MISSING: {
    words: 'baseline missing',
    meaning: 'No baseline (or pre-block) pain score is recorded, so relief cannot be measured.',
    fix: 'Record the baseline pain during provocative activity, and the block’s pre-block score.',
  },
  SCALE_MISMATCH: {
    words: 'pain scores on different scales',
    meaning: 'The pre-block score and the baseline are on different scales (NRS and VAS).',
    fix: 'Use one scale for the baseline, the pre-block score and the diary; correct the record.',
  },
  PRIOR_BLOCK_NOT_POSITIVE: {
    words: 'the previous block was not positive',
    meaning: 'The previous diagnostic block at these joints was negative.',
    fix: 'Do not repeat the block at these joints; consider other joints or another diagnosis.',
  },
  INSUFFICIENT_POSITIVE_BLOCKS: {
    words: 'not enough positive blocks yet',
    meaning: 'There are fewer positive diagnostic blocks at the proposed joints than the policy requires.',
    fix: 'Perform the (confirmatory) block first; see the next steps below.',
  },
  BLOCKS_DO_NOT_COVER_JOINTS: {
    words: 'the positive blocks were at other joints',
    meaning: 'Enough positive blocks exist, but at other joints or sides than those proposed.',
    fix: 'Limit the procedure to the confirmed joints and sides, or block the others first.',
  },
  IA_BLOCK_NOT_PROGNOSTIC: {
    words: 'intra-articular blocks do not count',
    meaning: 'The count would only be reached with intra-articular blocks, which do not count here.',
    fix: 'Perform diagnostic medial branch blocks.',
  },
  BLOCK_INTERVAL_TOO_SHORT: {
    words: 'too soon after the previous block',
    meaning: 'Too few days have passed since the previous diagnostic block at these joints.',
    fix: 'Reschedule on or after the earliest date.',
  },
  DIAGNOSTIC_SESSION_LIMIT: {
    words: 'diagnostic session limit reached',
    meaning: 'Too many diagnostic sessions in this region within the policy’s period.',
    fix: 'Reschedule on or after the earliest date.',
  },
  THERAPEUTIC_SESSION_LIMIT: {
    words: 'therapeutic session limit reached',
    meaning: 'Too many therapeutic sessions in this region within the policy’s period.',
    fix: 'Reschedule on or after the earliest date.',
  },
  RFA_SESSION_LIMIT: {
    words: 'RFA session limit reached',
    meaning: 'Too many RFA sessions in this region within the policy’s period.',
    fix: 'Reschedule on or after the earliest date.',
  },
  JOINT_ALREADY_ABLATED: {
    words: 'a joint already ablated',
    meaning: 'A joint was ablated within the period and its follow-up showed success (or has none).',
    fix: 'Record the RFA follow-up; if it succeeded, plan a repeat RFA instead of new blocks.',
  },
  NON_THERMAL_RFA: {
    words: 'RFA technique not allowed, or not recorded',
    meaning: 'The RFA technique is not allowed by the policy (only thermal), or it is not recorded.',
    fix: 'Plan thermal radiofrequency, or record the technique.',
  },
  RFA_TEMPERATURE_TOO_LOW: {
    words: 'RFA temperature too low, or not recorded',
    meaning: 'The lesion temperature is below the policy’s minimum, or it is not recorded.',
    fix: 'Plan at least 80 °C, or record the temperature.',
  },
  PRIOR_RFA_RELIEF_INSUFFICIENT: {
    words: 'relief after the previous RFA not shown',
    meaning: 'The previous RFA did not show enough relief at a late enough follow-up, or none is recorded.',
    fix: 'Record the follow-up (6 months for Medicare, 3 months under the consensus guideline).',
  },
  PRIOR_RFA_TOO_OLD: {
    words: 'the previous RFA is too old',
    meaning: 'The last RFA is older than 24 months and there are not two new positive blocks since.',
    fix: 'Perform new diagnostic medial branch blocks.',
  },
  RFA_NOT_CONTRAINDICATED: {
    words: 'no reason recorded why RFA is not possible',
    meaning: 'No documented reason why RFA is not possible (needed for a therapeutic injection).',
    fix: 'Document the contraindication to RFA on the episode, or plan RFA.',
  },
  PRIOR_THERAPEUTIC_RELIEF_INSUFFICIENT: {
    words: 'relief after the previous injection not shown',
    meaning:
      'The previous therapeutic injection did not give enough lasting relief, or no follow-up is recorded.',
    fix: 'Record the follow-up at 3 months or later.',
  },
  LEVEL_LIMIT_EXCEEDED: {
    words: 'too many levels',
    meaning: 'More levels in a region than the policy covers in one session.',
    fix: 'Treat at most the covered number of levels, or plan to appeal the extra ones.',
  },
  GUIDANCE_NOT_COVERED: {
    words: 'guidance not covered',
    meaning: 'The planned imaging guidance is not covered (only fluoroscopy or CT).',
    fix: 'Plan fluoroscopy or CT guidance.',
  },
  GENERAL_ANESTHESIA: {
    words: 'general anaesthesia not covered',
    meaning: 'General anaesthesia is never covered for these procedures.',
    fix: 'Plan local anaesthesia, or sedation with documented necessity.',
  },
  SEDATION_NOT_JUSTIFIED: {
    words: 'need for sedation not documented',
    meaning: 'Moderate sedation or MAC without documented necessity.',
    fix: 'Document why sedation is needed, or plan without it.',
  },
  SEDATION_NOT_RECOMMENDED: {
    words: 'sedation not recommended',
    meaning: 'The guideline advises against routine sedation.',
    fix: 'Physician’s judgement.',
  },
  SAME_DAY_OTHER_BLOCK: {
    words: 'another block on the same day',
    meaning: 'Another block (epidural, SI joint, trigger point…) is recorded on the same day.',
    fix: 'Move one of the procedures to another day.',
  },
  DIAGNOSIS_NOT_SUPPORTED: {
    words: 'no supporting diagnosis',
    meaning: 'No recorded ICD-10 code supports coverage, or none is recorded.',
    fix: 'Record the supporting diagnosis (for example M47.816).',
  },
  DIAGNOSIS_REGION_MISMATCH: {
    words: 'diagnosis does not match the region',
    meaning: 'The supporting diagnosis codes do not match a treated region.',
    fix: 'Record a supporting code for each treated region.',
  },
  DURATION_INCONSISTENT: {
    words: 'relief too short for the agent',
    meaning: 'Relief at the threshold ended before the agent’s minimum duration, or started too late.',
    fix: 'Nothing to fix if the diary is right: the block is negative. Check the agent and the diary times.',
  },
  DIARY_INSUFFICIENT: {
    words: 'too few diary entries',
    meaning: 'Fewer than two diary entries within the observation window.',
    fix: 'Record the diary entries the patient made.',
  },
  DIARY_CENSORED: {
    words: 'the diary stops too early',
    meaning: 'The diary stops while relief is still at the threshold, before the agent’s minimum.',
    fix: 'Add the later diary entries if they exist; otherwise the block may need repeating.',
  },
  PROLONGED_RELIEF: {
    words: 'relief longer than the agent acts',
    meaning: 'Relief lasted far longer than the agent acts: a placebo or steroid effect is possible.',
    fix: 'Physician’s judgement; consider comparative or placebo-controlled blocks.',
  },
  VOLUME_ABOVE_RECOMMENDED: {
    words: 'volume above the recommended',
    meaning: 'The volume per nerve is above the recommended maximum, or not recorded.',
    fix: 'Use at most 0.5 mL per nerve, or record the volume.',
  },
  RELIEF_BELOW_THRESHOLD: {
    words: 'relief below the threshold',
    meaning: 'Peak relief stayed below the policy’s threshold.',
    fix: 'Nothing to fix if the diary is right: the block is negative.',
  },
  AGENT_UNKNOWN: {
    words: 'agent not recorded',
    meaning: 'No anaesthetic agent is recorded, so the expected duration is unknown.',
    fix: 'Record the agent used for the block.',
  },
  RFA_INTERVAL_TOO_SHORT: {
    words: 'too soon after the previous RFA',
    meaning: 'Not enough months since the previous RFA at these joints.',
    fix: 'Reschedule on or after the earliest date.',
  },
  PROCEDURE_NOT_COVERED: {
    words: 'not covered by this policy',
    meaning:
      'The payer policy refuses this kind of procedure outright; it sets no criteria that could be met.',
    fix: 'Check the payer’s own policy for this procedure (a coverage can name another policy), or do not schedule it.',
  },
  COVERAGE_MISSING: {
    words: 'no active insurance coverage on file',
    meaning: 'The patient has no active insurance coverage on file, so no payer’s rules can be checked.',
    fix: 'Record the patient’s insurance (or self-pay) on the chart.',
  },
};

export const isReasonCode = (code: string): code is ReasonCode => Object.hasOwn(REASONS, code);

export function reasonText(code: string): ReasonText {
  return isReasonCode(code)
    ? REASONS[code]
    : { words: code, meaning: code, fix: 'See docs/reason-codes.md.' };
}
