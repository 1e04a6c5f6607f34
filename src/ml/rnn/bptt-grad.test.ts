import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { useCpuBackend } from '../test-utils';
import { hiddenStateGrads } from './bptt-grad';
import { CELL_KINDS, disposeParams, initStackArrays, paramsFromArrays } from './cell-params';
import { refUnroll } from './cell-reference';
import { unroll } from './cells';

beforeAll(useCpuBackend);

const T = 6;
const I = 3;
const H = 4;

function inputs(seed: number, batch = 1): number[][][] {
  const rng = createRng(seed);
  return Array.from({ length: batch }, () => Array.from({ length: T }, () => Array.from({ length: I }, () => rng.normal())));
}

/** Fixed readout weights R_t: L = Σ_t ⟨h_t, R_t⟩ + ½‖h_{T−1}‖² (nonlinear, every step contributes). */
const R = Array.from({ length: T }, (_, t) => Array.from({ length: H }, (_, j) => Math.sin(1 + t * H + j)));

function lossTf(outputs: readonly tf.Tensor2D[]): tf.Scalar {
  const terms = outputs.map((h, t) => tf.sum(tf.mul(h, tf.tensor1d(R[t]!))));
  terms.push(tf.mul(0.5, tf.sum(tf.square(outputs[outputs.length - 1]!))));
  return tf.addN(terms) as tf.Scalar;
}

function lossRef(hs: readonly Float64Array[]): number {
  let L = 0;
  hs.forEach((h, t) => h.forEach((v, j) => (L += v * R[t]![j]!)));
  hs[hs.length - 1]!.forEach((v) => (L += 0.5 * v * v));
  return L;
}

describe('‖∂L/∂h_t‖ by zero probes', () => {
  for (const kind of CELL_KINDS) {
    it(`${kind}: equals tf.grad of the graph split at h_t (one layer)`, async () => {
      const err = tf.tidy(() => {
        const ps = initStackArrays(kind, I, H, 1, 11).map(paramsFromArrays);
        const xs = tf.tensor3d(inputs(2, 2));
        const { grads } = hiddenStateGrads(ps, xs, (r) => lossTf(r.outputs));
        const full = unroll(ps, xs);
        const errors = grads.map((probeGrad, t) => {
          // h_t as an input: the outputs before t are constants, the rest a fresh unroll from (h, c_t).
          const c = kind === 'lstm' ? cellStateAt(ps, xs, t) : undefined;
          const rest = tf.slice(xs, [0, t + 1, 0], [-1, -1, -1]) as tf.Tensor3D;
          const direct = tf.grad((h: tf.Tensor) => {
            const tail = t + 1 < T ? unroll(ps, rest, [{ h: h as tf.Tensor2D, c }]).outputs : [];
            return lossTf([...full.outputs.slice(0, t), h as tf.Tensor2D, ...tail]);
          })(full.outputs[t]!);
          // Relative to the gradient's size (at least 1).
          return tf.div(tf.max(tf.abs(tf.sub(direct, probeGrad))), tf.maximum(1, tf.max(tf.abs(direct))));
        });
        return tf.stack(errors);
      });
      const e = await err.data();
      err.dispose();
      expect(e).toHaveLength(T);
      for (const v of e) expect(v).toBeLessThan(1e-5);
    });
  }

  for (const kind of ['lstm', 'gru'] as const) {
    it(`${kind}: equals central finite differences of the float64 reference (two layers)`, async () => {
      const arrays = initStackArrays(kind, I, H, 2, 5);
      const xs = inputs(3)[0]!;
      const norms = tf.tidy(() => {
        const ps = arrays.map(paramsFromArrays);
        return hiddenStateGrads(ps, tf.tensor3d([xs]), (r) => lossTf(r.outputs)).norms;
      });
      const got = await norms.data();
      norms.dispose();
      const eps = 1e-6;
      for (let t = 0; t < T; t++) {
        let sq = 0;
        for (let j = 0; j < H; j++) {
          const at = (d: number) => lossRef(refUnroll(arrays, xs, (s, h) => s === t && (h[j]! += d)).hs);
          sq += ((at(eps) - at(-eps)) / (2 * eps)) ** 2;
        }
        expect(got[t]!).toBeCloseTo(Math.sqrt(sq), 4);
      }
    });
  }

  it('SimpleRNN with small recurrent weights: the norms shrink going back in time', async () => {
    const r = tf.tidy(() => {
      const ps = initStackArrays('simple', I, H, 1, 4, { recurrent: 'orthogonal', recurrentGain: 0.5 }).map(paramsFromArrays);
      // Loss read at the last step only, as in the recall task.
      return hiddenStateGrads(ps, tf.tensor3d(inputs(9)), (u) => tf.sum(u.outputs[T - 1]!) as tf.Scalar).norms;
    });
    const n = await r.data();
    r.dispose();
    // ‖∂h_t/∂h_{t−1}‖ ≤ ‖U‖·max tanh' ≤ 0.5, so each step back at least halves the norm.
    for (let t = 1; t < T; t++) expect(n[t - 1]!).toBeLessThan(0.5 * n[t]! + 1e-12);
    expect(n[0]! / n[T - 1]!).toBeLessThan(0.5 ** (T - 1));
  });

  it('frees everything but its results', () => {
    const ps = initStackArrays('lstm', I, H, 2, 1).map(paramsFromArrays);
    const xs = tf.tensor3d(inputs(1));
    const before = tf.memory().numTensors;
    const r = hiddenStateGrads(ps, xs, (u) => lossTf(u.outputs));
    expect(tf.memory().numTensors - before).toBe(1 + T + 1);
    tf.dispose([r.loss, r.norms, ...r.grads, xs]);
    disposeParams(ps);
  });
});

/** c_t of a one-layer LSTM after step t (from a fresh unroll of the first t + 1 steps). */
function cellStateAt(ps: ReturnType<typeof paramsFromArrays>[], xs: tf.Tensor3D, t: number): tf.Tensor2D {
  const head = tf.slice(xs, [0, 0, 0], [-1, t + 1, -1]) as tf.Tensor3D;
  return unroll(ps, head).finals[0]!.c!;
}
