/**
 * The MLP of the playground as raw tf.variables and a forward function (no tf.layers), so
 * dropout, per-layer gradients and regularisation are ours to control. No DOM, no worker APIs.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../datasets/rng';

export const MLP_ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export type MlpActivation = (typeof MLP_ACTIVATIONS)[number];

/**
 * What the output layer means and which loss trains it:
 * - 'binary': one logit s, p(class 1) = σ(s), binary cross-entropy from the logit;
 * - 'multiclass': C logits, softmax, categorical cross-entropy from the logits;
 * - 'regression': one linear output ŷ, mean squared error mean((ŷ − y)²).
 */
export type MlpOutput = 'binary' | 'multiclass' | 'regression';

export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;

/**
 * Batch normalisation's constants, as Keras's BatchNormalization defaults: ε inside the square
 * root, and the momentum of the running averages (running ← 0.99 · running + 0.01 · batch).
 */
export const BN_EPSILON = 1e-3;
export const BN_MOMENTUM = 0.99;

/**
 * Batch normalisation of one hidden layer's pre-activation z (per unit, over the batch):
 *   train  x̂ = (z − μ_B) / √(σ²_B + ε), μ_B, σ²_B the batch's mean and biased variance;
 *   eval   x̂ = (z − running mean) / √(running var + ε);
 *   y = γ x̂ + β, then the activation. γ starts at 1, β at 0; the running mean at 0, var at 1.
 */
export interface BatchNormVars {
  gamma: tf.Variable;
  beta: tf.Variable;
  /** Not trained: updated after each training step from the batch statistics. */
  mean: tf.Variable;
  variance: tf.Variable;
}

/**
 * One dense layer: out = act(x · W + b), W is [fanIn, fanOut]. With batch norm a hidden layer
 * has no bias (b is null: BN subtracts the batch mean, so a bias would have zero gradient; β
 * shifts instead) and out = act(BN(x · W)).
 */
export interface MlpLayer {
  W: tf.Variable;
  b: tf.Variable | null;
  bn: BatchNormVars | null;
}

/** One point set on the device. */
export interface DeviceSet {
  n: number;
  /** Features [n, F]. */
  x: tf.Tensor2D;
  /** Loss targets: 0/1 [n, 1] (binary), one-hot [n, C] (multiclass), values [n, 1] (regression). */
  y: tf.Tensor2D;
  /** Class indices, int32 [n] (classification; null for regression). */
  labels: tf.Tensor1D | null;
}

export function outputKind(kind: 'classification' | 'regression', classes: number): MlpOutput {
  if (kind === 'regression') return 'regression';
  return classes > 2 ? 'multiclass' : 'binary';
}

/** Layer widths from the input features to the outputs, e.g. [2, 8, 8, 1]. */
export function layerWidths(inputs: number, hidden: readonly number[], outputs: number): number[] {
  if (inputs < 1) throw new RangeError('the network needs at least one input feature');
  if (hidden.length > MAX_HIDDEN_LAYERS) throw new RangeError(`at most ${MAX_HIDDEN_LAYERS} hidden layers`);
  for (const w of hidden) {
    if (!Number.isInteger(w) || w < 1 || w > MAX_NEURONS) {
      throw new RangeError(`a hidden layer has 1 … ${MAX_NEURONS} neurons, got ${w}`);
    }
  }
  return [inputs, ...hidden, outputs];
}

/**
 * Initial weights from the project's seeded generator (not tfjs's initialisers, which draw from
 * their own global seeding). Hidden layers: He uniform, limit √(6 / fanIn), for ReLU; Glorot
 * uniform, limit √(6 / (fanIn + fanOut)), for tanh, sigmoid and linear. The output layer is
 * Glorot uniform. Biases start at 0.
 */
export function initialWeights(
  widths: readonly number[],
  activation: MlpActivation,
  seed: number,
): { W: Float32Array; b: Float32Array; shape: [number, number] }[] {
  const rng = createRng(seed);
  const out = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    const fanIn = widths[l]!;
    const fanOut = widths[l + 1]!;
    const isOutput = l + 2 === widths.length;
    const limit = !isOutput && activation === 'relu' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    const W = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < W.length; i++) W[i] = limit * (2 * rng.next() - 1);
    out.push({ W, b: new Float32Array(fanOut), shape: [fanIn, fanOut] as [number, number] });
  }
  return out;
}

