/**
 * Kernels that let tfjs's WASM backend train a CNN, and train it fast.
 *
 * tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter (tfjs#8474), so the conv layers' weight
 * gradient threw "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'". Three
 * registry entries for backendName 'wasm' fix that and the two stock kernels that made a
 * seed-CNN step slow (profiled in Node, batch 20, Adam; see src/ml/cnn/bench/):
 *
 *  - Conv2DBackpropFilter (new): im2col, then one matrix product on XNNPACK.
 *      dW[m, n, c, f] = Σ_{b,i,j} x[b, i·s + m − top, j·s + n − left, c] · dy[b, i, j, f]
 *                     = (colsᵀ · dy)[(m, n, c), f], cols[(b, i, j), (m, n, c)] = that x (0 off the image).
 *    colsᵀ is written straight into the wasm heap in the layout the product reads.
 *  - BatchMatMul (wrapped): the stock kernel sends XNNPACK only products without transposes;
 *    with transposeA/transposeB (every dense layer's backward pass: dy·Wᵀ and aᵀ·dy) it used a
 *    naive triple loop, ~60 % of the step. The wrapper transposes the operand with the wasm
 *    Transpose kernel and runs the plain product, which goes to XNNPACK. Only for single
 *    (non-batched) products; batched ones keep the stock path.
 *  - MaxPoolGrad (replaced): the stock kernel loops per output element over the whole window
 *    with scattered reads; this one walks channels innermost. Ties go to the first maximum in
 *    row-major window order, as on the cpu backend.
 *
 * Same maths as the stock/cpu kernels: float32 products summed in float32 (XNNPACK's order,
 * so results match the cpu backend to float rounding, checked in wasm-kernels.test.ts).
 *
 * installWasmCnnKernels() only edits tfjs's kernel registry (fine before the wasm backend
 * initialises, no effect on other backends), once per JS realm.
 */
import * as tf from '@tensorflow/tfjs';
import { filterGradInfo, maxPoolGradInto } from './kernel-math';
// Imported for its side effect too: it registers the wasm backend's stock kernels, which
// installWasmCnnKernels wraps, before this module's body runs (the worker imports it anyway).
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-wasm';

type KernelArgs = Parameters<tf.KernelFunc>[0];

/** Largest im2col block, in floats (16 MB). */
const COLS_LIMIT = 1 << 22;

let installed = false;

/** Idempotent. Call before training a CNN on the 'wasm' backend (harmless otherwise). */
export function installWasmCnnKernels(): void {
  if (installed) return;
  installed = true;
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  // The wasm backend registers its kernels when its module is imported; without it there is nothing to train on.
  if (!matMul || !transpose) return;
  const stockMatMul = matMul.kernelFunc;
  const transposeFn = transpose.kernelFunc;
  const plainMatMul = (b: BackendWasm, a: tf.TensorInfo, bb: tf.TensorInfo): tf.TensorInfo =>
    stockMatMul({ inputs: { a, b: bb }, backend: b, attrs: { transposeA: false, transposeB: false } }) as tf.TensorInfo;

  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({
    ...matMul,
    kernelFunc: (args) => batchMatMul(args, stockMatMul, transposeFn),
  });
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: (args) => conv2dBackpropFilter(args, plainMatMul),
    });
  }
  if (tf.getKernel('MaxPoolGrad', 'wasm')) tf.unregisterKernel('MaxPoolGrad', 'wasm');
  tf.registerKernel({ kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: maxPoolGrad });
}

function wasmOf(args: KernelArgs): BackendWasm {
  return args.backend as BackendWasm;
}

function floatView(b: BackendWasm, t: tf.TensorInfo): Float32Array {
  return b.typedArrayFromHeap(t) as Float32Array;
}

function requireFloat(kernel: string, ...ts: tf.TensorInfo[]): void {
  for (const t of ts) if (t.dtype !== 'float32') throw new Error(`${kernel} on wasm needs float32 tensors, got ${t.dtype}`);
}

/** Same tensor data seen with another shape (no copy; the wasm kernels take shapes from the TensorInfo). */
function withShape(t: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: t.dataId, shape, dtype: t.dtype };
}

/**
 * op(A)·op(B) for single (non-batched) float32 products, as plain products (XNNPACK) plus
 * transposes, choosing the form that moves the fewest numbers (A is M×K, B is K×N after op):
 *   A·Bᵀ: transpose B (K·N)                 or  (B·Aᵀ)ᵀ: transpose A and the result (M·K + M·N)
 *   Aᵀ·B: transpose A (M·K)                 or  (Bᵀ·A)ᵀ: transpose B and the result (K·N + M·N)
 *   Aᵀ·Bᵀ = (B·A)ᵀ: transpose the result (M·N)
 * A dense layer's backward pass has dy·Wᵀ with a small dy and a large W: (W·dyᵀ)ᵀ never moves W.
 */
