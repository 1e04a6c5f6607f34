/**
 * word2vec (skip-gram with negative sampling) on a real corpus, as a TrainTask. The arithmetic is
 * plain typed-array code (ml/embeddings/sgns.ts): each pair touches 2 + K rows, so sparse updates
 * beat dense tensor ops by far. tfjs only carries the step's loss, as the loop expects.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../datasets/rng';
import { restrictVocabulary, type WordCorpus, type WordCorpusId } from '../../datasets/word-corpus';
import { keepProbabilities, NegativeSampler, subsample } from '../embeddings/sampling';
import { SgnsModel, trainRun, type PairRecord } from '../embeddings/sgns';
import type { TrainTask, WeightSnapshot } from './task';
import { buildWord2VecView, createViewCache, DEFAULT_VIEW_OPTIONS, type Word2VecView, type Word2VecViewOptions } from './word2vec-view';

export type { PairView, Word2VecView, Word2VecViewOptions } from './word2vec-view';

export interface Word2VecSpec {
  kind: 'word2vec';
  corpus: WordCorpusId;
  /** Absolute URL of the packed corpus (resolved on the page). */
  dataUrl: string;
  /** Keep this many most frequent words. */
  vocab: number;
  /** Embedding dimension D. */
  dim: number;
  seed: number;
}

export interface Word2VecHyper {
  learningRate: number;
  /** Largest window b: context words within ±b (word2vec draws b from 1..window per word). */
  window: number;
  /** Negatives K per pair. */
  negatives: number;
  /** Subsampling threshold t; 0 = off. */
  sample: number;
  /** Words of running text read per step (before subsampling). */
  batch: number;
}

/** The most a step reads when subsampling leaves too few words for a pair (a safety bound). */
const MAX_READ_FACTOR = 20;

export class Word2VecTask implements TrainTask<Word2VecHyper, Word2VecView, Word2VecViewOptions> {
  readonly corpus: WordCorpus;
  private readonly available: number;
  readonly model: SgnsModel;
  private readonly sampler: NegativeSampler;
  private readonly rng: Rng;
  private hyper: Word2VecHyper;
  private keep: Float32Array;
  private buffer: Int32Array;
  private cursor = 0;
  private steps = 0;
  private wordsRead = 0;
  /** Steps and words read after the last step trained: what resumeAt scales from. */
  private trained = { steps: 0, wordsRead: 0 };
  private lastPair: PairRecord | null = null;
  private lastPairs = 0;
  private lastKept = 0;
  private lastRead = 0;
  private lastLoss: number | null = null;
  private options: Word2VecViewOptions = { ...DEFAULT_VIEW_OPTIONS };
  private previousAxes: [Float64Array, Float64Array] | null = null;
  private readonly cache = createViewCache();

  constructor(
    readonly spec: Word2VecSpec,
    hyper: Word2VecHyper,
    full: WordCorpus,
  ) {
    this.available = full.words.length;
    this.corpus = restrictVocabulary(full, spec.vocab);
    if (this.corpus.tokens.length < 2) throw new RangeError('the corpus has fewer than two words');
    this.hyper = { ...hyper };
    this.rng = createRng(spec.seed ^ 0x5bd1e995);
    this.model = new SgnsModel(this.corpus.words.length, spec.dim);
    this.model.init(createRng(spec.seed));
    this.sampler = new NegativeSampler(this.corpus.counts);
    this.keep = keepProbabilities(this.corpus.counts, hyper.sample);
    this.buffer = new Int32Array(0);
  }

  examplesPerStep(): number {
    // Words of running text read: what word2vec's "words/sec" counts.
    return this.lastRead || this.hyper.batch;
  }

  setHyper(h: Partial<Word2VecHyper>): void {
    const sampleChanged = h.sample !== undefined && h.sample !== this.hyper.sample;
    this.hyper = { ...this.hyper, ...h };
    if (sampleChanged) this.keep = keepProbabilities(this.corpus.counts, this.hyper.sample);
  }