/**
 * tf.variables holding initialWeights; names carry `prefix` (tfjs variable names are global).
 * With `batchNorm`, every hidden layer gets γ = 1, β = 0, running mean 0 and variance 1 and no bias.
 */
export function createLayers(widths: readonly number[], activation: MlpActivation, seed: number, prefix: string, batchNorm = false) {
  const init = initialWeights(widths, activation, seed);
  // Each variable copies its initial tensor, which must then be freed.
  const variable = (t: tf.Tensor, trainable: boolean, name: string) => {
    const v = tf.variable(t, trainable, `${prefix}_${name}`);
    t.dispose();
    return v;
  };
  return init.map((w, l): MlpLayer => {
    const W = variable(tf.tensor2d(w.W, w.shape), true, `W${l}`);
    const n = w.shape[1];
    if (!batchNorm || l === init.length - 1) return { W, b: variable(tf.tensor1d(w.b), true, `b${l}`), bn: null };
    return {
      W,
      b: null,
      bn: {
        gamma: variable(tf.ones([n]), true, `gamma${l}`),
        beta: variable(tf.zeros([n]), true, `beta${l}`),
        mean: variable(tf.zeros([n]), false, `mean${l}`),
        variance: variable(tf.ones([n]), false, `var${l}`),
      },
    };
  });
}

/** The trainable variables of the layers: W, then b or (γ, β), layer by layer. */
export function trainableVars(layers: readonly MlpLayer[]): tf.Variable[] {
  return layers.flatMap((l) => (l.bn ? [l.W, l.bn.gamma, l.bn.beta] : [l.W, l.b!]));
}

/** Every variable of the layers by its export name: W0, b0 or gamma0, beta0, mean0, var0, … */
export function namedVars(layers: readonly MlpLayer[]): [string, tf.Variable][] {
  return layers.flatMap((l, i): [string, tf.Variable][] =>
    l.bn
      ? [
          [`W${i}`, l.W],
          [`gamma${i}`, l.bn.gamma],
          [`beta${i}`, l.bn.beta],
          [`mean${i}`, l.bn.mean],
          [`var${i}`, l.bn.variance],
        ]
      : [
          [`W${i}`, l.W],
          [`b${i}`, l.b!],
        ],
  );
}

export function disposeLayers(layers: readonly MlpLayer[]): void {
  for (const [, v] of namedVars(layers)) v.dispose();
}

/**
 * Batch norm of z [m, n] in train mode (batch statistics, biased variance) or eval mode
 * (running averages). Returns y = γ x̂ + β and, in train mode, the batch mean and variance.
 */
export function batchNormForward(z: tf.Tensor2D, bn: BatchNormVars, training: boolean) {
  if (!training) {
    const xhat = tf.mul(tf.sub(z, bn.mean), tf.rsqrt(tf.add(bn.variance, BN_EPSILON)));
    return { y: tf.add(tf.mul(xhat, bn.gamma), bn.beta) as tf.Tensor2D, xhat: xhat as tf.Tensor2D, mean: null, variance: null };
  }
  const mean = tf.mean(z, 0) as tf.Tensor1D;
  const centered = tf.sub(z, mean);
  const variance = tf.mean(tf.square(centered), 0) as tf.Tensor1D;
  const xhat = tf.mul(centered, tf.rsqrt(tf.add(variance, BN_EPSILON))) as tf.Tensor2D;
  return { y: tf.add(tf.mul(xhat, bn.gamma), bn.beta) as tf.Tensor2D, xhat, mean, variance };
}

export function activate(x: tf.Tensor, a: MlpActivation): tf.Tensor {
  switch (a) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'linear':
      return x;
  }
}

export interface ForwardOptions {
  /**
   * Inverted dropout on every hidden layer's activations (training only): each unit is zeroed
   * with probability `rate` and the survivors scaled by 1 / (1 − rate). The mask comes from
   * tf.randomUniform with an explicit seed (drawn from the task's Rng), so runs are reproducible.
   */
  dropout?: { rate: number; seed: number } | null;
  /** If given, receives each hidden layer's activations [m, width] (after dropout, if any). */
  collect?: tf.Tensor2D[];
  /** Batch norm in train mode (batch statistics); false or absent: eval mode (running averages). */
  training?: boolean;
  /** Train mode: receives each batch-norm layer's batch mean and variance [width], in layer order. */
  bnStats?: { mean: tf.Tensor1D; variance: tf.Tensor1D }[];
  /**
   * Batch norm in train mode: receives [μ_B, σ²_B, z, x̂, y, γ, β, running mean, running var] of
   * hidden layer 1, unit 1 (z, x̂, y of the batch's first row), as this forward pass used them.
   */
  bnProbe?: { value?: tf.Tensor1D };
}

