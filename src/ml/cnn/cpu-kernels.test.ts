import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { useCpuBackend } from '../test-utils';
import { installFastCpuKernels } from './cpu-kernels';

beforeAll(useCpuBackend);

type Case = { name: string; x: number[]; k: number; cout: number; stride: number; pad: 'valid' | 'same' };
const cases: Case[] = [
  { name: 'seed conv1', x: [3, 28, 28, 1], k: 3, cout: 8, stride: 1, pad: 'valid' },
  { name: 'same, stride 2', x: [2, 9, 8, 3], k: 3, cout: 4, stride: 2, pad: 'same' },
  { name: '5×5 same', x: [2, 7, 7, 2], k: 5, cout: 3, stride: 1, pad: 'same' },
  { name: 'valid, stride 2, odd size', x: [2, 9, 7, 2], k: 3, cout: 2, stride: 2, pad: 'valid' },
];
const pools = [
  { name: '2×2/2 valid, odd size', x: [2, 7, 9, 3], size: 2, stride: 2, pad: 'valid' as const },
  { name: '3×3/2 same (overlapping)', x: [2, 8, 7, 2], size: 3, stride: 2, pad: 'same' as const },
  { name: '2×2/1 valid with ties', x: [1, 5, 5, 2], size: 2, stride: 1, pad: 'valid' as const, ties: true },
];

function data(shape: number[], seed: number, ties = false): tf.Tensor4D {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  // Some exact zeros (like ReLU outputs and MNIST backgrounds), and repeated values for ties.
  const v = Float32Array.from({ length: n }, () => (ties ? rng.int(3) : rng.next() < 0.3 ? 0 : rng.normal()));
  return tf.tensor4d(v, shape as [number, number, number, number]);
}

async function gradients(): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const [i, c] of cases.entries()) {
    const g = tf.tidy(() => {
      const x = data(c.x, i);
      const w = data([c.k, c.k, c.x[3]!, c.cout], 100 + i);
      const y = tf.conv2d(x, w, c.stride, c.pad);
      const dy = data(y.shape, 200 + i);
      return tf.grad((kernel) => tf.sum(tf.mul(tf.conv2d(x, kernel as tf.Tensor4D, c.stride, c.pad), dy)))(w);
    });
    out.push((await g.data()) as Float32Array);
    g.dispose();
  }
  for (const [i, p] of pools.entries()) {
    const g = tf.tidy(() => {
      const x = data(p.x, 300 + i, p.ties);
      const y = tf.maxPool(x, p.size, p.stride, p.pad);
      const dy = data(y.shape, 400 + i);
      return tf.grad((input) => tf.sum(tf.mul(tf.maxPool(input as tf.Tensor4D, p.size, p.stride, p.pad), dy)))(x);
    });
    out.push((await g.data()) as Float32Array);
    g.dispose();
  }
  return out;
}

describe('fast CPU kernels', () => {
  it('give the stock kernels’ conv filter gradients and max-pool gradients', async () => {
    const stock = await gradients();
    installFastCpuKernels();
    installFastCpuKernels(); // idempotent
    const fast = await gradients();
    expect(fast.length).toBe(stock.length);
    for (const [i, s] of stock.entries()) {
      const f = fast[i]!;
      expect(f.length).toBe(s.length);
      for (let j = 0; j < s.length; j++) expect(f[j]).toBeCloseTo(s[j]!, 4);
    }
  });

  it('register one kernel of each name, for the cpu backend only', () => {
    installFastCpuKernels();
    const k = tf.getKernel('Conv2DBackpropFilter', 'cpu');
    expect(k?.backendName).toBe('cpu');
    // Every other kernel of the cpu backend is still registered once.
    expect(tf.getKernelsForBackend('cpu').filter((c) => c.kernelName === 'MaxPoolGrad')).toHaveLength(1);
  });
});
