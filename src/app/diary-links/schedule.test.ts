import { describe, expect, it } from 'vitest';
import { diarySchedule, slotOf } from './schedule.js';

describe('diary schedule', () => {
  it('lists the twelve default slots of the spec, pre-block first', () => {
    const { schedule, nextDueMinutes } = diarySchedule(false, []);
    expect(schedule.map((s) => s.label)).toEqual([
      'pre-block',
      '15 min',
      '30 min',
      '1 h',
      '2 h',
      '3 h',
      '4 h',
      '5 h',
      '6 h',
      '8 h',
      '12 h',
      '24 h',
    ]);
    expect(schedule.every((s) => !s.filled)).toBe(true);
    expect(nextDueMinutes).toBe(15);
  });

  it('counts an entry for the nearest slot, ties to the earlier, nothing far past 24 h', () => {
    expect(slotOf(0)).toBe(15);
    expect(slotOf(17)).toBe(15);
    expect(slotOf(45)).toBe(30);
    expect(slotOf(46)).toBe(60);
    expect(slotOf(1800)).toBe(1440);
    expect(slotOf(1801)).toBeUndefined();
  });

  it('marks filled slots and gives the first open slot after the latest entry as next due', () => {
    const { schedule, nextDueMinutes } = diarySchedule(true, [15, 62, 180]);
    expect(schedule.filter((s) => s.filled).map((s) => s.label)).toEqual([
      'pre-block',
      '15 min',
      '1 h',
      '3 h',
    ]);
    expect(nextDueMinutes).toBe(240);
    expect(diarySchedule(true, [1440]).nextDueMinutes).toBeNull();
  });
});
