import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import { softmaxRow } from './attention';
import { readQkvTrace } from './qkv-trace';
import { forward } from './transformer-model';
import { createParams, disposeParams, exportParams, type TransformerConfig } from './transformer-params';

beforeAll(useCpuBackend);

const config = (c: Partial<TransformerConfig> = {}): TransformerConfig => ({
  inputVocab: 7,
  outputVocab: 6,
  seqLen: 5,
  layers: 2,
  heads: 4,
  dModel: 16,
  positional: 'sinusoidal',
  ...c,
});

/** Logits [B·T·V] of the model on `rows` (inference). */
async function logitsOf(c: TransformerConfig, rows: number[][], seed = 3): Promise<Float32Array> {
  const p = createParams(c, seed);
  const out = tf.tidy(() => forward(p, tf.tensor2d(rows, undefined, 'int32')).logits);
  const data = (await out.data()) as Float32Array;
  out.dispose();
  disposeParams(p);
  return data;
}

describe('transformer forward pass', () => {
  it('has logits [B, T, V_out] and attention [B, h, T, T] per layer, rows summing to 1; frees its tensors', async () => {
    const start = tf.memory().numTensors;
    const p = createParams(config({ positional: 'learned' }), 1);
    const inner = tf.memory().numTensors;
    const r = tf.tidy(() => {
      const f = forward(p, tf.tensor2d([[0, 1, 2, 3, 6], [6, 5, 4, 3, 2], [1, 1, 1, 1, 1]], undefined, 'int32'), { collectAttention: true });
      return { logits: f.logits, attention: f.attention! };
    });
    expect(r.logits.shape).toEqual([3, 5, 6]);
    expect(r.attention.map((a) => a.shape)).toEqual([[3, 4, 5, 5], [3, 4, 5, 5]]);
    const sums = tf.tidy(() => tf.sum(r.attention[1]!, -1));
    for (const s of await sums.data()) expect(s).toBeCloseTo(1, 5);
    tf.dispose([sums, r.logits, ...r.attention]);
    expect(tf.memory().numTensors).toBe(inner);
    disposeParams(p);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('without positional encoding is permutation-equivariant; with it, it is not', async () => {
    const x = [2, 0, 5, 3, 1];
    const perm = [3, 0, 4, 1, 2];
    const px = perm.map((i) => x[i]!);
    const V = 6;
    for (const positional of ['none', 'sinusoidal', 'learned'] as const) {
      const [a, b] = [await logitsOf(config({ positional }), [x]), await logitsOf(config({ positional }), [px])];
      // Output at position t of the permuted input = output at position perm[t] of the original.
      let maxDiff = 0;
      perm.forEach((src, t) => {
        for (let c = 0; c < V; c++) maxDiff = Math.max(maxDiff, Math.abs(b[t * V + c]! - a[src * V + c]!));
      });
      if (positional === 'none') expect(maxDiff).toBeLessThan(1e-4);
      else expect(maxDiff).toBeGreaterThan(1e-2);
    }
  });

  it('causal mask: outputs at positions ≤ t ignore the tokens after t; bidirectional ones do not', async () => {
    const a = [1, 2, 3, 4, 5];
    const b = [1, 2, 3, 0, 0];
    const V = 6;
    const diffUpTo = (x: Float32Array, y: Float32Array, t: number) =>
      Math.max(...Array.from({ length: (t + 1) * V }, (_, i) => Math.abs(x[i]! - y[i]!)));
    const causal = config({ causal: true });
    const [ca, cb] = [await logitsOf(causal, [a]), await logitsOf(causal, [b])];
    expect(diffUpTo(ca, cb, 2)).toBeLessThan(1e-5);
    const [ba, bb] = [await logitsOf(config(), [a]), await logitsOf(config(), [b])];
    expect(diffUpTo(ba, bb, 2)).toBeGreaterThan(1e-3);
  });

  it('Q/K/V step-through: softmax(q·k_i/√d_k) is the head’s attention row and Σ w_i v_i its output', async () => {
    const c = config({ causal: true });
    const p = createParams(c, 5);
    const tokens = Int32Array.from([3, 1, 4, 1, 5]);
    const sel = { layer: 1, head: 2, query: 3 };
    const tr = await readQkvTrace(p, tokens, sel);
    const dK = 4;
    expect([tr.layer, tr.head, tr.query, tr.dK, tr.T]).toEqual([1, 2, 3, dK, 5]);
    expect(tr.q).toHaveLength(dK);
    expect(tr.keys).toHaveLength(5 * dK);
    expect(tr.values).toHaveLength(5 * dK);
    const mask = [0, 0, 0, 0, -Infinity]; // query 3 cannot see key 4
    const w = softmaxRow([...tr.scaled].map((s, i) => s + mask[i]!));
    for (let i = 0; i < 5; i++) {
      const dot = [...tr.q].reduce((s, qc, j) => s + qc * tr.keys[i * dK + j]!, 0);
      expect(tr.dots[i]).toBeCloseTo(dot, 4);
      expect(tr.scaled[i]).toBeCloseTo(tr.dots[i]! / Math.sqrt(dK), 5);
      expect(tr.weights[i]).toBeCloseTo(w[i]!, 5);
    }
    expect(tr.weights[4]).toBe(0);
    for (let j = 0; j < dK; j++) {
      const sum = [...tr.weights].reduce((s, wi, i) => s + wi * tr.values[i * dK + j]!, 0);
      expect(tr.output[j]).toBeCloseTo(sum, 5);
    }
    // The weights are the same numbers the forward pass's attention map holds.
    const attn = tf.tidy(() => forward(p, tf.tensor2d([[...tokens]], undefined, 'int32'), { collectAttention: true }).attention![1]!);
    const row = (await attn.data()).slice((2 * 5 + 3) * 5, (2 * 5 + 4) * 5);
    expect([...tr.weights]).toEqual([...row]);
    attn.dispose();
    disposeParams(p);
  });

  it('same config and seed give the same weights; another seed does not', async () => {
    const flat = async (seed: number) => {
      const p = createParams(config({ positional: 'learned' }), seed);
      const s = await exportParams(p);
      disposeParams(p);
      return s;
    };
    const [a, b, c] = [await flat(7), await flat(7), await flat(8)];
    expect(Object.keys(a)).toContain('block1/wq');
    expect(Object.keys(a)).toContain('pos');
    expect(a).toEqual(b);
    expect(a['embed']!.values).not.toEqual(c['embed']!.values);
  });

  it('rejects impossible shapes', () => {
    expect(() => createParams(config({ heads: 3 }), 1)).toThrow(/divisible/);
    expect(() => createParams(config({ layers: 3 }), 1)).toThrow(/layers/);
    expect(() => createParams(config({ dModel: 8 }), 1)).toThrow(/dModel/);
  });
});
