/**
 * A rewind puts old weights back and forgets the optimiser's memory: Adam's first step from
 * there moves each weight by α (m̂ = g, v̂ = g², so α·g/(|g|+ε) ≈ ±α), as from a fresh start.
 * With the later step's moments kept, the step would be some other size.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedLinRegTask } from '../fused/fused-linreg-task';
import { useCpuBackend } from '../test-utils';
import { LinearRegressionTask, type LinRegSpec } from './linear-regression';
import type { TrainTask } from './task';
import type { LinRegHyper, LinRegView } from './linear-regression';

const spec: LinRegSpec = { kind: 'linreg', data: { n: 200, noise: 0.5, seed: 7 }, init: { w: 0, b: 0 } };
const hyper: LinRegHyper = { learningRate: 0.05, batchSize: 16, optimizer: 'adam' };

beforeAll(useCpuBackend);

function train(task: TrainTask<LinRegHyper, LinRegView>, n: number): void {
  if (task.stepBatch) task.stepBatch(n);
  else for (let i = 0; i < n; i++) task.step().dispose();
}

describe.each([
  ['tfjs', () => new LinearRegressionTask(spec, hyper)],
  ['fused', () => new FusedLinRegTask(spec, hyper)],
] as const)('rewind on the %s linear regression', (_, make) => {
  it('puts the snapshot back bit for bit and the next Adam step is ±α, as from a fresh optimiser', async () => {
    const task = make();
    train(task, 3);
    const snap = await task.exportWeights();
    train(task, 200);
    const tensors = tf.memory().numTensors;
    task.importWeights(snap);
    task.resetOptimizer?.();
    const back = await task.exportWeights();
    expect(back.w!.values).toEqual(snap.w!.values);
    expect(back.b!.values).toEqual(snap.b!.values);
    train(task, 1);
    // Nothing leaks: one step later the same tensors exist as before the rewind.
    expect(tf.memory().numTensors).toBe(tensors);
    const v = await task.view();
    expect(Math.abs(v.w - snap.w!.values[0]!)).toBeCloseTo(hyper.learningRate, 4);
    expect(Math.abs(v.b - snap.b!.values[0]!)).toBeCloseTo(hyper.learningRate, 4);
    task.dispose();
  });

  it('the epoch count goes back with the weights (resumeAt), and on from there as the first time', async () => {
    const task = make();
    const epochs: number[] = [];
    for (let i = 0; i < 40; i++) {
      train(task, 1);
      epochs.push((await task.view()).epoch);
    }
    // 200 points in batches of 16: an epoch every 12 steps.
    expect(epochs.at(-1)).toBe(3);
    task.resumeAt?.(14);
    expect((await task.view()).epoch).toBe(epochs[13]);
    train(task, 12);
    expect((await task.view()).epoch).toBe(epochs[25]);
    task.dispose();
  });

  it('without the reset, the same step is not ±α (the test can tell the two apart)', async () => {
    const task = make();
    train(task, 3);
    const snap = await task.exportWeights();
    train(task, 200);
    task.importWeights(snap);
    train(task, 1);
    const v = await task.view();
    expect(Math.abs(Math.abs(v.w - snap.w!.values[0]!) - hyper.learningRate)).toBeGreaterThan(1e-3);
    task.dispose();
  });
});
