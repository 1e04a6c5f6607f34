/**
 * Forward pass of the small encoder-only Transformer (see transformer-params.ts), used as a
 * sequence transducer: one output distribution per input position.
 *
 *   x₀ = E[tokens] + P                      token embedding (one-hot · E) + positional encoding
 *   per block (post-norm, as in "Attention Is All You Need"):
 *     x ← LayerNorm(x + Dropout(MultiHead(x)))
 *     x ← LayerNorm(x + Dropout(ReLU(x W₁ + b₁) W₂ + b₂))        feed-forward d → 4d → d
 *   logits = x W_out + b_out
 *
 * Post-norm rather than pre-norm: it is the paper's "Add & Norm" diagram the lesson draws, and at
 * 1–2 layers it trains fine (pre-norm matters for deep stacks). Dropout (training only) acts on
 * the embedding sum and on each sublayer's output before the residual add, as in the paper; the
 * attention weights themselves are not dropped, so the heatmaps show what the model computes.
 *
 * The embedding is a one-hot matMul rather than tf.gather: its gradient is a plain matMul, which
 * every backend has (WASM lacks the UnsortedSegmentSum kernel that gather's gradient needs).
 * Every activation × weight product goes through ops.dense (reshape to [B·T, d] first) because
 * of the tfjs 3-D × 2-D matMul gradient bug; the attention matMuls are 4-D × 4-D.
 */
import * as tf from '@tensorflow/tfjs';
import { causalMask, scaledDotProductAttention } from './attention';
import { dense, dropout, layerNorm } from './ops';
import type { BlockParams, TransformerParams } from './transformer-params';

export interface ForwardOptions {
  /** Dropout is applied only when training is true and dropout.rate > 0. */
  training?: boolean;
  /** Rate and a base seed (the caller draws a fresh one from its Rng for each step). */
  dropout?: { rate: number; seed: number } | null;
  /** Return every layer's attention weights [B, h, T, T]. */
  collectAttention?: boolean;
  /** Return every layer's Q, K, V, scores and head outputs (for the Q/K/V step-through). */
  collectTrace?: boolean;
}

/** One attention layer's intermediates. Head j's slice of the d features is j·d_k … (j+1)·d_k − 1. */
export interface LayerTrace {
  /** x W_Q, x W_K, x W_V split into heads: [B, h, T, d_k]. */
  q: tf.Tensor4D;
  k: tf.Tensor4D;
  v: tf.Tensor4D;
  /** q·k for every (query, key): [B, h, T, T]. */
  scores: tf.Tensor4D;
  /** scores / √d_k: [B, h, T, T]. */
  scaled: tf.Tensor4D;
  /** softmax(scaled + mask): [B, h, T, T]. */
  weights: tf.Tensor4D;
  /** weights · v, each head's output before W_O: [B, h, T, d_k]. */
  heads: tf.Tensor4D;
}

export interface ForwardResult {
  logits: tf.Tensor3D;
  attention?: tf.Tensor4D[];
  trace?: LayerTrace[];
}

/** Multi-head self-attention: split x W_Q, x W_K, x W_V into h heads, attend, concat, W_O. */
function multiHeadAttention(x: tf.Tensor3D, b: BlockParams, heads: number, mask: tf.Tensor | undefined) {
  const [B, T, d] = x.shape;
  const dK = d / heads;
  const split = (W: tf.Tensor2D) => tf.transpose(tf.reshape(dense(x, W), [B, T, heads, dK]), [0, 2, 1, 3]) as tf.Tensor4D;
  const q = split(b.wq);
  const k = split(b.wk);
  const v = split(b.wv);
  const r = scaledDotProductAttention(q, k, v, mask);
  const concat = tf.reshape(tf.transpose(r.output, [0, 2, 1, 3]), [B, T, d]) as tf.Tensor3D;
  const trace: LayerTrace = {
    q,
    k,
    v,
    scores: r.scores as tf.Tensor4D,
    scaled: r.scaled as tf.Tensor4D,
    weights: r.weights as tf.Tensor4D,
    heads: r.output as tf.Tensor4D,
  };
  return { out: dense(concat, b.wo), trace };
}

