/**
 * The evaluator: a pure function of (case, policy, as-of date). It picks the policy version in effect on
 * the date of service, runs every rule that applies to the proposed procedure, and reports each criterion
 * with its numbers and source, the interpretation of every diagnostic block, the CPT lines and what may
 * come next.
 */
import type { Case } from '../case.js';
import type { ReasonCode } from '../codes.js';
import { codeSession } from '../coding/cpt.js';
import type { IsoDate } from '../dates.js';
import { compareBlocks, roundPercent } from '../diary/interpret.js';
import type { BlockReport, Criterion, EvaluationResult, Verdict } from '../result.js';
import { buildContext, covers, type EvalContext, met, notMet, type Outcome } from './context.js';
import { governingDocument, type Policy, versionInEffect } from './load.js';
import { nextSteps } from './next-steps.js';
import * as blocks from './rules/blocks.js';
import * as limits from './rules/limits.js';
import * as rfa from './rules/rfa.js';
import * as screening from './rules/screening.js';
import * as session from './rules/session.js';
import type { Rule, RuleKind, RuleOf } from './schema.js';

type RuleFn<K extends RuleKind> = (ctx: EvalContext, rule: RuleOf<K>) => Outcome | null;

/** Every rule kind and the function that decides it. Adding a kind is adding a line here and in schema.ts. */
const RULES: { [K in RuleKind]: RuleFn<K> | null } = {
  'pain-duration': screening.painDuration,
  'conservative-care': screening.conservativeCare,
  'axial-pain': screening.axialPain,
  'function-recorded': screening.functionRecorded,
  radiculopathy: screening.radiculopathy,
  'neurogenic-claudication': screening.neurogenicClaudication,
  'non-facet-cause': screening.nonFacetCause,
  'baseline-recorded': screening.baselineRecorded,
  // Parameters of block interpretation (rule 7): used for every block, reported in `blocks`.
  'block-interpretation': null,
  'prior-block-positive': blocks.priorBlockPositive,
  'block-interval': blocks.blockInterval,
  'session-limit': limits.sessionLimit,
  'procedure-interval': limits.procedureInterval,
  'joint-already-ablated': blocks.jointAlreadyAblated,
  'positive-blocks': blocks.positiveBlocks,
  'rfa-technique': rfa.rfaTechnique,
  'repeat-relief': rfa.repeatRelief,
  'prior-rfa-age': rfa.priorRfaAge,
  'rfa-contraindication': rfa.rfaContraindication,
  'level-limit': session.levelLimit,
  guidance: session.guidance,
  sedation: session.sedation,
  'same-day-other-block': session.sameDayOtherBlock,
  diagnosis: session.diagnosis,
  volume: blocks.volume,
  covered: (_ctx, rule) => met(`Covered on the common criteria alone: ${rule.title}.`),
  'not-covered': (_ctx, rule) =>
    notMet('PROCEDURE_NOT_COVERED', `Not covered by this policy: ${rule.title}.`),
};

