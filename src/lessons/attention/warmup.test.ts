import { describe, expect, it } from 'vitest';
import { warmupRate } from '../../ml/tasks/transformer-spec';
import { WARMUP } from './tex';

describe('warm-up: the formula on the page is the code', () => {
  it('step n counts from 1: step 1 uses α/n_warm, step n_warm and later use α', () => {
    const h = { learningRate: 0.01, warmup: 50 };
    expect(warmupRate(h, 1)).toBeCloseTo(0.01 / 50, 15);
    expect(warmupRate(h, 25)).toBeCloseTo(0.005, 15);
    expect(warmupRate(h, 50)).toBe(0.01);
    expect(warmupRate(h, 500)).toBe(0.01);
    expect(warmupRate({ learningRate: 0.01, warmup: 0 }, 1)).toBe(0.01);
    // The formula says the same: α·min(1, n/n_warm) with n = 1, 2, 3, …
    expect(WARMUP).toContain('\\min(1,\\ n/n_{\\text{warm-up}})');
    expect(WARMUP).toContain('n = 1, 2, 3');
  });
});