function batchMatMul(args: KernelArgs, stock: tf.KernelFunc, transposeFn: tf.KernelFunc): tf.TensorInfo {
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
  const single = (t: tf.TensorInfo) => t.shape.slice(0, -2).every((d) => d === 1);
  if ((!transposeA && !transposeB) || !single(a) || !single(b) || a.dtype !== 'float32' || b.dtype !== 'float32') {
    return stock(args) as tf.TensorInfo;
  }
  const backend = wasmOf(args);
  const a2 = withShape(a, a.shape.slice(-2));
  const b2 = withShape(b, b.shape.slice(-2));
  const temps: tf.TensorInfo[] = [];
  const flip = (t: tf.TensorInfo): tf.TensorInfo => {
    const r = transposeFn({ inputs: { x: t }, backend, attrs: { perm: [1, 0] } }) as tf.TensorInfo;
    temps.push(r);
    return r;
  };
  const product = (x: tf.TensorInfo, y: tf.TensorInfo): tf.TensorInfo => {
    const r = stock({ inputs: { a: x, b: y }, backend, attrs: { transposeA: false, transposeB: false } }) as tf.TensorInfo;
    temps.push(r);
    return r;
  };
  const [M, K] = transposeA ? [a2.shape[1]!, a2.shape[0]!] : [a2.shape[0]!, a2.shape[1]!];
  const N = transposeB ? b2.shape[0]! : b2.shape[1]!;
  let out: tf.TensorInfo;
  if (transposeA && transposeB) {
    out = flip(product(b2, a2));
  } else if (transposeB) {
    out = K * N <= M * K + M * N ? product(a2, flip(b2)) : flip(product(b2, flip(a2)));
  } else {
    out = M * K <= K * N + M * N ? product(flip(a2), b2) : flip(product(flip(b2), a2));
  }
  for (const t of temps) if (t !== out) backend.disposeData(t.dataId);
  // The stock kernel's output shape for rank > 2 inputs: the broadcast outer dims (all 1) + [rows, cols].
  const rank = Math.max(a.shape.length, b.shape.length);
  return withShape(out, [...Array<number>(rank - 2).fill(1), M, N]);
}

function conv2dBackpropFilter(
  args: KernelArgs,
  plainMatMul: (b: BackendWasm, a: tf.TensorInfo, bb: tf.TensorInfo) => tf.TensorInfo,
): tf.TensorInfo {
  const backend = wasmOf(args);
  const a = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  requireFloat('Conv2DBackpropFilter', x, dy);
  if (a.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter on wasm supports NHWC only');
  const info = filterGradInfo(x.shape, a);
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, outChannels: F } = info;
  const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const K = KH * KW * C;
  const N = B * OH * OW;
  // colsT[(m, n, c), (b, i, j)], row-major [K, N], in blocks of rows that keep it ≤ COLS_LIMIT floats
  // (a wide layer at batch 512 would need hundreds of MB at once). Each block's product gives those
  // rows of dW; dy is the same operand every time, so XNNPACK packs it once.
  const rowsPerBlock = Math.max(1, Math.min(K, Math.floor(COLS_LIMIT / N)));
  const dy2 = withShape(dy, [N, F]);
  const dw = rowsPerBlock === K ? null : backend.makeOutput(a.filterShape.slice(), 'float32');
  for (let k0 = 0; k0 < K; k0 += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, K - k0);
    const block = backend.makeOutput([rows, N], 'float32');
    // Views after every allocation: growing the wasm memory detaches older ones.
    const cols = floatView(backend, block);
    const xv = floatView(backend, x);
    for (let k = k0; k < k0 + rows; k++) {
      const c = k % C;
      const n = Math.floor(k / C) % KW;
      const m = Math.floor(k / (C * KW));
      let o = (k - k0) * N;
      for (let b = 0; b < B; b++) {
        for (let i = 0; i < OH; i++) {
          const r = i * sh + m - top;
          if (r < 0 || r >= H) {
            cols.fill(0, o, o + OW);
            o += OW;
            continue;
          }
          const rowBase = (b * H + r) * W;
          for (let j = 0; j < OW; j++) {
            const col = j * sw + n - left;
            cols[o++] = col >= 0 && col < W ? xv[(rowBase + col) * C + c]! : 0;
          }
        }
      }
    }
    const part = plainMatMul(backend, block, dy2);
    backend.disposeData(block.dataId);
    if (!dw) return withShape(part, a.filterShape.slice());
    floatView(backend, dw).set(floatView(backend, part), k0 * F);
    backend.disposeData(part.dataId);
  }
  return dw!;
}

/** dx gets dy of every window at the window's first maximum (row-major), like tfjs's cpu kernel. */
function maxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const backend = wasmOf(args);
  const { dy, input: x } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  requireFloat('MaxPoolGrad', dy, x);
  const out = backend.makeOutput(x.shape.slice(), 'float32');
  const dx = floatView(backend, out);
  dx.fill(0);
  maxPoolGradInto(dx, floatView(backend, x), floatView(backend, dy), x.shape, args.attrs as unknown as tf.MaxPoolGradAttrs);
  return out;
}
