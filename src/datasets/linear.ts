import { createRng } from './rng';

/** y = trueW · x + trueB + ε, ε ~ N(0, noise²), x uniform in [xMin, xMax]. */
export interface LinearDataSpec {
  n: number;
  noise: number;
  seed: number;
}

export interface LinearData {
  xs: Float32Array;
  ys: Float32Array;
}

export const LINEAR_TRUTH = { w: 3, b: 2, xMin: 0, xMax: 2 } as const;

export function generateLinear(spec: LinearDataSpec): LinearData {
  const rng = createRng(spec.seed);
  const xs = new Float32Array(spec.n);
  const ys = new Float32Array(spec.n);
  const { w, b, xMin, xMax } = LINEAR_TRUTH;
  for (let i = 0; i < spec.n; i++) {
    const x = xMin + (xMax - xMin) * rng.next();
    xs[i] = x;
    ys[i] = w * x + b + spec.noise * rng.normal();
  }
  return { xs, ys };
}

/** Closed-form least squares (the exact minimiser of the MSE), for checks and for drawing the optimum. */
export function leastSquares(data: LinearData): { w: number; b: number } {
  const n = data.xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += data.xs[i]!;
    sy += data.ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = data.xs[i]! - mx;
    sxy += dx * (data.ys[i]! - my);
    sxx += dx * dx;
  }
  const w = sxx === 0 ? 0 : sxy / sxx;
  return { w, b: my - w * mx };
}
