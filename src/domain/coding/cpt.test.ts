import { describe, expect, it } from 'vitest';
import type { Procedure } from '../case.js';
import type { Joint, JointSide } from '../spine/joints.js';
import { type CodingLine, type CodingOptions, codeSession } from './cpt.js';

const MEDICARE: CodingOptions = { kxOnDiagnostic: true, maxLevels: null };
const COMMERCIAL: CodingOptions = { kxOnDiagnostic: false, maxLevels: null };

const proc = (over: Partial<Procedure> & Pick<Procedure, 'joints'>): Procedure => ({
  id: 'p1',
  kind: 'mbb',
  intent: 'diagnostic',
  date: '2026-03-02',
  guidance: 'fluoroscopy',
  sedation: 'none',
  agent: 'lidocaine',
  ...over,
});
const bi = (...joints: Joint[]): JointSide[] => joints.map((joint) => ({ joint, side: 'bilateral' }));

/** The billing essentials of each line: code, modifiers, units, levels. */
const brief = (lines: CodingLine[]) =>
  lines.map((l) => ({ code: l.code, modifiers: l.modifiers, units: l.units, levels: l.levels }));

describe('injections (MBB, intra-articular)', () => {
  it('lumbar bilateral 2-level diagnostic MBB under Medicare → 64493-50-KX + 64494-50-KX', () => {
    const lines = codeSession(proc({ joints: bi('L4-L5', 'L5-S1') }), MEDICARE);
    expect(brief(lines)).toEqual([
      { code: '64493', modifiers: ['50', 'KX'], units: 1, levels: ['L4-L5'] },
      { code: '64494', modifiers: ['50', 'KX'], units: 1, levels: ['L5-S1'] },
    ]);
    expect(lines.map((l) => l.region)).toEqual(['lumbar-sacral', 'lumbar-sacral']);
    expect(lines.map((l) => l.ordinals)).toEqual([[1], [2]]);
  });

  it('without kxOnDiagnostic there is no KX', () => {
    expect(brief(codeSession(proc({ joints: bi('L4-L5', 'L5-S1') }), COMMERCIAL))).toEqual([
      { code: '64493', modifiers: ['50'], units: 1, levels: ['L4-L5'] },
      { code: '64494', modifiers: ['50'], units: 1, levels: ['L5-S1'] },
    ]);
  });

  it('a therapeutic injection has no KX even under Medicare', () => {
    const lines = codeSession(proc({ intent: 'therapeutic', joints: bi('L4-L5', 'L5-S1') }), MEDICARE);
    expect(lines.map((l) => [l.code, ...l.modifiers])).toEqual([
      ['64493', '50'],
      ['64494', '50'],
    ]);
  });

  it('a diagnostic intra-articular injection takes the same codes and KX', () => {
    const lines = codeSession(proc({ kind: 'intra-articular', joints: bi('L3-L4') }), MEDICARE);
    expect(brief(lines)).toEqual([{ code: '64493', modifiers: ['50', 'KX'], units: 1, levels: ['L3-L4'] }]);
  });

  it('orders levels cranial to caudal whatever the input order', () => {
    const lines = codeSession(proc({ joints: bi('L5-S1', 'L4-L5') }), COMMERCIAL);
    expect(lines.map((l) => [l.code, l.levels[0]])).toEqual([
      ['64493', 'L4-L5'],
      ['64494', 'L5-S1'],
    ]);
  });

  it('three lumbar levels → 64493 + 64494 + 64495 (one unit)', () => {
    expect(brief(codeSession(proc({ joints: bi('L3-L4', 'L4-L5', 'L5-S1') }), COMMERCIAL))).toEqual([
      { code: '64493', modifiers: ['50'], units: 1, levels: ['L3-L4'] },
      { code: '64494', modifiers: ['50'], units: 1, levels: ['L4-L5'] },
      { code: '64495', modifiers: ['50'], units: 1, levels: ['L5-S1'] },
    ]);
  });

  it('four lumbar levels: 64495 is still one line of one unit for the third and further levels', () => {
    const lines = codeSession(proc({ joints: bi('L2-L3', 'L3-L4', 'L4-L5', 'L5-S1') }), COMMERCIAL);
    expect(brief(lines)).toEqual([
      { code: '64493', modifiers: ['50'], units: 1, levels: ['L2-L3'] },
      { code: '64494', modifiers: ['50'], units: 1, levels: ['L3-L4'] },
      { code: '64495', modifiers: ['50'], units: 1, levels: ['L4-L5', 'L5-S1'] },
    ]);
    expect(lines[2]!.ordinals).toEqual([3, 4]);
  });

  it('unilateral levels take RT or LT', () => {
    const right = codeSession(proc({ joints: [{ joint: 'L4-L5', side: 'right' }] }), COMMERCIAL);
    expect(right.map((l) => [l.code, ...l.modifiers])).toEqual([['64493', 'RT']]);
    const left = codeSession(
      proc({
        joints: [
          { joint: 'L4-L5', side: 'left' },
          { joint: 'L5-S1', side: 'left' },
        ],
      }),
      MEDICARE,
    );
    expect(left.map((l) => [l.code, ...l.modifiers])).toEqual([
      ['64493', 'LT', 'KX'],
      ['64494', 'LT', 'KX'],
    ]);
  });

  it('each level takes its own side modifier', () => {
    const lines = codeSession(
      proc({
        joints: [
          { joint: 'L4-L5', side: 'bilateral' },
          { joint: 'L5-S1', side: 'right' },
        ],
      }),
      COMMERCIAL,
    );
    expect(lines.map((l) => [l.code, ...l.modifiers])).toEqual([
      ['64493', '50'],
      ['64494', 'RT'],
    ]);
  });

  it('a joint listed once per side is one level with modifier 50', () => {
    const lines = codeSession(
      proc({
        joints: [
          { joint: 'L4-L5', side: 'left' },
          { joint: 'L4-L5', side: 'right' },
        ],
      }),
      COMMERCIAL,
    );
    expect(brief(lines)).toEqual([{ code: '64493', modifiers: ['50'], units: 1, levels: ['L4-L5'] }]);
  });

  it('cervical: 64490, 64491, 64492', () => {
    expect(brief(codeSession(proc({ joints: bi('C4-C5', 'C5-C6', 'C6-C7') }), MEDICARE))).toEqual([
      { code: '64490', modifiers: ['50', 'KX'], units: 1, levels: ['C4-C5'] },
      { code: '64491', modifiers: ['50', 'KX'], units: 1, levels: ['C5-C6'] },
      { code: '64492', modifiers: ['50', 'KX'], units: 1, levels: ['C6-C7'] },
    ]);
  });

  it('thoracic joints take the cervical/thoracic codes', () => {
    const lines = codeSession(proc({ joints: [{ joint: 'T5-T6', side: 'left' }] }), COMMERCIAL);
    expect(lines.map((l) => [l.code, ...l.modifiers, l.region])).toEqual([
      ['64490', 'LT', 'cervical-thoracic'],
    ]);
  });

  it('a session spanning T12-L1 and L1-L2 has one primary code in each CPT region', () => {
    const lines = codeSession(proc({ joints: bi('L1-L2', 'T12-L1') }), MEDICARE);
    expect(brief(lines)).toEqual([
      { code: '64490', modifiers: ['50', 'KX'], units: 1, levels: ['T12-L1'] },
      { code: '64493', modifiers: ['50', 'KX'], units: 1, levels: ['L1-L2'] },
    ]);
    expect(lines.map((l) => l.region)).toEqual(['cervical-thoracic', 'lumbar-sacral']);
    expect(lines.map((l) => l.ordinals)).toEqual([[1], [1]]);
  });

  it('two levels in each region: the add-on follows its own region’s primary', () => {
    const lines = codeSession(proc({ joints: bi('T11-T12', 'T12-L1', 'L1-L2', 'L2-L3') }), COMMERCIAL);
    expect(lines.map((l) => l.code)).toEqual(['64490', '64491', '64493', '64494']);
  });
});

