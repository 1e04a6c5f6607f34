import { describe, expect, it } from 'vitest';
import { generateLinear } from '../../datasets/linear';
import { hessianEigen } from './curvature';

describe('Hessian of the regression loss', () => {
  it('matches the closed form for x uniform on [0, 2] (E x² = 4/3, E x = 1) within sampling error', () => {
    const { xs } = generateLinear({ n: 20_000, noise: 0, seed: 3 });
    const { lambdaMax, lambdaMin } = hessianEigen(xs);
    // H = 2[[4/3, 1], [1, 1]] → λ = (14/3 ± √(196/9 − 16/3)) / 2
    const disc = Math.sqrt(196 / 9 - 16 / 3);
    expect(lambdaMax).toBeCloseTo((14 / 3 + disc) / 2, 1);
    expect(lambdaMin).toBeCloseTo((14 / 3 - disc) / 2, 1);
  });
  it('eigenvalues satisfy trace and determinant of H', () => {
    const xs = [0.5, 1, 1.5, 2];
    const { lambdaMax, lambdaMin } = hessianEigen(xs);
    const a = (2 * (0.25 + 1 + 2.25 + 4)) / 4;
    const b = (2 * 5) / 4;
    expect(lambdaMax + lambdaMin).toBeCloseTo(a + 2, 10);
    expect(lambdaMax * lambdaMin).toBeCloseTo(a * 2 - b * b, 10);
  });
});
