import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMnistPack } from '../../datasets/mnist';
import { createRng } from '../../datasets/rng';
import { MnistTask } from '../tasks/mnist-classifier';
import type { MnistModelSpec } from './architecture';
import { installFastCpuKernels } from './cpu-kernels';
import { MnistModel } from './model';
import { installWasmCnnKernels } from './wasm-kernels';

// The wasm binaries in Node: the package's own dist/ folder, read from disk.
const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
const pack = parseMnistPack(new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'public', 'data', 'mnist-10k.bin'))));

beforeAll(async () => {
  setWasmPaths(`${wasmDir}/`);
  installWasmCnnKernels();
  installWasmCnnKernels(); // idempotent
  installFastCpuKernels();
  expect(await tf.setBackend('wasm')).toBe(true);
  await tf.setBackend('cpu');
});
afterAll(() => tf.setBackend('cpu'));

type Backend = 'cpu' | 'wasm';

/** Run f on a backend and read its results back as plain arrays (tensors created inside f stay on that backend). */
async function on(backend: Backend, f: () => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const out = tf.tidy(f);
  const list = Array.isArray(out) ? out : [out];
  const values = await Promise.all(list.map(async (t) => Float32Array.from(await t.data())));
  tf.dispose(list);
  return values;
}

function data(shape: number[], seed: number, ties = false): tf.Tensor {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  // Some exact zeros (like ReLU outputs and MNIST backgrounds), and repeated values for ties.
  const v = Float32Array.from({ length: n }, () => (ties ? rng.int(3) : rng.next() < 0.3 ? 0 : rng.normal()));
  return tf.tensor(v, shape);
}

/**
 * float32 sums of up to a few thousand products in another order: |w − c| ≤ 1e-4·(1 + |c|).
 * (Observed differences are ~1e-6; a wrong index or a missing term is off by O(1).)
 */
function expectClose(wasm: Float32Array[], cpu: Float32Array[], tol = 1e-4): void {
  expect(wasm.length).toBe(cpu.length);
  cpu.forEach((c, k) => {
    const w = wasm[k]!;
    expect(w.length).toBe(c.length);
    let worst = 0;
    for (let i = 0; i < c.length; i++) worst = Math.max(worst, Math.abs(w[i]! - c[i]!) / (1 + Math.abs(c[i]!)));
    expect(worst, `tensor ${k}`).toBeLessThanOrEqual(tol);
  });
}

const convCases: { name: string; x: number[]; k: number; cout: number; stride: number; pad: 'same' | 'valid'; tol?: number }[] = [
  { name: 'seed conv1: 28×28×1 → 32, 3×3 valid', x: [3, 28, 28, 1], k: 3, cout: 32, stride: 1, pad: 'valid' as const },
  { name: 'same, stride 2, 3 channels in', x: [2, 9, 8, 3], k: 3, cout: 4, stride: 2, pad: 'same' as const },
  { name: '5×5 same, 2 → 3 channels', x: [2, 7, 7, 2], k: 5, cout: 3, stride: 1, pad: 'same' as const },
  { name: 'valid, stride 2, odd size', x: [2, 9, 7, 2], k: 3, cout: 2, stride: 2, pad: 'valid' as const },
  { name: 'second block: 14×14×16 → 32, 3×3 same', x: [4, 14, 14, 16], k: 3, cout: 32, stride: 1, pad: 'same' as const },
  // im2col would be 400 × 12,544 = 5.0M floats, over the 4M-float block limit: two blocks of rows.
  // Sums of 12,544 float32 products (|terms| sum to ~5,000 against results of ~50): 5e-4.
  { name: 'large: 16 × 28×28×16 → 2, 5×5 same (im2col in blocks)', x: [16, 28, 28, 16], k: 5, cout: 2, stride: 1, pad: 'same' as const, tol: 5e-4 },
];

