/**
 * Scaled dot-product attention from tf ops, and a plain-JS float64 reference for tests:
 *
 *   Attention(Q, K, V) = softmax(QKᵀ / √d_k + M) V
 *
 * Q [..., T_q, d_k], K [..., T_k, d_k], V [..., T_k, d_v]; the leading axes (batch, heads) are
 * shared. M is an additive mask: 0 where a query may look, MASKED (a large negative number)
 * where it may not, so those weights come out of the softmax as exactly 0 in float32
 * (exp(−10⁹) underflows). A finite number rather than −∞ keeps a fully masked row finite.
 */
import * as tf from '@tensorflow/tfjs';

/** The additive mask value for a blocked (query, key) pair. */
export const MASKED = -1e9;

export interface AttentionResult {
  /** softmax(QKᵀ/√d_k + M) V, [..., T_q, d_v]. */
  output: tf.Tensor;
  /** The attention weights, [..., T_q, T_k]; each row sums to 1. */
  weights: tf.Tensor;
  /** The raw dot products QKᵀ, [..., T_q, T_k]. */
  scores: tf.Tensor;
  /** QKᵀ / √d_k, before the mask, [..., T_q, T_k]. */
  scaled: tf.Tensor;
}

/**
 * Attention of every query over every key. `mask` is additive and broadcasts against
 * [..., T_q, T_k] (e.g. causalMask(T), [T, T]). Call inside tf.tidy. Both matMuls multiply
 * activations of the same rank (no 3-D × 2-D broadcast), which tfjs 4.22 differentiates correctly.
 */
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): AttentionResult {
  const dK = q.shape[q.rank - 1]!;
  if (k.shape[k.rank - 1] !== dK) throw new RangeError(`q and k differ in d_k: ${q.shape} vs ${k.shape}`);
  const scores = tf.matMul(q, k, false, true);
  const scaled = tf.div(scores, Math.sqrt(dK));
  const weights = tf.softmax(mask ? tf.add(scaled, mask) : scaled);
  return { output: tf.matMul(weights, v), weights, scores, scaled };
}

/** The causal (decoder) mask as numbers, [T, T] row-major: 0 on and below the diagonal, MASKED above. */
export function causalMaskValues(T: number): Float32Array {
  const m = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) m[i * T + j] = MASKED;
  return m;
}

/** Query i may attend to keys j ≤ i only (no peeking at later positions). */
export function causalMask(T: number): tf.Tensor2D {
  return tf.tensor2d(causalMaskValues(T), [T, T]);
}

/* ---------------------------------------------------------------------------------------------
 * Float64 reference on plain arrays (one head, one sequence), written straight from the formula.
 * ------------------------------------------------------------------------------------------- */

export type Matrix = readonly (readonly number[])[];

/** softmax of one row, max-subtracted; −∞ entries get weight 0. */
export function softmaxRow(row: readonly number[]): number[] {
  const m = Math.max(...row);
  const e = row.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/**
 * Attention(Q, K, V) = softmax(QKᵀ/√d_k + M) V in float64. `mask` is additive ([T_q][T_k]; use
 * −Infinity or MASKED to block a pair).
 */
export function referenceAttention(
  q: Matrix,
  k: Matrix,
  v: Matrix,
  mask?: Matrix,
): { scores: number[][]; scaled: number[][]; weights: number[][]; output: number[][] } {
  const dK = q[0]?.length ?? 0;
  const scores = q.map((qi) => k.map((kj) => qi.reduce((s, x, c) => s + x * kj[c]!, 0)));
  const scaled = scores.map((row) => row.map((s) => s / Math.sqrt(dK)));
  const weights = scaled.map((row, i) => softmaxRow(row.map((s, j) => s + (mask?.[i]?.[j] ?? 0))));
  const dV = v[0]?.length ?? 0;
  const output = weights.map((w) => Array.from({ length: dV }, (_, c) => w.reduce((s, wj, j) => s + wj * v[j]![c]!, 0)));
  return { scores, scaled, weights, output };
}
