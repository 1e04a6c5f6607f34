/** Batches of the RNN lesson on the device: token ids become one-hot rows there (no big uploads). */
import * as tf from '@tensorflow/tfjs';
import { oneHotRows } from '../rnn/one-hot';
import type { BatchArrays } from './rnn-data';
import type { Targets } from './rnn-model';

export interface DeviceBatch {
  /** Inputs [B, T, I] (float32). */
  x: tf.Tensor3D;
  y: Targets;
}

/** Uploads a batch. Call inside tf.tidy, or keep the result and free it with disposeBatch. */
export function toDevice(b: BatchArrays, inputSize: number, outputSize: number): DeviceBatch {
  const x =
    b.x.kind === 'dense'
      ? tf.tensor3d(b.x.values, [b.B, b.T, inputSize])
      : (oneHotRows(tf.tensor2d(b.x.ids, [b.B, b.T], 'int32'), inputSize) as tf.Tensor3D);
  const y: Targets =
    b.y.kind === 'values'
      ? { kind: 'values', values: tf.tensor1d(b.y.values) }
      : { kind: 'classes', ids: tf.tensor1d(b.y.ids, 'int32'), depth: outputSize };
  return { x, y };
}

/** A batch kept on the device for the task's lifetime (probe, evaluation set). */
export function keepBatch(b: BatchArrays, inputSize: number, outputSize: number): DeviceBatch {
  // Inside tidy: the int32 upload and the identity matrix made on the way are freed.
  const [x, y] = tf.tidy(() => {
    const d = toDevice(b, inputSize, outputSize);
    return [d.x, d.y.kind === 'values' ? d.y.values : d.y.ids] as [tf.Tensor3D, tf.Tensor1D];
  });
  return { x, y: b.y.kind === 'values' ? { kind: 'values', values: y } : { kind: 'classes', ids: y, depth: outputSize } };
}

export function disposeBatch(d: DeviceBatch): void {
  tf.dispose([d.x, d.y.kind === 'values' ? d.y.values : d.y.ids]);
}
