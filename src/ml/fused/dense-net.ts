/**
 * A small fully connected network on plain Float32Arrays: batched forward, backward and the
 * losses of the MLP playground, written for its shapes (≤ 8 units, ≤ 6 layers, batches of a few
 * hundred points) where tfjs's per-op overhead costs more than the arithmetic. No tfjs, no DOM.
 *
 * Same maths as mlp-model.ts (checked against tfjs autodiff in dense-net.test.ts):
 *   h₀ = x;  z_l = h_{l−1} W_l + b_l;  h_l = drop(φ(z_l)) for hidden layers;  raw = z_L.
 *   binary      L = mean(max(s, 0) − s·y + log(1 + e^−|s|)),  ∂L/∂s = (σ(s) − y) / m
 *   multiclass  L = mean_i(−Σ_k y_ik log softmax(s_i)_k),     ∂L/∂s = (softmax(s) − y) / m
 *   regression  L = mean((ŷ − y)²),                           ∂L/∂ŷ = 2 (ŷ − y) / m
 *   penalty     l1·Σ|W| + l2·ΣW² over weight matrices,        ∂/∂W = l1·(W > 0 ? 1 : −1) + 2 l2 W
 * (tfjs's |x|′ is step(x, −1): −1 at 0, as here.) Inverted dropout keeps a unit with probability
 * 1 − rate and scales survivors by 1 / (1 − rate); the mask comes from a seeded generator.
 *
 * Batch norm (optional, every hidden layer, which then has no bias): per unit, over the m rows,
 *   train  μ = mean(z), σ² = mean((z − μ)²), x̂ = (z − μ)/√(σ² + ε), y = γ x̂ + β, h = drop(φ(y));
 *   eval   the same with the running mean and variance in place of μ and σ².
 * Backward in train mode, with g = ∂L/∂y of one unit over the batch (through μ and σ² as well):
 *   ∂L/∂β = Σ g,  ∂L/∂γ = Σ g x̂,  ∂L/∂z = γ/(m √(σ² + ε)) · (m g − Σ g − x̂ Σ g x̂).
 */
import type { Rng } from '../../datasets/rng';
import { BN_EPSILON, BN_MOMENTUM, type MlpActivation, type MlpOutput } from '../tasks/mlp-model';

export interface DenseLayerParams {
  /** [fanIn × fanOut], row-major: W[i·fanOut + j] connects input i to unit j. */
  W: Float32Array;
  b: Float32Array;
}

/** A hidden layer's batch norm: scale γ, shift β (trained), running mean and variance (eval mode). */
export interface BatchNormParams {
  gamma: Float32Array;
  beta: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
}

/** Targets of a point set: 0/1 (binary), a class index (multiclass) or a value (regression). */
export type Targets = Float32Array;

export class DenseNet {
  readonly layers: DenseLayerParams[];
  readonly grads: DenseLayerParams[];
  /** Per layer: its batch norm, or null (the output layer, or batch norm off). */
  readonly bn: (BatchNormParams | null)[];
  readonly bnGrads: ({ gamma: Float32Array; beta: Float32Array } | null)[];
  /**
   * [μ_B, σ²_B, z, x̂, y, γ, β, running mean, running var] of hidden layer 1, unit 1 (z, x̂, y
   * of row 0) at the last train-mode forward pass, or null before one (or without batch norm).
   */
  bnProbe: Float32Array | null = null;
  /** Per layer index (as h): x̂ of the last forward [m × width], and 1/√(var + ε) [width]. */
  private xhat: Float32Array[] = [];
  private invStd: Float32Array[] = [];
  /** The last train-mode forward's batch means and variances [width], per layer index (as h). */
  private batchMean: Float32Array[];
  private batchVar: Float32Array[];
  private lastTrain = false;
  /** Layer outputs of the last forward pass: h[0] = input batch, h[L] = raw outputs. */
  private h: Float32Array[] = [];
  /** φ(z) before dropout, for φ′ (hidden layers only). */
  private act: Float32Array[] = [];
  /** Dropout scale per unit of each hidden layer (0 or 1/(1 − rate)); empty when off. */
  private mask: Float32Array[] = [];
  private dz: Float32Array[] = [];
  private capacity = 0;
  private lastMasked = false;

