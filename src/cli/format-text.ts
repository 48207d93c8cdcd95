/** The text explanation of a result: what a physician reads before trusting the decision. */
import type { EvaluationResult } from '../domain/result.js';

const MARK = { met: '✓', 'not-met': '✗', unknown: '?' } as const;
const VERDICT = {
  eligible: 'ELIGIBLE',
  'not-eligible': 'NOT ELIGIBLE',
  'needs-information': 'NEEDS INFORMATION',
} as const;

export function formatText(r: EvaluationResult): string {
  const out: string[] = [];
  const p = r.proposed;
  out.push(`Proposed: ${p.intent} ${p.kind} ${p.id} on ${p.date} (evaluated as of ${r.asOf})`);
  out.push(`Policy:   ${r.policy.id} version ${r.policy.version} — ${r.policy.title}`);
  if (r.policy.lcd)
    out.push(
      `Governs:  ${r.policy.contractor}, LCD ${r.policy.lcd}${r.policy.note ? ` (${r.policy.note})` : ''}`,
    );
  out.push('');
  out.push(`Verdict:  ${VERDICT[r.verdict]}${r.reasons.length ? ` — ${r.reasons.join(', ')}` : ''}`);
  if (r.warnings.length) out.push(`Warnings: ${r.warnings.join(', ')}`);
  out.push('', 'Criteria');
  for (const c of r.criteria) {
    const advisory = c.severity === 'advisory' ? ' (advisory)' : '';
    out.push(
      `  ${MARK[c.status]} ${c.rule.padEnd(4)} ${c.title}${advisory}${c.reason ? ` [${c.reason}]` : ''}`,
    );
    out.push(`         ${c.message}`);
    if (c.earliestDate) out.push(`         Earliest date it allows: ${c.earliestDate}`);
    out.push(`         Source: ${c.source}`);
  }
  if (r.blocks.length) {
    out.push('', 'Diagnostic blocks');
    for (const b of r.blocks) {
      const peak = b.peakReliefPercent === null ? 'no relief computed' : `peak ${b.peakReliefPercent} %`;
      const flags = [...b.reasons, ...b.warnings];
      out.push(
        `  ${b.id} ${b.date} ${b.kind} ${b.agent ?? '(no agent)'}: ${b.result.toUpperCase()} — ${peak}, ` +
          `${b.durationMinutes} min at ${b.thresholdInclusive ? '≥' : '>'} ${b.threshold} %${flags.length ? ` [${flags.join(', ')}]` : ''}`,
      );
      out.push(`         ${b.explanation}`);
    }
  }
  if (r.comparative) {
    out.push(
      '',
      `Comparative blocks: ${r.comparative.result} (short-acting ${r.comparative.shortBlockId}, long-acting ${r.comparative.longBlockId})`,
    );
  }
  if (r.coding.length) {
    out.push('', 'Coding');
    for (const l of r.coding) {
      const code = `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}`;
      out.push(
        `  ${code.padEnd(14)} ×${l.units}  ${l.covered ? 'covered    ' : 'not covered'}  ${l.description} (${l.levels.join(', ')})`,
      );
    }
  }
  if (r.next.length) {
    out.push('', 'Next');
    for (const n of r.next)
      out.push(
        `  ${(n.earliestDate ?? 'now').padEnd(10)}  ${n.action}${n.alreadyAllowed ? ` (already allowed on ${r.asOf})` : ''}: ${n.reason}`,
      );
  }
  return `${out.join('\n')}\n`;
}
