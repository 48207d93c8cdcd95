import { describe, expect, it } from 'vitest';
import { firstFreeDate } from './limits.js';
import { normaliseIcd10 } from './session.js';

describe('firstFreeDate (at most `max` sessions per rolling `months`)', () => {
  it('4 sessions in 12 months: the next fits on the oldest one’s date + 12 months', () => {
    const dates = ['2025-03-10', '2025-06-10', '2025-09-10', '2025-12-10'];
    expect(firstFreeDate(dates, '2026-01-20', 4, 12)).toBe('2026-03-10');
  });

  it('the order of the dates does not matter', () => {
    const dates = ['2025-12-10', '2025-03-10', '2025-09-10', '2025-06-10'];
    expect(firstFreeDate(dates, '2026-01-20', 4, 12)).toBe('2026-03-10');
  });

  it('under the limit: the date asked for', () => {
    const dates = ['2025-06-10', '2025-09-10', '2025-12-10'];
    expect(firstFreeDate(dates, '2026-01-20', 4, 12)).toBe('2026-01-20');
    expect(firstFreeDate([], '2026-01-20', 1, 12)).toBe('2026-01-20');
  });

  it('sessions older than the window do not count', () => {
    // 2025-01-10 is 12 months or more before 2026-01-20, so only 3 count.
    const dates = ['2025-01-10', '2025-06-10', '2025-09-10', '2025-12-10'];
    expect(firstFreeDate(dates, '2026-01-20', 4, 12)).toBe('2026-01-20');
  });

  it('a session exactly 12 months earlier has left the window', () => {
    const dates = ['2025-01-20', '2025-06-10', '2025-09-10', '2025-12-10'];
    expect(firstFreeDate(dates, '2026-01-20', 4, 12)).toBe('2026-01-20');
  });

  it('a session on the day asked for counts', () => {
    expect(firstFreeDate(['2026-01-20'], '2026-01-20', 1, 12)).toBe('2027-01-20');
  });

  it('over the limit by more than one: enough old sessions must leave the window', () => {
    // 2 per 12 months with 3 on record: the two oldest must leave, the second on 2025-07-01 + 12 months.
    const dates = ['2025-02-01', '2025-07-01', '2025-12-01'];
    expect(firstFreeDate(dates, '2026-01-10', 2, 12)).toBe('2026-07-01');
  });

  it('leap day: a session on 2024-02-29 still counts on 2025-02-28 and leaves on 2025-03-01', () => {
    // 12 months before 2025-02-28 is 2024-02-28, so 2024-02-29 is inside the window that day.
    const dates = ['2024-02-29', '2024-05-01', '2024-08-01', '2024-11-01'];
    expect(firstFreeDate(dates, '2025-01-15', 4, 12)).toBe('2025-03-01');
  });

  it('month-end clamping: a session on 31 January, 1 per month, fits again on 1 March', () => {
    // 2026-01-31 + 1 month clamps to 2026-02-28, whose window (after 2026-01-28) still holds 2026-01-31.
    expect(firstFreeDate(['2026-01-31'], '2026-02-10', 1, 1)).toBe('2026-03-01');
  });

  it('a leap-year February end is a real day: 2028-01-31 + 1 month = 2028-02-29 is still inside', () => {
    // Window of 2028-02-29 starts after 2028-01-29: 2028-01-31 counts; on 2028-03-01 (after 2028-02-01) it does not.
    expect(firstFreeDate(['2028-01-31'], '2028-02-10', 1, 1)).toBe('2028-03-01');
  });

  it('the answer is never before the date asked for', () => {
    const dates = ['2025-03-10', '2025-06-10', '2025-09-10', '2025-12-10'];
    expect(firstFreeDate(dates, '2026-05-01', 4, 12)).toBe('2026-05-01');
  });
});

describe('normaliseIcd10', () => {
  it.each([
    ['m47816', 'M47.816'],
    ['M47816', 'M47.816'],
    ['M47.816', 'M47.816'],
    [' m47.816 ', 'M47.816'],
    ['m4812', 'M48.12'],
    ['M5416', 'M54.16'],
    ['M53.86', 'M53.86'],
    ['M47', 'M47'],
    ['m47', 'M47'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseIcd10(input)).toBe(expected);
  });
});
