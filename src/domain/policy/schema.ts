/**
 * The policy file format. A policy is data: rules of known kinds with parameters and a citation each,
 * and versions with effective dates that may override parameters. Loading validates the whole file and
 * names the JSON path of every problem, so a practice can write its own policy without code.
 */
import { z } from 'zod';
import { AGENTS, COVERAGE_KINDS, GUIDANCE, RFA_TECHNIQUES } from '../case.js';
import { REASON_CODES } from '../codes.js';
import { isIsoDate } from '../dates.js';

const isoDate = z.string().refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');
const category = z.enum(['diagnostic', 'therapeutic', 'rfa']);
const percent = z.number().min(0).max(100);
const threshold = z.strictObject({ percent, inclusive: z.boolean() });
const agentWindow = z.strictObject({
  minimumMinutes: z.number().int().min(0),
  typicalMaximumMinutes: z.number().int().min(0),
  prolongedAfterMinutes: z.number().int().min(0),
});

const common = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a rule id is letters, digits, . _ -'),
  title: z.string().min(1),
  appliesTo: z.array(category).min(1),
  severity: z.enum(['required', 'advisory']).default('required'),
  source: z.string().min(1, 'every rule cites its source'),
};

const rule = <K extends string, P extends z.ZodRawShape>(kind: K, params: P) =>
  z.strictObject({ ...common, kind: z.literal(kind), params: z.strictObject(params) });

export const ruleSchema = z.discriminatedUnion('kind', [
  rule('pain-duration', { months: z.number().int().min(0) }),
  rule('conservative-care', {
    minWeeks: z.number().int().min(0).default(0),
    minMonths: z.number().int().min(0).default(0),
  }),
  rule('axial-pain', {}),
  rule('function-recorded', {}),
  rule('radiculopathy', {}),
  rule('neurogenic-claudication', {}),
  rule('non-facet-cause', {}),
  rule('baseline-recorded', {}),
  rule('block-interpretation', {
    thresholds: z.strictObject({ cervical: threshold, thoracic: threshold, lumbar: threshold }),
    onsetWindowMinutes: z.number().int().min(0),
    observationWindowMinutes: z.number().int().min(1),
    agents: z.strictObject(
      Object.fromEntries(AGENTS.map((a) => [a, agentWindow])) as Record<
        (typeof AGENTS)[number],
        typeof agentWindow
      >,
    ),
  }),
  rule('prior-block-positive', {}),
  rule('block-interval', { days: z.number().int().min(0) }),
  rule('session-limit', {
    category,
    max: z.number().int().min(1),
    months: z.number().int().min(1),
    code: z.enum(['DIAGNOSTIC_SESSION_LIMIT', 'THERAPEUTIC_SESSION_LIMIT', 'RFA_SESSION_LIMIT']),
  }),
  rule('procedure-interval', {
    category,
    months: z.number().int().min(1),
    code: z.enum(REASON_CODES),
  }),
  rule('joint-already-ablated', {
    successReliefPercent: percent,
    unlessOlderThanMonths: z.number().int().min(1),
  }),
  rule('positive-blocks', {
    count: z.number().int().min(1),
    kinds: z.array(z.enum(['mbb', 'intra-articular'])).min(1),
  }),
  rule('rfa-technique', {
    allowed: z.array(z.enum(RFA_TECHNIQUES)).min(1),
    minTemperatureC: z.number().min(0).max(120),
  }),
  rule('repeat-relief', {
    category: z.enum(['therapeutic', 'rfa']),
    reliefPercent: percent,
    inclusive: z.boolean(),
    months: z.number().int().min(0),
    functionImprovementPercent: percent.optional(),
  }),
  rule('prior-rfa-age', { months: z.number().int().min(1), blocks: z.number().int().min(1) }),
  rule('rfa-contraindication', {}),
  rule('level-limit', { maxLevels: z.number().int().min(1) }),
  rule('guidance', { allowed: z.array(z.enum(GUIDANCE)).min(1) }),
  rule('sedation', { mode: z.enum(['coverage', 'recommendation']) }),
  rule('same-day-other-block', {}),
  rule('diagnosis', {
    /** Supporting ICD-10 codes; the last character gives the region (2–5 cervical/thoracic, 5–7 lumbar/sacral). */
    supporting: z.array(z.string().regex(/^[A-Z]\d{2}\.\d{1,4}$/, 'an ICD-10 code like M47.816')).min(1),
    regionCharacters: z.strictObject({
      'cervical-thoracic': z.array(z.string().length(1)).min(1),
      'lumbar-sacral': z.array(z.string().length(1)).min(1),
    }),
  }),
  rule('volume', { maxMlPerNerve: z.number().positive() }),
  // Explicit coverage statements, for a category the policy decides on the common rules alone, or refuses.
  rule('covered', {}),
  rule('not-covered', {}),
]);

