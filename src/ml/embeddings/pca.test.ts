import { describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { pca2 } from './pca';

describe('2-D PCA', () => {
  it('finds the axes and variances of a known Gaussian cloud', () => {
    // Standard deviations 5, 2, 0.5, 0.1 along the coordinate axes, rotated into 4-D by a fixed rotation.
    const rng = createRng(11);
    const n = 4000;
    const D = 4;
    const sd = [5, 2, 0.5, 0.1];
    const c = Math.cos(0.6);
    const s = Math.sin(0.6);
    const data = new Float32Array(n * D);
    for (let i = 0; i < n; i++) {
      const z = sd.map((x) => x * rng.normal());
      data.set([c * z[0]! - s * z[1]! + 3, s * z[0]! + c * z[1]! - 1, z[2]!, z[3]!], i * D);
    }
    const p = pca2(data, n, D);
    expect(Math.sqrt(p.variance[0])).toBeCloseTo(5, 0);
    expect(Math.sqrt(p.variance[1])).toBeCloseTo(2, 0);
    expect(Math.abs(p.axes[0][0]! * c + p.axes[0][1]! * s)).toBeCloseTo(1, 2);
    expect(Math.abs(-p.axes[1][0]! * s + p.axes[1][1]! * c)).toBeCloseTo(1, 2);
    const total = 25 + 4 + 0.25 + 0.01;
    expect(p.explained[0]).toBeCloseTo(25 / total, 1);
    // The projections are centred and uncorrelated.
    let mx = 0;
    let cov = 0;
    for (let i = 0; i < n; i++) mx += p.xs[i]!;
    for (let i = 0; i < n; i++) cov += p.xs[i]! * p.ys[i]!;
    expect(Math.abs(mx / n)).toBeLessThan(1e-3);
    expect(Math.abs(cov / n)).toBeLessThan(0.05);
  });

  it('keeps the previous signs, so a redraw does not mirror the map', () => {
    const data = Float32Array.from([0, 0, 1, 0.2, 2, 0.1, 3, 0.5, -1, -0.3]);
    const a = pca2(data, 5, 2);
    const flipped: [Float64Array, Float64Array] = [a.axes[0].map((x) => -x), a.axes[1].map((x) => -x)];
    const b = pca2(data, 5, 2, flipped);
    expect(b.axes[0][0]).toBeCloseTo(-a.axes[0][0]!, 6);
    expect(b.xs[0]).toBeCloseTo(-a.xs[0]!, 5);
  });

  it('returns zeros for identical rows instead of NaN', () => {
    const p = pca2(new Float32Array(12).fill(1), 4, 3);
    expect([...p.xs, ...p.ys].every((x) => x === 0)).toBe(true);
    expect(p.explained).toEqual([0, 0]);
  });
});
