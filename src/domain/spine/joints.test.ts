import { describe, expect, it } from 'vitest';
import {
  type CptRegion,
  countLevels,
  cptRegionOf,
  isJoint,
  JOINTS,
  type Joint,
  type JointSide,
  jointIndex,
  levelsByCptRegion,
  nervesForJoint,
  nervesForJoints,
  type Region,
  regionOf,
} from './joints.js';

describe('JOINTS', () => {
  it('lists the 23 facet joints C2-C3 … L5-S1 from cranial to caudal', () => {
    expect(JOINTS).toEqual([
      'C2-C3',
      'C3-C4',
      'C4-C5',
      'C5-C6',
      'C6-C7',
      'C7-T1',
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
      'L1-L2',
      'L2-L3',
      'L3-L4',
      'L4-L5',
      'L5-S1',
    ]);
    expect(JOINTS).toHaveLength(23);
  });

  it('jointIndex is the cranial-to-caudal position', () => {
    expect(jointIndex('C2-C3')).toBe(0);
    expect(jointIndex('C7-T1')).toBe(5);
    expect(jointIndex('T1-T2')).toBe(6);
    expect(jointIndex('T12-L1')).toBe(17);
    expect(jointIndex('L1-L2')).toBe(18);
    expect(jointIndex('L5-S1')).toBe(22);
  });

  it('isJoint accepts only the joint names', () => {
    expect(isJoint('L4-L5')).toBe(true);
    expect(isJoint('T10-T11')).toBe(true);
    expect(isJoint('C1-C2')).toBe(false); // atlanto-axial: not a facet joint of the pathway
    expect(isJoint('L5-L6')).toBe(false);
    expect(isJoint('S1-S2')).toBe(false);
    expect(isJoint('l4-l5')).toBe(false);
    expect(isJoint('L4')).toBe(false);
    expect(isJoint('')).toBe(false);
  });
});

describe('regions', () => {
  // Written out for every joint from §2: cervical/thoracic = C2-C3 … T12-L1; lumbar/sacral = L1-L2 … L5-S1.
  const table: [Joint, Region, CptRegion][] = [
    ['C2-C3', 'cervical', 'cervical-thoracic'],
    ['C3-C4', 'cervical', 'cervical-thoracic'],
    ['C4-C5', 'cervical', 'cervical-thoracic'],
    ['C5-C6', 'cervical', 'cervical-thoracic'],
    ['C6-C7', 'cervical', 'cervical-thoracic'],
    ['C7-T1', 'cervical', 'cervical-thoracic'],
    ['T1-T2', 'thoracic', 'cervical-thoracic'],
    ['T2-T3', 'thoracic', 'cervical-thoracic'],
    ['T3-T4', 'thoracic', 'cervical-thoracic'],
    ['T4-T5', 'thoracic', 'cervical-thoracic'],
    ['T5-T6', 'thoracic', 'cervical-thoracic'],
    ['T6-T7', 'thoracic', 'cervical-thoracic'],
    ['T7-T8', 'thoracic', 'cervical-thoracic'],
    ['T8-T9', 'thoracic', 'cervical-thoracic'],
    ['T9-T10', 'thoracic', 'cervical-thoracic'],
    ['T10-T11', 'thoracic', 'cervical-thoracic'],
    ['T11-T12', 'thoracic', 'cervical-thoracic'],
    ['T12-L1', 'thoracic', 'cervical-thoracic'],
    ['L1-L2', 'lumbar', 'lumbar-sacral'],
    ['L2-L3', 'lumbar', 'lumbar-sacral'],
    ['L3-L4', 'lumbar', 'lumbar-sacral'],
    ['L4-L5', 'lumbar', 'lumbar-sacral'],
    ['L5-S1', 'lumbar', 'lumbar-sacral'],
  ];

  it('the table covers every joint', () => {
    expect(table.map(([j]) => j)).toEqual([...JOINTS]);
  });

  it.each(table)('%s is %s, CPT region %s', (joint, region, cpt) => {
    expect(regionOf(joint)).toBe(region);
    expect(cptRegionOf(joint)).toBe(cpt);
  });
});

describe('nervesForJoint', () => {
  // Written out by hand from §2 for every joint.
  const table: [Joint, string[]][] = [
    ['C2-C3', ['TON']],
    ['C3-C4', ['C3 MB', 'C4 MB']],
    ['C4-C5', ['C4 MB', 'C5 MB']],
    ['C5-C6', ['C5 MB', 'C6 MB']],
    ['C6-C7', ['C6 MB', 'C7 MB']],
    ['C7-T1', ['C7 MB', 'C8 MB']],
    ['T1-T2', ['C8 MB', 'T1 MB']],
    ['T2-T3', ['T1 MB', 'T2 MB']],
    ['T3-T4', ['T2 MB', 'T3 MB']],
    ['T4-T5', ['T3 MB', 'T4 MB']],
    ['T5-T6', ['T4 MB', 'T5 MB']],
    ['T6-T7', ['T5 MB', 'T6 MB']],
    ['T7-T8', ['T6 MB', 'T7 MB']],
    ['T8-T9', ['T7 MB', 'T8 MB']],
    ['T9-T10', ['T8 MB', 'T9 MB']],
    ['T10-T11', ['T9 MB', 'T10 MB']],
    ['T11-T12', ['T10 MB', 'T11 MB']],
    ['T12-L1', ['T11 MB', 'T12 MB']],
    ['L1-L2', ['T12 MB', 'L1 MB']],
    ['L2-L3', ['L1 MB', 'L2 MB']],
    ['L3-L4', ['L2 MB', 'L3 MB']],
    ['L4-L5', ['L3 MB', 'L4 MB']],
    ['L5-S1', ['L4 MB', 'L5 DR']],
  ];

  it('the table covers every joint', () => {
    expect(table.map(([j]) => j)).toEqual([...JOINTS]);
  });

  it.each(table)('%s ← %j', (joint, nerves) => {
    expect(nervesForJoint(joint)).toEqual(nerves);
  });
});

