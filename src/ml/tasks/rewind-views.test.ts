/**
 * A rewind in the RNN, attention and embeddings labs (what engine.rewind does: importWeights,
 * resetOptimizer, resumeAt): snapshot at step k, train on, put the snapshot back. The exported
 * weights are then bit-identical to the snapshot, cover every variable the task trains, the view
 * shows those weights as they were at step k (not the later step's loss, gradient, sample or
 * worked example), and no tensor leaks.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWordCorpus, WORD_CORPUS_PATH } from '../../datasets/word-corpus';
import { useCpuBackend } from '../test-utils';
import { RnnTask, type RnnHyper, type RnnSpec } from './rnn';
import type { TrainTask, WeightSnapshot } from './task';
import { TransformerTask, type TransformerHyper, type TransformerSpec } from './transformer';
import { DEFAULT_TRANSFORMER_HYPER, warmupRate } from './transformer-spec';
import { Word2VecTask, type Word2VecHyper, type Word2VecSpec } from './word2vec';

beforeAll(useCpuBackend);

const K = 4;

function train<H, V>(task: TrainTask<H, V>, n: number): void {
  for (let i = 0; i < n; i++) task.step().dispose();
}

/** What engine.rewind does to the task. */
function rewind<H, V>(task: TrainTask<H, V>, snap: WeightSnapshot, step: number): void {
  task.importWeights(snap);
  task.resetOptimizer?.();
  task.resumeAt?.(step);
}

function expectSame(a: WeightSnapshot, b: WeightSnapshot): void {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const [k, w] of Object.entries(a)) {
    expect(b[k]!.shape).toEqual(w.shape);
    // Bit for bit: Float32Array equality compares every value exactly.
    expect(b[k]!.values).toEqual(w.values);
  }
}

/**
 * How many tf.Variables building the task registers (with plain SGD, whose constructor makes none;
 * Adam's makes two for β^t): the export must name every one.
 */
async function variablesOf<H, V>(make: () => TrainTask<H, V>): Promise<number> {
  const before = Object.keys(tf.engine().registeredVariables).length;
  const task = make();
  const created = Object.keys(tf.engine().registeredVariables).length - before;
  const exported = Object.keys(await task.exportWeights()).length;
  task.dispose();
  expect(created).toBeGreaterThan(0);
  return exported - created;
}

describe('RNN task: rewind', () => {
  const spec: RnnSpec = { kind: 'rnn', task: 'series', cell: 'lstm', hidden: 8, layers: 2, seqLen: 8, seed: 3, series: { periods: [12], noise: 0.05, forecast: 10 } };
  const hyper: RnnHyper = { learningRate: 0.02, optimizer: 'adam', batchSize: 8, clip: true, clipNorm: 1, temperature: 1 };

  it('weights bit-identical, every variable exported, the view of step k again (states, gates, forecast, no stale loss), tensors flat', async () => {
    expect(await variablesOf(() => new RnnTask(spec, { ...hyper, optimizer: 'sgd' }))).toBe(0);
    const task = new RnnTask(spec, hyper);
    const first = await task.exportWeights();
    train(task, K);
    const snap = await task.exportWeights();
    const at = await task.view();
    train(task, 30);
    const later = await task.view();
    const lateSnap = await task.exportWeights();
    expect(Array.from(later.probe.hidden)).not.toEqual(Array.from(at.probe.hidden));
    const tensors = tf.memory().numTensors;

    rewind(task, snap, K);
    expectSame(snap, await task.exportWeights());
    const back = await task.view();
    expect(back.step).toBe(K);
    expect(back.examples).toBe(at.examples);
    expect(back.loss).toBeNull();
    expect(back.gradNorm).toBeNull();
    expect(Array.from(back.probe.hidden)).toEqual(Array.from(at.probe.hidden));
    const g0 = at.probe.gates;
    const g1 = back.probe.gates;
    if (g0?.kind !== 'lstm' || g1?.kind !== 'lstm') throw new Error('expected LSTM gates');
    expect(Array.from(g1.f)).toEqual(Array.from(g0.f));
    expect(back.evalLoss).toBe(at.evalLoss);
    expect(Array.from(back.series!.prediction)).toEqual(Array.from(at.series!.prediction));
    // The forecast is made afresh with these weights, at this step.
    expect(back.series!.forecast.step).toBe(K);
    expect(Array.from(back.series!.forecast.prediction)).toEqual(Array.from(at.series!.forecast.prediction));

    // Back to the start, then forward again to the later weights: that step's count of sequences seen.
    rewind(task, first, 0);
    expect((await task.view()).examples).toBe(0);
    rewind(task, lateSnap, K + 30);
    expect((await task.view()).examples).toBe(later.examples);
    rewind(task, snap, K);

    // One step later the same tensors exist as before the rewind (the new Adam's slots replace the old).
    train(task, 1);
    expect(tf.memory().numTensors).toBe(tensors);
    expect((await task.view()).step).toBe(K + 1);
    task.dispose();
  });
});

