import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import { createOptimizer, DEFAULT_OPTIMIZER_SETTINGS, readLearningRate, setLearningRate } from './optimizers';

beforeAll(useCpuBackend);

/** One update of θ = 1 on f(θ) = θ² (gradient 2θ = 2) with each optimiser, against the hand-computed step. */
async function firstUpdate(name: 'sgd' | 'momentum' | 'adam', lr: number): Promise<number> {
  const theta = tf.variable(tf.scalar(1));
  const opt = createOptimizer(name, { ...DEFAULT_OPTIMIZER_SETTINGS, learningRate: lr });
  opt.minimize(() => tf.square(theta) as tf.Scalar)?.dispose();
  const v = (await theta.data())[0]!;
  opt.dispose();
  theta.dispose();
  return v;
}

describe('optimisers', () => {
  it('SGD: θ₁ = θ₀ − α g = 1 − 0.1·2 = 0.8', async () => {
    expect(await firstUpdate('sgd', 0.1)).toBeCloseTo(0.8, 6);
  });
  it('Momentum (tfjs form v ← βv + g, θ ← θ − αv, v₀ = 0): θ₁ = 1 − 0.1·2 = 0.8', async () => {
    expect(await firstUpdate('momentum', 0.1)).toBeCloseTo(0.8, 6);
  });
  it('Adam: bias-corrected m̂ = g, v̂ = g², so θ₁ = 1 − α·g/(|g| + ε) ≈ 1 − α', async () => {
    const g = 2;
    const expected = 1 - (0.1 * g) / (Math.sqrt(g * g) + 1e-7);
    // float32 arithmetic: agree to ~1e-6.
    expect(await firstUpdate('adam', 0.1)).toBeCloseTo(expected, 5);
  });

  it('setLearningRate really changes the step size of SGD, Momentum and Adam', async () => {
    for (const name of ['sgd', 'momentum', 'adam'] as const) {
      const theta = tf.variable(tf.scalar(1));
      const opt = createOptimizer(name, { ...DEFAULT_OPTIMIZER_SETTINGS, learningRate: 0.1 });
      setLearningRate(opt, 0.01);
      expect(readLearningRate(opt)).toBe(0.01);
      opt.minimize(() => tf.square(theta) as tf.Scalar)?.dispose();
      const v = (await theta.data())[0]!;
      // SGD/Momentum: 1 − 0.01·2 = 0.98. Adam: 1 − 0.01 = 0.99. Both far from the 0.1-rate results.
      expect(v).toBeCloseTo(name === 'adam' ? 0.99 : 0.98, 5);
      opt.dispose();
      theta.dispose();
    }
  });
});
