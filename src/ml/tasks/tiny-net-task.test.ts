import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import {
  DEFAULT_TINY_INPUT,
  DEFAULT_TINY_PARAMS,
  DEFAULT_TINY_TARGET,
  TINY_PARAMS,
  forward,
  tinyLoss,
  update,
} from '../backprop/tiny-net';
import { backward } from '../backprop/tiny-net-backward';
import { TinyNetTask, type TinyNetSpec } from './tiny-net-task';

beforeAll(useCpuBackend);

const spec = (activation: 'sigmoid' | 'tanh'): TinyNetSpec => ({
  kind: 'tiny-net',
  params: DEFAULT_TINY_PARAMS,
  input: DEFAULT_TINY_INPUT,
  target: DEFAULT_TINY_TARGET,
  activation,
});

const close = (a: number, b: number) => Math.abs(a - b) <= 2e-5 * Math.abs(b) + 1e-6;

describe('tiny-net worker task', () => {
  it.each([['sigmoid'], ['tanh']] as const)('view() gives the hand-computed loss and gradients (%s)', async (a) => {
    const task = new TinyNetTask(spec(a), { learningRate: 0.5 });
    const v = await task.view();
    const bw = backward(forward(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, DEFAULT_TINY_TARGET, a));
    expect(close(v.loss, tinyLoss(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, DEFAULT_TINY_TARGET, a))).toBe(true);
    for (const n of TINY_PARAMS) expect(close(v.grads[n], bw.params[n])).toBe(true);
    task.dispose();
  });

  it('step() is one gradient-descent update: returns L before, then the view holds θ − α∇L', async () => {
    const task = new TinyNetTask(spec('sigmoid'), { learningRate: 0.5 });
    const p = DEFAULT_TINY_PARAMS;
    const bw = backward(forward(p, DEFAULT_TINY_INPUT, 1, 'sigmoid'));
    const next = update(p, bw.params, 0.5);
    const before = task.step();
    expect(close((await before.data())[0]!, tinyLoss(p, DEFAULT_TINY_INPUT, 1, 'sigmoid'))).toBe(true);
    before.dispose();
    const v = await task.view();
    expect(v.step).toBe(1);
    for (const n of TINY_PARAMS) expect(close(v.params[n], next[n])).toBe(true);
    expect(close(v.loss, tinyLoss(next, DEFAULT_TINY_INPUT, 1, 'sigmoid'))).toBe(true);
    expect(v.loss).toBeLessThan(tinyLoss(p, DEFAULT_TINY_INPUT, 1, 'sigmoid'));
    task.dispose();
  });

  it('keeps the tensor count flat and frees everything', async () => {
    const start = tf.memory().numTensors;
    const task = new TinyNetTask(spec('tanh'), { learningRate: 0.1 });
    task.step().dispose();
    await task.view();
    const base = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      task.step().dispose();
      await task.view();
      await task.predict(new Float32Array([0.1, 0.2, 0.3, 0.4]));
    }
    task.importWeights(await task.exportWeights());
    expect(tf.memory().numTensors).toBe(base);
    task.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
