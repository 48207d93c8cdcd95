import { describe, expect, it } from 'vitest';
import { jointsOf, toggleSide, vertebraeAround } from './spine';

describe('spine diagram', () => {
  it('lists the facet levels of each region with the vertebrae around them', () => {
    expect(jointsOf('lumbar')).toEqual(['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1']);
    expect(vertebraeAround(jointsOf('lumbar'))).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'S1']);
    expect(jointsOf('cervical')[0]).toBe('C2-C3');
    expect(vertebraeAround(jointsOf('cervical')).at(-1)).toBe('T1');
    expect(jointsOf('thoracic')).toHaveLength(12);
  });

  it('toggles sides: left and right make both; pressing a pressed side takes it away', () => {
    expect(toggleSide(undefined, 'left')).toBe('left');
    expect(toggleSide('left', 'right')).toBe('bilateral');
    expect(toggleSide('bilateral', 'left')).toBe('right');
    expect(toggleSide('right', 'right')).toBeUndefined();
    expect(toggleSide(undefined, 'bilateral')).toBe('bilateral');
    expect(toggleSide('left', 'bilateral')).toBe('bilateral');
    expect(toggleSide('bilateral', 'bilateral')).toBeUndefined();
  });
});
