import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLinear, leastSquares } from '../../datasets/linear';
import { useCpuBackend } from '../test-utils';
import { LinearRegressionTask, type LinRegHyper, type LinRegSpec } from './linear-regression';

const spec: LinRegSpec = { kind: 'linreg', data: { n: 200, noise: 0.5, seed: 42 }, init: { w: 0, b: 0 } };

beforeAll(useCpuBackend);

function run(task: LinearRegressionTask, steps: number): void {
  for (let i = 0; i < steps; i++) task.step().dispose();
}

describe('linear regression task', () => {
  it('converges to the least-squares fit, which is within 0.2 of the true w = 3, b = 2', async () => {
    const task = new LinearRegressionTask(spec, { learningRate: 0.1, batchSize: 200, optimizer: 'sgd' });
    run(task, 2000);
    const v = await task.view();
    const ls = leastSquares(task.data);
    // Full-batch GD on a convex quadratic converges to the exact minimiser.
    expect(Math.abs(v.w - ls.w)).toBeLessThan(1e-3);
    expect(Math.abs(v.b - ls.b)).toBeLessThan(1e-3);
    // And 200 points with noise σ = 0.5 pin the truth down to about ±0.2.
    expect(Math.abs(v.w - 3)).toBeLessThan(0.2);
    expect(Math.abs(v.b - 2)).toBeLessThan(0.2);
    task.dispose();
  });

  it.each<[LinRegHyper['optimizer']]>([['sgd'], ['momentum'], ['adam']])(
    'converges with mini-batches of 16 using %s',
    async (optimizer) => {
      const lr = optimizer === 'adam' ? 0.05 : 0.05;
      const task = new LinearRegressionTask(spec, { learningRate: lr, batchSize: 16, optimizer });
      run(task, 3000);
      const v = await task.view();
      expect(Math.abs(v.w - 3)).toBeLessThan(0.3);
      expect(Math.abs(v.b - 2)).toBeLessThan(0.3);
      task.dispose();
    },
  );

  it('reports the gradient of the batch loss, matching the analytic formula', async () => {
    const task = new LinearRegressionTask(spec, { learningRate: 0.1, batchSize: 200, optimizer: 'sgd' });
    task.step().dispose();
    const v = await task.view();
    const { xs, ys } = generateLinear(spec.data);
    // At w = b = 0: ∂L/∂w = (2/m) Σ (0 − y) x, ∂L/∂b = (2/m) Σ (0 − y).
    let gw = 0;
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      gw += (2 / xs.length) * -ys[i]! * xs[i]!;
      gb += (2 / xs.length) * -ys[i]!;
    }
    expect(v.gradW).toBeCloseTo(gw, 3);
    expect(v.gradB).toBeCloseTo(gb, 3);
    // And SGD moved θ by exactly −α·∇L.
    expect(v.w).toBeCloseTo(-0.1 * gw, 4);
    expect(v.b).toBeCloseTo(-0.1 * gb, 4);
    task.dispose();
  });

  it('applies a new learning rate at the very next step, for every optimiser', async () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const task = new LinearRegressionTask(spec, { learningRate: 0.1, batchSize: 200, optimizer });
      task.step().dispose();
      task.setHyper({ learningRate: 0.5 });
      expect((await task.view()).learningRate).toBe(0.5);
      task.dispose();
    }
  });

  it('switches optimiser live without leaking the old one', async () => {
    const task = new LinearRegressionTask(spec, { learningRate: 0.05, batchSize: 32, optimizer: 'adam' });
    task.step().dispose();
    task.step().dispose();
    const before = tf.memory().numTensors;
    task.setHyper({ optimizer: 'sgd' });
    task.step().dispose();
    // Adam's two slots per variable (4 tensors) and its β-power accumulators are freed.
    expect(tf.memory().numTensors).toBeLessThan(before);
    expect((await task.view()).optimizer).toBe('sgd');
    task.dispose();
  });

  it('frees every optimiser it switches away from, Momentum included (tfjs leaks its −α scalar)', () => {
    const task = new LinearRegressionTask(spec, { learningRate: 0.05, batchSize: 32, optimizer: 'sgd' });
    task.step().dispose();
    const base = tf.memory().numTensors;
    for (const optimizer of ['momentum', 'adam', 'sgd', 'momentum', 'sgd'] as const) {
      task.setHyper({ optimizer });
      task.step().dispose();
      if (optimizer === 'sgd') expect(tf.memory().numTensors).toBe(base);
    }
    task.dispose();
  });

  it('keeps the tensor count flat over 200 steps and frees everything on dispose', () => {
    const start = tf.memory().numTensors;
    const task = new LinearRegressionTask(spec, { learningRate: 0.05, batchSize: 8, optimizer: 'adam' });
    task.step().dispose();
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) {
      task.step().dispose();
      expect(tf.memory().numTensors).toBe(afterFirst);
    }
    task.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('visits every point once per epoch when the batch does not divide n', async () => {
    const task = new LinearRegressionTask(spec, { learningRate: 0.01, batchSize: 64, optimizer: 'sgd' });
    for (let i = 0; i < 3; i++) task.step().dispose();
    expect((await task.view()).epoch).toBe(0);
    task.step().dispose(); // 4th batch does not fit in the remaining 8 points: new epoch
    expect((await task.view()).epoch).toBe(1);
    task.dispose();
  });
});
