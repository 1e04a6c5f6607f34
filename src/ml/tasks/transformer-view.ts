/**
 * What the attention lesson draws, computed on the device and read back in one `await data()`:
 * held-out loss and accuracies (recomputed only every few steps, see TransformerTask.view), the
 * probe's prediction and probabilities, every layer's and head's attention on the probe, and the
 * Q/K/V step-through of one (layer, head, query).
 */
import * as tf from '@tensorflow/tfjs';
import type { TokenVocab } from '../../datasets/token-tasks';
import { qkvTensors, unpackQkv, type QkvSelection, type QkvTrace } from '../attention/qkv-trace';
import { forward, maskedCrossEntropy, sequenceAccuracy } from '../attention/transformer-model';
import type { TransformerParams } from '../attention/transformer-params';
import { packTensors, unpack, unpackScalar, type Layout } from './mlp-readback';
import type { TransformerHyper } from './transformer-spec';

export interface EvalMetrics {
  /** The step at which these were measured (they are refreshed every `evalEvery` steps). */
  step: number;
  /** Held-out sequences. */
  size: number;
  /** Cross-entropy on the held-out batch (scored positions only, no dropout). */
  loss: number;
  /** Fraction of scored positions predicted right. */
  tokenAccuracy: number;
  /** Fraction of sequences with every scored position right. */
  sequenceAccuracy: number;
}

export interface TransformerView {
  step: number;
  /** The last training batch's loss (as step() returned it), null before the first step. */
  batchLoss: number | null;
  /** The rate the next step will use, read back from the optimiser (warm-up applied). */
  learningRate: number;
  eval: EvalMetrics;
  vocab: TokenVocab;
  probe: {
    /** The probe input, T tokens. */
    tokens: Int32Array;
    /** The correct output per position; −1 where nothing is scored. */
    targets: Int32Array;
    /** arg-max of the model's output per position. */
    predicted: Int32Array;
    /** Output probabilities, [T · V_out] row-major (row t = position t). */
    probs: Float32Array;
  };
  /**
   * Attention weights on the probe: weights[l][j] is layer l, head j, a [T · T] row-major matrix
   * (row = query position, column = key position; each row sums to 1).
   */
  attention: { layers: number; heads: number; T: number; weights: Float32Array[][] };
  /** The Q/K/V step-through for hyper.traceLayer / traceHead / traceQuery (clamped). */
  qkv: QkvTrace;
  hyper: TransformerHyper;
}

/** Held-out batch on the device. */
export interface DeviceTokens {
  n: number;
  inputs: tf.Tensor2D;
  targets: tf.Tensor2D;
  weights: tf.Tensor2D;
}

export interface ViewInput {
  params: TransformerParams;
  /** Evaluate the held-out batch in this readback, or null to reuse the cached metrics. */
  evalSet: DeviceTokens | null;
  probe: Int32Array;
  selection: QkvSelection;
  lastLoss: tf.Scalar | null;
}

export interface ViewReadback {
  eval: Omit<EvalMetrics, 'step' | 'size'> | null;
  batchLoss: number | null;
  predicted: Int32Array;
  probs: Float32Array;
  attention: Float32Array[][];
  qkv: QkvTrace;
}

export async function readView(c: ViewInput): Promise<ViewReadback> {
  const { layers, heads } = c.params.config;
  const T = c.probe.length;
  let layout: Layout = new Map();
  const packed = tf.tidy(() => {
    const parts: [string, tf.Tensor][] = [];
    if (c.evalSet) {
      const { logits } = forward(c.params, c.evalSet.inputs);
      const acc = sequenceAccuracy(logits, c.evalSet.targets, c.evalSet.weights);
      parts.push(['evalLoss', maskedCrossEntropy(logits, c.evalSet.targets, c.evalSet.weights)]);
      parts.push(['evalToken', acc.token], ['evalSeq', acc.sequence]);
    }
    const r = forward(c.params, tf.tensor2d(c.probe, [1, T], 'int32'), { collectTrace: true });
    const trace = r.trace ?? [];
    parts.push(['predicted', tf.argMax(r.logits, -1)], ['probs', tf.softmax(r.logits)]);
    trace.forEach((l, i) => parts.push([`attn${i}`, l.weights]));
    parts.push(...qkvTensors(trace, c.selection));
    if (c.lastLoss) parts.push(['batchLoss', c.lastLoss]);
    const p = packTensors(parts);
    layout = p.layout;
    return p.packed;
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();

  const attention = Array.from({ length: layers }, (_, l) => {
    const all = unpack(data, layout, `attn${l}`) ?? new Float32Array(heads * T * T);
    return Array.from({ length: heads }, (_, j) => all.slice(j * T * T, (j + 1) * T * T));
  });
  return {
    eval: c.evalSet
      ? {
          loss: unpackScalar(data, layout, 'evalLoss') ?? NaN,
          tokenAccuracy: unpackScalar(data, layout, 'evalToken') ?? NaN,
          sequenceAccuracy: unpackScalar(data, layout, 'evalSeq') ?? NaN,
        }
      : null,
    batchLoss: unpackScalar(data, layout, 'batchLoss'),
    predicted: Int32Array.from(unpack(data, layout, 'predicted') ?? []),
    probs: unpack(data, layout, 'probs') ?? new Float32Array(0),
    attention,
    qkv: unpackQkv(data, layout, c.selection, T, c.params.dK),
  };
}
