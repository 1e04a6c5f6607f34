/**
 * The RNN lesson's model: a stack of 1–2 recurrent cells (src/ml/rnn) and a dense readout head,
 * as tf.variables, plus the loss of each task. No DOM, no worker APIs.
 *
 * Readout and loss per task (ŷ = h_t W_y + b_y):
 * - series: ŷ_t predicts x_{t+1} at EVERY step; loss = MSE over all B·T predictions. Every step
 *   gives a training signal (T times more than only the last), and the probe shows the one-step
 *   prediction along the whole window.
 * - recall: logits from the LAST step only (the answer comes after the query marker); softmax
 *   cross-entropy, accuracy = arg-max equals the first symbol.
 * - chars: logits at every step for the next character; softmax cross-entropy averaged over B·T.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../datasets/rng';
import {
  disposeParams,
  initStackArrays,
  layerTensors,
  variablesFromArrays,
  type CellKind,
  type LayerParams,
  type RecurrentInit,
} from '../rnn/cell-params';
import { oneHotRows } from '../rnn/one-hot';
import type { WeightSnapshot } from './task';

export type RnnTaskName = 'series' | 'recall' | 'chars';

export interface RnnModel {
  layers: LayerParams[];
  /** Readout [H, O] and [O]. */
  headW: tf.Variable<tf.Rank.R2>;
  headB: tf.Variable<tf.Rank.R1>;
}

export interface ModelShape {
  cell: CellKind;
  inputSize: number;
  hidden: number;
  layers: number;
  outputSize: number;
  init?: RecurrentInit;
  memoryBias?: number;
}

/** Seeded model: cells as in cell-params.ts, head Glorot uniform with zero bias. */
export function createRnnModel(s: ModelShape, seed: number, prefix: string): RnnModel {
  const arrays = initStackArrays(s.cell, s.inputSize, s.hidden, s.layers, seed, { recurrent: s.init, memoryBias: s.memoryBias });
  const layers = arrays.map((a, l) => variablesFromArrays(a, `${prefix}_l${l}`));
  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  const limit = Math.sqrt(6 / (s.hidden + s.outputSize));
  const W = Float32Array.from({ length: s.hidden * s.outputSize }, () => limit * (2 * rng.next() - 1));
  const { headW, headB } = tf.tidy(() => ({
    headW: tf.variable(tf.tensor2d(W, [s.hidden, s.outputSize]), true, `${prefix}_headW`),
    headB: tf.variable(tf.zeros([s.outputSize]), true, `${prefix}_headB`) as tf.Variable<tf.Rank.R1>,
  }));
  return { layers, headW, headB };
}

/** Every tensor of the model with a stable name (snapshots, optimiser). */
export function namedWeights(m: RnnModel): [string, tf.Variable][] {
  const out: [string, tf.Variable][] = [];
  m.layers.forEach((p, l) => {
    for (const [name, t] of layerTensors(p)) out.push([`l${l}.${name}`, t as tf.Variable]);
  });
  out.push(['head.W', m.headW], ['head.b', m.headB]);
  return out;
}

export function disposeModel(m: RnnModel): void {
  disposeParams(m.layers);
  tf.dispose([m.headW, m.headB]);
}

export async function exportModel(m: RnnModel): Promise<WeightSnapshot> {
  const named = namedWeights(m);
  const values = await Promise.all(named.map(([, v]) => v.data()));
  const out: WeightSnapshot = {};
  named.forEach(([name, v], i) => (out[name] = { shape: [...v.shape], values: Float32Array.from(values[i]!) }));
  return out;
}

export function importModel(m: RnnModel, s: WeightSnapshot): void {
  tf.tidy(() => {
    for (const [name, v] of namedWeights(m)) {
      const w = s[name];
      if (!w) continue;
      if (w.shape.join() !== v.shape.join()) throw new RangeError(`${name}: shape ${w.shape} ≠ ${v.shape}`);
      v.assign(tf.tensor(w.values, v.shape));
    }
  });
}

/** ŷ or logits for a batch of last-layer states: [N, H] → [N, O]. */
export function head(m: RnnModel, h: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(h, m.headW), m.headB);
}

/** The head over every step: outputs h_t [B, H] (t = 0 … T−1) → [B·T, O], row b·T + t. */
export function headAll(m: RnnModel, outputs: readonly tf.Tensor2D[]): tf.Tensor2D {
  const [B, H] = outputs[0]!.shape;
  return head(m, tf.reshape(tf.stack([...outputs], 1), [B * outputs.length, H]) as tf.Tensor2D);
}

/** Targets of a batch on the device: values [B·T] (series), class ids [B] (recall) or [B·T] (chars). */
export type Targets = { kind: 'values'; values: tf.Tensor1D } | { kind: 'classes'; ids: tf.Tensor1D; depth: number };

export interface LossOut {
  loss: tf.Scalar;
  /** Fraction correct (classification), else null. */
  accuracy: tf.Scalar | null;
  /** What the page draws: ŷ [B·T] (series), probabilities [B, K] or [B·T, V]. */
  readout: () => tf.Tensor;
}

/** The task's loss on the last layer's outputs (see the file comment for which steps are read). */
export function taskLoss(task: RnnTaskName, m: RnnModel, outputs: readonly tf.Tensor2D[], y: Targets): LossOut {
  if (y.kind === 'values') {
    const pred = tf.reshape(headAll(m, outputs), [-1]);
    return { loss: tf.losses.meanSquaredError(y.values, pred) as tf.Scalar, accuracy: null, readout: () => pred };
  }
  const logits = task === 'recall' ? head(m, outputs[outputs.length - 1]!) : headAll(m, outputs);
  const loss = tf.losses.softmaxCrossEntropy(oneHotRows(y.ids, y.depth), logits) as tf.Scalar;
  const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), y.ids), 'float32')) as tf.Scalar;
  return { loss, accuracy, readout: () => tf.softmax(logits) };
}
