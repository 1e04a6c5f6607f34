/**
 * The RNN lesson's task: a SimpleRNN / LSTM / GRU stack (custom loop over time, src/ml/rnn) trained
 * on a noisy sum of sines, on "recall the first symbol", or as a character-level language model.
 * Loss per task: rnn-model.ts. Data: rnn-data.ts. What the page draws: RnnView below.
 *
 * A step: upload a batch → computeGradients → global norm (the pre-clip number the view reports)
 * → clip to clipNorm when on → applyGradients. Live: learning rate, optimiser, batch size,
 * clipping and temperature; everything in RnnSpec needs a new task (same seed, same start).
 *
 * Cost policy of view() (the loop calls it at most ~20 times a second):
 * - every view: ONE readback of a packed tensor holding the last step's numbers, the evaluation
 *   set's loss (forward only), and the probe sequence's forward + backward pass (states, gates,
 *   ‖∂L/∂h_t‖): about 3·T·(layers) small kernels per pass;
 * - the forecast (series, N steps) or the text sample (chars, N characters) is built as one device
 *   graph (Gumbel-max sampling, no per-character readback) and goes into the same readback, but only
 *   at the first view and then at most once every `generateEveryViews` views (default 10), and only
 *   if the weights (step) or the temperature changed; otherwise the last one is returned again,
 *   with the step it was made at.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../datasets/rng';
import { unroll } from '../rnn/cells';
import { clipByGlobalNorm } from '../rnn/clip';
import { gumbelNoise } from '../rnn/sampling';
import { createOptimizer, disposeOptimizer, readLearningRate, setLearningRate } from '../train/optimizers';
import { createRnnData, type RnnData } from './rnn-data';
import { oneHotRows } from '../rnn/one-hot';
import { disposeBatch, keepBatch, toDevice, type DeviceBatch } from './rnn-device';
import { createRnnModel, disposeModel, exportModel, head, importModel, namedWeights, taskLoss, type RnnModel } from './rnn-model';
import { generateViewParts, makeRnnView, type Generated, type RnnView } from './rnn-view';
import {
  DEFAULT_FORECAST,
  DEFAULT_GENERATE_EVERY_VIEWS,
  DEFAULT_SAMPLE_LENGTH,
  sanitizeRnnHyper,
  validateRnnSpec,
  type RnnHyper,
  type RnnSpec,
} from './rnn-spec';
import type { TrainTask, WeightSnapshot } from './task';

export type { RnnHyper, RnnSpec } from './rnn-spec';
export type { RnnView } from './rnn-view';

export class RnnTask implements TrainTask<RnnHyper, RnnView> {
  readonly data: RnnData;
  readonly model: RnnModel;
  private readonly probe: DeviceBatch;
  private readonly evalSet: DeviceBatch;
  private readonly batchRng: Rng;
  private readonly sampleRng: Rng;
  private optimizer: tf.Optimizer;
  private hyper: RnnHyper;
  private steps = 0;
  private examples = 0;
  /** Steps and sequences seen after the last step trained: what resumeAt scales from. */
  private trained = { steps: 0, examples: 0 };
  private views = 0;
  private last: { loss: tf.Scalar; acc: tf.Scalar | null; norm: tf.Scalar; applied: tf.Scalar } | null = null;
  private generated: Generated | null = null;
  private lastGeneratedView = -Infinity;

  constructor(
    readonly spec: RnnSpec,
    hyper: RnnHyper,
  ) {
    validateRnnSpec(spec);
    this.data = createRnnData({
      task: spec.task,
      seqLen: spec.seqLen,
      seed: spec.seed,
      series: spec.series,
      recall: spec.recall,
      chars: spec.chars,
      forecast: spec.series?.forecast ?? DEFAULT_FORECAST,
    });
    const d = this.data;
    this.model = createRnnModel(
      { ...spec, inputSize: d.inputSize, outputSize: d.outputSize },
      spec.seed,
      `rnn${nextId++}`,
    );
    this.probe = keepBatch(d.probe, d.inputSize, d.outputSize);
    this.evalSet = keepBatch(d.evalSet, d.inputSize, d.outputSize);
    this.batchRng = createRng((spec.seed ^ 0x9e3779b9) >>> 0);
    this.sampleRng = createRng((spec.seed ^ 0x27d4eb2f) >>> 0);
    this.hyper = sanitizeRnnHyper({ ...hyper });
    this.optimizer = this.makeOptimizer();
  }

  private makeOptimizer(): tf.Optimizer {
    const { optimizer, learningRate } = this.hyper;
    return createOptimizer(optimizer, { learningRate, momentum: 0.9, beta1: 0.9, beta2: 0.999 });
  }

  examplesPerStep(): number {
    return this.hyper.batchSize;
  }

  setHyper(h: Partial<RnnHyper>): void {
    const next = sanitizeRnnHyper({ ...this.hyper, ...h });
    if (next.optimizer !== this.hyper.optimizer) {
      // A different optimiser is a new instance (its slot variables differ); free the old one.
      disposeOptimizer(this.optimizer);
      this.hyper = next;
      this.optimizer = this.makeOptimizer();
    }
    this.hyper = next;
    setLearningRate(this.optimizer, next.learningRate);
  }

  step(): tf.Scalar {
    const batch = this.data.nextBatch(this.hyper.batchSize, this.batchRng);
    const vars = namedWeights(this.model).map(([, v]) => v);
    const box: { acc?: tf.Scalar } = {};
    const { value, grads } = tf.tidy(() => {
      const b = toDevice(batch, this.data.inputSize, this.data.outputSize);
      return this.optimizer.computeGradients(() => {
        const out = taskLoss(this.data.task, this.model, unroll(this.model.layers, b.x).outputs, b.y);
        if (out.accuracy) box.acc = tf.keep(out.accuracy);
        return out.loss;
      }, vars);
    });
    const clipped = clipByGlobalNorm(grads, this.hyper.clip ? this.hyper.clipNorm : null);
    tf.dispose(grads);
    this.optimizer.applyGradients(clipped.grads);
    tf.dispose(clipped.grads);
    this.disposeLast();
    this.last = { loss: value.clone(), acc: box.acc ?? null, norm: clipped.norm, applied: clipped.applied };
    this.steps += 1;
    this.examples += batch.B;
    this.trained = { steps: this.steps, examples: this.examples };
    return value;
  }

  async view(): Promise<RnnView> {
    const due = this.views - this.lastGeneratedView >= (this.spec.generateEveryViews ?? DEFAULT_GENERATE_EVERY_VIEWS);
    const stale = !this.generated || this.generated.step !== this.steps || this.generated.temperature !== this.hyper.temperature;
    const generate = this.generated === null || (due && stale);
    this.views += 1;
    const gen = generate ? this.generationPlan() : null;
    const v = await makeRnnView({
      spec: this.spec,
      data: this.data,
      model: this.model,
      probe: this.probe,
      evalSet: this.evalSet,
      last: this.last,
      generate: gen,
      previous: this.generated,
      step: this.steps,
      examples: this.examples,
      hyper: { ...this.hyper, learningRate: readLearningRate(this.optimizer) },
    });
    if (gen) {
      this.generated = v.generated;
      this.lastGeneratedView = this.views - 1;
    }
    return v.view;
  }

  /** What to generate this view: the forecast, or a sample with fresh seeded Gumbel noise. */
  private generationPlan() {
    return generateViewParts(this.data, this.steps, this.hyper.temperature, {
      forecast: this.spec.series?.forecast ?? DEFAULT_FORECAST,
      sampleLength: this.spec.chars?.sampleLength ?? DEFAULT_SAMPLE_LENGTH,
      noise: (n) => gumbelNoise(n, this.sampleRng),
    });
  }

  /** Loss and accuracy on the fixed evaluation set (forward only, one readback). */
  async evaluate(): Promise<{ loss: number; accuracy: number | null }> {
    const packed = tf.tidy(() => {
      const out = taskLoss(this.data.task, this.model, unroll(this.model.layers, this.evalSet.x).outputs, this.evalSet.y);
      return tf.stack([out.loss, out.accuracy ?? tf.scalar(NaN)]);
    });
    const [loss = NaN, acc = NaN] = await packed.data();
    packed.dispose();
    return { loss, accuracy: Number.isNaN(acc) ? null : acc };
  }

  exportWeights(): Promise<WeightSnapshot> {
    return exportModel(this.model);
  }

  importWeights(w: WeightSnapshot): void {
    importModel(this.model, w);
    // The last step's loss and gradient norms and the last forecast or sample belong to other
    // weights now (a rewind, a model file): the next view shows these weights afresh.
    this.disposeLast();
    this.generated = null;
    this.lastGeneratedView = -Infinity;
  }

  resetOptimizer(): void {
    disposeOptimizer(this.optimizer);
    this.optimizer = this.makeOptimizer();
  }

  /** After a rewind to `step`: the view counts from there (sequences seen scaled back with it). */
  resumeAt(step: number): void {
    const s = Math.max(0, Math.round(step));
    // Scaled from the last step trained (not from an earlier rewind): scrubbing forward again works.
    const { steps, examples } = this.trained;
    this.examples = steps > 0 ? Math.round((examples * s) / steps) : 0;
    this.steps = s;
  }

  private disposeLast(): void {
    if (this.last) tf.dispose([this.last.loss, this.last.acc, this.last.norm, this.last.applied].filter((t) => t !== null));
    this.last = null;
  }

  /**
   * series: values x_0 … x_{n−1} → the one-step predictions of x_1 … x_n [n];
   * recall: token ids (as numbers) of one sequence → the K answer probabilities;
   * chars: character ids of a prefix → the probabilities of the next character [V].
   */
  async predict(input: Float32Array): Promise<Float32Array> {
    const d = this.data;
    const out = tf.tidy(() => {
      const n = input.length;
      const x =
        d.task === 'series'
          ? tf.tensor3d(input, [1, n, 1])
          : (oneHotRows(tf.tensor2d(Int32Array.from(input), [1, n], 'int32'), d.inputSize) as tf.Tensor3D);
      const hs = unroll(this.model.layers, x).outputs;
      if (d.task === 'series') return tf.reshape(head(this.model, tf.concat(hs, 0) as tf.Tensor2D), [n]);
      return tf.softmax(head(this.model, hs[hs.length - 1]!));
    });
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return values;
  }

  dispose(): void {
    disposeOptimizer(this.optimizer);
    this.disposeLast();
    disposeBatch(this.probe);
    disposeBatch(this.evalSet);
    disposeModel(this.model);
  }
}

let nextId = 0;