/** tokens: int32 [B, T] with T ≤ seqLen. Call inside tf.tidy (or a gradient function). */
export function forward(p: TransformerParams, tokens: tf.Tensor2D, opts: ForwardOptions = {}): ForwardResult {
  const { inputVocab, heads, dModel: d } = p.config;
  const [B, T] = tokens.shape;
  if (T > p.config.seqLen) throw new RangeError(`sequence of ${T} tokens, the model has ${p.config.seqLen} positions`);
  const drop = opts.training && opts.dropout && opts.dropout.rate > 0 ? opts.dropout : null;
  let calls = 0;
  const maybeDrop = (t: tf.Tensor3D) => (drop ? dropout(t, drop.rate, drop.seed + 7919 * calls++) : t);

  const oneHot = tf.oneHot(tf.reshape(tokens, [B * T]), inputVocab);
  let x = tf.reshape(tf.matMul(oneHot, p.embed), [B, T, d]) as tf.Tensor3D;
  const positions = p.pos ?? p.fixedPos;
  if (positions) x = tf.add(x, T === p.config.seqLen ? positions : tf.slice(positions, [0, 0], [T, d]));
  x = maybeDrop(x);

  const mask = p.config.causal ? causalMask(T) : undefined;
  const attention: tf.Tensor4D[] = [];
  const trace: LayerTrace[] = [];
  for (const b of p.blocks) {
    const a = multiHeadAttention(x, b, heads, mask);
    attention.push(a.trace.weights);
    trace.push(a.trace);
    x = layerNorm(tf.add(x, maybeDrop(a.out)), b.ln1Gamma, b.ln1Beta) as tf.Tensor3D;
    const ff = dense(tf.relu(dense(x, b.w1, b.b1)), b.w2, b.b2);
    x = layerNorm(tf.add(x, maybeDrop(ff)), b.ln2Gamma, b.ln2Beta) as tf.Tensor3D;
  }
  const logits = dense(x, p.outW, p.outB);
  return {
    logits,
    ...(opts.collectAttention ? { attention } : {}),
    ...(opts.collectTrace ? { trace } : {}),
  };
}

/**
 * Softmax cross-entropy from the logits, averaged over the positions that count:
 *   L = −Σ_{b,t} w_{bt} log softmax(z_{bt})[y_{bt}] / Σ w
 * logits [B, T, V], targets int32 [B, T], weights [B, T] (1 = counts; the masked task scores only
 * the hidden positions). Σ w is floored at 1 so an all-zero weight batch gives 0, not NaN.
 */
export function maskedCrossEntropy(logits: tf.Tensor3D, targets: tf.Tensor2D, weights: tf.Tensor2D): tf.Scalar {
  const V = logits.shape[2];
  const logp = tf.logSoftmax(logits);
  const picked = tf.sum(tf.mul(logp, tf.oneHot(targets, V)), -1);
  return tf.div(tf.neg(tf.sum(tf.mul(picked, weights))), tf.maximum(tf.sum(weights), 1)) as tf.Scalar;
}

/**
 * Token accuracy = Σ w·[argmax = y] / Σ w; exact-sequence accuracy = fraction of sequences whose
 * every counted position is right.
 */
export function sequenceAccuracy(logits: tf.Tensor3D, targets: tf.Tensor2D, weights: tf.Tensor2D) {
  const correct = tf.cast(tf.equal(tf.argMax(logits, -1), targets), 'float32');
  const token = tf.div(tf.sum(tf.mul(correct, weights)), tf.maximum(tf.sum(weights), 1)) as tf.Scalar;
  const wrongPerSeq = tf.sum(tf.mul(tf.sub(1, correct), weights), -1);
  const sequence = tf.mean(tf.cast(tf.equal(wrongPerSeq, 0), 'float32')) as tf.Scalar;
  return { token, sequence };
}