export type Rule = z.infer<typeof ruleSchema>;

/**
 * The rule kinds that decide a procedure category itself (its prior blocks, intervals, limits, technique,
 * repeats), as opposed to the screening and session rules every facet procedure shares. A policy must give
 * each category (diagnostic, therapeutic, RFA) at least one of these, or say explicitly with `covered` that the
 * common rules are all it asks, or refuse the category with `not-covered`: a category silently left without
 * rules would make every such procedure `eligible` (issue 8: a therapeutic MBB with no block before it).
 */
export const CATEGORY_DECIDING_KINDS = [
  'prior-block-positive',
  'block-interval',
  'session-limit',
  'procedure-interval',
  'joint-already-ablated',
  'positive-blocks',
  'rfa-technique',
  'repeat-relief',
  'prior-rfa-age',
  'rfa-contraindication',
  'covered',
  'not-covered',
] as const satisfies readonly Rule['kind'][];
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

const jurisdictionSchema = z.strictObject({
  contractor: z.string().min(1),
  jurisdiction: z.string().min(1),
  states: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  documents: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        from: isoDate,
        until: isoDate.optional(),
        note: z.string().optional(),
      }),
    )
    .min(1),
});

const versionSchema = z.strictObject({
  version: z.string().min(1),
  effective: isoDate,
  summary: z.string().min(1),
  source: z.string().min(1),
  /** Parameter overrides by rule id, merged over the rule's own parameters. */
  params: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export const policySchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a policy id is lower-case letters, digits and -'),
    title: z.string().min(1),
    description: z.string().min(1),
    defaultFor: z.array(z.enum(COVERAGE_KINDS)).default([]),
    coding: z.strictObject({ kxOnDiagnostic: z.boolean() }),
    jurisdictions: z.array(jurisdictionSchema).optional(),
    rules: z.array(ruleSchema).min(1),
    versions: z.array(versionSchema).min(1),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.rules.forEach((r, i) => {
      if (ids.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      ids.add(r.id);
    });
    for (const c of category.options) {
      const deciding = p.rules.some(
        (r) =>
          (r.appliesTo as string[]).includes(c) &&
          (CATEGORY_DECIDING_KINDS as readonly string[]).includes(r.kind),
      );
      if (!deciding) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules'],
          message: `no rule decides ${c} procedures (none of ${CATEGORY_DECIDING_KINDS.join(', ')} applies to ${c}): add the rules, a "covered" rule saying the common rules are all it needs, or a "not-covered" rule refusing it`,
        });
      }
    }
    const interpretations = p.rules.filter((r) => r.kind === 'block-interpretation').length;
    if (interpretations !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules'],
        message: `a policy needs exactly one block-interpretation rule (found ${interpretations})`,
      });
    }
    p.versions.forEach((v, i) => {
      const prev = p.versions[i - 1];
      if (prev && prev.effective >= v.effective) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'effective'],
          message: 'versions must be listed in increasing order of effective date',
        });
      }
      for (const ruleId of Object.keys(v.params)) {
        if (!ids.has(ruleId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['versions', i, 'params', ruleId],
            message: `no rule with id ${ruleId}`,
          });
        }
      }
    });
    const states = new Map<string, string>();
    p.jurisdictions?.forEach((j, i) => {
      j.states.forEach((s, k) => {
        const other = states.get(s);
        if (other) {
          ctx.addIssue({
            code: 'custom',
            path: ['jurisdictions', i, 'states', k],
            message: `state ${s} is already in jurisdiction ${other}`,
          });
        }
        states.set(s, j.jurisdiction);
      });
    });
  });

export type PolicyFile = z.infer<typeof policySchema>;
export type PolicyVersion = PolicyFile['versions'][number];
export type Jurisdiction = NonNullable<PolicyFile['jurisdictions']>[number];