  constructor(
    readonly widths: readonly number[],
    readonly activation: MlpActivation,
    readonly output: MlpOutput,
    init: readonly DenseLayerParams[],
    batchNorm = false,
  ) {
    const withBn = (l: number) => batchNorm && l < init.length - 1;
    this.layers = init.map((l, i) => ({ W: Float32Array.from(l.W), b: withBn(i) ? new Float32Array(0) : Float32Array.from(l.b) }));
    this.grads = this.layers.map((l) => ({ W: new Float32Array(l.W.length), b: new Float32Array(l.b.length) }));
    this.bn = init.map((l, i) => {
      const n = l.W.length / widths[i]!;
      return withBn(i)
        ? { gamma: new Float32Array(n).fill(1), beta: new Float32Array(n), mean: new Float32Array(n), variance: new Float32Array(n).fill(1) }
        : null;
    });
    this.bnGrads = this.bn.map((b) => (b ? { gamma: new Float32Array(b.gamma.length), beta: new Float32Array(b.beta.length) } : null));
    this.invStd = widths.map((w) => new Float32Array(w));
    this.batchMean = widths.map((w) => new Float32Array(w));
    this.batchVar = widths.map((w) => new Float32Array(w));
  }

  get batchNorm(): boolean {
    return this.bn.some((b) => b !== null);
  }

  get outputs(): number {
    return this.widths[this.widths.length - 1]!;
  }

  /** The trained arrays in optimiser order: W0, b0 (or γ0, β0 with batch norm), W1, … */
  paramArrays(): Float32Array[] {
    return this.layers.flatMap((l, i) => {
      const bn = this.bn[i];
      return bn ? [l.W, bn.gamma, bn.beta] : [l.W, l.b];
    });
  }
  gradArrays(): Float32Array[] {
    return this.grads.flatMap((l, i) => {
      const bn = this.bnGrads[i];
      return bn ? [l.W, bn.gamma, bn.beta] : [l.W, l.b];
    });
  }

  /** running ← momentum · running + (1 − momentum) · the last train-mode batch's statistic. */
  updateRunningStats(): void {
    if (!this.lastTrain) return;
    this.bn.forEach((bn, l) => {
      if (!bn) return;
      const mu = this.batchMean[l + 1]!;
      const v = this.batchVar[l + 1]!;
      for (let j = 0; j < bn.mean.length; j++) {
        bn.mean[j] = BN_MOMENTUM * bn.mean[j]! + (1 - BN_MOMENTUM) * mu[j]!;
        bn.variance[j] = BN_MOMENTUM * bn.variance[j]! + (1 - BN_MOMENTUM) * v[j]!;
      }
    });
  }

  /** Batch norm of layer index k's z [m × n] in place (train: batch statistics; eval: running). */
  private normalise(k: number, bn: BatchNormParams, z: Float32Array, m: number, n: number, train: boolean): void {
    const xh = this.xhat[k]!;
    const inv = this.invStd[k]!;
    const probe = train && k === 1 ? new Float32Array(9) : null;
    if (probe) probe[2] = z[0]!;
    for (let j = 0; j < n; j++) {
      let mean: number;
      let variance: number;
      if (train) {
        let s = 0;
        for (let r = 0; r < m; r++) s += z[r * n + j]!;
        mean = s / m;
        let q = 0;
        for (let r = 0; r < m; r++) {
          const d = z[r * n + j]! - mean;
          q += d * d;
        }
        variance = q / m;
        this.batchMean[k]![j] = mean;
        this.batchVar[k]![j] = variance;
      } else {
        mean = bn.mean[j]!;
        variance = bn.variance[j]!;
      }
      const is = 1 / Math.sqrt(variance + BN_EPSILON);
      inv[j] = is;
      const g = bn.gamma[j]!;
      const b = bn.beta[j]!;
      for (let r = 0; r < m; r++) {
        const o = r * n + j;
        const x = (z[o]! - mean) * is;
        xh[o] = x;
        z[o] = g * x + b;
      }
    }
    if (probe) {
      probe.set([this.batchMean[k]![0]!, this.batchVar[k]![0]!], 0);
      probe.set([xh[0]!, z[0]!, bn.gamma[0]!, bn.beta[0]!, bn.mean[0]!, bn.variance[0]!], 3);
      this.bnProbe = probe;
    }
  }