describe('Transformer task: rewind', () => {
  const spec: TransformerSpec = { kind: 'transformer', task: 'reverse', seqLen: 5, vocab: 6, layers: 1, heads: 2, dModel: 16, positional: 'learned', seed: 2 };
  const hyper: TransformerHyper = { ...DEFAULT_TRANSFORMER_HYPER, learningRate: 0.01, warmup: 20, batchSize: 16 };

  it('weights bit-identical, every variable exported, attention and evaluation of step k again, warm-up from k, tensors flat', async () => {
    expect(await variablesOf(() => new TransformerTask(spec, { ...hyper, optimizer: 'sgd' }))).toBe(0);
    const task = new TransformerTask(spec, hyper);
    train(task, K);
    const snap = await task.exportWeights();
    const at = await task.view();
    train(task, 30);
    const later = await task.view();
    expect(Array.from(later.attention.weights)).not.toEqual(Array.from(at.attention.weights));
    const tensors = tf.memory().numTensors;

    rewind(task, snap, K);
    expectSame(snap, await task.exportWeights());
    const back = await task.view();
    expect(back.step).toBe(K);
    expect(back.batchLoss).toBeNull();
    expect(Array.from(back.attention.weights)).toEqual(Array.from(at.attention.weights));
    expect(Array.from(back.probe.probs)).toEqual(Array.from(at.probe.probs));
    expect(back.eval).toEqual(at.eval);
    // Warm-up goes on from step k: the next step's rate, not the rate 30 steps later.
    expect(back.learningRate).toBeCloseTo(warmupRate(hyper, K + 1), 9);
    expect(back.learningRate).toBeLessThan(later.learningRate);

    train(task, 1);
    expect(tf.memory().numTensors).toBe(tensors);
    task.dispose();
  });
});

describe('word2vec task: rewind', () => {
  const corpus = parseWordCorpus(readFileSync(`public/${WORD_CORPUS_PATH.brown}`));
  const spec: Word2VecSpec = { kind: 'word2vec', corpus: 'brown', dataUrl: '', vocab: 2000, dim: 16, seed: 1 };
  const hyper: Word2VecHyper = { learningRate: 0.05, window: 5, negatives: 5, sample: 1e-3, batch: 1000 };

  it('tables bit-identical, neighbours and neighbour check of step k again, no stale worked example, words read back to step k', async () => {
    const task = new Word2VecTask(spec, hyper, corpus);
    task.setViewOptions({ query: 'monday' });
    const first = await task.exportWeights();
    train(task, K);
    const snap = await task.exportWeights();
    // Both tables are trained (centre vectors v, context vectors u): both are kept.
    expect(Object.keys(snap).sort()).toEqual(['input', 'output']);
    const at = await task.view();
    const tensors = tf.memory().numTensors;
    train(task, 200);
    const later = await task.view();
    const lateSnap = await task.exportWeights();
    if (at.query.status !== 'ok' || later.query.status !== 'ok') throw new Error('monday is in the vocabulary');
    expect(later.query.neighbours).not.toEqual(at.query.neighbours);
    expect(later.pair).not.toBeNull();

    rewind(task, snap, K);
    expectSame(snap, await task.exportWeights());
    const back = await task.view();
    if (back.query.status !== 'ok') throw new Error('monday is in the vocabulary');
    expect(back.query.neighbours).toEqual(at.query.neighbours);
    expect(back.probe).toEqual({ ...at.probe, wordsRead: at.progress.wordsRead });
    expect(back.progress.wordsRead).toBe(at.progress.wordsRead);
    expect(back.progress.lastLoss).toBeNull();
    expect(back.pair).toBeNull();
    expect(tf.memory().numTensors).toBe(tensors);

    // Back to the start, then forward again to the later weights: the words read of that step (it was 0).
    rewind(task, first, 0);
    expect((await task.view()).progress.wordsRead).toBe(0);
    rewind(task, lateSnap, K + 200);
    expect((await task.view()).progress.wordsRead).toBe(later.progress.wordsRead);
  });
});