describe('nervesForJoints', () => {
  it('adjacent joints share nerves: L4-L5 + L5-S1 → L3 MB, L4 MB, L5 DR', () => {
    expect(
      nervesForJoints([
        { joint: 'L4-L5', side: 'bilateral' },
        { joint: 'L5-S1', side: 'bilateral' },
      ]),
    ).toEqual([
      { nerve: 'L3 MB', sides: ['left', 'right'] },
      { nerve: 'L4 MB', sides: ['left', 'right'] },
      { nerve: 'L5 DR', sides: ['left', 'right'] },
    ]);
  });

  it('orders nerves cranial to caudal whatever the input order', () => {
    expect(
      nervesForJoints([
        { joint: 'L5-S1', side: 'right' },
        { joint: 'L3-L4', side: 'right' },
        { joint: 'L4-L5', side: 'right' },
      ]).map((n) => n.nerve),
    ).toEqual(['L2 MB', 'L3 MB', 'L4 MB', 'L5 DR']);
  });

  it('merges sides of a shared nerve: L4-L5 left + L5-S1 right', () => {
    expect(
      nervesForJoints([
        { joint: 'L4-L5', side: 'left' },
        { joint: 'L5-S1', side: 'right' },
      ]),
    ).toEqual([
      { nerve: 'L3 MB', sides: ['left'] },
      { nerve: 'L4 MB', sides: ['left', 'right'] },
      { nerve: 'L5 DR', sides: ['right'] },
    ]);
  });

  it('a unilateral joint gives one side only', () => {
    expect(nervesForJoints([{ joint: 'C5-C6', side: 'right' }])).toEqual([
      { nerve: 'C5 MB', sides: ['right'] },
      { nerve: 'C6 MB', sides: ['right'] },
    ]);
  });

  it('the same joint listed per side is both sides', () => {
    expect(
      nervesForJoints([
        { joint: 'C2-C3', side: 'right' },
        { joint: 'C2-C3', side: 'left' },
      ]),
    ).toEqual([{ nerve: 'TON', sides: ['left', 'right'] }]);
  });

  it('crosses the cervicothoracic and thoracolumbar junctions', () => {
    expect(
      nervesForJoints([
        { joint: 'C7-T1', side: 'bilateral' },
        { joint: 'T1-T2', side: 'bilateral' },
      ]).map((n) => n.nerve),
    ).toEqual(['C7 MB', 'C8 MB', 'T1 MB']);
    expect(
      nervesForJoints([
        { joint: 'T12-L1', side: 'left' },
        { joint: 'L1-L2', side: 'left' },
      ]).map((n) => n.nerve),
    ).toEqual(['T11 MB', 'T12 MB', 'L1 MB']);
  });

  it('no joints, no nerves', () => {
    expect(nervesForJoints([])).toEqual([]);
  });
});

describe('countLevels and levelsByCptRegion', () => {
  const j = (joint: Joint, side: JointSide['side'] = 'bilateral'): JointSide => ({ joint, side });

  it('a level is a joint: both sides count once', () => {
    expect(countLevels([j('L4-L5')])).toBe(1);
    expect(countLevels([j('L4-L5'), j('L5-S1')])).toBe(2);
    expect(countLevels([j('L4-L5', 'left'), j('L4-L5', 'right')])).toBe(1);
    expect(countLevels([j('L3-L4', 'left'), j('L4-L5', 'right'), j('L5-S1', 'left')])).toBe(3);
    expect(countLevels([])).toBe(0);
  });

  it('groups levels by CPT region, cranial to caudal', () => {
    const out = levelsByCptRegion([j('L1-L2'), j('C5-C6', 'left'), j('T12-L1'), j('C4-C5')]);
    expect([...out.keys()]).toEqual(['cervical-thoracic', 'lumbar-sacral']);
    expect(out.get('cervical-thoracic')).toEqual([j('C4-C5'), j('C5-C6', 'left'), j('T12-L1')]);
    expect(out.get('lumbar-sacral')).toEqual([j('L1-L2')]);
  });

  it('has no entry for a region without levels', () => {
    const out = levelsByCptRegion([j('L5-S1', 'right')]);
    expect(out.has('cervical-thoracic')).toBe(false);
    expect(out.get('lumbar-sacral')).toEqual([j('L5-S1', 'right')]);
  });

  it('a joint listed once per side is one bilateral level', () => {
    const out = levelsByCptRegion([j('L4-L5', 'left'), j('L5-S1', 'right'), j('L4-L5', 'right')]);
    expect(out.get('lumbar-sacral')).toEqual([j('L4-L5', 'bilateral'), j('L5-S1', 'right')]);
  });

  it('a joint listed twice on the same side stays one level on that side', () => {
    const out = levelsByCptRegion([j('C3-C4', 'left'), j('C3-C4', 'left')]);
    expect(out.get('cervical-thoracic')).toEqual([j('C3-C4', 'left')]);
  });

  it('does not change its input', () => {
    const input = [j('L4-L5', 'left'), j('L4-L5', 'right')];
    levelsByCptRegion(input);
    expect(input).toEqual([j('L4-L5', 'left'), j('L4-L5', 'right')]);
  });
});
