/** The block record's fields (facet-pathway.md §3, migration 0008) as the packet's lines, when recorded. */
import type { ProcedureDto } from '../../contract/procedures.js';

export function blockRecordLines(p: ProcedureDto): [string, string][] {
  const lines: [string, string][] = [];
  if (p.startTime && p.timeZone) lines.push(['Start time', `${p.startTime} (${p.timeZone}), ${p.startedAt}`]);
  if (p.room) lines.push(['Room', p.room]);
  if (p.agentConcentrationPercent !== null) lines.push(['Concentration', `${p.agentConcentrationPercent} %`]);
  if (p.steroid) lines.push(['Steroid added', `${p.steroid.drug} ${p.steroid.doseMg} mg`]);
  if (p.contrast !== null) lines.push(['Contrast', p.contrast ? 'yes' : 'no']);
  if (p.complications) {
    const kinds = p.complications.kinds.length ? p.complications.kinds.join(', ') : 'none';
    lines.push(['Complications', p.complications.note ? `${kinds}: ${p.complications.note}` : kinds]);
  }
  if (p.observationMinutes !== null) lines.push(['Observation', `${p.observationMinutes} min`]);
  if (p.provocation) {
    lines.push([
      'Provocation check',
      `${p.provocation.activity ?? 'activity not recorded'}: ${p.provocation.score} / 10 at ${p.provocation.minutesAfter} min, in recovery (staff)`,
    ]);
  }
  return lines;
}