describe('ultrasound guidance', () => {
  it('lumbar 2 levels → 0216T + 0217T, without KX (not covered under the LCD)', () => {
    expect(
      brief(codeSession(proc({ guidance: 'ultrasound', joints: bi('L4-L5', 'L5-S1') }), MEDICARE)),
    ).toEqual([
      { code: '0216T', modifiers: ['50'], units: 1, levels: ['L4-L5'] },
      { code: '0217T', modifiers: ['50'], units: 1, levels: ['L5-S1'] },
    ]);
  });

  it('lumbar 3 levels → 0216T + 0217T + 0218T', () => {
    const lines = codeSession(
      proc({ guidance: 'ultrasound', joints: bi('L3-L4', 'L4-L5', 'L5-S1') }),
      COMMERCIAL,
    );
    expect(lines.map((l) => l.code)).toEqual(['0216T', '0217T', '0218T']);
  });

  it('cervical → 0213T (then 0214T, 0215T)', () => {
    const one = codeSession(
      proc({ guidance: 'ultrasound', joints: [{ joint: 'C3-C4', side: 'right' }] }),
      MEDICARE,
    );
    expect(brief(one)).toEqual([{ code: '0213T', modifiers: ['RT'], units: 1, levels: ['C3-C4'] }]);
    const three = codeSession(
      proc({ guidance: 'ultrasound', joints: bi('C3-C4', 'C4-C5', 'C5-C6') }),
      COMMERCIAL,
    );
    expect(three.map((l) => l.code)).toEqual(['0213T', '0214T', '0215T']);
  });

  it('CT guidance uses the ordinary codes (guidance is included in them)', () => {
    const lines = codeSession(proc({ guidance: 'ct', joints: bi('L4-L5') }), MEDICARE);
    expect(lines.map((l) => [l.code, ...l.modifiers])).toEqual([['64493', '50', 'KX']]);
  });
});

