/**
 * Batch normalisation of a conv layer's output, per channel: each of the C channels has one
 * mean and one variance, taken over every image of the batch and every position of its map
 * (m·H·W numbers), and one γ and β shared by all those positions — the convolution's weight
 * sharing carried over to the normalisation. Written with plain tf ops, so tfjs's autodiff gives
 * the backward pass on every backend (cpu, wasm, webgl, webgpu).
 *   train  x̂ = (z − μ_B) / √(σ²_B + ε), μ_B, σ²_B the batch's mean and biased variance;
 *   eval   x̂ = (z − running mean) / √(running var + ε);
 *   y = γ x̂ + β. γ starts at 1, β at 0; the running mean at 0, the variance at 1.
 * The constants are the MLP's (Keras's defaults): ε = 1e-3 and running-average momentum 0.99.
 */
import * as tf from '@tensorflow/tfjs';
import { BN_EPSILON, BN_MOMENTUM } from '../tasks/mlp-model';

export { BN_EPSILON, BN_MOMENTUM };

export interface ChannelBatchNorm {
  gamma: tf.Variable;
  beta: tf.Variable;
  /** Not trained: updated after each training step from the batch statistics. */
  mean: tf.Variable;
  variance: tf.Variable;
}

/** One batch-norm layer's statistics of one training step, [C] each. */
export interface BatchStats {
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

/**
 * A channel's mean over batch, height and width (channels last), in two stages: over each map's
 * H·W positions, then over the m maps. The same number (every map has H·W positions), but
 * backends that sum in float32 one after another (wasm) lose far less: summing 50,176 values
 * at once drifts by ~1e-4 relative there, enough to flip a ReLU whose input is near 0.
 */
const channelMean = (t: tf.Tensor) => tf.mean(tf.mean(t, [1, 2]), 0) as tf.Tensor1D;

/**
 * Batch norm of z [m, h, w, C]: train mode (batch statistics) or eval mode (running averages).
 * Returns y = γ x̂ + β, x̂ and, in train mode, the batch's mean and variance. Call inside tidy.
 */
export function convBatchNorm(z: tf.Tensor4D, bn: ChannelBatchNorm, training: boolean) {
  if (!training) {
    const xhat = tf.mul(tf.sub(z, bn.mean), tf.rsqrt(tf.add(bn.variance, BN_EPSILON))) as tf.Tensor4D;
    return { y: tf.add(tf.mul(xhat, bn.gamma), bn.beta) as tf.Tensor4D, xhat, stats: null };
  }
  const mean = channelMean(z);
  const centered = tf.sub(z, mean);
  const variance = channelMean(tf.square(centered));
  const xhat = tf.mul(centered, tf.rsqrt(tf.add(variance, BN_EPSILON))) as tf.Tensor4D;
  return { y: tf.add(tf.mul(xhat, bn.gamma), bn.beta) as tf.Tensor4D, xhat, stats: { mean, variance } };
}

/** running ← momentum · running + (1 − momentum) · batch statistic. Disposes `stats`. */
export function updateRunningStats(layers: readonly ChannelBatchNorm[], stats: readonly BatchStats[]): void {
  if (stats.length !== 0 && stats.length !== layers.length) {
    tf.dispose(stats.flatMap((s) => [s.mean, s.variance]));
    throw new Error(`${stats.length} batch statistics for ${layers.length} batch-norm layers`);
  }
  tf.tidy(() => {
    stats.forEach((s, i) => {
      const bn = layers[i]!;
      bn.mean.assign(tf.add(tf.mul(bn.mean, BN_MOMENTUM), tf.mul(s.mean, 1 - BN_MOMENTUM)));
      bn.variance.assign(tf.add(tf.mul(bn.variance, BN_MOMENTUM), tf.mul(s.variance, 1 - BN_MOMENTUM)));
    });
  });
  tf.dispose(stats.flatMap((s) => [s.mean, s.variance]));
}

/**
 * The 9 numbers of the live formula, as a [9] tensor: [μ_B, σ²_B, z, x̂, y, γ, β, running mean,
 * running var] of channel 0, with z, x̂ and y at the centre of the batch's first image (MNIST's
 * corners are blank: the centre usually has ink). Call inside tidy.
 */
export function probeChannel0(z: tf.Tensor4D, xhat: tf.Tensor4D, y: tf.Tensor4D, stats: BatchStats, bn: ChannelBatchNorm): tf.Tensor1D {
  const [, h, w] = z.shape;
  const at = (t: tf.Tensor) =>
    t.rank === 4
      ? tf.reshape(tf.slice(t, [0, Math.floor(h / 2), Math.floor(w / 2), 0], [1, 1, 1, 1]), [1])
      : tf.slice(t as tf.Tensor1D, [0], [1]);
  return tf.concat([stats.mean, stats.variance, z, xhat, y, bn.gamma, bn.beta, bn.mean, bn.variance].map(at)) as tf.Tensor1D;
}
