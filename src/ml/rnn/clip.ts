/**
 * Gradient clipping by global norm (Pascanu et al. 2013; TensorFlow's clip_by_global_norm):
 *   n = √(Σ_k ‖g_k‖²) over every parameter's gradient,
 *   g_k ← g_k · c / max(n, c),
 * so the step keeps its direction and its length is at most c. When n ≤ c nothing changes.
 */
import * as tf from '@tensorflow/tfjs';

/** √(Σ‖g‖²) over all the gradients, as a scalar. Call inside tf.tidy. */
export function globalNorm(grads: tf.NamedTensorMap): tf.Scalar {
  const squares = Object.values(grads).map((g) => tf.sum(tf.square(g)));
  // Pairwise adds, not tf.addN: on WebGPU (SwiftShader) addN over the LSTM's many scalars read back
  // garbage (≈ 2.8e−45, or NaN that made clipping poison the weights).
  return tf.sqrt(squares.length === 0 ? tf.scalar(0) : squares.reduce((a, b) => tf.add(a, b))) as tf.Scalar;
}

export interface ClipResult {
  /** The gradients to apply (new tensors; the inputs are not disposed). */
  grads: tf.NamedTensorMap;
  /** The global norm before clipping. */
  norm: tf.Scalar;
  /** The global norm of what is applied: min(norm, clipNorm), or norm when not clipping. */
  applied: tf.Scalar;
}

/**
 * Clips `grads` to global norm `clipNorm` (null: no clipping, the gradients are passed through as
 * clones). Frees its intermediates; the caller owns the results.
 */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, clipNorm: number | null): ClipResult {
  return tf.tidy(() => {
    const norm = globalNorm(grads);
    if (clipNorm === null) {
      const same: tf.NamedTensorMap = {};
      for (const [k, g] of Object.entries(grads)) same[k] = tf.clone(g);
      return { grads: same, norm, applied: tf.clone(norm) };
    }
    if (!(clipNorm > 0)) throw new RangeError(`clip norm must be > 0, got ${clipNorm}`);
    const scale = tf.div(clipNorm, tf.maximum(norm, clipNorm));
    const out: tf.NamedTensorMap = {};
    for (const [k, g] of Object.entries(grads)) out[k] = tf.mul(g, scale);
    return { grads: out, norm, applied: tf.minimum(norm, clipNorm) as tf.Scalar };
  });
}
