/** Rules for every facet session (facet-pathway.md §5.1 rules 20–24; §5.2 sedation). */
import { levelsByCptRegion } from '../../spine/joints.js';
import { type EvalContext, met, notMet, type Outcome, unknown } from '../context.js';
import type { RuleOf } from '../schema.js';

/** Rule 20: at most N levels per session per spinal region are covered. */
export function levelLimit(ctx: EvalContext, rule: RuleOf<'level-limit'>): Outcome {
  const { maxLevels } = rule.params;
  const parts: string[] = [];
  const over: string[] = [];
  for (const [region, levels] of levelsByCptRegion(ctx.proposed.joints)) {
    const text = `${levels.length} level(s) in ${region} (${levels.map((l) => l.joint).join(', ')})`;
    (levels.length > maxLevels ? over : parts).push(text);
  }
  if (over.length) {
    return notMet(
      'LEVEL_LIMIT_EXCEEDED',
      `${over.join('; ')}: at most ${maxLevels} level(s) per session per region are covered; a further level is not covered (appeal only).`,
    );
  }
  return met(`${parts.join('; ')}; at most ${maxLevels} per region.`);
}

const GUIDANCE_LABEL = {
  fluoroscopy: 'fluoroscopy',
  ct: 'CT',
  ultrasound: 'ultrasound',
  none: 'no imaging',
} as const;

/** Rule 21: image guidance of an allowed kind. */
export function guidance(ctx: EvalContext, rule: RuleOf<'guidance'>): Outcome {
  const g = ctx.proposed.guidance;
  const allowed = rule.params.allowed.map((a) => GUIDANCE_LABEL[a]).join(' or ');
  if ((rule.params.allowed as string[]).includes(g)) return met(`Guidance: ${GUIDANCE_LABEL[g]}.`);
  return notMet(
    'GUIDANCE_NOT_COVERED',
    `Guidance by ${GUIDANCE_LABEL[g]} is not covered; ${allowed} is required.`,
  );
}

/**
 * Rule 22 (coverage): general anaesthesia never; moderate sedation or MAC only with documented necessity.
 * §5.2 (recommendation): no routine sedation at all.
 */
export function sedation(ctx: EvalContext, rule: RuleOf<'sedation'>): Outcome {
  const s = ctx.proposed.sedation;
  if (s === 'none' || s === 'local')
    return met(`Sedation: ${s === 'none' ? 'none' : 'local anaesthetic only'}.`);
  if (rule.params.mode === 'recommendation') {
    return notMet('SEDATION_NOT_RECOMMENDED', `Sedation (${s}) is not recommended for facet procedures.`);
  }
  if (s === 'general')
    return notMet('GENERAL_ANESTHESIA', 'General anaesthesia is never covered for facet procedures.');
  const label = s === 'mac' ? 'monitored anaesthesia care' : 'moderate sedation';
  const justified = ctx.proposed.sedationJustified;
  if (justified === undefined) {
    return unknown(
      'SEDATION_NOT_JUSTIFIED',
      `Whether the necessity of ${label} is documented is not recorded.`,
    );
  }
  if (!justified)
    return notMet('SEDATION_NOT_JUSTIFIED', `${label} without documented necessity is not covered.`);
  return met(
    ctx.category === 'rfa'
      ? `${label} with documented necessity.`
      : `${label} with documented necessity (not routinely covered for blocks; reviewed on appeal).`,
  );
}

/** Rule 23: no other block (epidural, SI joint, trigger point …) on the same day. */
export function sameDayOtherBlock(ctx: EvalContext): Outcome {
  const same = ctx.history.filter((p) => p.kind === 'other-block' && p.date === ctx.date);
  if (same.length) {
    return notMet(
      'SAME_DAY_OTHER_BLOCK',
      `Another block is recorded on ${ctx.date}: ${same.map((p) => `${p.id} (${p.otherBlock ?? 'other'})`).join(', ')}.`,
    );
  }
  return met(`No other block on ${ctx.date}.`);
}

/** ICD-10 as written with a dot after the category (M47816 → M47.816). */
export function normaliseIcd10(code: string): string {
  const c = code.trim().toUpperCase().replace('.', '');
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/** Rule 24: a supporting ICD-10 code whose region matches each treated spinal region (§7). */
export function diagnosis(ctx: EvalContext, rule: RuleOf<'diagnosis'>): Outcome {
  const list = ctx.case.complaint.diagnoses;
  if (!list) return unknown('DIAGNOSIS_NOT_SUPPORTED', 'No diagnosis (ICD-10) is recorded.');
  const codes = list.map(normaliseIcd10);
  const supporting = new Set(rule.params.supporting);
  const supported = codes.filter((c) => supporting.has(c));
  if (supported.length === 0) {
    return notMet(
      'DIAGNOSIS_NOT_SUPPORTED',
      codes.length
        ? `No recorded diagnosis supports coverage (${codes.join(', ')}); radiculopathy codes (M54.1x) do not.`
        : 'No diagnosis is recorded.',
    );
  }
  const missing = ctx.cptRegions.filter(
    (region) => !supported.some((c) => rule.params.regionCharacters[region].includes(c.slice(-1))),
  );
  if (missing.length) {
    return notMet(
      'DIAGNOSIS_REGION_MISMATCH',
      `Supporting diagnoses ${supported.join(', ')} do not match the treated region ${missing.join(', ')}.`,
    );
  }
  return met(`Supporting diagnosis: ${supported.join(', ')} (region matches ${ctx.cptRegions.join(', ')}).`);
}
