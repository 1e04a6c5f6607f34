import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import { createSurface, gridCoord, gridValues, SURFACES, type Surface } from './surfaces';

beforeAll(useCpuBackend);

const all: Surface[] = [...SURFACES.map((id) => createSurface(id)), createSurface('bowl', { condition: 73 })];
const probes = [
  [0.3, -0.7],
  [-1.2, 1],
  [2.1, 1.4],
  [-0.5, -2.5],
  [1.7, -0.2],
] as const;

/** tfjs autodiff of the surface's tensor form at (x, y), and the value there. */
async function tfjsAt(s: Surface, x: number, y: number): Promise<{ f: number; g: [number, number] }> {
  const { value, grad } = tf.tidy(() => tf.valueAndGrad((p: tf.Tensor) => s.loss(p as tf.Tensor1D))(tf.tensor1d([x, y])));
  const [f, g] = await Promise.all([value.data(), grad.data()]);
  tf.dispose([value, grad]);
  return { f: f[0]!, g: [g[0]!, g[1]!] };
}

/** |a − b| within rtol of the larger magnitude (float32 arithmetic on the tfjs side). */
function expectClose(a: number, b: number, rtol = 1e-5, atol = 1e-5): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(atol + rtol * Math.max(Math.abs(a), Math.abs(b)));
}

describe('loss surfaces', () => {
  it.each(all.map((s) => [s.id + (s.id === 'bowl' ? ` κ = ${2 * s.evaluate(0, 1)}` : ''), s] as const))(
    '%s: tfjs value and autodiff gradient match evaluate() and the analytic gradient',
    async (_name, s) => {
      for (const [x, y] of probes) {
        const { f, g } = await tfjsAt(s, x, y);
        expectClose(f, s.evaluate(x, y));
        const [gx, gy] = s.gradient(x, y);
        expectClose(g[0], gx);
        expectClose(g[1], gy);
      }
    },
  );

  it.each(all.map((s) => [s.id, s] as const))('%s: minima are at f = 0 (regression: the noise floor) with zero gradient and rise all round', (_n, s) => {
    expect(s.minima.length).toBeGreaterThan(0);
    for (const m of s.minima) {
      // The regression loss bottoms out at the mean squared noise (σ = 0.5 → ≈ 0.25), not 0.
      if (s.id === 'regression') expect(s.evaluate(m.x, m.y)).toBeGreaterThan(0.15);
      else expect(Math.abs(s.evaluate(m.x, m.y))).toBeLessThan(1e-12);
      const [gx, gy] = s.gradient(m.x, m.y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-6);
      for (let k = 0; k < 8; k++) {
        const a = (k * Math.PI) / 4;
        expect(s.evaluate(m.x + 1e-2 * Math.cos(a), m.y + 1e-2 * Math.sin(a))).toBeGreaterThan(s.evaluate(m.x, m.y));
      }
    }
  });

  it.each(all.map((s) => [s.id, s] as const))('%s: saddles and maxima have zero gradient and the right shape', (_n, s) => {
    for (const c of s.critical) {
      const [gx, gy] = s.gradient(c.x, c.y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-6);
      const f0 = s.evaluate(c.x, c.y);
      const around = Array.from({ length: 16 }, (_, k) => {
        const a = (k * Math.PI) / 8;
        return s.evaluate(c.x + 1e-2 * Math.cos(a), c.y + 1e-2 * Math.sin(a)) - f0;
      });
      if (c.kind === 'max') expect(Math.max(...around)).toBeLessThan(0);
      else {
        // A saddle: up in some directions, down in others.
        expect(Math.max(...around)).toBeGreaterThan(0);
        expect(Math.min(...around)).toBeLessThan(0);
      }
    }
  });

  it('himmelblau has four minima, a maximum and four saddles; the saddle surface has its saddle at the origin', () => {
    const h = createSurface('himmelblau');
    expect(h.minima).toHaveLength(4);
    expect(h.critical.filter((c) => c.kind === 'max')).toHaveLength(1);
    expect(h.critical.filter((c) => c.kind === 'saddle')).toHaveLength(4);
    const s = createSurface('saddle');
    expect(s.critical).toEqual([{ x: 0, y: 0, kind: 'saddle' }]);
    expect(s.evaluate(0, 0)).toBe(0.25);
  });

  it('bowl: the condition number sets the curvature ratio, clamped to 1…100', () => {
    for (const k of [1, 10, 100]) {
      const s = createSurface('bowl', { condition: k });
      // f = ½(x² + κy²): unit steps along x and y rise by ½ and κ/2.
      expect(s.evaluate(0, 1) / s.evaluate(1, 0)).toBeCloseTo(k, 10);
    }
    expect(createSurface('bowl', { condition: 1000 }).evaluate(0, 1)).toBe(50);
    expect(createSurface('bowl', { condition: 0.1 }).evaluate(0, 1)).toBe(0.5);
    expect(createSurface('bowl').evaluate(0, 1)).toBe(5); // default κ = 10
  });

  it('start points lie inside the default view boxes', () => {
    for (const s of all) {
      expect(s.start.x).toBeGreaterThanOrEqual(s.box.xMin);
      expect(s.start.x).toBeLessThanOrEqual(s.box.xMax);
      expect(s.start.y).toBeGreaterThanOrEqual(s.box.yMin);
      expect(s.start.y).toBeLessThanOrEqual(s.box.yMax);
    }
  });

  it('gridValues matches evaluate, row 0 at the top (yMax), corners included', () => {
    const s = createSurface('himmelblau');
    const box = { xMin: -4, xMax: 5, yMin: -3, yMax: 2 };
    const nx = 7;
    const ny = 5;
    const v = gridValues(s, box, nx, ny);
    expect(v).toHaveLength(nx * ny);
    expect(v[0]).toBeCloseTo(s.evaluate(-4, 2), 3); // top-left
    expect(v[nx - 1]).toBeCloseTo(s.evaluate(5, 2), 3); // top-right
    expect(v[(ny - 1) * nx]).toBeCloseTo(s.evaluate(-4, -3), 3); // bottom-left
    expect(v[ny * nx - 1]).toBeCloseTo(s.evaluate(5, -3), 3); // bottom-right
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const x = -4 + (i * 9) / (nx - 1);
        const y = 2 - (j * 5) / (ny - 1);
        expect(v[j * nx + i]).toBe(Math.fround(s.evaluate(x, y)));
      }
    }
  });

  it('gridValues with one column or row uses the centre line', () => {
    const s = createSurface('saddle');
    const v = gridValues(s, { xMin: -1, xMax: 3, yMin: 0, yMax: 2 }, 1, 1);
    expect(v[0]).toBe(Math.fround(s.evaluate(1, 1)));
    expect(gridCoord(0, 10, 3, 6)).toBe(6);
  });

  it('lossXY evaluates a whole grid at once, matching gridValues', async () => {
    const s = createSurface('rosenbrock');
    const box = s.box;
    const nx = 9;
    const ny = 6;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        xs.push(gridCoord(box.xMin, box.xMax, i, nx));
        ys.push(gridCoord(box.yMax, box.yMin, j, ny));
      }
    }
    const t = tf.tidy(() => s.lossXY(tf.tensor1d(xs), tf.tensor1d(ys)));
    const got = await t.data();
    t.dispose();
    const want = gridValues(s, box, nx, ny);
    for (let k = 0; k < want.length; k++) expectClose(got[k]!, want[k]!);
  });
});
