/**
 * Words for the clinic's clinical codes (the contract's enums) and its calendar dates, shared by every clinic
 * screen: the chart, the block form, the interpretation view, the decision panel and the operations pages.
 */
import type { ProcedureKind } from '../../contract/preview';

export const KIND_LABEL: Record<ProcedureKind, string> = {
  mbb: 'Medial branch block',
  'intra-articular': 'Intra-articular facet injection',
  rfa: 'Radiofrequency ablation',
  'other-block': 'Other block',
};
export const KIND_SHORT: Record<string, string> = {
  mbb: 'MBB',
  'intra-articular': 'IA facet injection',
  rfa: 'RFA',
  'other-block': 'Other block',
};
export const OTHER_BLOCK_LABEL: Record<string, string> = {
  epidural: 'Epidural',
  'si-joint': 'Sacroiliac joint',
  'trigger-point': 'Trigger point',
  other: 'Other',
};
export const INTENT_LABEL: Record<string, string> = {
  diagnostic: 'Diagnostic',
  therapeutic: 'Therapeutic',
};
export const AGENT_LABEL: Record<string, string> = {
  lidocaine: 'Lidocaine (short-acting)',
  bupivacaine: 'Bupivacaine (long-acting)',
  ropivacaine: 'Ropivacaine (long-acting)',
};
export const GUIDANCE_LABEL: Record<string, string> = {
  fluoroscopy: 'Fluoroscopy',
  ct: 'CT',
  ultrasound: 'Ultrasound',
  none: 'None',
};
export const SEDATION_LABEL: Record<string, string> = {
  none: 'None',
  local: 'Local anaesthetic only',
  moderate: 'Moderate (conscious) sedation',
  mac: 'Monitored anaesthesia care (MAC)',
  general: 'General anaesthesia',
};
export const TECHNIQUE_LABEL: Record<string, string> = {
  thermal: 'Thermal',
  cooled: 'Cooled',
  pulsed: 'Pulsed',
  chemical: 'Chemical',
  cryo: 'Cryoablation',
  laser: 'Laser',
};
export const REGION_LABEL: Record<string, string> = {
  cervical: 'Cervical',
  thoracic: 'Thoracic',
  lumbar: 'Lumbar',
};
export const SIDE_LABEL: Record<string, string> = { left: 'left', right: 'right', bilateral: 'both sides' };
export const COVERAGE_LABEL: Record<string, string> = {
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  commercial: 'Commercial',
  medicaid: 'Medicaid',
  'self-pay': 'Self-pay',
};
export const CARE_LABEL: Record<string, string> = {
  'physical-therapy': 'Physical therapy',
  medication: 'Medication',
  manipulation: 'Manipulation',
  exercise: 'Exercise',
  'activity-modification': 'Activity modification',
  other: 'Other conservative care',
};

/** "L4 MB" → "L4 medial branch"; "L5 DR" → "L5 dorsal ramus"; "TON" → "third occipital nerve". */
export function nerveName(code: string): string {
  if (code === 'TON') return 'third occipital nerve';
  return code.replace(/ MB$/, ' medial branch').replace(/ DR$/, ' dorsal ramus');
}

/** "L4-L5 both sides, L5-S1 left". */
export function jointsText(joints: readonly { joint: string; side: string }[]): string {
  return joints.map((j) => `${j.joint} ${SIDE_LABEL[j.side] ?? j.side}`).join(', ');
}

/** A calendar date (YYYY-MM-DD) as "Mar 14, 2026", without shifting it through a time zone. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Today's date where the browser is, as YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Whole years between a birth date and today. */
export function ageOn(birthDate: string, today = todayIso()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty! - by!;
  if (tm! < bm! || (tm === bm && td! < bd!)) age--;
  return age;
}

/** Minutes after a block as "30 min", "4 h", "2 d 3 h". */
export function minutesText(min: number): string {
  if (min < 60) return `${min} min`;
  if (min < 24 * 60) return Number.isInteger(min / 60) ? `${min / 60} h` : `${(min / 60).toFixed(1)} h`;
  const d = Math.floor(min / 1440);
  const h = Math.round((min % 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}
