import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWordCorpus, WORD_CORPUS_PATH } from '../../datasets/word-corpus';
import { unitRows } from '../embeddings/neighbours';
import { probeNeighbours } from '../embeddings/probes';
import { useCpuBackend } from '../test-utils';
import { Word2VecTask, type Word2VecHyper, type Word2VecSpec } from './word2vec';

beforeAll(useCpuBackend);

const corpus = parseWordCorpus(readFileSync(`public/${WORD_CORPUS_PATH.brown}`));
const spec: Word2VecSpec = { kind: 'word2vec', corpus: 'brown', dataUrl: '', vocab: 5000, dim: 32, seed: 1 };
const hyper: Word2VecHyper = { learningRate: 0.025, window: 5, negatives: 5, sample: 1e-3, batch: 1000 };

async function run(task: Word2VecTask, steps: number): Promise<number[]> {
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const l = task.step();
    losses.push((await l.data())[0]!);
    l.dispose();
  }
  return losses;
}
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;

describe('word2vec task on the Brown Corpus', () => {
  it('lowers the loss from ln 2 · (K + 1), and leaks no tensors', async () => {
    const task = new Word2VecTask(spec, hyper, corpus);
    const before = tf.memory().numTensors;
    const losses = await run(task, 300);
    expect(tf.memory().numTensors).toBe(before);
    // With u = 0 at the start, every pair's loss is (K + 1) ln 2 ≈ 4.16.
    expect(losses[0]).toBeCloseTo(6 * Math.LN2, 1);
    expect(mean(losses.slice(-50))).toBeLessThan(0.75 * losses[0]!);
    expect(task.examplesPerStep()).toBe(1000);
  });

  it('is reproducible from its seed', async () => {
    const a = await run(new Word2VecTask(spec, hyper, corpus), 20);
    const b = await run(new Word2VecTask(spec, hyper, corpus), 20);
    expect(a).toEqual(b);
  });

  it('learns sensible neighbours: weekdays, months and number words find their own kind', async () => {
    const task = new Word2VecTask(spec, hyper, corpus);
    const V = task.model.vocabSize;
    const D = task.model.dim;
    const start = probeNeighbours(unitRows(task.model.input, V, D), V, D, task.corpus.index);
    // The lab's neighbour check is the same test, on the vectors of the moment.
    expect((await task.view()).probe).toEqual({ ...start, wordsRead: 0 });
    await run(task, 1000);
    const after = probeNeighbours(unitRows(task.model.input, V, D), V, D, task.corpus.index);
    expect(after.tested).toBe(27);
    expect(start.passed).toBeLessThan(6);
    expect(after.passed).toBeGreaterThanOrEqual(18);
    // The first view after training may carry the check of under a second ago (it says after how
    // many words); paused (no words read since the last view), the check is taken afresh.
    await task.view();
    expect((await task.view()).probe).toEqual({ ...after, wordsRead: 1000 * hyper.batch });
  }, 60_000);

  it('learns from Chinese characters too: the numerals of the Song ci find each other', async () => {
    const songci = parseWordCorpus(readFileSync(`public/${WORD_CORPUS_PATH.songci}`));
    const task = new Word2VecTask({ ...spec, corpus: 'songci', dim: 50 }, hyper, songci);
    const V = task.model.vocabSize;
    const D = task.model.dim;
    const numerals = [['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']];
    const start = probeNeighbours(unitRows(task.model.input, V, D), V, D, task.corpus.index, 5, numerals);
    await run(task, 500);
    const after = probeNeighbours(unitRows(task.model.input, V, D), V, D, task.corpus.index, 5, numerals);
    expect(after.tested).toBe(10);
    expect(start.passed).toBeLessThan(3);
    expect(after.passed).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('answers a typed word, an unknown word and an incomplete analogy in its view', async () => {
    const task = new Word2VecTask(spec, hyper, corpus);
    await run(task, 5);
    task.setViewOptions({ query: '  Monday ', analogy: ['', '', ''] });
    let v = await task.view();
    expect(v.query.status).toBe('ok');
    if (v.query.status === 'ok') {
      expect(v.query.word).toBe('monday');
      expect(v.query.neighbours).toHaveLength(8);
      expect(v.query.neighbours.map((n) => n.word)).not.toContain('monday');
      expect(v.query.cooccurrence.total).toBeGreaterThan(0);
      expect(v.query.ngrams[0]).toEqual({ gram: '<mo', words: expect.any(Number) });
    }
    expect(v.analogy.status).toBe('empty');
    expect(v.map.words).toContain('monday');
    expect(v.map.highlighted[v.map.words.indexOf('monday')]).toBe(true);
    expect(v.pair).not.toBeNull();
    expect(v.pair!.loss).toBeGreaterThan(0);

    task.setViewOptions({ query: 'qwertyuiop', analogy: ['king', '', 'woman'] });
    v = await task.view();
    expect(v.query).toEqual({ status: 'unknown', word: 'qwertyuiop' });
    expect(v.analogy).toEqual({ status: 'incomplete', missing: [1] });

    task.setViewOptions({ query: '', analogy: ['king', 'zzzzq', 'woman'] });
    v = await task.view();
    expect(v.query.status).toBe('empty');
    expect(v.analogy).toEqual({ status: 'unknown', words: ['zzzzq'] });

    task.setViewOptions({ analogy: ['king', 'man', 'woman'] });
    v = await task.view();
    expect(v.analogy.status).toBe('ok');
    if (v.analogy.status === 'ok') {
      expect(v.analogy.answers).toHaveLength(5);
      expect(v.analogy.answers.map((a) => a.word)).not.toContain('king');
    }
  });

  it('reports a non-finite loss when the learning rate blows the vectors up', async () => {
    const task = new Word2VecTask(spec, { ...hyper, learningRate: 1e30 }, corpus);
    const losses = await run(task, 30);
    expect(losses.some((l) => !Number.isFinite(l) || l > 1e6)).toBe(true);
  });

  it('exports and imports its two tables', async () => {
    const a = new Word2VecTask(spec, hyper, corpus);
    await run(a, 10);
    const w = await a.exportWeights();
    expect(w.input!.shape).toEqual([5000, 32]);
    const b = new Word2VecTask(spec, hyper, corpus);
    b.importWeights(w);
    expect(b.model.input).toEqual(a.model.input);
    expect(() => b.importWeights({ input: { shape: [1, 1], values: new Float32Array(1) } })).toThrow(/do not fit/);
  });
});
