/**
 * Many small tensors read back in one `await data()`: flatten and concatenate them on the device,
 * then slice the one Float32Array by name. One GPU sync per view instead of one per tensor.
 */
import * as tf from '@tensorflow/tfjs';

export type Layout = Map<string, { offset: number; size: number }>;

/** Concatenates the tensors (cast to float32, flattened) in order. Call inside tf.tidy. */
export function packTensors(parts: readonly (readonly [string, tf.Tensor])[]): { packed: tf.Tensor1D; layout: Layout } {
  const layout: Layout = new Map();
  let offset = 0;
  for (const [name, t] of parts) {
    if (layout.has(name)) throw new Error(`packTensors: duplicate name ${name}`);
    layout.set(name, { offset, size: t.size });
    offset += t.size;
  }
  const flat = parts.map(([, t]) => tf.cast(tf.reshape(t, [-1]), 'float32'));
  const packed = flat.length === 0 ? tf.zeros([0]) : tf.concat(flat);
  return { packed: packed as tf.Tensor1D, layout };
}

/** A copy of the part of `data` that held `name` (its own buffer, so it can be transferred alone), or null. */
export function unpack(data: Float32Array, layout: Layout, name: string): Float32Array | null {
  const slot = layout.get(name);
  return slot ? data.slice(slot.offset, slot.offset + slot.size) : null;
}

/** The first value of a packed scalar, or null. */
export function unpackScalar(data: Float32Array, layout: Layout, name: string): number | null {
  const v = unpack(data, layout, name);
  return v && v.length > 0 ? v[0]! : null;
}