describe('wasm Conv2DBackpropFilter', () => {
  it('is registered for wasm only once, and wasm now has every kernel the CNN step uses', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')?.backendName).toBe('wasm');
    for (const name of ['BatchMatMul', 'MaxPoolGrad', 'Conv2DBackpropFilter']) {
      expect(tf.getKernelsForBackend('wasm').filter((k) => k.kernelName === name)).toHaveLength(1);
    }
  });

  for (const [i, c] of convCases.entries()) {
    it(`equals the cpu backend's filter gradient: ${c.name}`, async () => {
      const grad = () => {
        const x = data(c.x, i) as tf.Tensor4D;
        const w = data([c.k, c.k, c.x[3]!, c.cout], 100 + i) as tf.Tensor4D;
        const dy = data(tf.conv2d(x, w, c.stride, c.pad).shape, 200 + i);
        return tf.grad((kernel) => tf.sum(tf.mul(tf.conv2d(x, kernel as tf.Tensor4D, c.stride, c.pad), dy)))(w);
      };
      const [w, cpu] = [await on('wasm', grad), await on('cpu', grad)];
      expect(cpu[0]!.some((v) => v !== 0)).toBe(true);
      expectClose(w, cpu, c.tol);
    });
  }
});

describe('wasm MaxPoolGrad and transposed BatchMatMul', () => {
  const pools = [
    { name: '2×2/2 valid, odd size', x: [2, 7, 9, 3], size: 2, stride: 2, pad: 'valid' as const },
    { name: '3×3/2 same (overlapping)', x: [2, 8, 7, 2], size: 3, stride: 2, pad: 'same' as const },
    { name: '2×2/1 valid with ties', x: [1, 5, 5, 2], size: 2, stride: 1, pad: 'valid' as const, ties: true },
  ];
  for (const [i, p] of pools.entries()) {
    it(`max-pool input gradient equals the cpu backend's: ${p.name}`, async () => {
      const grad = () => {
        const x = data(p.x, 300 + i, p.ties) as tf.Tensor4D;
        const dy = data(tf.maxPool(x, p.size, p.stride, p.pad).shape, 400 + i);
        return tf.grad((input) => tf.sum(tf.mul(tf.maxPool(input as tf.Tensor4D, p.size, p.stride, p.pad), dy)))(x);
      };
      // Ties go to the same (first) maximum, so the results are equal, not just close.
      expect(await on('wasm', grad)).toEqual(await on('cpu', grad));
    });
  }

  it('gives the cpu backend’s products for every transpose, rank 3 included, and leaves batched products alone', async () => {
    const products = () => {
      const out: tf.Tensor[] = [];
      // Shapes of a dense layer's backward pass (dy·Wᵀ with a wide W, aᵀ·dy) and their mirror images.
      for (const [m, k, n] of [
        [6, 40, 300],
        [300, 40, 6],
        [5, 7, 3],
      ] as const) {
        const a = data([m, k], m + k) as tf.Tensor2D;
        const b = data([k, n], k + n) as tf.Tensor2D;
        out.push(tf.matMul(a, b));
        out.push(tf.matMul(a, tf.transpose(b), false, true));
        out.push(tf.matMul(tf.transpose(a), b, true, false));
        out.push(tf.matMul(tf.transpose(a), tf.transpose(b), true, true));
      }
      const a3 = data([1, 4, 9], 7) as tf.Tensor3D;
      const b3 = data([1, 5, 9], 8) as tf.Tensor3D;
      out.push(tf.matMul(a3, b3, false, true));
      const batchedA = data([3, 4, 9], 9) as tf.Tensor3D;
      const batchedB = data([3, 4, 5], 10) as tf.Tensor3D;
      out.push(tf.matMul(batchedA, batchedB, true, false));
      return out;
    };
    const w = await on('wasm', products);
    const cpu = await on('cpu', products);
    expectClose(w, cpu);
    // Shapes too (rank 3 stays rank 3).
    await tf.setBackend('wasm');
    const shape = tf.tidy(() => tf.matMul(tf.ones([1, 4, 9]), tf.ones([1, 5, 9]), false, true).shape);
    expect(shape).toEqual([1, 4, 5]);
  });
});

