/** Screening rules that apply to every facet procedure (facet-pathway.md §5.1 rules 1–6). */
import { addMonths, daysBetween, type IsoDate } from '../../dates.js';
import {
  type EvalContext,
  firstDateFrom,
  met,
  monthsBetween,
  notMet,
  type Outcome,
  unknown,
} from '../context.js';
import type { RuleOf } from '../schema.js';

/** Rule 1: index pain present ≥ N months at the date of service (onset ≤ date − N months). */
export function painDuration(ctx: EvalContext, rule: RuleOf<'pain-duration'>): Outcome {
  const { onset } = ctx.case.complaint;
  const months = rule.params.months;
  if (!onset) return unknown('PAIN_DURATION_TOO_SHORT', 'The date the pain began is not recorded.');
  const ok = (d: IsoDate) => onset <= addMonths(d, -months);
  const span = `pain since ${onset}: ${monthsBetween(onset, ctx.date)} months before ${ctx.date}`;
  if (ok(ctx.date)) return met(`Index pain present ≥ ${months} months (${span}).`);
  return notMet(
    'PAIN_DURATION_TOO_SHORT',
    `Index pain must be present ≥ ${months} months; ${span}.`,
    firstDateFrom(addMonths(onset, months), ok),
  );
}

interface Stretch {
  start: IsoDate;
  end: IsoDate;
}

/** Merges overlapping or touching intervals (a gap of one day or less joins them). */
function mergeStretches(list: Stretch[]): Stretch[] {
  const sorted = [...list].sort((a, b) => (a.start < b.start ? -1 : 1));
  const out: Stretch[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && daysBetween(last.end, s.start) <= 1) {
      if (s.end > last.end) last.end = s.end;
    } else out.push({ ...s });
  }
  return out;
}

/** Rule 2: documented failure of conservative care, optionally for a minimum continuous stretch. */
export function conservativeCare(ctx: EvalContext, rule: RuleOf<'conservative-care'>): Outcome {
  const care = ctx.case.complaint.conservativeCare;
  const { minWeeks, minMonths } = rule.params;
  if (!care) return unknown('CONSERVATIVE_CARE_NOT_DOCUMENTED', 'No conservative care is recorded.');
  const failed = care.filter((c) => c.failed && c.start <= ctx.date);
  if (failed.length === 0) {
    return notMet(
      'CONSERVATIVE_CARE_NOT_DOCUMENTED',
      care.length === 0
        ? 'No conservative care is documented.'
        : `${care.length} conservative treatment(s) recorded, none documented as failed before ${ctx.date}.`,
    );
  }
  const kinds = [...new Set(failed.map((c) => c.kind))].join(', ');
  if (minWeeks === 0 && minMonths === 0) {
    return met(`Failed conservative care documented (${kinds}).`);
  }
  const stretches = mergeStretches(
    failed.map((c) => ({ start: c.start, end: c.end < ctx.date ? c.end : ctx.date })),
  );
  const longest = stretches.reduce((a, b) =>
    daysBetween(b.start, b.end) > daysBetween(a.start, a.end) ? b : a,
  );
  const days = daysBetween(longest.start, longest.end);
  const need = minMonths > 0 ? `${minMonths} months` : `${minWeeks} weeks (${minWeeks * 7} days)`;
  const long = (s: Stretch) =>
    (minWeeks === 0 || daysBetween(s.start, s.end) >= minWeeks * 7) &&
    (minMonths === 0 || addMonths(s.start, minMonths) <= s.end);
  const text = `longest continuous failed conservative care ${longest.start} to ${longest.end} (${days} days, ${kinds})`;
  if (stretches.some(long)) return met(`Conservative care ≥ ${need}: ${text}.`);
  return notMet('CONSERVATIVE_CARE_TOO_SHORT', `Conservative care must last ≥ ${need}; ${text}.`);
}

/** Rule 3 (first part): pain predominantly axial. */
export function axialPain(ctx: EvalContext): Outcome {
  const { axial } = ctx.case.complaint;
  if (axial === undefined)
    return unknown('PAIN_NOT_AXIAL', 'Whether the pain is predominantly axial is not recorded.');
  return axial
    ? met('Pain is predominantly axial.')
    : notMet('PAIN_NOT_AXIAL', 'Pain is not predominantly axial.');
}

/** Rule 3 (second part): a functional deficit recorded on a named scale. */
export function functionRecorded(ctx: EvalContext): Outcome {
  const f = ctx.case.complaint.function;
  if (!f)
    return unknown('FUNCTION_NOT_RECORDED', 'No functional assessment (ODI, NDI, PROMIS-PI…) is recorded.');
  return met(`Function recorded: ${f.instrument} ${f.score} on ${f.date}.`);
}

/** Rule 4: no untreated radiculopathy, except radiculopathy from a facet synovial cyst. */
export function radiculopathy(ctx: EvalContext): Outcome {
  const r = ctx.case.complaint.radicular;
  if (r === undefined) return unknown('UNTREATED_RADICULOPATHY', 'Radicular symptoms are not recorded.');
  if (r === 'untreated') return notMet('UNTREATED_RADICULOPATHY', 'Untreated radiculopathy is present.');
  const text = {
    none: 'No radicular symptoms.',
    treated: 'Radiculopathy has been treated.',
    'facet-cyst': 'Radiculopathy is caused by a facet synovial cyst (allowed).',
  }[r];
  return met(text);
}

/** Rule 4: no neurogenic claudication. */
export function neurogenicClaudication(ctx: EvalContext): Outcome {
  const n = ctx.case.complaint.neurogenicClaudication;
  if (n === undefined) return unknown('NEUROGENIC_CLAUDICATION', 'Neurogenic claudication is not recorded.');
  return n
    ? notMet('NEUROGENIC_CLAUDICATION', 'Neurogenic claudication is present.')
    : met('No neurogenic claudication.');
}

/** Rule 5: no non-facet cause that explains the pain. */
export function nonFacetCause(ctx: EvalContext): Outcome {
  const n = ctx.case.complaint.nonFacetCause;
  if (n === undefined)
    return unknown('NON_FACET_CAUSE', 'Whether a non-facet cause was excluded is not recorded.');
  return n === 'none'
    ? met('No non-facet cause (fracture, tumor, infection, deformity) explains the pain.')
    : notMet('NON_FACET_CAUSE', `A non-facet cause explains the pain: ${n}.`);
}

/** Rule 6: baseline pain recorded on the same scale used after the block. */
export function baselineRecorded(ctx: EvalContext): Outcome {
  const b = ctx.case.complaint.baseline;
  if (!b) return unknown('BASELINE_MISSING', 'No baseline pain score is recorded.');
  const mismatch = ctx.diagnosticBlocks.filter((p) => p.preScore && p.preScore.scale !== b.scale);
  if (mismatch.length) {
    return notMet(
      'SCALE_MISMATCH',
      `Baseline is on ${b.scale}, but block ${mismatch.map((p) => `${p.id} (${p.preScore!.scale})`).join(', ')} used another scale.`,
    );
  }
  return met(`Baseline ${b.scale} ${b.score} on ${b.date}.`);
}
