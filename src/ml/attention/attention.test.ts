import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import { causalMask, causalMaskValues, MASKED, referenceAttention, scaledDotProductAttention } from './attention';

beforeAll(useCpuBackend);

const Q = [
  [1, 0, 2, -1],
  [0, 1, 0, 1],
  [-1, 2, 1, 0],
];
const K = [
  [1, 1, 0, 0],
  [0, -1, 2, 1],
  [2, 0, 0, -2],
];
const V = [
  [1, 2],
  [3, -1],
  [0, 5],
];

async function attend(q: number[][], k: number[][], v: number[][], mask?: tf.Tensor) {
  const r = tf.tidy(() => {
    const o = scaledDotProductAttention(tf.tensor2d(q), tf.tensor2d(k), tf.tensor2d(v), mask);
    return [o.output, o.weights, o.scores, o.scaled];
  });
  const [output, weights, scores, scaled] = await Promise.all(r.map((t) => t.array() as Promise<number[][]>));
  tf.dispose(r);
  return { output: output!, weights: weights!, scores: scores!, scaled: scaled! };
}

describe('scaled dot-product attention', () => {
  it('equals softmax(QKᵀ/√d_k)V on a hand-made example (worked by hand for one row)', async () => {
    const got = await attend(Q, K, V);
    // Query 0: q·k = (1, 3, 4); / √4 = (0.5, 1.5, 2); softmax = e^(s − 2) / Σ.
    const e = [Math.exp(-1.5), Math.exp(-0.5), 1];
    const s = e[0]! + e[1]! + 1;
    const w = e.map((x) => x / s);
    expect(got.scores[0]).toEqual([1, 3, 4]);
    expect(got.scaled[0]).toEqual([0.5, 1.5, 2]);
    w.forEach((wi, j) => expect(got.weights[0]![j]).toBeCloseTo(wi, 6));
    expect(got.output[0]![0]).toBeCloseTo(w[0]! * 1 + w[1]! * 3 + w[2]! * 0, 6);
    expect(got.output[0]![1]).toBeCloseTo(w[0]! * 2 - w[1]! + w[2]! * 5, 6);
    // Every row against the float64 reference.
    const ref = referenceAttention(Q, K, V);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(got.weights[i]![j]).toBeCloseTo(ref.weights[i]![j]!, 6);
      for (let c = 0; c < 2; c++) expect(got.output[i]![c]).toBeCloseTo(ref.output[i]![c]!, 5);
    }
  });

  it('gives rows that sum to 1 for batched multi-head inputs [B, h, T, d_k], and matches the reference per head', async () => {
    const [B, h, T, dK] = [2, 3, 5, 4];
    const vals = (n: number, s: number) => Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + s) * 2);
    const shape = [B, h, T, dK];
    const n = B * h * T * dK;
    const [q, k, v] = [vals(n, 0), vals(n, 1), vals(n, 2)];
    const r = tf.tidy(() => {
      const o = scaledDotProductAttention(tf.tensor(q, shape), tf.tensor(k, shape), tf.tensor(v, shape));
      return [o.weights, tf.sum(o.weights, -1), o.output];
    });
    const [w, sums, out] = await Promise.all(r.map((t) => t.data()));
    tf.dispose(r);
    for (const s of sums!) expect(s).toBeCloseTo(1, 6);
    const rows = (a: number[], bh: number) => Array.from({ length: T }, (_, t) => a.slice((bh * T + t) * dK, (bh * T + t + 1) * dK));
    for (let bh = 0; bh < B * h; bh++) {
      const ref = referenceAttention(rows(q, bh), rows(k, bh), rows(v, bh));
      for (let t = 0; t < T; t++) {
        for (let j = 0; j < T; j++) expect(w![(bh * T + t) * T + j]).toBeCloseTo(ref.weights[t]![j]!, 5);
        for (let c = 0; c < dK; c++) expect(out![(bh * T + t) * dK + c]).toBeCloseTo(ref.output[t]![c]!, 5);
      }
    }
  });

  it('causal masking: weights exactly 0 above the diagonal, rows still sum to 1, equal to the reference', async () => {
    const T = 3;
    const mask = causalMask(T);
    const got = await attend(Q, K, V, mask);
    mask.dispose();
    const refMask = Array.from({ length: T }, (_, i) => Array.from({ length: T }, (_, j) => (j > i ? -Infinity : 0)));
    const ref = referenceAttention(Q, K, V, refMask);
    for (let i = 0; i < T; i++) {
      for (let j = i + 1; j < T; j++) expect(got.weights[i]![j]).toBe(0);
      expect(got.weights[i]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      for (let j = 0; j < T; j++) expect(got.weights[i]![j]).toBeCloseTo(ref.weights[i]![j]!, 6);
    }
    // The first query can only see itself, so its output is v₀.
    expect(got.weights[0]).toEqual([1, 0, 0]);
    expect(got.output[0]).toEqual(V[0]);
    expect([...causalMaskValues(2)]).toEqual([0, MASKED, 0, 0]);
  });

  it('differentiates through the 4-D matMuls (no tfjs 3-D × 2-D gradient bug on this path)', async () => {
    const shape = [2, 2, 3, 4];
    const before = tf.memory().numTensors;
    const g = tf.tidy(() => {
      const q = tf.randomNormal(shape, 0, 1, 'float32', 1);
      const k = tf.randomNormal(shape, 0, 1, 'float32', 2);
      const v = tf.randomNormal(shape, 0, 1, 'float32', 3);
      const grads = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.sum(tf.square(scaledDotProductAttention(a, b, c).output)));
      return grads([q, k, v]);
    });
    for (const t of g) {
      expect(t.shape).toEqual(shape);
      expect([...(await t.data())].every(Number.isFinite)).toBe(true);
    }
    tf.dispose(g);
    expect(tf.memory().numTensors).toBe(before);
  });
});
