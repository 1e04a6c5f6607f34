/**
 * Transformer building blocks from tf ops: layer normalisation, a dense layer applied at every
 * position, and inverted dropout. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';

/** ε of LayerNorm, inside the square root (as PyTorch's default). */
export const LAYER_NORM_EPS = 1e-5;

/**
 * (x − μ) / √(σ² + ε) over the last axis (each position's d features): mean 0 and variance
 * σ²/(σ² + ε) ≈ 1 per position. σ² is the biased (population) variance.
 */
export function layerNormalize(x: tf.Tensor, eps = LAYER_NORM_EPS): tf.Tensor {
  const axis = x.rank - 1;
  const mu = tf.mean(x, axis, true);
  const centred = tf.sub(x, mu);
  const variance = tf.mean(tf.square(centred), axis, true);
  return tf.mul(centred, tf.rsqrt(tf.add(variance, eps)));
}

/** LayerNorm(x) = γ ⊙ (x − μ)/√(σ² + ε) + β, with learnable γ, β of size d. */
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = LAYER_NORM_EPS): tf.Tensor {
  return tf.add(tf.mul(layerNormalize(x, eps), gamma), beta);
}

/**
 * x W (+ b) at every position: x [B, T, d_in], W [d_in, d_out] → [B, T, d_out].
 * x is reshaped to [B·T, d_in] first: in tfjs 4.22 the gradient of matMul(3-D activation,
 * 2-D weight) fails ("gradient of input 'b' has shape …", tfjs#8548/#8721); a 2-D × 2-D matMul
 * is differentiated correctly and computes the same numbers.
 */
export function dense(x: tf.Tensor3D, W: tf.Tensor2D, b?: tf.Tensor1D): tf.Tensor3D {
  const [B, T, dIn] = x.shape;
  const dOut = W.shape[1];
  let y: tf.Tensor2D = tf.matMul(tf.reshape(x, [B * T, dIn]), W);
  if (b) y = tf.add(y, b);
  return tf.reshape(y, [B, T, dOut]);
}

/**
 * Inverted dropout: each element is zeroed with probability `rate`, survivors are scaled by
 * 1/(1 − rate) so the expected value is unchanged. The mask is seeded (the caller draws the seed
 * from the task's Rng), so a training run is reproducible.
 */
export function dropout<T extends tf.Tensor>(x: T, rate: number, seed: number): T {
  if (rate <= 0) return x;
  const keep = tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', seed), rate);
  return tf.mul(x, tf.mul(tf.cast(keep, 'float32'), 1 / (1 - rate)));
}
