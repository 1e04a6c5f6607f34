/**
 * Soak tests of the training path (issue #9, reliability): a long run must not grow the
 * number of live tensors. On the GPU a leak of one small tensor per step is an out-of-memory
 * crash after an hour; here, on tfjs's CPU backend in Node, it shows as a count that climbs.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LinearRegressionTask, type LinRegView } from '../tasks/linear-regression';
import { MlpTask } from '../tasks/mlp';
import { useCpuBackend, yieldNow } from '../test-utils';
import { TrainingLoop, type LoopEvent } from './loop';

beforeAll(useCpuBackend);

const STEPS = 10_000;
const MLP_STEPS = 4_000;
const CHECKPOINTS = 10;

describe('soak: tensor count over 10,000 steps (CPU backend)', () => {
  it('linear regression through the real TrainingLoop: numTensors flat, every loss reported once', async () => {
    const before = tf.memory().numTensors;
    // Adam: the optimiser with the most per-variable state, created lazily on the first step.
    const task = new LinearRegressionTask(
      { kind: 'linreg', data: { n: 200, noise: 0.5, seed: 3 }, init: { w: 0, b: 0 } },
      { learningRate: 0.05, batchSize: 8, optimizer: 'adam' },
    );
    let reported = 0;
    let failed: unknown = null;
    let last: LinRegView | null = null;
    let t = 0;
    const loop = new TrainingLoop<LinRegView>(task, {
      emit: (e: LoopEvent<LinRegView>) => {
        if (e.type === 'metrics') {
          reported += e.batch.losses.length;
          last = e.batch.view;
        }
        if (e.type === 'failed' || e.type === 'diverged') failed = e;
      },
      // A fake clock (1 ms per reading): flushes, with their weight snapshot and view, come at
      // fixed step counts, so the run exercises the whole read-back path hundreds of times.
      now: () => (t += 1),
      yieldToEvents: yieldNow,
      learningRate: () => 0.05,
    });
    await loop.step(10); // past the optimiser's lazily created slots
    const base = tf.memory().numTensors;
    const counts: number[] = [];
    for (let c = 0; c < CHECKPOINTS; c++) {
      await loop.step(STEPS / CHECKPOINTS);
      counts.push(tf.memory().numTensors);
    }
    expect(failed).toBeNull();
    expect(loop.stepCount).toBe(STEPS + 10);
    expect(reported).toBe(STEPS + 10);
    expect(counts).toEqual(Array(CHECKPOINTS).fill(base));
    // It trained (y = 3x + 2), so the steps were real ones.
    expect(Math.abs(last!.w - 3)).toBeLessThan(0.5);
    task.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('linear regression through start()/pause() cycles (the Train/Pause path): numTensors flat', async () => {
    const task = new LinearRegressionTask(
      { kind: 'linreg', data: { n: 200, noise: 0.5, seed: 4 }, init: { w: 0, b: 0 } },
      { learningRate: 0.05, batchSize: 32, optimizer: 'momentum' },
    );
    const loop = new TrainingLoop<LinRegView>(task, {
      emit: () => {},
      now: () => performance.now(),
      yieldToEvents: yieldNow,
      learningRate: () => 0.05,
    });
    await loop.step(10);
    const base = tf.memory().numTensors;
    // Paused at arbitrary points: whatever was in flight is read back and freed.
    for (let i = 0; i < 20; i++) {
      loop.start();
      const target = loop.stepCount + 50 + ((i * 37) % 100);
      while (loop.stepCount < target) await yieldNow();
      await loop.pause();
      expect(tf.memory().numTensors).toBe(base);
    }
    task.dispose();
  });

  // 4,000 steps, not 10,000: an MLP step costs ~0.6 ms here (≈ 6 s for 10,000 on an idle
  // machine), and `npm test` runs on loaded 2-core machines. A per-step leak shows after one.
  it('MLP task (tiny net, Adam, dropout, L2): step() + dispose() 4,000 times keeps numTensors flat', async () => {
    const before = tf.memory().numTensors;
    const task = new MlpTask(
      {
        kind: 'mlp',
        data: { dataset: 'xor', n: 40, noise: 0, testRatio: 0.25, seed: 2 },
        features: ['x1', 'x2'],
        hidden: [3],
        activation: 'tanh',
        seed: 2,
        gridSize: 8,
        neuronGridSize: 0,
      },
      { learningRate: 0.03, batchSize: 4, optimizer: 'adam', l1: 0, l2: 0.001, dropout: 0.1 },
    );
    task.step().dispose();
    await task.view();
    const base = tf.memory().numTensors;
    for (let c = 0; c < CHECKPOINTS; c++) {
      for (let i = 0; i < MLP_STEPS / CHECKPOINTS; i++) task.step().dispose();
      const v = await task.view(); // the read-back path too, once per checkpoint
      expect(Number.isFinite(v.trainLoss)).toBe(true);
      expect(tf.memory().numTensors).toBe(base);
    }
    task.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
