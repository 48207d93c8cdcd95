/** The spine diagram's logic: the levels of a region, the vertebrae drawn between them, and side toggling. */
import { JOINTS, type Joint, type Region, regionOf, type Side } from '../../../contract/preview';

/** The joints of a region, cranial to caudal. */
export function jointsOf(region: Region): Joint[] {
  return JOINTS.filter((j) => regionOf(j) === region);
}

/** The vertebrae around a region's joints: C2 … T1 for cervical, T1 … L1 thoracic, L1 … S1 lumbar. */
export function vertebraeAround(joints: readonly Joint[]): string[] {
  const out: string[] = [];
  for (const j of joints) {
    const [upper, lower] = j.split('-') as [string, string];
    if (!out.length) out.push(upper);
    out.push(lower);
  }
  return out;
}

/** Toggling one side of a joint: left + right make both; pressing a pressed side takes it away. */
export function toggleSide(
  current: Side | undefined,
  pressed: 'left' | 'right' | 'bilateral',
): Side | undefined {
  if (pressed === 'bilateral') return current === 'bilateral' ? undefined : 'bilateral';
  const other = pressed === 'left' ? 'right' : 'left';
  if (current === undefined) return pressed;
  if (current === pressed) return undefined;
  if (current === 'bilateral') return other;
  return 'bilateral'; // the other side was chosen: now both
}