/** Loss and gradients of one training step of `model` on a fixed batch, on one backend. */
async function stepGradients(backend: Backend, spec: MnistModelSpec): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const model = new MnistModel(spec, 7);
  const images = Float32Array.from(pack.pixels.subarray(0, 16 * 784), (p) => p / 255);
  const labels = Int32Array.from(pack.labels.subarray(0, 16));
  const dropout = createRng(3);
  const out = tf.tidy(() => {
    const x = tf.tensor4d(images, [16, 28, 28, 1]);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
    const { value, grads } = tf.variableGrads(
      () =>
        tf.losses.softmaxCrossEntropy(y, model.forward(x, { training: true, nextSeed: () => dropout.int(0x7fffffff) })) as tf.Scalar,
      model.trainable,
    );
    return [value, ...model.trainable.map((v) => grads[v.name]!)];
  });
  const values = await Promise.all(out.map(async (t) => Float32Array.from(await t.data())));
  tf.dispose(out);
  model.dispose();
  return values;
}

describe('a CNN training step on wasm', () => {
  const models: [string, MnistModelSpec][] = [
    ['seed CNN', { kind: 'seed-cnn' }],
    // Two blocks (conv on 16 channels, Conv2DBackpropInput), 5×5 'same', average pooling, dropout.
    ['custom CNN: 2 blocks, 5×5 same, avg pool, dropout 0.3', { kind: 'custom-cnn', blocks: 2, filters: [8, 16], kernel: 5, pooling: 'avg', dropout: 0.3 }],
    ['custom CNN: 3 blocks, 3×3 valid, max pool', { kind: 'custom-cnn', blocks: 3, filters: 8, kernel: 3, pooling: 'max', dropout: 0, padding: 'valid' }],
    // Batch norm (tf ops, autodiff): per-channel moments over batch × height × width, both pools.
    ['custom CNN with batch norm: 2 blocks, 3×3 same, max pool', { kind: 'custom-cnn', blocks: 2, filters: [8, 16], kernel: 3, pooling: 'max', dropout: 0, batchNorm: true }],
    ['custom CNN with batch norm: 1 block, 5×5 valid, avg pool, dropout 0.3', { kind: 'custom-cnn', blocks: 1, filters: 6, kernel: 5, pooling: 'avg', dropout: 0.3, padding: 'valid', batchNorm: true }],
  ];
  for (const [name, spec] of models) {
    it(`has the cpu backend's loss and gradients (|Δ| ≤ 1e-4·(1 + |g|)): ${name}`, async () => {
      const w = await stepGradients('wasm', spec);
      const cpu = await stepGradients('cpu', spec);
      expect(Number.isFinite(cpu[0]![0]!)).toBe(true);
      expectClose(w, cpu);
    });
  }

  it('trains the seed CNN as on cpu, without leaking tensors', async () => {
    const losses: Record<Backend, number[]> = { cpu: [], wasm: [] };
    for (const backend of ['wasm', 'cpu'] as const) {
      await tf.setBackend(backend);
      const task = new MnistTask(
        { kind: 'mnist', model: { kind: 'seed-cnn' }, trainCount: 400, testCount: 100, seed: 5, dataUrl: 'unused-in-tests' },
        { learningRate: 1e-3, batchSize: 20, optimizer: 'adam' },
        pack,
      );
      let count = 0;
      for (let i = 0; i < 6; i++) {
        const l = task.step();
        losses[backend].push((await l.data())[0]!);
        l.dispose();
        // Adam makes its slot variables on the first step; flat from then on.
        if (i === 1) count = tf.memory().numTensors;
      }
      expect(tf.memory().numTensors).toBe(count);
      task.dispose();
    }
    // Adam divides by √v̂ + ε, which amplifies rounding on the first steps: compare the losses to 1e-3.
    losses.wasm.forEach((l, i) => expect(Math.abs(l - losses.cpu[i]!)).toBeLessThan(1e-3 * (1 + losses.cpu[i]!)));
    expect(losses.wasm[5]!).toBeLessThan(losses.wasm[0]!);
  });
});