  /** Read `batch` words from the running text (wrapping into the next epoch), subsample, train. */
  step(): tf.Scalar {
    const tokens = this.corpus.tokens;
    const batch = Math.max(2, Math.floor(this.hyper.batch));
    let read = 0;
    let total = 0;
    let pairs = 0;
    let kept = 0;
    let first: PairRecord | null = null;
    // Subsampling can leave a run with fewer than two words; read on until there is a pair.
    while (pairs === 0 && read < batch * MAX_READ_FACTOR) {
      if (this.buffer.length < batch) this.buffer = new Int32Array(batch);
      const n = subsample(tokens, this.cursor, batch, this.keep, this.rng, this.buffer);
      this.cursor = (this.cursor + batch) % tokens.length;
      read += batch;
      const r = trainRun(this.model, this.buffer, n, this.sampler, this.rng, {
        window: this.hyper.window,
        negatives: this.hyper.negatives,
        lr: this.hyper.learningRate,
      });
      kept += n;
      if (r.pairs > 0) {
        total += r.meanLoss * r.pairs;
        pairs += r.pairs;
        first ??= r.last;
      }
    }
    this.wordsRead += read;
    this.steps += 1;
    this.trained = { steps: this.steps, wordsRead: this.wordsRead };
    this.lastRead = read;
    this.lastPairs = pairs;
    this.lastKept = kept;
    if (first) this.lastPair = first;
    // No pair at all (only possible with an absurd threshold) is reported as NaN, never as 0.
    const loss = pairs > 0 ? total / pairs : NaN;
    this.lastLoss = loss;
    return tf.scalar(loss);
  }

  setViewOptions(o: Partial<Word2VecViewOptions>): void {
    this.options = { ...this.options, ...o };
  }

  async view(): Promise<Word2VecView> {
    const v = buildWord2VecView({
      corpus: this.corpus,
      available: this.available,
      model: this.model,
      sampler: this.sampler,
      keep: this.keep,
      hyper: this.hyper,
      options: this.options,
      previousAxes: this.previousAxes,
      progress: {
        wordsRead: this.wordsRead,
        epoch: this.wordsRead / this.corpus.tokens.length,
        lastPairs: this.lastPairs,
        lastKept: this.lastKept,
        lastRead: this.lastRead,
        lastLoss: this.lastLoss,
      },
      pair: this.lastPair,
    }, this.cache);
    this.previousAxes = v.axes;
    return v.view;
  }

  async exportWeights(): Promise<WeightSnapshot> {
    const shape = [this.model.vocabSize, this.model.dim];
    return {
      input: { shape, values: this.model.input.slice() },
      output: { shape: [...shape], values: this.model.output.slice() },
    };
  }

  importWeights(w: WeightSnapshot): void {
    for (const name of ['input', 'output'] as const) {
      const src = w[name];
      if (!src || src.values.length !== this.model[name].length) {
        throw new Error(`weights '${name}' do not fit a ${this.model.vocabSize}×${this.model.dim} table`);
      }
    }
    this.model.input.set(w.input!.values);
    this.model.output.set(w.output!.values);
    // The worked example's pair, the last loss and the neighbour check belong to other vectors
    // now (a rewind, a model file): the next view shows these weights afresh.
    this.lastPair = null;
    this.lastLoss = null;
    this.lastPairs = this.lastKept = this.lastRead = 0;
    this.cache.probe = null;
  }

  /**
   * After a rewind to `step`: the words read scale back with the steps (exact while the batch
   * stays the same), and the reading goes on from that point of the text.
   */
  resumeAt(step: number): void {
    const s = Math.max(0, Math.round(step));
    // Scaled from the last step trained (not from an earlier rewind): scrubbing forward again works.
    const { steps, wordsRead } = this.trained;
    this.wordsRead = steps > 0 ? Math.round((wordsRead * s) / steps) : 0;
    this.steps = s;
    this.cursor = this.wordsRead % this.corpus.tokens.length;
  }

  /** The input vectors of the given word ids, back to back. */
  async predict(input: Float32Array): Promise<Float32Array> {
    const D = this.model.dim;
    const out = new Float32Array(input.length * D);
    input.forEach((id, i) => {
      const w = Math.floor(id);
      if (w >= 0 && w < this.model.vocabSize) out.set(this.model.input.subarray(w * D, (w + 1) * D), i * D);
    });
    return out;
  }

  dispose(): void {
    // Nothing on the device: the tables are plain arrays, and each step's scalar belongs to the loop.
  }
}