  /** ∂L/∂y → ∂L/∂z in place for layer index k's batch norm (train mode), with ∂L/∂γ and ∂L/∂β. */
  private normaliseBackward(k: number, bn: BatchNormParams, g: { gamma: Float32Array; beta: Float32Array }, d: Float32Array, m: number, n: number): void {
    const xh = this.xhat[k]!;
    const inv = this.invStd[k]!;
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let sumX = 0;
      for (let r = 0; r < m; r++) {
        const o = r * n + j;
        sum += d[o]!;
        sumX += d[o]! * xh[o]!;
      }
      g.beta[j] = sum;
      g.gamma[j] = sumX;
      const c = (bn.gamma[j]! * inv[j]!) / m;
      for (let r = 0; r < m; r++) {
        const o = r * n + j;
        d[o] = c * (m * d[o]! - sum - xh[o]! * sumX);
      }
    }
  }

  private ensure(m: number): void {
    if (m <= this.capacity) return;
    this.capacity = m;
    this.h = this.widths.map((w) => new Float32Array(m * w));
    this.act = this.widths.map((w) => new Float32Array(m * w));
    this.mask = this.widths.map((w) => new Float32Array(m * w));
    this.dz = this.widths.map((w) => new Float32Array(m * w));
    this.xhat = this.widths.map((w) => new Float32Array(m * w));
  }

  /**
   * Forward pass over m rows of `x` (features [n × F]) picked by `idx` (or rows 0 … m−1).
   * Returns the raw outputs [m × C] (a view into an internal buffer, valid until the next call).
   * `collect`, if given, receives each hidden layer's activations [m × width] (copies).
   * `train`: batch norm uses the batch's statistics (else the running averages).
   */
  forward(
    x: Float32Array,
    m: number,
    idx: Int32Array | null,
    dropout: { rate: number; rng: Rng } | null,
    collect?: Float32Array[],
    train = false,
  ): Float32Array {
    this.ensure(m);
    const widths = this.widths;
    const F = widths[0]!;
    const h0 = this.h[0]!;
    if (idx) {
      for (let r = 0; r < m; r++) {
        const src = idx[r]! * F;
        for (let f = 0; f < F; f++) h0[r * F + f] = x[src + f]!;
      }
    } else {
      h0.set(x.subarray(0, m * F));
    }
    const L = this.layers.length;
    const drop = dropout && dropout.rate > 0 ? dropout : null;
    this.lastMasked = drop !== null;
    this.lastTrain = train;
    for (let l = 0; l < L; l++) {
      const nIn = widths[l]!;
      const nOut = widths[l + 1]!;
      const { W, b } = this.layers[l]!;
      const hin = this.h[l]!;
      const hout = this.h[l + 1]!;
      const hasBias = b.length > 0;
      for (let r = 0; r < m; r++) {
        const ro = r * nOut;
        const ri = r * nIn;
        for (let j = 0; j < nOut; j++) {
          let s = hasBias ? b[j]! : 0;
          for (let i = 0; i < nIn; i++) s += hin[ri + i]! * W[i * nOut + j]!;
          hout[ro + j] = s;
        }
      }
      if (l === L - 1) break;
      const bn = this.bn[l];
      if (bn) this.normalise(l + 1, bn, hout, m, nOut, train);
      if (drop) {
        const a = this.act[l + 1]!;
        applyActivation(this.activation, hout, a, m * nOut);
        const mk = this.mask[l + 1]!;
        const scale = 1 / (1 - drop.rate);
        for (let k = 0; k < m * nOut; k++) {
          const keep = drop.rng.next() >= drop.rate ? scale : 0;
          mk[k] = keep;
          hout[k] = a[k]! * keep;
        }
      } else {
        // No mask: φ(z) in place; backward reads φ(z) from h itself.
        applyActivation(this.activation, hout, hout, m * nOut);
      }
      if (collect) collect.push(hout.slice(0, m * nOut));
    }
    return this.h[L]!.subarray(0, m * this.outputs);
  }

  /**
   * Data loss of the last forward pass's m rows against `y` (rows picked by idx, or 0 … m−1),
   * and, if `grad` is true, ∂L/∂raw into the last layer's dz buffer.
   */
  loss(y: Targets, m: number, idx: Int32Array | null, grad: boolean): number {
    const raw = this.h[this.layers.length]!;
    const C = this.outputs;
    const d = this.dz[this.layers.length]!;
    let total = 0;
    for (let r = 0; r < m; r++) {
      const t = y[idx ? idx[r]! : r]!;
      if (this.output === 'binary') {
        const s = raw[r]!;
        total += Math.max(s, 0) - s * t + Math.log1p(Math.exp(-Math.abs(s)));
        if (grad) d[r] = (1 / (1 + Math.exp(-s)) - t) / m;
      } else if (this.output === 'regression') {
        const e = raw[r]! - t;
        total += e * e;
        if (grad) d[r] = (2 * e) / m;
      } else {
        const o = r * C;
        let max = -Infinity;
        for (let k = 0; k < C; k++) max = Math.max(max, raw[o + k]!);
        let sum = 0;
        for (let k = 0; k < C; k++) sum += Math.exp(raw[o + k]! - max);
        const lse = max + Math.log(sum);
        total += lse - raw[o + t]!;
        if (grad) for (let k = 0; k < C; k++) d[o + k] = (Math.exp(raw[o + k]! - lse) - (k === t ? 1 : 0)) / m;
      }
    }
    return total / m;
  }

  /** Gradients of the last forward + loss(grad = true) into `grads`, plus the penalty's. */
  backward(m: number, l1: number, l2: number): void {
    const widths = this.widths;
    const L = this.layers.length;
    for (let l = L - 1; l >= 0; l--) {
      const nIn = widths[l]!;
      const nOut = widths[l + 1]!;
      const dz = this.dz[l + 1]!;
      const hin = this.h[l]!;
      const { W } = this.layers[l]!;
      const bn = this.bn[l];
      if (bn) this.normaliseBackward(l + 1, bn, this.bnGrads[l]!, dz, m, nOut);
      const hasBias = this.layers[l]!.b.length > 0;
      const g = this.grads[l]!;
      const gW = g.W;
      const gb = g.b;
      gW.fill(0);
      gb.fill(0);
      for (let r = 0; r < m; r++) {
        const ro = r * nOut;
        const ri = r * nIn;
        for (let j = 0; j < nOut; j++) {
          const dj = dz[ro + j]!;
          if (hasBias) gb[j] = gb[j]! + dj;
          if (dj === 0) continue;
          for (let i = 0; i < nIn; i++) gW[i * nOut + j] = gW[i * nOut + j]! + hin[ri + i]! * dj;
        }
      }
      if (l1 !== 0 || l2 !== 0) {
        for (let k = 0; k < W.length; k++) {
          const w = W[k]!;
          gW[k] = gW[k]! + l1 * (w > 0 ? 1 : -1) + 2 * l2 * w;
        }
      }
      if (l === 0) break;
      // dz_{l−1} = (dz_l Wᵀ) ⊙ mask ⊙ φ′, φ′ from φ(z) (kept in act with dropout, else in h)
      const dprev = this.dz[l]!;
      const masked = this.lastMasked;
      const a = masked ? this.act[l]! : hin;
      const mk = this.mask[l]!;
      for (let r = 0; r < m; r++) {
        const ro = r * nOut;
        const ri = r * nIn;
        for (let i = 0; i < nIn; i++) {
          let s = 0;
          for (let j = 0; j < nOut; j++) s += dz[ro + j]! * W[i * nOut + j]!;
          dprev[ri + i] = masked ? s * mk[ri + i]! : s;
        }
      }
      multiplyDerivative(this.activation, dprev, a, m * nIn);
    }
  }

  /** l1·Σ|W| + l2·ΣW² over the weight matrices. */
  penalty(l1: number, l2: number): number {
    if (l1 === 0 && l2 === 0) return 0;
    let s = 0;
    for (const { W } of this.layers) {
      for (let k = 0; k < W.length; k++) {
        const w = W[k]!;
        s += l1 * Math.abs(w) + l2 * w * w;
      }
    }
    return s;
  }
}

