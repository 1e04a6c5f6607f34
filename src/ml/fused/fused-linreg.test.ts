import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LinearRegressionTask, type LinRegHyper, type LinRegSpec, type LinRegView } from '../tasks/linear-regression';
import { useCpuBackend, yieldNow } from '../test-utils';
import { TrainingLoop, type LoopEvent } from '../train/loop';
import { FusedLinRegTask } from './fused-linreg-task';

beforeAll(useCpuBackend);

/**
 * |a − b| ≤ 1e-4 · max(1, |b|): float32 agreement after up to 100 steps. tfjs rounds after every
 * op and the fused engine accumulates in float64, so single steps agree to ~1e-7 and the
 * difference grows slowly along the trajectory (Adam, which divides by √v, most: ~1.2e-5 by step 36).
 */
const expectClose = (a: number, b: number, what = '') =>
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(b)));

const spec: LinRegSpec = { kind: 'linreg', data: { n: 200, noise: 0.5, seed: 7 }, init: { w: 0, b: 0 } };

describe('fused linear regression vs the tfjs task', () => {
  for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
    it(`${optimizer}: 100 seeded steps give the same losses, weights and view`, async () => {
      const h: LinRegHyper = { learningRate: 0.05, batchSize: 16, optimizer };
      const ref = new LinearRegressionTask(spec, h);
      const fused = new FusedLinRegTask(spec, h);
      const losses = fused.stepBatch(100);
      for (let i = 0; i < 100; i++) {
        const l = ref.step();
        expectClose(losses[i]!, (await l.data())[0]!, `step ${i + 1}`);
        l.dispose();
      }
      const [a, b] = [await fused.view(), await ref.view()];
      for (const k of ['w', 'b', 'prevW', 'prevB', 'gradW', 'gradB', 'batchLoss', 'fullLoss'] as const) {
        expectClose(a[k] as number, b[k] as number, k);
      }
      expect({ ...a, w: 0, b: 0, prevW: 0, prevB: 0, gradW: 0, gradB: 0, batchLoss: 0, fullLoss: 0 }).toEqual({
        ...b, w: 0, b: 0, prevW: 0, prevB: 0, gradW: 0, gradB: 0, batchLoss: 0, fullLoss: 0,
      });
      ref.dispose();
    });
  }
});

describe('training loop on a host (fused) task', () => {
  function makeLoop(lr: number, maxStepsPerSec = Infinity) {
    const task = new FusedLinRegTask(spec, { learningRate: lr, batchSize: 200, optimizer: 'sgd' });
    const events: LoopEvent<LinRegView>[] = [];
    let t = 0;
    const loop = new TrainingLoop(task, {
      emit: (e) => events.push(e),
      now: () => (t += 0.25),
      yieldToEvents: yieldNow,
      sleep: async () => {
        t += 10;
        await yieldNow();
      },
      learningRate: () => lr,
      maxStepsPerSec,
    });
    return { loop, events };
  }
  const metrics = (events: LoopEvent<LinRegView>[]) => events.flatMap((e) => (e.type === 'metrics' ? [e.batch] : []));

  it('step(n) runs exactly n steps, numbers every loss once, in order, in few messages', async () => {
    const { loop, events } = makeLoop(0.1);
    const before = tf.memory().numTensors;
    await loop.step(5000);
    expect(tf.memory().numTensors).toBe(before);
    const batches = metrics(events);
    expect(batches.reduce((s, b) => s + b.losses.length, 0)).toBe(5000);
    expect(loop.stepCount).toBe(5000);
    let expected = 1;
    for (const b of batches) {
      expect(b.firstStep).toBe(expected);
      expected += b.losses.length;
    }
    expect(batches.length).toBeLessThan(500);
    expect(batches.at(-1)!.view.fullLoss).toBeLessThan(batches[0]!.losses[0]! * 0.1);
  });

  it('honours a steps-per-second cap', async () => {
    const { loop, events } = makeLoop(0.1, 100);
    loop.start();
    while (loop.stepCount < 30) await yieldNow();
    await loop.pause();
    const batches = metrics(events);
    // The fake clock advances 0.25 ms per reading and 10 ms per sleep: 100 steps/s ⇒ ≥ 0.3 s of it.
    expect(batches.every((b) => b.losses.length <= 10)).toBe(true);
  });

  it('pauses on divergence with finite, restored weights', async () => {
    const { loop, events } = makeLoop(0.9);
    await loop.step(5000);
    const div = events.find((e) => e.type === 'diverged');
    if (div?.type !== 'diverged') throw new Error('no divergence');
    expect(Number.isFinite(div.view.w) && Number.isFinite(div.view.b)).toBe(true);
    expect(loop.isRunning).toBe(false);
  });
});
