import * as tf from '@tensorflow/tfjs';

/**
 * One-hot rows, float32 on every backend: ids [...] (int32) → [..., depth], a gather from the
 * identity matrix. Call inside tf.tidy.
 *
 * Not `tf.cast(tf.oneHot(ids, depth), 'float32')`: on WebGPU (tfjs 4.22) a cast from int32 to float32
 * only relabels the tensor and keeps its i32 buffer, and kernels that index the buffer directly
 * (Transpose, as unroll() does first) then fail to compile ("expected 'f32', got 'i32'"). The failed
 * dispatch takes the whole batch of queued kernels with it, so states, gates and gradients read back
 * stale buffers (issue 17). Nor `tf.oneHot(ids, depth, 1, 0, 'float32')`: the WASM kernel writes int32
 * bits into the float32 output (1 reads as 1.4e−45). Ids must lie in [0, depth).
 */
export function oneHotRows(ids: tf.Tensor, depth: number): tf.Tensor {
  return tf.gather(tf.eye(depth), ids);
}
