/**
 * The Q/K/V step-through for one query token: every number comes from the intermediates the
 * forward pass itself computed (LayerTrace), not from a re-implementation.
 *
 *   dots_i    = q · k_i                         (scores row)
 *   scaled_i  = dots_i / √d_k                   (scaled row)
 *   weights_i = softmax(scaled + mask)_i        (the attention heatmap's row)
 *   output    = Σ_i weights_i v_i               (the head's output at the query, before W_O)
 */
import * as tf from '@tensorflow/tfjs';
import { packTensors, unpack, type Layout } from '../tasks/mlp-readback';
import { forward, type LayerTrace } from './transformer-model';
import type { TransformerParams } from './transformer-params';

export interface QkvSelection {
  layer: number;
  head: number;
  /** Query position 0 … T−1. */
  query: number;
}

export interface QkvTrace extends QkvSelection {
  dK: number;
  /** Sequence length: number of keys. */
  T: number;
  /** The query vector q [d_k]. */
  q: Float32Array;
  /** Key vectors k_0 … k_{T−1}, [T · d_k] row-major. */
  keys: Float32Array;
  /** q · k_i, [T]. */
  dots: Float32Array;
  /** (q · k_i) / √d_k, [T]. */
  scaled: Float32Array;
  /** Softmax weights, [T] (sum to 1; exactly 0 for masked keys). */
  weights: Float32Array;
  /** Value vectors v_0 … v_{T−1}, [T · d_k] row-major. */
  values: Float32Array;
  /** Σ_i weights_i v_i, [d_k]. */
  output: Float32Array;
}

/** Clamps a selection into the model's layers, heads and positions. */
export function clampSelection(s: QkvSelection, layers: number, heads: number, T: number): QkvSelection {
  const c = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.round(Number.isFinite(v) ? v : 0)));
  return { layer: c(s.layer, layers), head: c(s.head, heads), query: c(s.query, T) };
}

const FIELDS = ['q', 'keys', 'dots', 'scaled', 'weights', 'values', 'output'] as const;

/**
 * Named slices of sequence `b` of a forward pass's trace, for packTensors (call inside tf.tidy).
 * Names are prefixed with `prefix` so they can share a readback with other tensors.
 */
export function qkvTensors(trace: readonly LayerTrace[], s: QkvSelection, prefix = 'qkv.', b = 0): [string, tf.Tensor][] {
  const L = trace[s.layer];
  if (!L) throw new RangeError(`no layer ${s.layer}`);
  const [, , T, dK] = L.q.shape;
  const at = (t: tf.Tensor4D, row: number | null, width: number) =>
    row === null ? tf.slice(t, [b, s.head, 0, 0], [1, 1, T, width]) : tf.slice(t, [b, s.head, row, 0], [1, 1, 1, width]);
  const parts: Record<(typeof FIELDS)[number], tf.Tensor> = {
    q: at(L.q, s.query, dK),
    keys: at(L.k, null, dK),
    dots: at(L.scores, s.query, T),
    scaled: at(L.scaled, s.query, T),
    weights: at(L.weights, s.query, T),
    values: at(L.v, null, dK),
    output: at(L.heads, s.query, dK),
  };
  return FIELDS.map((f) => [prefix + f, parts[f]]);
}

export function unpackQkv(data: Float32Array, layout: Layout, s: QkvSelection, T: number, dK: number, prefix = 'qkv.'): QkvTrace {
  const get = (f: (typeof FIELDS)[number]) => unpack(data, layout, prefix + f) ?? new Float32Array(0);
  return {
    ...s,
    dK,
    T,
    q: get('q'),
    keys: get('keys'),
    dots: get('dots'),
    scaled: get('scaled'),
    weights: get('weights'),
    values: get('values'),
    output: get('output'),
  };
}

/** Runs the model (inference mode) on one sequence and reads back the step-through for `sel`. */
export async function readQkvTrace(p: TransformerParams, tokens: Int32Array, sel: QkvSelection): Promise<QkvTrace> {
  const T = tokens.length;
  const s = clampSelection(sel, p.config.layers, p.config.heads, T);
  let layout: Layout = new Map();
  const packed = tf.tidy(() => {
    const { trace } = forward(p, tf.tensor2d(tokens, [1, T], 'int32'), { collectTrace: true });
    const r = packTensors(qkvTensors(trace ?? [], s));
    layout = r.layout;
    return r.packed;
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  return unpackQkv(data, layout, s, T, p.dK);
}
