import { describe, expect, it } from 'vitest';
import { logTicks } from './line-chart';
import { niceTicks } from './axes';

describe('chart ticks', () => {
  it('log ticks are powers of ten over long ranges and 1-2-5 over short ones', () => {
    expect(logTicks(0.003, 40)).toEqual([0.01, 0.1, 1, 10]);
    expect(logTicks(0.15, 3)).toEqual([0.2, 0.5, 1, 2]);
  });
  it('nice ticks are round and cover the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 997, 4)).toEqual([200, 400, 600, 800]);
  });
});
