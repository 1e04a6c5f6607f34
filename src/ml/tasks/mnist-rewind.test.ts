/**
 * A rewind of the MNIST task (Runs): the snapshot's weights come back bit for bit, every part of
 * the view is recomputed from them at once (filters, feature maps even inside their refresh
 * interval, the evaluation, the batch-norm probe), the step count is the snapshot's, and Adam
 * starts afresh (its first step moves each weight by about α).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMnistPack } from '../../datasets/mnist';
import type { MnistModelSpec } from '../cnn/architecture';
import { useCpuBackend } from '../test-utils';
import { MnistTask } from './mnist-classifier';

const pack = parseMnistPack(new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'public', 'data', 'mnist-10k.bin'))));
const CNN: MnistModelSpec = { kind: 'custom-cnn', blocks: 1, filters: 4, kernel: 3, pooling: 'max', dropout: 0, batchNorm: true };
const LR = 1e-3;

beforeAll(useCpuBackend);

/** A clock the test moves: the feature maps are refreshed only when it passes their interval. */
let clock = 1000;

function makeTask(): MnistTask {
  return new MnistTask(
    { kind: 'mnist', model: CNN, trainCount: 200, testCount: 60, seed: 3, dataUrl: 'unused-in-tests' },
    { learningRate: LR, batchSize: 16, optimizer: 'adam' },
    pack,
    { now: () => clock },
  );
}

describe('MnistTask rewind', () => {
  it('shows the restored weights at once: filters, feature maps, evaluation, step; no stale batch-norm probe', async () => {
    const task = makeTask();
    const first = await task.view();
    const firstEval = await task.evaluate();
    const snap = await task.exportWeights();
    for (let i = 0; i < 8; i++) task.step().dispose();
    clock += 10_000;
    const trained = await task.view();
    expect(trained.step).toBe(8);
    expect(trained.filters!.values).not.toEqual(first.filters!.values);
    expect(trained.featureMaps!.layers[0]!.values).not.toEqual(first.featureMaps!.layers[0]!.values);
    expect(trained.evaluation!.atStep).toBe(8);
    expect(trained.batchNorm!.probe).not.toBeNull();

    task.importWeights(snap);
    task.resumeAt(0);
    const back = await task.view();
    expect(back.step).toBe(0);
    expect(back.filters!.values).toEqual(first.filters!.values);
    // The clock has not moved, yet the maps are these weights' (not the cached step-8 ones).
    expect(back.featureMaps!.atStep).toBe(0);
    expect(back.featureMaps!.layers[0]!.values).toEqual(first.featureMaps!.layers[0]!.values);
    expect(back.evaluation!.atStep).toBe(0);
    expect(back.evaluation!.testAccuracy).toBe(firstEval.testAccuracy);
    expect(back.evaluation!.confusion).toEqual(firstEval.confusion);
    expect(back.recentTrainLoss).toBeNull();
    expect(back.batchNorm!.probe).toBeNull();
    expect(await task.exportWeights()).toEqual(snap);
    task.dispose();
  });

  it('forgets Adam’s moments: the next step moves the dense weights by about α, and nothing leaks', async () => {
    const task = makeTask();
    task.step().dispose();
    const snap = await task.exportWeights();
    for (let i = 0; i < 30; i++) task.step().dispose();
    const tensors = tf.memory().numTensors;
    task.importWeights(snap);
    task.resetOptimizer();
    task.step().dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    const after = await task.exportWeights();
    // Adam's first step: α·ĝ/(|ĝ| + ε) = ±α wherever the gradient is not tiny.
    const moved = after['output/bias']!.values.map((v, i) => Math.abs(v - snap['output/bias']!.values[i]!));
    for (const d of moved) expect(d).toBeCloseTo(LR, 5);
    task.dispose();
  });

  it('without the reset the same step is not ±α (the test above can tell)', async () => {
    const task = makeTask();
    task.step().dispose();
    const snap = await task.exportWeights();
    for (let i = 0; i < 30; i++) task.step().dispose();
    task.importWeights(snap);
    task.step().dispose();
    const after = await task.exportWeights();
    const moved = after['output/bias']!.values.map((v, i) => Math.abs(v - snap['output/bias']!.values[i]!));
    expect(moved.some((d) => Math.abs(d - LR) > 1e-4)).toBe(true);
    task.dispose();
  });
});
