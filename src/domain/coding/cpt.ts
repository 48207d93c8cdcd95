/**
 * The CPT lines of a facet session (facet-pathway.md §6): levels (joints) are counted, not nerves; a level
 * done on both sides is one line with modifier 50, a one-sided level takes RT or LT; add-on codes follow
 * their primary code in the same region; KX marks Medicare diagnostic facet injection lines.
 */
import type { Procedure } from '../case.js';
import { type CptRegion, type Joint, type JointSide, levelsByCptRegion } from '../spine/joints.js';

export interface CodingLine {
  code: string;
  modifiers: string[];
  units: number;
  region: CptRegion;
  /** The joints this line bills, and their ordinal among the session's levels in the region (1-based). */
  levels: Joint[];
  ordinals: number[];
  description: string;
}

const INJECTION: Record<CptRegion, [string, string, string]> = {
  'cervical-thoracic': ['64490', '64491', '64492'],
  'lumbar-sacral': ['64493', '64494', '64495'],
};
/** Ultrasound-guided facet injections have their own Category III codes (0213T–0218T) [P]. */
const ULTRASOUND: Record<CptRegion, [string, string, string]> = {
  'cervical-thoracic': ['0213T', '0214T', '0215T'],
  'lumbar-sacral': ['0216T', '0217T', '0218T'],
};
const RFA: Record<CptRegion, [string, string]> = {
  'cervical-thoracic': ['64633', '64634'],
  'lumbar-sacral': ['64635', '64636'],
};
const REGION_LABEL: Record<CptRegion, string> = {
  'cervical-thoracic': 'cervical/thoracic',
  'lumbar-sacral': 'lumbar/sacral',
};

function sideModifier(levels: readonly JointSide[]): string {
  const left = levels.some((l) => l.side !== 'right');
  const right = levels.some((l) => l.side !== 'left');
  return left && right ? '50' : left ? 'LT' : 'RT';
}

export interface CodingOptions {
  kxOnDiagnostic: boolean;
  /** Levels per region beyond this are billed on lines of their own (not covered). */
  maxLevels: number | null;
}

export function codeSession(p: Procedure, opts: CodingOptions): CodingLine[] {
  const lines: CodingLine[] = [];
  if (p.kind === 'other-block') return lines;
  for (const [region, levels] of levelsByCptRegion(p.joints)) {
    const kx =
      opts.kxOnDiagnostic && p.intent === 'diagnostic' && p.kind !== 'rfa' && p.guidance !== 'ultrasound';
    const add = (
      code: string,
      group: { js: JointSide; ordinal: number }[],
      units: number,
      description: string,
    ) => {
      const modifiers = [sideModifier(group.map((g) => g.js))];
      if (kx) modifiers.push('KX');
      lines.push({
        code,
        modifiers,
        units,
        region,
        levels: group.map((g) => g.js.joint),
        ordinals: group.map((g) => g.ordinal),
        description: `${REGION_LABEL[region]} ${description}`,
      });
    };
    const ordered = levels.map((js, i) => ({ js, ordinal: i + 1 }));
    if (p.kind === 'rfa') {
      const [primary, addon] = RFA[region];
      add(primary, ordered.slice(0, 1), 1, 'facet RFA, first joint');
      // Add-on joints grouped by modifier, and apart for levels beyond the covered number.
      const groups = new Map<string, { js: JointSide; ordinal: number }[]>();
      for (const g of ordered.slice(1)) {
        const beyond = opts.maxLevels !== null && g.ordinal > opts.maxLevels;
        const key = `${sideModifier([g.js])}|${beyond}`;
        groups.set(key, [...(groups.get(key) ?? []), g]);
      }
      for (const group of groups.values())
        add(addon, group, group.length, 'facet RFA, each additional joint');
    } else {
      const codes = p.guidance === 'ultrasound' ? ULTRASOUND[region] : INJECTION[region];
      const kind = p.guidance === 'ultrasound' ? 'facet injection with ultrasound' : 'facet injection';
      add(codes[0], ordered.slice(0, 1), 1, `${kind}, first level`);
      if (ordered.length > 1) add(codes[1], ordered.slice(1, 2), 1, `${kind}, second level`);
      // "Third and any additional levels" is one line, one unit, whatever the number of further levels.
      if (ordered.length > 2) add(codes[2], ordered.slice(2), 1, `${kind}, third and any additional levels`);
    }
  }
  return lines;
}
