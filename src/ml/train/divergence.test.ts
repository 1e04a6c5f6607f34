import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { LinearRegressionTask, type LinRegView } from '../tasks/linear-regression';
import { MlpTask } from '../tasks/mlp';
import type { MlpView } from '../tasks/mlp-view';
import { useCpuBackend, yieldNow } from '../test-utils';
import { DivergenceWatch, RUNAWAY_RISES } from './divergence';
import { TrainingLoop, type LoopEvent } from './loop';

beforeAll(useCpuBackend);

/** The gradient-descent lesson's own lab: 200 points, batches of 32, SGD, starting at w = b = 0. */
function lessonLoop(lr: { value: number }, batchSize = 32) {
  const task = new LinearRegressionTask(
    { kind: 'linreg', data: { n: 200, noise: 0.5, seed: 1 }, init: { w: 0, b: 0 } },
    { learningRate: lr.value, batchSize, optimizer: 'sgd' },
  );
  const events: LoopEvent<LinRegView>[] = [];
  let t = 0;
  const loop = new TrainingLoop(task, {
    emit: (e) => events.push(e),
    now: () => t++,
    yieldToEvents: yieldNow,
    learningRate: () => lr.value,
  });
  return { task, loop, events };
}

const diverged = (events: LoopEvent<LinRegView>[]) => {
  const d = events.find((e) => e.type === 'diverged');
  return d?.type === 'diverged' ? d : null;
};

describe('divergence: the pause comes when the loss starts running away', () => {
  it('α = 0.9 from the start (2/λmax ≈ 0.46): paused within 10 steps, back at a point no worse than the start', async () => {
    const lr = { value: 0.9 };
    const { task, loop, events } = lessonLoop(lr);
    const start = (await task.view()).fullLoss;
    await loop.step(2000);
    const d = diverged(events);
    expect(d).not.toBeNull();
    expect(d!.divergence.step).toBeLessThanOrEqual(10);
    expect(d!.divergence.reason).toBe('runaway');
    // The view sent with the pause is the restored weights, and their loss is the start's or better.
    const good = loop.lastGoodWeights!;
    expect(d!.view.w).toBe(good.w!.values[0]);
    expect(d!.view.b).toBe(good.b!.values[0]);
    expect(d!.view.fullLoss).toBeLessThanOrEqual(start * 1.0001);
    task.dispose();
  });

  it('α raised to 0.9 after 1,600 good steps: paused within 10 steps of the change, weights put back near the fit', async () => {
    const lr = { value: 0.1 };
    const { task, loop, events } = lessonLoop(lr);
    await loop.step(1600);
    const settled = (await task.view()).fullLoss;
    expect(diverged(events)).toBeNull();
    lr.value = 0.9;
    task.setHyper({ learningRate: 0.9 });
    await loop.step(2000);
    const d = diverged(events);
    expect(d).not.toBeNull();
    expect(d!.divergence.step).toBeGreaterThan(1600);
    expect(d!.divergence.step).toBeLessThanOrEqual(1610);
    // Back to weights from before the climb: about the fitted loss, nowhere near the runaway.
    expect(d!.view.fullLoss).toBeLessThan(Math.max(1, 10 * settled));
    expect(Math.abs(d!.view.w - 3)).toBeLessThan(1);
    expect(d!.view.w).toBe(loop.lastGoodWeights!.w!.values[0]);
    task.dispose();
  });

  it('a stable rate never pauses, even with single-point batches and the largest noise', async () => {
    const lr = { value: 0.05 };
    const task = new LinearRegressionTask(
      { kind: 'linreg', data: { n: 200, noise: 3, seed: 3 }, init: { w: 0, b: 0 } },
      { learningRate: 0.05, batchSize: 1, optimizer: 'sgd' },
    );
    const events: LoopEvent<LinRegView>[] = [];
    let t = 0;
    const loop = new TrainingLoop(task, { emit: (e) => events.push(e), now: () => t++, yieldToEvents: yieldNow, learningRate: () => lr.value });
    await loop.step(3000);
    expect(diverged(events)).toBeNull();
    task.dispose();
  });
});

