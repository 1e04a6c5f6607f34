/**
 * Batch normalisation of a conv layer's output, per channel: each of the C channels has one
 * mean and one variance, taken over every image of the batch and every position of its map
 * (m·H·W numbers), and one γ and β shared by all those positions — the convolution's weight
 * sharing carried over to the normalisation. Written with plain tf ops (a hand-written backward
 * in train mode, autodiff in eval mode), so it runs on every backend (cpu, wasm, webgl, webgpu).
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
 * Σ over batch, height and width of each channel of t [m, P, C] (P = H·W positions), as
 * matrix products: each image's ones[1, P] · t[P, C], then the m per-image sums added. No
 * transposes (tfjs reduces only innermost axes, so tf.sum over axes 0–2 transposes the whole
 * batch first), and the sum runs in two stages: one float32 sum of 50,176 values in a row on
 * wasm drifted ~1e-4 relative, enough to flip a ReLU whose input is near 0 (its gradients then
 * differed from the cpu backend's by up to 6 %; now ≤ 1e-5).
 */
function channelSum(t: tf.Tensor3D): tf.Tensor1D {
  const [m, p] = t.shape;
  return tf.sum(tf.reshape(tf.matMul(tf.ones([m, 1, p]), t), [m, -1]), 0) as tf.Tensor1D;
}

/**
 * Train-mode batch norm of z [m, P, C] with its backward written out (tf.customGrad): tfjs's
 * autodiff of the same forward ops took ~15 broadcasting multiplies and one-stage sums over the
 * whole batch per layer, ~3.5× the step time of the network without batch norm on the cpu backend.
 * With N = m·P values per channel and g = ∂L/∂y:
 *   ∂L/∂β = Σ g,  ∂L/∂γ = Σ g x̂,  ∂L/∂z = γ / √(σ²_B + ε) · (g − ∂L/∂β / N − x̂ · ∂L/∂γ / N),
 * the last one carrying the paths through μ_B and σ²_B. `out.stats` receives the batch's
 * statistics, kept (tfjs runs a custom op's forward in its own tidy): the caller disposes them.
 */
function trainBatchNorm(z: tf.Tensor3D, gamma: tf.Tensor1D, beta: tf.Tensor1D, out: { stats?: BatchStats }): tf.Tensor3D {
  const [m, p] = z.shape;
  const n = m * p;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [zIn, g, b, save] = args as [tf.Tensor3D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const mean = tf.div(channelSum(zIn), n) as tf.Tensor1D;
    const centered = tf.sub(zIn, mean);
    const variance = tf.div(channelSum(tf.square(centered) as tf.Tensor3D), n) as tf.Tensor1D;
    const inv = tf.rsqrt(tf.add(variance, BN_EPSILON));
    const xhat = tf.mul(centered, inv) as tf.Tensor3D;
    out.stats = { mean: tf.keep(mean), variance: tf.keep(variance) };
    save([xhat, inv, g]);
    return {
      value: tf.add(tf.mul(xhat, g), b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xh, iv, gm] = saved as [tf.Tensor3D, tf.Tensor1D, tf.Tensor1D];
        const dBeta = channelSum(dy as tf.Tensor3D);
        const dGamma = channelSum(tf.mul(dy, xh) as tf.Tensor3D);
        const inner = tf.sub(tf.sub(dy, tf.div(dBeta, n)), tf.mul(xh, tf.div(dGamma, n)));
        return [tf.mul(inner, tf.mul(gm, iv)), dGamma, dBeta];
      },
    };
  });
  return op(z, gamma, beta) as tf.Tensor3D;
}

/**
 * Batch norm of z [m, h, w, C]: train mode (batch statistics) or eval mode (running averages).
 * Returns y = γ x̂ + β and, in train mode, the batch's mean and variance [C], which outlive any
 * tidy: the caller disposes them (updateRunningStats does). Call inside tidy.
 */
export function convBatchNorm(z: tf.Tensor4D, bn: ChannelBatchNorm, training: boolean) {
  const [m, h, w, c] = z.shape;
  // [m, H·W, C]: the same numbers in the same order.
  const z3 = tf.reshape(z, [m, h * w, c]) as tf.Tensor3D;
  const back = (t: tf.Tensor) => tf.reshape(t, [m, h, w, c]) as tf.Tensor4D;
  if (!training) {
    const xhat = tf.mul(tf.sub(z3, bn.mean), tf.rsqrt(tf.add(bn.variance, BN_EPSILON)));
    return { y: back(tf.add(tf.mul(xhat, bn.gamma), bn.beta)), stats: null };
  }
  const out: { stats?: BatchStats } = {};
  const y = trainBatchNorm(z3, bn.gamma as tf.Tensor1D, bn.beta as tf.Tensor1D, out);
  return { y: back(y), stats: out.stats! };
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
 * corners are blank: the centre usually has ink); x̂ = (z − μ_B) / √(σ²_B + ε) for that one
 * value. Call inside tidy.
 */
export function probeChannel0(z: tf.Tensor4D, y: tf.Tensor4D, stats: BatchStats, bn: ChannelBatchNorm): tf.Tensor1D {
  const [, h, w] = z.shape;
  const at = (t: tf.Tensor) =>
    t.rank === 4
      ? tf.reshape(tf.slice(t, [0, Math.floor(h / 2), Math.floor(w / 2), 0], [1, 1, 1, 1]), [1])
      : tf.slice(t as tf.Tensor1D, [0], [1]);
  const [mean, variance, z0] = [at(stats.mean), at(stats.variance), at(z)];
  const xhat = tf.mul(tf.sub(z0, mean), tf.rsqrt(tf.add(variance, BN_EPSILON)));
  return tf.concat([mean, variance, z0, xhat, at(y), ...[bn.gamma, bn.beta, bn.mean, bn.variance].map(at)]) as tf.Tensor1D;
}