function runRule(ctx: EvalContext, rule: Rule): Outcome | null {
  const fn = RULES[rule.kind] as RuleFn<RuleKind> | null;
  return fn ? fn(ctx, rule as RuleOf<RuleKind>) : null;
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export function evaluate(c: Case, policy: Policy, asOf: IsoDate): EvaluationResult {
  const version = versionInEffect(policy, c.proposed.date);
  const governing = governingDocument(policy, c.coverage.state, c.proposed.date);
  const interpretation = version.rules.find(
    (r): r is RuleOf<'block-interpretation'> => r.kind === 'block-interpretation',
  )!;
  const ctx = buildContext(c, asOf, interpretation, version.rules);

  const criteria: Criterion[] = [];
  for (const rule of version.rules) {
    if (ctx.category === 'other' || !(rule.appliesTo as string[]).includes(ctx.category)) continue;
    const outcome = runRule(ctx, rule);
    if (!outcome) continue;
    // Plain literals rather than conditional spreads (which V8 copies slowly); the key order is the same.
    const criterion: Criterion =
      outcome.reason && outcome.status !== 'met'
        ? {
            rule: rule.id,
            title: rule.title,
            severity: rule.severity,
            status: outcome.status,
            reason: outcome.reason,
            message: outcome.message,
            source: rule.source,
          }
        : {
            rule: rule.id,
            title: rule.title,
            severity: rule.severity,
            status: outcome.status,
            message: outcome.message,
            source: rule.source,
          };
    if (outcome.earliestDate) criterion.earliestDate = outcome.earliestDate;
    criteria.push(criterion);
  }

  const required = criteria.filter((x) => x.severity === 'required');
  const verdict: Verdict = required.some((x) => x.status === 'not-met')
    ? 'not-eligible'
    : required.some((x) => x.status === 'unknown')
      ? 'needs-information'
      : 'eligible';
  const reasons = unique(required.filter((x) => x.status !== 'met').map((x) => x.reason!));

  const blockReports: BlockReport[] = ctx.diagnosticBlocks.map((b) => {
    const i = ctx.interpretations.get(b.id)!;
    return {
      id: b.id,
      date: b.date,
      kind: b.kind,
      agent: i.agent,
      result: i.result,
      peakReliefPercent: i.peakReliefPercent === null ? null : roundPercent(i.peakReliefPercent),
      durationMinutes: i.durationMinutes,
      threshold: i.threshold.percent,
      thresholdInclusive: i.threshold.inclusive,
      reasons: i.reasons,
      warnings: i.warnings,
      explanation: i.explanation,
      rule: interpretation.id,
    };
  });

  // Warnings: advisory criteria not met, and block warnings for the blocks at the proposed joints.
  const relevant = ctx.diagnosticBlocks.filter((b) => ctx.units.some((u) => covers(b, u)));
  const warnings: ReasonCode[] = unique([
    ...criteria.filter((x) => x.severity === 'advisory' && x.status === 'not-met').map((x) => x.reason!),
    ...relevant.flatMap((b) => ctx.interpretations.get(b.id)!.warnings),
  ]);

  const comparative = compareBlocks(
    relevant.map((b) => {
      const i = ctx.interpretations.get(b.id)!;
      return { id: b.id, agent: i.agent, result: i.result, durationMinutes: i.durationMinutes };
    }),
  );

  // A line is covered when nothing but the level limit stands in the way and its levels are within it.
  const levelRule = version.rules.find(
    (r): r is RuleOf<'level-limit'> => r.kind === 'level-limit' && r.severity === 'required',
  );
  const maxLevels = levelRule?.appliesTo.includes(ctx.category as never) ? levelRule.params.maxLevels : null;
  const blocking = required.filter((x) => x.status !== 'met' && x.reason !== 'LEVEL_LIMIT_EXCEEDED');
  const coding = codeSession(c.proposed, { kxOnDiagnostic: policy.coding.kxOnDiagnostic, maxLevels }).map(
    (l) => ({
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      // A line is billed for its first level: "third and any additional levels" is one unit whatever follows.
      covered: blocking.length === 0 && (maxLevels === null || Math.min(...l.ordinals) <= maxLevels),
      region: l.region,
      levels: l.levels,
      description: l.description,
    }),
  );

  return {
    policy: {
      id: policy.id,
      title: policy.title,
      version: version.version,
      ...(governing
        ? {
            lcd: governing.document,
            contractor: `${governing.contractor} ${governing.jurisdiction}`,
            ...(governing.note ? { note: governing.note } : {}),
          }
        : {}),
    },
    asOf,
    proposed: { id: c.proposed.id, kind: c.proposed.kind, intent: c.proposed.intent, date: c.proposed.date },
    verdict,
    reasons,
    warnings,
    criteria,
    blocks: blockReports,
    comparative,
    coding,
    next: nextSteps(ctx, version.rules, criteria, verdict),
  };
}
