import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import { dense, dropout, layerNorm, layerNormalize } from './ops';
import { sinusoidalEncoding } from './positional';

beforeAll(useCpuBackend);

describe('transformer ops', () => {
  it('LayerNorm: mean 0 and variance 1 per position before γ, β; then γ·x̂ + β', async () => {
    const x = tf.tensor3d(Array.from({ length: 2 * 3 * 8 }, (_, i) => 5 * Math.sin(i * 1.3) + i * 0.2), [2, 3, 8]);
    const gamma = tf.tensor1d([1, 2, 3, 4, 0.5, 1, 1, -1]);
    const beta = tf.tensor1d([0, 1, 0, -1, 0, 0, 2, 0]);
    const [xh, y] = tf.tidy(() => [layerNormalize(x), layerNorm(x, gamma, beta)]);
    const a = await xh!.data();
    const b = await y!.data();
    const g = await gamma.data();
    const be = await beta.data();
    for (let p = 0; p < 6; p++) {
      const row = [...a.slice(p * 8, p * 8 + 8)];
      const mean = row.reduce((s, v) => s + v, 0) / 8;
      const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / 8;
      expect(mean).toBeCloseTo(0, 5);
      expect(variance).toBeCloseTo(1, 3); // σ²/(σ² + 1e-5)
      for (let c = 0; c < 8; c++) expect(b[p * 8 + c]).toBeCloseTo(g[c]! * row[c]! + be[c]!, 5);
    }
    tf.dispose([x, gamma, beta, xh!, y!]);
  });

  it('dense on [B, T, d] equals a per-position x·W + b and has a working gradient for W', async () => {
    const x = tf.tensor3d(Array.from({ length: 2 * 3 * 4 }, (_, i) => i / 10), [2, 3, 4]);
    const W = tf.tensor2d(Array.from({ length: 4 * 5 }, (_, i) => Math.cos(i)), [4, 5]);
    const b = tf.tensor1d([1, 2, 3, 4, 5]);
    const y = tf.tidy(() => dense(x, W, b));
    expect(y.shape).toEqual([2, 3, 5]);
    const ref = tf.tidy(() => tf.add(tf.matMul(tf.reshape(x, [6, 4]), W), b));
    const [yv, rv] = [await y.data(), await ref.data()];
    yv.forEach((v, i) => expect(v).toBeCloseTo(rv[i]!, 6));
    const gW = tf.tidy(() => tf.grad((w: tf.Tensor) => tf.sum(dense(x, w as tf.Tensor2D)))(W));
    expect(gW.shape).toEqual([4, 5]);
    // ∂Σ(xW)/∂W_ij = Σ over positions of x_i.
    const gv = await gW.data();
    const xs = await x.data();
    for (let i = 0; i < 4; i++) {
      let s = 0;
      for (let p = 0; p < 6; p++) s += xs[p * 4 + i]!;
      expect(gv[i * 5]).toBeCloseTo(s, 5);
    }
    tf.dispose([x, W, b, y, ref, gW]);
  });

  it('dropout zeroes about `rate` of the entries, scales survivors by 1/(1 − rate), reproducibly', async () => {
    const x = tf.ones([1000]);
    const [a, b] = tf.tidy(() => [dropout(x, 0.25, 42), dropout(x, 0.25, 42)]);
    const av = await a!.data();
    expect([...av]).toEqual([...(await b!.data())]);
    const zeros = [...av].filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(200);
    expect(zeros).toBeLessThan(300);
    for (const v of av) if (v !== 0) expect(v).toBeCloseTo(1 / 0.75, 6);
    expect(dropout(x, 0, 1)).toBe(x);
    tf.dispose([x, a!, b!]);
  });

  it('sinusoidal encoding: PE(pos, 2i) = sin(pos/10000^(2i/d)), PE(pos, 2i+1) = cos(…)', () => {
    const pe = sinusoidalEncoding(5, 8);
    expect(pe[0]).toBe(0);
    expect(pe[1]).toBe(1);
    expect(pe[3 * 8 + 0]).toBeCloseTo(Math.sin(3), 6);
    expect(pe[3 * 8 + 1]).toBeCloseTo(Math.cos(3), 6);
    expect(pe[2 * 8 + 4]).toBeCloseTo(Math.sin(2 / 100), 6);
    expect(pe[2 * 8 + 5]).toBeCloseTo(Math.cos(2 / 100), 6);
  });
});
