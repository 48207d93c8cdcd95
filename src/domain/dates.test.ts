import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  fromDayNumber,
  isAfter,
  isBefore,
  isIsoDate,
  maxDate,
  toDayNumber,
} from './dates.js';

describe('isIsoDate', () => {
  it.each([
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2028-02-29', true], // 2028 is a leap year
    ['2000-02-29', true], // divisible by 400: leap
    ['2026-02-28', true],
    ['2026-02-29', false], // 2026 is not a leap year
    ['1900-02-29', false], // divisible by 100, not by 400: not leap
    ['2026-02-30', false],
    ['2026-04-31', false], // April has 30 days
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['2026-1-01', false], // month must have two digits
    ['2026-01-1', false],
    ['26-01-01', false],
    ['2026/01/01', false],
    ['2026-01-01T00:00:00Z', false],
    [' 2026-01-01', false],
    ['', false],
  ])('%s → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'], // clamped to the end of February
    ['2028-01-31', 1, '2028-02-29'], // leap February
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-02-29', -12, '2027-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-11-15', 3, '2027-02-15'], // across a year end
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2026-06-30', 0, '2026-06-30'],
    ['2025-04-25', 12, '2026-04-25'],
  ])('%s %+d months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-01', 0, '2026-01-01'],
    ['2026-01-01', 1, '2026-01-02'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'], // not a leap year
    ['2028-02-28', 1, '2028-02-29'], // leap year
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 14, '2026-01-15'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 365, '2028-12-31'], // 2028 has 366 days
  ])('%s %+d days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-01-15', 14],
    ['2026-01-15', '2026-01-01', -14],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2025-12-31', '2026-01-01', 1],
  ])('%s → %s = %d', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('counts from 1970-01-01 in toDayNumber / fromDayNumber', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(365)).toBe('1971-01-01');
  });
});

describe('comparisons', () => {
  it('compare ISO dates in calendar order', () => {
    expect(isBefore('2026-01-09', '2026-01-10')).toBe(true);
    expect(isBefore('2026-01-10', '2026-01-10')).toBe(false);
    expect(isAfter('2026-02-01', '2026-01-31')).toBe(true);
    expect(isAfter('2026-01-31', '2026-02-01')).toBe(false);
    expect(maxDate('2026-01-31', '2026-02-01')).toBe('2026-02-01');
    expect(maxDate('2026-02-01', '2026-01-31')).toBe('2026-02-01');
  });
});

describe('date properties', () => {
  // 1960–2140 ± 20 000 days (about 55 years) stays inside the years isIsoDate accepts (1900–2200).
  const isoDate = fc
    .date({
      min: new Date('1960-01-01T00:00:00Z'),
      max: new Date('2140-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -20_000, max: 20_000 }), (d, n) => {
        const e = addDays(d, n);
        expect(isIsoDate(e)).toBe(true);
        expect(daysBetween(d, e)).toBe(n);
        expect(addDays(e, -n)).toBe(d);
      }),
      { numRuns: 500 },
    );
  });

  it('addMonths gives a real date in the right month, never a later day of the month', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -600, max: 600 }) /* ±50 years */, (d, n) => {
        const e = addMonths(d, n);
        expect(isIsoDate(e)).toBe(true);
        const monthIndex = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
        expect(monthIndex(e) - monthIndex(d)).toBe(n);
        const day = Number(d.slice(8, 10));
        const newDay = Number(e.slice(8, 10));
        expect(newDay).toBeLessThanOrEqual(day);
        // Clamped only when the day does not exist: the result is then the month's last day.
        if (newDay < day) expect(addDays(e, 1).slice(8, 10)).toBe('01');
        // Days 1–28 exist in every month, so the round trip is exact.
        if (day <= 28) expect(addMonths(e, -n)).toBe(d);
      }),
      { numRuns: 500 },
    );
  });
});