function applyActivation(a: MlpActivation, z: Float32Array, out: Float32Array, n: number): void {
  switch (a) {
    case 'relu':
      for (let k = 0; k < n; k++) out[k] = z[k]! > 0 ? z[k]! : 0;
      return;
    case 'tanh':
      for (let k = 0; k < n; k++) out[k] = Math.tanh(z[k]!);
      return;
    case 'sigmoid':
      for (let k = 0; k < n; k++) out[k] = 1 / (1 + Math.exp(-z[k]!));
      return;
    case 'linear':
      for (let k = 0; k < n; k++) out[k] = z[k]!;
      return;
  }
}

/** d ← d ⊙ φ′, with φ′ from φ's output y (relu: z > 0 ⇔ y > 0, as tfjs's step(z)). */
function multiplyDerivative(a: MlpActivation, d: Float32Array, y: Float32Array, n: number): void {
  switch (a) {
    case 'relu':
      for (let k = 0; k < n; k++) if (!(y[k]! > 0)) d[k] = 0;
      return;
    case 'tanh':
      for (let k = 0; k < n; k++) d[k] = d[k]! * (1 - y[k]! * y[k]!);
      return;
    case 'sigmoid':
      for (let k = 0; k < n; k++) d[k] = d[k]! * y[k]! * (1 - y[k]!);
      return;
    case 'linear':
      return;
  }
}