describe('RFA', () => {
  const rfa = (joints: JointSide[]): Procedure =>
    proc({
      kind: 'rfa',
      intent: 'therapeutic',
      joints,
      technique: 'thermal',
      temperatureC: 80,
      agent: undefined,
    });

  it('3 joints bilateral → 64635-50 ×1 + 64636-50 ×2 (no level limit), never KX', () => {
    expect(brief(codeSession(rfa(bi('L3-L4', 'L4-L5', 'L5-S1')), MEDICARE))).toEqual([
      { code: '64635', modifiers: ['50'], units: 1, levels: ['L3-L4'] },
      { code: '64636', modifiers: ['50'], units: 2, levels: ['L4-L5', 'L5-S1'] },
    ]);
  });

  it('with maxLevels 2 the third joint is on a 64636 line of its own', () => {
    const lines = codeSession(rfa(bi('L3-L4', 'L4-L5', 'L5-S1')), { kxOnDiagnostic: true, maxLevels: 2 });
    expect(brief(lines)).toEqual([
      { code: '64635', modifiers: ['50'], units: 1, levels: ['L3-L4'] },
      { code: '64636', modifiers: ['50'], units: 1, levels: ['L4-L5'] },
      { code: '64636', modifiers: ['50'], units: 1, levels: ['L5-S1'] },
    ]);
    expect(lines.map((l) => l.ordinals)).toEqual([[1], [2], [3]]);
  });

  it('one joint → 64635 only', () => {
    expect(brief(codeSession(rfa([{ joint: 'L5-S1', side: 'left' }]), MEDICARE))).toEqual([
      { code: '64635', modifiers: ['LT'], units: 1, levels: ['L5-S1'] },
    ]);
  });

  it('add-on joints are grouped by side', () => {
    const lines = codeSession(
      rfa([
        { joint: 'L2-L3', side: 'bilateral' },
        { joint: 'L3-L4', side: 'right' },
        { joint: 'L4-L5', side: 'bilateral' },
        { joint: 'L5-S1', side: 'right' },
      ]),
      COMMERCIAL,
    );
    expect(brief(lines)).toEqual([
      { code: '64635', modifiers: ['50'], units: 1, levels: ['L2-L3'] },
      { code: '64636', modifiers: ['RT'], units: 2, levels: ['L3-L4', 'L5-S1'] },
      { code: '64636', modifiers: ['50'], units: 1, levels: ['L4-L5'] },
    ]);
  });

  it('cervical → 64633 + 64634', () => {
    expect(brief(codeSession(rfa(bi('C5-C6', 'C6-C7')), MEDICARE))).toEqual([
      { code: '64633', modifiers: ['50'], units: 1, levels: ['C5-C6'] },
      { code: '64634', modifiers: ['50'], units: 1, levels: ['C6-C7'] },
    ]);
  });

  it('spanning the thoracolumbar junction → 64633 and 64635, each a primary', () => {
    const lines = codeSession(rfa(bi('T12-L1', 'L1-L2')), COMMERCIAL);
    expect(lines.map((l) => [l.code, l.region])).toEqual([
      ['64633', 'cervical-thoracic'],
      ['64635', 'lumbar-sacral'],
    ]);
  });
});

describe('other blocks', () => {
  it('an epidural or other block gets no facet codes', () => {
    expect(
      codeSession(proc({ kind: 'other-block', otherBlock: 'epidural', joints: bi('L4-L5') }), MEDICARE),
    ).toEqual([]);
  });
});

describe('descriptions', () => {
  it('name the region and the level ordinal', () => {
    const lines = codeSession(proc({ joints: bi('L4-L5', 'L5-S1') }), MEDICARE);
    expect(lines[0]!.description).toContain('lumbar/sacral');
    expect(lines[0]!.description).toContain('first level');
    expect(lines[1]!.description).toContain('second level');
  });
});
