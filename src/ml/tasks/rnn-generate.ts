/**
 * Free-running generation for the view, built as one device graph each (one readback, packed with
 * the rest of the view):
 * - series: teacher-forced over the probe window, then each prediction is fed back as the next
 *   input for N − 1 more steps (errors compound: the forecast drifts where the model is unsure).
 * - chars: primed with the probe text, then N characters drawn by the Gumbel-max trick with noise
 *   from the task's seeded Rng (rnn/sampling.ts): the whole loop stays on the device.
 * Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { stepStack, unroll, type CellState } from '../rnn/cells';
import { oneHotRows } from '../rnn/one-hot';
import { clampTemperature } from '../rnn/sampling';
import { head, type RnnModel } from './rnn-model';

/** ŷ for t = T … T + n − 1 after reading the window xs [1, T, 1]: [n]. */
export function forecast(m: RnnModel, xs: tf.Tensor3D, n: number): tf.Tensor1D {
  const r = unroll(m.layers, xs);
  let states: CellState[] = r.finals;
  let y = head(m, r.outputs[r.outputs.length - 1]!); // [1, 1]
  const out = [y];
  for (let k = 1; k < n; k++) {
    const s = stepStack(m.layers, y, states);
    states = s.states;
    y = head(m, s.h);
    out.push(y);
  }
  return tf.reshape(tf.concat(out, 0), [n]) as tf.Tensor1D;
}

/**
 * n character ids sampled after the prime (ids [1, T]) at temperature τ, with `noise` [n, V] of
 * Gumbel draws: id_k = arg max(logits_k / τ + noise_k). Returns int32 [n].
 */
export function sampleChars(
  m: RnnModel,
  prime: tf.Tensor2D,
  vocabSize: number,
  noise: tf.Tensor2D,
  temperature: number,
): tf.Tensor1D {
  const r = unroll(m.layers, oneHotRows(prime, vocabSize) as tf.Tensor3D);
  let states: CellState[] = r.finals;
  let logits = head(m, r.outputs[r.outputs.length - 1]!);
  const rows = tf.unstack(noise) as tf.Tensor1D[];
  const invT = 1 / clampTemperature(temperature);
  const ids: tf.Tensor1D[] = [];
  rows.forEach((g, k) => {
    const id = tf.argMax(tf.add(tf.mul(logits, invT), g), 1) as tf.Tensor1D; // [1]
    ids.push(id);
    if (k === rows.length - 1) return;
    const s = stepStack(m.layers, oneHotRows(id, vocabSize) as tf.Tensor2D, states);
    states = s.states;
    logits = head(m, s.h);
  });
  return tf.concat(ids) as tf.Tensor1D;
}