describe('divergence in the MLP playground', () => {
  it('plane regression with SGD at α = 3: paused early, and the view shows exactly the weights put back', async () => {
    const task = new MlpTask(
      {
        kind: 'mlp',
        data: { dataset: 'plane', n: 200, noise: 0, testRatio: 0.2, seed: 1 },
        features: ['x1', 'x2'],
        hidden: [4],
        activation: 'tanh',
        seed: 1,
      },
      { learningRate: 3, batchSize: 10, optimizer: 'sgd', l1: 0, l2: 0, dropout: 0 },
    );
    const start = (await task.view()).trainLoss;
    const events: LoopEvent<MlpView>[] = [];
    let t = 0;
    const loop = new TrainingLoop(task, { emit: (e) => events.push(e), now: () => t++, yieldToEvents: yieldNow, learningRate: () => 3 });
    await loop.step(500);
    const d = events.find((e) => e.type === 'diverged');
    if (d?.type !== 'diverged') throw new Error('expected a divergence pause');
    expect(d.divergence.step).toBeLessThanOrEqual(60);
    const good = loop.lastGoodWeights!;
    d.view.layers.forEach((l, i) => {
      expect(Array.from(l.W)).toEqual(Array.from(good[`W${i}`]!.values));
      expect(Array.from(l.b)).toEqual(Array.from(good[`b${i}`]!.values));
    });
    // Every number of the view is finite and the loss is the restored weights' own, no worse than the start.
    expect(Number.isFinite(d.view.trainLoss)).toBe(true);
    expect(d.view.trainLoss).toBeLessThanOrEqual(start * 1.0001);
    expect(d.view.grid.values.every(Number.isFinite)).toBe(true);
    task.dispose();
  });
});

describe('DivergenceWatch', () => {
  it('ignores noise: 200,000 heavy-tailed batch losses around a small level, and spikes near a tiny loss', () => {
    const rng = createRng(11);
    const w = new DivergenceWatch();
    const losses = new Float32Array(200_000);
    // Loss of a one-point batch: σ²·z², z ~ N(0, 1) — a χ² with one degree of freedom (heavy tail).
    for (let i = 0; i < losses.length; i++) losses[i] = 9 * rng.normal() ** 2;
    losses[0] = 36; // the untrained start
    expect(w.check(losses).index).toBe(-1);
    const ce = new DivergenceWatch();
    const ceLosses = [0.69, ...Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? 0.3 : 0.002 * (1 + (i % 5))))];
    // A climb of four in a row near a tiny loss stays below the starting loss: not a runaway.
    ceLosses.push(0.01, 0.05, 0.2, 0.5);
    expect(ce.check(ceLosses).index).toBe(-1);
  });

  it(`flags a geometric climb after ${RUNAWAY_RISES} rises in a row, across batches, and is not calm during it`, () => {
    const w = new DivergenceWatch();
    expect(w.check([27.7, 10, 3, 1, 0.5, 0.3, ...Array.from({ length: 100 }, (_, i) => 0.25 + 0.01 * (i % 3))]).index).toBe(-1);
    expect(w.calm).toBe(true);
    expect(w.check([0.25, 2.1]).index).toBe(-1);
    expect(w.calm).toBe(false);
    // Smoothed, the climb passes 10× the first loss (27.7) at the third of these (1,300).
    const r = w.check([18, 158, 1300]);
    expect(r).toEqual({ index: 2, reason: 'runaway' });
  });

  it('non-finite losses and millionfold growth are still caught at once', () => {
    expect(new DivergenceWatch().check([1, 2, Number.NaN])).toEqual({ index: 2, reason: 'non-finite' });
    expect(new DivergenceWatch().check([1, 0.5, 2e6])).toEqual({ index: 2, reason: 'exploding' });
  });

  it("a converged classifier's noisy mini-batch losses never look like a climb, over a million steps", () => {
    // Mostly well-fit batches, now and then one holding a point the model gets wrong (loss
    // above the run's first): what the fused engine meets at 100,000 steps a second.
    const rng = createRng(5);
    const w = new DivergenceWatch();
    expect(w.check([1.1, 0.9, 0.7, 0.5]).index).toBe(-1);
    const losses = new Float32Array(1_000_000);
    for (let i = 0; i < losses.length; i++) losses[i] = rng.next() < 0.97 ? 0.001 * (0.5 + rng.next()) : 0.5 + 2.5 * rng.next();
    expect(w.check(losses).index).toBe(-1);
  });
});
