/**
 * Faster CPU-backend kernels for the two gradients that make CNN training on tfjs's
 * plain-JS CPU backend crawl. tfjs 4.22's cpu Conv2DBackpropFilter and MaxPoolGrad read
 * every element through `TensorBuffer.get(b, r, c, d)`. Measured in Node on a (loaded) 2-vCPU box:
 *
 *   tf.grad of … (batch 32)                          stock 4.22     with these
 *   seed CNN conv1 w.r.t. its 3×3×1×32 kernel          ~1.3 s         ~0.15 s
 *   a 14×14×32 → 64 3×3 conv w.r.t. its kernel         ~34 s          ~0.8 s
 *   max-pool 2×2 of 26×26×32 w.r.t. its input          ~0.4 s         ~0.04 s
 *
 * A whole seed-CNN Adam step (batch 32) goes from ~1.6 s to ~0.4 s of CPU time, and a
 * second conv layer no longer costs half a minute: the CPU fallback (and the unit tests)
 * can train a CNN at all. Same results as the stock kernels (checked in
 * cpu-kernels.test.ts): sums accumulate in float64 like theirs; max-pool ties go to the
 * first maximum in row-major window order like theirs.
 *
 * installFastCpuKernels() swaps them into tfjs's kernel registry for the 'cpu' backend
 * only (other backends are untouched), once per JS realm; cases they do not cover
 * (NCHW, non-float32) go to the stock kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { filterGradInfo, maxPoolGradInto } from './kernel-math';

/** The part of tfjs's MathBackendCPU a kernel uses (the class is not exported by @tensorflow/tfjs). */
interface CpuBackendLike {
  data: { get(id: tf.DataId): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}

type KernelArgs = Parameters<tf.KernelFunc>[0];
/** Returns null to hand the call to the stock kernel. */
type FastKernel = (args: KernelArgs, backend: CpuBackendLike) => tf.TensorInfo | null;

let installed = false;

/** Idempotent. Call before training on the 'cpu' backend (harmless otherwise). */
export function installFastCpuKernels(): void {
  if (installed) return;
  installed = true;
  replace('Conv2DBackpropFilter', conv2dBackpropFilter);
  replace('MaxPoolGrad', maxPoolGrad);
}

function replace(kernelName: string, fast: FastKernel): void {
  const stock = tf.getKernel(kernelName, 'cpu');
  if (!stock) return;
  tf.unregisterKernel(kernelName, 'cpu');
  tf.registerKernel({
    ...stock,
    kernelFunc: (args) => fast(args, args.backend as unknown as CpuBackendLike) ?? stock.kernelFunc(args),
  });
}

function floats(b: CpuBackendLike, t: tf.TensorInfo): Float32Array | null {
  const v = b.data.get(t.dataId).values;
  return t.dtype === 'float32' && v instanceof Float32Array ? v : null;
}


/** dW[m, n, c, f] = Σ_b Σ_i Σ_j x[b, i·s + m − top, j·s + n − left, c] · dy[b, i, j, f] */
const conv2dBackpropFilter: FastKernel = ({ inputs, attrs }, backend) => {
  const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const x = inputs.x;
  const dy = inputs.dy;
  if (!x || !dy || a.dataFormat === 'NCHW') return null;
  const xv = floats(backend, x);
  const dyv = floats(backend, dy);
  if (!xv || !dyv) return null;
  const info = filterGradInfo(x.shape, a);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const acc = new Float64Array(fh * fw * inChannels * outChannels);
  for (let b = 0; b < batchSize; b++) {
    for (let i = 0; i < outHeight; i++) {
      for (let j = 0; j < outWidth; j++) {
        const dyOff = ((b * outHeight + i) * outWidth + j) * outChannels;
        for (let m = 0; m < fh; m++) {
          const r = i * sh + m - top;
          if (r < 0 || r >= inHeight) continue;
          for (let n = 0; n < fw; n++) {
            const c0 = j * sw + n - left;
            if (c0 < 0 || c0 >= inWidth) continue;
            const xOff = ((b * inHeight + r) * inWidth + c0) * inChannels;
            const wOff = (m * fw + n) * inChannels * outChannels;
            for (let c = 0; c < inChannels; c++) {
              const xval = xv[xOff + c]!;
              // Zeros (most MNIST pixels, every ReLU'd-off unit) add nothing. Only differs from the
              // stock kernel when dy holds Inf/NaN, i.e. when the step has diverged anyway.
              if (xval === 0) continue;
              const o = wOff + c * outChannels;
              for (let f = 0; f < outChannels; f++) acc[o + f]! += xval * dyv[dyOff + f]!;
            }
          }
        }
      }
    }
  }
  return backend.makeTensorInfo(a.filterShape.slice(), 'float32', Float32Array.from(acc));
};

/** dx gets dy of every window at the window's first maximum (row-major), like tfjs's cpu kernel. */
const maxPoolGrad: FastKernel = ({ inputs, attrs }, backend) => {
  const dy = inputs.dy;
  const x = inputs.input;
  if (!dy || !x) return null;
  const xv = floats(backend, x);
  const dyv = floats(backend, dy);
  if (!xv || !dyv) return null;
  const dx = new Float32Array(xv.length);
  maxPoolGradInto(dx, xv, dyv, x.shape, attrs as unknown as tf.MaxPoolGradAttrs);
  return backend.makeTensorInfo(x.shape.slice(), 'float32', dx);
};