/** The output layer's raw values: logits for classification, ŷ for regression. Call inside tidy. */
export function mlpForward(layers: readonly MlpLayer[], x: tf.Tensor2D, a: MlpActivation, opts: ForwardOptions = {}) {
  let h: tf.Tensor2D = x;
  layers.forEach((layer, l) => {
    const xw = tf.matMul(h, layer.W);
    let z = (layer.b ? tf.add(xw, layer.b) : xw) as tf.Tensor2D;
    if (l === layers.length - 1) {
      h = z;
      return;
    }
    if (layer.bn) {
      const r = batchNormForward(z, layer.bn, opts.training === true);
      if (r.mean && r.variance) {
        opts.bnStats?.push({ mean: r.mean, variance: r.variance });
        if (l === 0 && opts.bnProbe) {
          const at = (t: tf.Tensor) => tf.reshape(tf.slice(t, Array(t.rank).fill(0), Array(t.rank).fill(1)), [1]);
          const { gamma, beta, mean, variance } = layer.bn;
          const parts = [r.mean, r.variance, z, r.xhat, r.y, gamma, beta, mean, variance];
          opts.bnProbe.value = tf.concat(parts.map(at)) as tf.Tensor1D;
        }
      }
      z = r.y;
    }
    h = activate(z, a) as tf.Tensor2D;
    const d = opts.dropout;
    if (d && d.rate > 0) {
      const keep = tf.greaterEqual(tf.randomUniform(h.shape, 0, 1, 'float32', d.seed + l), d.rate);
      h = tf.mul(h, tf.mul(tf.cast(keep, 'float32'), 1 / (1 - d.rate))) as tf.Tensor2D;
    }
    opts.collect?.push(h);
  });
  return h;
}

/**
 * The data loss, averaged over the batch: binary cross-entropy from logits (tfjs computes
 * max(s, 0) − s·y + log(1 + e^−|s|), stable for any s), softmax cross-entropy from logits
 * (log-sum-exp inside), or the mean squared error.
 * `y`: [m, 1] of 0/1 (binary), [m, C] one-hot (multiclass), [m, 1] targets (regression).
 */
export function dataLoss(out: MlpOutput, raw: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  switch (out) {
    case 'binary':
      return tf.losses.sigmoidCrossEntropy(y, raw) as tf.Scalar;
    case 'multiclass':
      return tf.losses.softmaxCrossEntropy(y, raw) as tf.Scalar;
    case 'regression':
      return tf.losses.meanSquaredError(y, raw) as tf.Scalar;
  }
}

/** What the page draws from the output: p(class 1) [m, 1], class probabilities [m, C], or ŷ [m, 1]. */
export function outputValues(out: MlpOutput, raw: tf.Tensor2D): tf.Tensor2D {
  if (out === 'binary') return tf.sigmoid(raw);
  if (out === 'multiclass') return tf.softmax(raw);
  return raw;
}

/** Fraction of points whose predicted class (logit > 0, or arg-max) equals `labels` (int32 [m]). */
export function accuracy(out: MlpOutput, raw: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const pred = out === 'binary' ? tf.cast(tf.greater(raw.reshape([-1]), 0), 'int32') : tf.argMax(raw, 1);
  return tf.mean(tf.cast(tf.equal(pred, labels), 'float32')) as tf.Scalar;
}

/** l1 · Σ|W| + l2 · ΣW² over the weight matrices (not the biases), or null when both are 0. */
export function penalty(layers: readonly MlpLayer[], l1: number, l2: number): tf.Scalar | null {
  if (l1 === 0 && l2 === 0) return null;
  const terms: tf.Tensor[] = [];
  for (const { W } of layers) {
    if (l1 !== 0) terms.push(tf.mul(l1, tf.sum(tf.abs(W))));
    if (l2 !== 0) terms.push(tf.mul(l2, tf.sum(tf.square(W))));
  }
  return tf.addN(terms) as tf.Scalar;
}
