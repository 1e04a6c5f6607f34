import { describe, expect, it } from 'vitest';
import { niceTicks } from './axes';

describe('canvas plot ticks', () => {
  it('nice ticks are round and cover the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 997, 4)).toEqual([200, 400, 600, 800]);
  });
});
