/**
 * Maths the project's CPU and WASM gradient kernels share (cpu-kernels.ts, wasm-kernels.ts):
 * the convolution geometry of a filter gradient, and max-pooling's gradient on plain arrays.
 */
import * as tf from '@tensorflow/tfjs';

type Shape4 = [number, number, number, number];

/** tfjs's conv geometry (NHWC) for dW of a conv with these attributes over an input of this shape. */
export function filterGradInfo(xShape: readonly number[], a: tf.Conv2DBackpropFilterAttrs): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(xShape as Shape4, a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
}

/**
 * dx += dy of every max-pool window at the window's first maximum in row-major order (ties as
 * tfjs's cpu kernel breaks them), per channel. Channels are the inner loop, so reads are
 * contiguous. dx must be zeroed by the caller.
 */
export function maxPoolGradInto(
  dx: Float32Array,
  xv: Float32Array,
  dyv: Float32Array,
  xShape: readonly number[],
  a: tf.MaxPoolGradAttrs,
): void {
  const info = tf.backend_util.computePool2DInfo(xShape as Shape4, a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
  const { batchSize, inHeight, inWidth, inChannels: C, outHeight, outWidth, filterHeight: fh, filterWidth: fw } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const best = new Float32Array(C);
  const at = new Int32Array(C);
  for (let b = 0; b < batchSize; b++) {
    for (let i = 0; i < outHeight; i++) {
      const r0 = Math.max(0, i * sh - top);
      const r1 = Math.min(inHeight, i * sh - top + fh);
      for (let j = 0; j < outWidth; j++) {
        const c0 = Math.max(0, j * sw - left);
        const c1 = Math.min(inWidth, j * sw - left + fw);
        best.fill(Number.NEGATIVE_INFINITY);
        at.fill(-1);
        for (let r = r0; r < r1; r++) {
          for (let c = c0; c < c1; c++) {
            const k = ((b * inHeight + r) * inWidth + c) * C;
            for (let d = 0; d < C; d++) {
              const v = xv[k + d]!;
              if (v > best[d]!) {
                best[d] = v;
                at[d] = k + d;
              }
            }
          }
        }
        const dyOff = ((b * outHeight + i) * outWidth + j) * C;
        for (let d = 0; d < C; d++) if (at[d]! >= 0) dx[at[d]!]! += dyv[dyOff + d]!;
      }
    }
  }
}
