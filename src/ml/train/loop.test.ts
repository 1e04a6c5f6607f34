import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LinearRegressionTask, type LinRegView } from '../tasks/linear-regression';
import { useCpuBackend, yieldNow } from '../test-utils';
import { TrainingLoop, type LoopEvent } from './loop';

beforeAll(useCpuBackend);

function makeLoop(lr: number, optimizer: 'sgd' | 'adam' = 'sgd', noise = 0.5) {
  const task = new LinearRegressionTask(
    { kind: 'linreg', data: { n: 200, noise, seed: 7 }, init: { w: 0, b: 0 } },
    { learningRate: lr, batchSize: 200, optimizer },
  );
  const events: LoopEvent<LinRegView>[] = [];
  let t = 0;
  const loop = new TrainingLoop(task, {
    emit: (e) => events.push(e),
    // A fake clock: every reading advances 1 ms, so flushes happen at fixed step counts.
    now: () => t++,
    yieldToEvents: yieldNow,
    learningRate: () => lr,
  });
  return { task, loop, events };
}

const metrics = (events: LoopEvent<LinRegView>[]) =>
  events.flatMap((e) => (e.type === 'metrics' ? [e.batch] : []));

describe('training loop', () => {
  it('step(n) runs exactly n steps and reports every loss once, in order', async () => {
    const { task, loop, events } = makeLoop(0.1);
    await loop.step(120);
    const batches = metrics(events);
    const total = batches.reduce((s, b) => s + b.losses.length, 0);
    expect(total).toBe(120);
    expect(loop.stepCount).toBe(120);
    let expected = 1;
    for (const b of batches) {
      expect(b.firstStep).toBe(expected);
      expected += b.losses.length;
    }
    // Batched reporting: far fewer messages than steps.
    expect(batches.length).toBeLessThan(60);
    const first = batches[0]!.losses[0]!;
    const last = batches.at(-1)!.losses.at(-1)!;
    expect(last).toBeLessThan(first * 0.1);
    task.dispose();
  });

  it('start/pause: pause stops the loop and the step count stays put', async () => {
    const { task, loop, events } = makeLoop(0.05);
    loop.start();
    while (loop.stepCount < 50) await yieldNow();
    await loop.pause();
    const n = loop.stepCount;
    for (let i = 0; i < 20; i++) await yieldNow();
    expect(loop.stepCount).toBe(n);
    expect(events.filter((e) => e.type === 'running').map((e) => (e as { running: boolean }).running)).toEqual([
      true,
      false,
    ]);
    task.dispose();
  });

  it('keeps tf.memory().numTensors flat across steps', async () => {
    const { task, loop } = makeLoop(0.05, 'adam');
    await loop.step(5);
    const base = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) {
      await loop.step(20);
      expect(tf.memory().numTensors).toBe(base);
    }
    task.dispose();
  });

  it('pauses on divergence, reports a smaller learning rate, and restores finite weights', async () => {
    // λmax of the MSE Hessian here is ≈ 4.4, so GD diverges for α > 2/4.4 ≈ 0.46.
    const { task, loop, events } = makeLoop(0.9);
    await loop.step(5000);
    const div = events.find((e) => e.type === 'diverged');
    expect(div).toBeDefined();
    if (div?.type !== 'diverged') throw new Error('unreachable');
    expect(div.divergence.suggestedLearningRate).toBeCloseTo(0.09, 10);
    expect(div.divergence.step).toBeLessThan(5000);
    expect(loop.stepCount).toBeLessThan(5000);
    expect(Number.isFinite(div.view.w) && Number.isFinite(div.view.b)).toBe(true);
    for (const b of metrics(events)) for (const l of b.losses) expect(Number.isFinite(l)).toBe(true);
    expect(loop.isRunning).toBe(false);
    task.dispose();
  });
});
