import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, npsOf, tally } from './nps.js';

const answers = (...scores: number[]) => tally(scores.map((score) => ({ score, n: 1 })));

describe('bandOf', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('%i is a %s', (score, band) => expect(bandOf(score)).toBe(band));

  it.each([-1, 11, 4.5, Number.NaN])('refuses %s', (score) =>
    expect(() => bandOf(score)).toThrow(RangeError),
  );
});

describe('npsOf and tally', () => {
  it('is null with no answers (not 0)', () => {
    expect(npsOf({ promoters: 0, detractors: 0, total: 0 })).toBeNull();
    expect(tally([])).toEqual({
      total: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      scores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      nps: null,
    });
  });

  it('is 100 when everyone is a promoter and −100 when everyone is a detractor', () => {
    expect(answers(9, 10, 10).nps).toBe(100);
    expect(answers(0, 3, 6).nps).toBe(-100);
  });

  it('is 0 (not −0) for passives only or as many promoters as detractors', () => {
    expect(Object.is(answers(7, 8).nps, 0)).toBe(true);
    expect(Object.is(answers(10, 0).nps, 0)).toBe(true);
  });

  it('counts passives in the total: 2 promoters, 1 passive, 1 detractor of 4 → 25', () => {
    const t = answers(10, 9, 7, 2);
    expect(t).toMatchObject({ total: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 });
    expect(t.scores).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1]);
  });

  it('rounds to a whole number, halves away from zero', () => {
    expect(answers(10, 8, 8).nps).toBe(33); // 33.33…
    expect(answers(10, 10, 8).nps).toBe(67); // 66.67
    expect(npsOf({ promoters: 1, detractors: 0, total: 8 })).toBe(13); // 12.5
    expect(npsOf({ promoters: 0, detractors: 1, total: 8 })).toBe(-13); // −12.5
  });

  it('adds up pairs of the same score', () => {
    expect(
      tally([
        { score: 9, n: 2 },
        { score: 9, n: 3 },
        { score: 0, n: 5 },
      ]),
    ).toMatchObject({
      total: 10,
      promoters: 5,
      detractors: 5,
      nps: 0,
    });
  });

  it('is always a whole number between −100 and 100, and symmetric', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 60 }), (scores) => {
        const t = answers(...scores);
        expect(Number.isInteger(t.nps)).toBe(true);
        expect(t.nps).toBeGreaterThanOrEqual(-100);
        expect(t.nps).toBeLessThanOrEqual(100);
        expect(t.total).toBe(scores.length);
        const mirrored = npsOf({ promoters: t.detractors, detractors: t.promoters, total: t.total });
        expect(mirrored).toBe(t.nps === 0 ? 0 : -t.nps!);
      }),
    );
  });
});
