/**
 * Facet joints, regions and the nerves that supply them (facet-pathway.md §2).
 * Joints are stored; nerves are always derived from joints, never the reverse.
 */

const CERVICAL = ['C2-C3', 'C3-C4', 'C4-C5', 'C5-C6', 'C6-C7', 'C7-T1'] as const;
const THORACIC = [
  'T1-T2',
  'T2-T3',
  'T3-T4',
  'T4-T5',
  'T5-T6',
  'T6-T7',
  'T7-T8',
  'T8-T9',
  'T9-T10',
  'T10-T11',
  'T11-T12',
  'T12-L1',
] as const;
const LUMBAR = ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'] as const;

/** All facet joints from cranial to caudal. */
export const JOINTS = [...CERVICAL, ...THORACIC, ...LUMBAR] as const;
export type Joint = (typeof JOINTS)[number];

export const SIDES = ['left', 'right', 'bilateral'] as const;
export type Side = (typeof SIDES)[number];

/** Clinical region (the finer one). */
export const REGIONS = ['cervical', 'thoracic', 'lumbar'] as const;
export type Region = (typeof REGIONS)[number];

/** Spinal region for coding and limits: C2-C3 … T12-L1 and L1-L2 … L5-S1 [P]. */
export const CPT_REGIONS = ['cervical-thoracic', 'lumbar-sacral'] as const;
export type CptRegion = (typeof CPT_REGIONS)[number];

const JOINT_INDEX: ReadonlyMap<string, number> = new Map(JOINTS.map((j, i) => [j, i]));

export function isJoint(value: string): value is Joint {
  return JOINT_INDEX.has(value);
}

/** Position from cranial (0 = C2-C3) to caudal; used to order levels. */
export function jointIndex(joint: Joint): number {
  return JOINT_INDEX.get(joint)!;
}

export function regionOf(joint: Joint): Region {
  if (joint.startsWith('C')) return 'cervical';
  if (joint.startsWith('T')) return 'thoracic';
  return 'lumbar';
}

export function cptRegionOf(joint: Joint): CptRegion {
  return joint.startsWith('L') ? 'lumbar-sacral' : 'cervical-thoracic';
}

/** Vertebra above the joint, e.g. `L4` for `L4-L5`. */
function upperVertebra(joint: Joint): string {
  return joint.slice(0, joint.indexOf('-'));
}

/** The spinal nerve one level above a vertebra name (L1 → T12, T1 → C8, C4 → C3). */
function levelAbove(vertebra: string): string {
  const letter = vertebra[0]!;
  const n = Number(vertebra.slice(1));
  if (letter === 'L') return n === 1 ? 'T12' : `L${n - 1}`;
  if (letter === 'T') return n === 1 ? 'C8' : `T${n - 1}`;
  return `C${n - 1}`;
}

/** The nerves to block (or lesion) for one joint. */
export function nervesForJoint(joint: Joint): string[] {
  if (joint === 'C2-C3') return ['TON'];
  if (joint === 'L5-S1') return ['L4 MB', 'L5 DR'];
  const upper = upperVertebra(joint);
  if (upper.startsWith('C')) {
    // Cervical Cn-Cn+1 ← Cn MB + Cn+1 MB; C7-T1 ← C7 + C8 (S51).
    const n = Number(upper.slice(1));
    return [`C${n} MB`, `C${n + 1} MB`];
  }
  // Thoracic and lumbar: the level above and the same level (T1-T2 ← C8 + T1; L1-L2 ← T12 + L1).
  return [`${levelAbove(upper)} MB`, `${upper} MB`];
}

export interface JointSide {
  joint: Joint;
  side: Side;
}

export interface NerveTarget {
  nerve: string;
  sides: Exclude<Side, 'bilateral'>[];
}

/**
 * Nerves for a set of joints, shared nerves counted once (L4-L5 + L5-S1 → L3 MB, L4 MB, L5 DR), in
 * cranial-to-caudal order, each with the sides to treat.
 */
export function nervesForJoints(joints: readonly JointSide[]): NerveTarget[] {
  const ordered = [...joints].sort((a, b) => jointIndex(a.joint) - jointIndex(b.joint));
  const byNerve = new Map<string, Set<'left' | 'right'>>();
  for (const { joint, side } of ordered) {
    for (const nerve of nervesForJoint(joint)) {
      let sides = byNerve.get(nerve);
      if (!sides) {
        sides = new Set();
        byNerve.set(nerve, sides);
      }
      if (side !== 'right') sides.add('left');
      if (side !== 'left') sides.add('right');
    }
  }
  return [...byNerve].map(([nerve, sides]) => ({
    nerve,
    sides: (['left', 'right'] as const).filter((s) => sides.has(s)),
  }));
}

/**
 * Levels per CPT region, cranial to caudal: a level is a joint, both sides together count once. A joint
 * listed once per side (left and right) is one bilateral level.
 */
export function levelsByCptRegion(joints: readonly JointSide[]): Map<CptRegion, JointSide[]> {
  const out = new Map<CptRegion, JointSide[]>();
  const byJoint = new Map<Joint, JointSide>();
  const ordered = [...joints].sort((a, b) => jointIndex(a.joint) - jointIndex(b.joint));
  for (const js of ordered) {
    const seen = byJoint.get(js.joint);
    if (seen) {
      if (seen.side !== js.side) seen.side = 'bilateral';
      continue;
    }
    const level: JointSide = { joint: js.joint, side: js.side };
    byJoint.set(js.joint, level);
    const region = cptRegionOf(js.joint);
    const list = out.get(region);
    if (list) list.push(level);
    else out.set(region, [level]);
  }
  return out;
}

export function countLevels(joints: readonly JointSide[]): number {
  return new Set(joints.map((j) => j.joint)).size;
}
