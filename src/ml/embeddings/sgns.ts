/**
 * Skip-gram with negative sampling (SGNS), in plain Float32Arrays: each training pair touches
 * only 2 + K rows of the two V×D tables, so sparse in-place updates are far cheaper here than
 * dense tensor ops. Pure: no DOM, no tfjs.
 *
 * For a centre word c with input vector v_c, a context word o and K negatives k drawn from P_n:
 *   L = −log σ(u_o·v_c) − Σ_k log σ(−u_k·v_c)
 *   ∂L/∂v_c = (σ(u_o·v_c) − 1) u_o + Σ_k σ(u_k·v_c) u_k
 *   ∂L/∂u_o = (σ(u_o·v_c) − 1) v_c,   ∂L/∂u_k = σ(u_k·v_c) v_c
 */
import type { Rng } from '../../datasets/rng';
import type { NegativeSampler } from './sampling';

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** −log σ(x), written so it neither overflows nor loses precision for large |x|. */
export function negLogSigmoid(x: number): number {
  return x >= 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
}

export interface PairGradient {
  loss: number;
  /** ∂L/∂v_c */
  dCenter: Float32Array;
  /** ∂L/∂u_o */
  dContext: Float32Array;
  /** ∂L/∂u_k, one per negative */
  dNegatives: Float32Array[];
  /** u_o·v_c and u_k·v_c */
  dotPositive: number;
  dotNegatives: number[];
}

/** The SGNS loss of one pair and its gradient, from the vectors alone (the reference the update follows). */
export function pairGradient(vc: ArrayLike<number>, uo: ArrayLike<number>, uNeg: ArrayLike<number>[]): PairGradient {
  const D = vc.length;
  const dot = (u: ArrayLike<number>) => {
    let s = 0;
    for (let d = 0; d < D; d++) s += u[d]! * vc[d]!;
    return s;
  };
  const dCenter = new Float32Array(D);
  const dotPositive = dot(uo);
  const gPos = sigmoid(dotPositive) - 1;
  let loss = negLogSigmoid(dotPositive);
  const dContext = new Float32Array(D);
  for (let d = 0; d < D; d++) {
    dCenter[d] = gPos * uo[d]!;
    dContext[d] = gPos * vc[d]!;
  }
  const dotNegatives: number[] = [];
  const dNegatives = uNeg.map((u) => {
    const x = dot(u);
    dotNegatives.push(x);
    loss += negLogSigmoid(-x);
    const g = sigmoid(x);
    const du = new Float32Array(D);
    for (let d = 0; d < D; d++) {
      dCenter[d]! += g * u[d]!;
      du[d] = g * vc[d]!;
    }
    return du;
  });
  return { loss, dCenter, dContext, dNegatives, dotPositive, dotNegatives };
}

/** The two embedding tables: input vectors v (what the lesson shows) and output vectors u. */
export class SgnsModel {
  readonly input: Float32Array;
  readonly output: Float32Array;
  private readonly grad: Float32Array;

  constructor(
    readonly vocabSize: number,
    readonly dim: number,
  ) {
    this.input = new Float32Array(vocabSize * dim);
    this.output = new Float32Array(vocabSize * dim);
    this.grad = new Float32Array(dim);
  }

  /** word2vec's start: v uniform in ±0.5/D, u all zero. */
  init(rng: Rng): void {
    for (let i = 0; i < this.input.length; i++) this.input[i] = (rng.next() - 0.5) / this.dim;
    this.output.fill(0);
  }

  /**
   * One SGD step on the loss of one pair (centre c, context o, negatives), all rows moved by the
   * gradient at the same point: u_o and u_k use v_c before it moves, and v_c moves last. A
   * negative equal to o is skipped, as in word2vec. Returns the pair's loss before the step.
   */
  trainPair(c: number, o: number, negatives: ArrayLike<number>, lr: number): number {
    const D = this.dim;
    const v = this.input;
    const u = this.output;
    const cOff = c * D;
    const acc = this.grad;
    acc.fill(0);
    let loss = 0;
    for (let k = -1; k < negatives.length; k++) {
      const target = k < 0 ? o : negatives[k]!;
      if (k >= 0 && target === o) continue;
      const tOff = target * D;
      let x = 0;
      for (let d = 0; d < D; d++) x += v[cOff + d]! * u[tOff + d]!;
      const label = k < 0 ? 1 : 0;
      loss += k < 0 ? negLogSigmoid(x) : negLogSigmoid(-x);
      // g = ∂L/∂x: σ(x) − 1 for the true context, σ(x) for a negative.
      const g = sigmoid(x) - label;
      for (let d = 0; d < D; d++) {
        acc[d]! += g * u[tOff + d]!;
        u[tOff + d]! -= lr * g * v[cOff + d]!;
      }
    }
    for (let d = 0; d < D; d++) v[cOff + d]! -= lr * acc[d]!;
    return loss;
  }
}

export interface PairRecord {
  center: number;
  context: number;
  negatives: number[];
  /** Copies of v_c, u_o and each u_k before the step. */
  vc: Float32Array;
  uo: Float32Array;
  uNeg: Float32Array[];
}

export interface PassResult {
  /** Mean loss per (centre, context) pair. */
  meanLoss: number;
  pairs: number;
  /** Words left after subsampling. */
  kept: number;
  /** The last pair of the pass, recorded before its update (for the worked example). */
  last: PairRecord | null;
}

export interface PassOptions {
  window: number;
  negatives: number;
  lr: number;
}

/**
 * Train on one run of words (already subsampled): for each position, a window b drawn
 * uniformly from 1..window (word2vec's dynamic window, which weights near words more), and
 * every context word within ±b is one pair with K fresh negatives. The first pair is recorded
 * before its update, for the lesson's worked example.
 */
export function trainRun(model: SgnsModel, words: Int32Array, n: number, sampler: NegativeSampler, rng: Rng, o: PassOptions): PassResult {
  const K = Math.max(0, Math.floor(o.negatives));
  const D = model.dim;
  const negs = new Int32Array(K);
  let total = 0;
  let pairs = 0;
  let last: PairRecord | null = null;
  for (let i = 0; i < n; i++) {
    const b = 1 + rng.int(Math.max(1, Math.floor(o.window)));
    const lo = Math.max(0, i - b);
    const hi = Math.min(n - 1, i + b);
    const c = words[i]!;
    for (let j = lo; j <= hi; j++) {
      if (j === i) continue;
      const ctx = words[j]!;
      for (let k = 0; k < K; k++) negs[k] = sampler.sample(rng);
      if (pairs === 0) {
        const row = (t: Float32Array, w: number) => t.slice(w * D, (w + 1) * D);
        const kept = [...negs].filter((w) => w !== ctx);
        last = { center: c, context: ctx, negatives: kept, vc: row(model.input, c), uo: row(model.output, ctx), uNeg: kept.map((w) => row(model.output, w)) };
      }
      total += model.trainPair(c, ctx, negs, o.lr);
      pairs++;
    }
  }
  return { meanLoss: pairs > 0 ? total / pairs : NaN, pairs, kept: n, last };
}
