import * as tf from '@tensorflow/tfjs';
import { EpochSampler } from '../../datasets/epoch-sampler';
import { normalisedBatch, type MnistPack } from '../../datasets/mnist';
import { createRng, type Rng } from '../../datasets/rng';
import type { BackendName } from '../backend-names';
import { NUM_CLASSES, type MnistModelSpec } from '../cnn/architecture';
import { installFastCpuKernels } from '../cnn/cpu-kernels';
import { BN_EPSILON, BN_MOMENTUM, type BatchStats } from '../cnn/batchnorm';
import { MnistModel } from '../cnn/model';
import { batchNormProbe } from './mlp-view';
import {
  createOptimizer,
  DEFAULT_OPTIMIZER_SETTINGS,
  readLearningRate,
  setLearningRate,
  type OptimizerName,
} from '../train/optimizers';
import { createMnistTensors, type MnistTensors } from './mnist-data';
import { accuracy, confusionMatrix, misclassified, predictInChunks } from './mnist-eval';
import {
  DEFAULT_MNIST_VIEW_OPTIONS,
  TRAIN_ACCURACY_SUBSET,
  type FeatureMapsView,
  type FeatureMapView,
  type FilterView,
  type MnistEvaluation,
  type MnistView,
  type MnistViewOptions,
} from './mnist-view';
import type { TrainTask, WeightSnapshot } from './task';

export interface MnistSpec {
  kind: 'mnist';
  model: MnistModelSpec;
  trainCount: number;
  testCount: number;
  /** Seeds the split, the initial weights, the batch order and dropout. */
  seed: number;
  /** Absolute URL of the pack (the page resolves MNIST_PACK_PATH against document.baseURI). */
  dataUrl: string;
}

export interface MnistHyper {
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerName;
}

export * from './mnist-view';

/**
 * Backends that cannot train this model: none. (Stock WASM has no Conv2DBackpropFilter kernel;
 * cnn/wasm-kernels.ts, installed by cnn/model.ts, provides it.)
 */
export function unsupportedBackendsFor(_model: MnistModelSpec): BackendName[] {
  return [];
}

const PIXELS = 784;

/**
 * Digit classification on real MNIST with the seed CNN, the MLP baseline or a custom CNN,
 * trained by mini-batch softmax cross-entropy (from logits) with a live optimiser.
 */
export class MnistTask implements TrainTask<MnistHyper, MnistView> {
  readonly model: MnistModel;
  private readonly data: MnistTensors;
  private optimizer: tf.Optimizer;
  private hyper: MnistHyper;
  private readonly batchRng: Rng;
  private readonly dropoutRng: Rng;
  private readonly sampler: EpochSampler;
  private steps = 0;
  /** Bumped whenever the weights change (step, import): cached view parts are keyed on it. */
  private version = 0;
  private readonly lossSum: tf.Variable;
  private lossCount = 0;
  private recentLoss: number | null = null;
  private viewOptions: MnistViewOptions;
  private evaluation: MnistEvaluation | null = null;
  private evalVersion = -1;
  private evalEndedAt = -Infinity;
  private evalRequested = false;
  private filters: { version: number; view: FilterView } | null = null;
  private maps: { version: number; testIndex: number; at: number; view: FeatureMapsView } | null = null;
  private disposed = false;
  private readonly now: () => number;
  /** Batch norm: block 1, channel 1's 9 probe numbers at the last step (batchnorm.ts probeChannel0), and m, H, W. */
  private lastBnProbe: tf.Tensor1D | null = null;
  private lastBnBatch: { m: number; height: number; width: number } | null = null;

  constructor(
    readonly spec: MnistSpec,
    hyper: MnistHyper,
    private readonly pack: MnistPack,
    opts: { view?: Partial<MnistViewOptions>; now?: () => number } = {},
  ) {
    // Makes conv training on the 'cpu' backend usable; no effect on other backends.
    installFastCpuKernels();
    this.now = opts.now ?? (() => performance.now());
    this.viewOptions = { ...DEFAULT_MNIST_VIEW_OPTIONS, ...opts.view };
    this.model = new MnistModel(spec.model, spec.seed);
    try {
      this.data = createMnistTensors(pack, spec);
    } catch (e) {
      this.model.dispose();
      throw e;
    }
    const n = this.data.split.train.length;
    this.hyper = { ...hyper, batchSize: clampBatch(hyper.batchSize, n) };
    this.optimizer = createOptimizer(this.hyper.optimizer, { ...DEFAULT_OPTIMIZER_SETTINGS, learningRate: hyper.learningRate });
    this.batchRng = createRng(spec.seed ^ 0x5bd1e995);
    this.dropoutRng = createRng(spec.seed ^ 0x27d4eb2f);
    this.sampler = new EpochSampler(n, this.batchRng);
    this.lossSum = tf.tidy(() => tf.variable(tf.scalar(0), false));
    this.setViewOptions({ testIndex: this.viewOptions.testIndex });
  }

  examplesPerStep(): number {
    return this.hyper.batchSize;
  }

  /** Forget the optimiser's memory (Adam's moments, momentum): a rewind puts back weights only. */
  resetOptimizer(): void {
    disposeOptimizer(this.optimizer, this.hyper.optimizer);
    this.optimizer = createOptimizer(this.hyper.optimizer, { ...DEFAULT_OPTIMIZER_SETTINGS, learningRate: this.hyper.learningRate });
  }

  /** The imported weights are those after `step` steps: the view, its feature maps and evaluation say so. */
  resumeAt(step: number): void {
    this.steps = step;
    this.sampler.rewindTo(step, this.hyper.batchSize);
  }

  setHyper(h: Partial<MnistHyper>): void {
    if (h.batchSize !== undefined) this.hyper.batchSize = clampBatch(h.batchSize, this.sampler.size);
    if (h.learningRate !== undefined) this.hyper.learningRate = h.learningRate;
    if (h.optimizer !== undefined && h.optimizer !== this.hyper.optimizer) {
      // A different optimiser is a new instance (its slot variables differ); free the old one.
      disposeOptimizer(this.optimizer, this.hyper.optimizer);
      this.hyper.optimizer = h.optimizer;
      this.optimizer = createOptimizer(h.optimizer, { ...DEFAULT_OPTIMIZER_SETTINGS, learningRate: this.hyper.learningRate });
    } else if (h.learningRate !== undefined) {
      setLearningRate(this.optimizer, h.learningRate);
    }
  }

  /**
   * Change what view() computes (see MnistViewOptions); testIndex is clamped to the test set.
   * `evaluateNow` asks for an evaluation at the next view() (as requestEvaluation does).
   */
  setViewOptions(o: Partial<MnistViewOptions & { evaluateNow: boolean }>): void {
    const { evaluateNow, ...rest } = o;
    if (evaluateNow) this.requestEvaluation();
    this.viewOptions = { ...this.viewOptions, ...rest };
    const n = this.data.split.test.length;
    this.viewOptions.testIndex = Math.max(0, Math.min(n - 1, Math.round(this.viewOptions.testIndex) || 0));
  }

  /** Show the feature maps of test image i (position in the test set) from the next view() on. */
  selectTestImage(i: number): void {
    this.setViewOptions({ testIndex: i });
  }

  /** Evaluate at the next view() whatever the schedule says. */
  requestEvaluation(): void {
    this.evalRequested = true;
  }

  /** Indices of the next mini-batch; reshuffles at each epoch boundary. */
  private nextBatch(): Int32Array {
    return this.sampler.next(this.hyper.batchSize);
  }

  step(): tf.Scalar {
    const idx = this.nextBatch();
    const nextSeed = () => this.dropoutRng.int(0x7fffffff);
    const bn = this.model.hasBatchNorm;
    const bnStats: BatchStats[] = [];
    const bnProbe: { value?: tf.Tensor1D } = {};
    const { value, grads } = tf.tidy(() => {
      const indices = tf.tensor1d(idx, 'int32');
      const xb = tf.gather(this.data.trainX, indices);
      const yb = tf.oneHot(tf.gather(this.data.trainY, indices), NUM_CLASSES);
      return this.optimizer.computeGradients(() => {
        const logits = this.model.forward(xb, bn ? { training: true, nextSeed, bnStats, bnProbe } : { training: true, nextSeed });
        // The forward runs in the gradient's own tidy: keep what outlives it (the statistics already are).
        if (bnProbe.value) tf.keep(bnProbe.value);
        // softmaxCrossEntropy takes logits: log-softmax inside, never log(softmax(·)).
        return tf.losses.softmaxCrossEntropy(yb, logits) as tf.Scalar;
      }, this.model.trainable);
    });
    this.optimizer.applyGradients(grads);
    tf.dispose(Object.values(grads));
    if (bn) {
      // Running averages move only after the step, from the statistics its forward pass used.
      this.model.updateRunningStats(bnStats);
      this.lastBnProbe?.dispose();
      this.lastBnProbe = bnProbe.value ?? null;
      const conv1 = this.model.description.layers.find((l) => l.layer.type === 'conv2d')!;
      const [height = 0, width = 0] = conv1.outputShape;
      this.lastBnBatch = { m: idx.length, height, width };
    }
    tf.tidy(() => this.lossSum.assign(tf.add(this.lossSum, value)));
    this.lossCount++;
    this.steps++;
    this.version++;
    return value;
  }

  async view(): Promise<MnistView> {
    const o = this.viewOptions;
    const recent = this.readRecentLoss();
    const filters = this.readFilters();
    const maps = o.featureMaps ? this.readFeatureMaps(o.testIndex) : Promise.resolve(null);
    const bn = this.readBatchNorm();
    const [recentTrainLoss, f, m, batchNorm] = await Promise.all([recent, filters, maps, bn]);
    if (this.shouldEvaluate()) await this.evaluate();
    return {
      model: this.spec.model.kind,
      step: this.steps,
      epoch: this.sampler.epoch,
      optimizer: this.hyper.optimizer,
      learningRate: readLearningRate(this.optimizer),
      batchSize: this.hyper.batchSize,
      trainCount: this.data.split.train.length,
      testCount: this.data.split.test.length,
      recentTrainLoss,
      params: this.model.paramCounts(),
      evaluation: this.evaluation,
      filters: f,
      featureMaps: m,
      batchNorm,
    };
  }

  private async readBatchNorm(): Promise<MnistView['batchNorm']> {
    if (!this.model.hasBatchNorm) return null;
    // A clone: a step during the readback may replace (and dispose) the probe.
    const probe = this.lastBnProbe?.clone() ?? null;
    const values = probe ? await probe.data() : null;
    probe?.dispose();
    return {
      epsilon: BN_EPSILON,
      momentum: BN_MOMENTUM,
      batch: this.lastBnBatch,
      probe: values ? batchNormProbe(values) : null,
    };
  }

  private async readRecentLoss(): Promise<number | null> {
    if (this.lossCount === 0) return this.recentLoss;
    const count = this.lossCount;
    const sum = this.lossSum.clone();
    tf.tidy(() => this.lossSum.assign(tf.scalar(0)));
    this.lossCount = 0;
    const v = await sum.data();
    sum.dispose();
    this.recentLoss = v[0]! / count;
    return this.recentLoss;
  }

  private async readFilters(): Promise<FilterView | null> {
    const conv = this.model.description.layers.find((l) => l.layer.type === 'conv2d');
    if (!conv || conv.layer.type !== 'conv2d') return null;
    if (this.filters?.version === this.version) return this.filters.view;
    const version = this.version;
    const { name, kernel: k, filters: count } = conv.layer;
    // [k, k, 1, F] → [F, k, k] on the device; the first layer has one input channel.
    const kernel = this.model.weight(`${name}/kernel`);
    // With batch norm the conv has no bias (β shifts instead): an empty array.
    const bias = this.model.hasWeight(`${name}/bias`) ? this.model.weight(`${name}/bias`) : null;
    const t = tf.tidy(() => tf.transpose(tf.reshape(kernel, [k, k, count]), [2, 0, 1]));
    const [values, b] = await Promise.all([t.data(), bias ? bias.data() : new Float32Array(0)]);
    t.dispose();
    const view = { layer: name, size: k, count, values: values as Float32Array, bias: Float32Array.from(b) };
    this.filters = { version, view };
    return view;
  }

  private async readFeatureMaps(testIndex: number): Promise<FeatureMapsView | null> {
    if (!this.model.description.layers.some((l) => l.layer.type === 'conv2d')) return null;
    const cached = this.maps;
    if (
      cached &&
      cached.testIndex === testIndex &&
      (cached.version === this.version || this.now() - cached.at < this.viewOptions.featureMapsIntervalMs)
    ) {
      return cached.view;
    }
    const version = this.version;
    const at = this.now();
    const record = this.data.split.test[testIndex]!;
    const input = normalisedBatch(this.pack, [record]);
    const view: FeatureMapsView = {
      atStep: this.steps,
      testIndex,
      record,
      label: this.pack.labels[record]!,
      input,
      layers: await this.featureMaps(input),
    };
    this.maps = { version, testIndex, at, view };
    return view;
  }

  /**
   * Each conv layer's output for the images in `input` (n·784 values in [0, 1]; the
   * maps of image 0 are returned), after its ReLU or, with preActivation, the raw
   * Σ x·w + b — what conv-reference computes.
   */
  async featureMaps(input: Float32Array, opts: { preActivation?: boolean } = {}): Promise<FeatureMapView[]> {
    const outs = tf.tidy(() => {
      const convOutputs: tf.Tensor4D[] = [];
      this.model.forward(toImages(input), { training: false, convOutputs });
      // Image 0, [h, w, c] → [c, h, w] so that each map is a contiguous image.
      return convOutputs.map((t) => {
        const first = tf.squeeze(tf.slice(t, [0, 0, 0, 0], [1, -1, -1, -1]), [0]);
        return tf.transpose(opts.preActivation ? first : tf.relu(first), [2, 0, 1]);
      });
    });
    const values = await Promise.all(outs.map((t) => t.data()));
    const convs = this.model.description.layers.filter((l) => l.layer.type === 'conv2d');
    const maps = outs.map((t, i) => ({
      layer: convs[i]!.layer.name,
      channels: t.shape[0]!,
      height: t.shape[1]!,
      width: t.shape[2]!,
      values: values[i] as Float32Array,
    }));
    tf.dispose(outs);
    return maps;
  }

  private shouldEvaluate(): boolean {
    if (this.evalVersion === this.version && !this.evalRequested) return false;
    if (this.evalRequested) return true;
    const o = this.viewOptions;
    if (!o.evaluate || this.steps === 0) return false;
    const share = Math.min(1, Math.max(1e-3, o.evalShare));
    const cost = this.evaluation?.durationMs ?? 0;
    const wait = Math.max(o.minEvalIntervalMs, (cost * (1 - share)) / share);
    return this.now() - this.evalEndedAt >= wait;
  }

  /** Evaluate now (test set + train subset), in chunks; updates the cached evaluation. */
  async evaluate(): Promise<MnistEvaluation> {
    const start = this.now();
    const version = this.version;
    this.evalRequested = false;
    const logits = (x: tf.Tensor4D) => this.model.forward(x, { training: false });
    const alive = () => !this.disposed;
    const d = this.data;
    const test = await predictInChunks(logits, d.testX, d.testY, { alive });
    const trainSubset = Math.min(TRAIN_ACCURACY_SUBSET, d.trainLabels.length, d.testLabels.length);
    const train = await predictInChunks(logits, d.trainX, d.trainY, { count: trainSubset, alive });
    const wrong = misclassified(d.testLabels, test, d.split.test);
    const end = this.now();
    this.evaluation = {
      atStep: this.steps,
      testLoss: test.meanLoss,
      testAccuracy: accuracy(d.testLabels, test.predicted),
      testCount: test.predicted.length,
      trainAccuracy: accuracy(d.trainLabels.subarray(0, trainSubset), train.predicted),
      trainSubset,
      confusion: confusionMatrix(d.testLabels, test.predicted),
      misclassifiedCount: wrong.count,
      misclassified: wrong.items,
      durationMs: end - start,
    };
    this.evalVersion = version;
    this.evalEndedAt = end;
    return this.evaluation;
  }

  async exportWeights(): Promise<WeightSnapshot> {
    return this.model.exportWeights();
  }

  /**
   * Other weights (a rewind, a model file): everything the view computed from the old ones goes —
   * the filters, the feature maps (even inside their refresh interval), the evaluation (redone at
   * the next view, so the readouts and the confusion matrix are these weights'), the recent loss
   * and the batch-norm probe of the last step.
   */
  importWeights(w: WeightSnapshot): void {
    this.model.importWeights(w);
    this.version++;
    this.filters = null;
    this.maps = null;
    this.evaluation = null;
    this.evalRequested = true;
    tf.tidy(() => this.lossSum.assign(tf.scalar(0)));
    this.lossCount = 0;
    this.recentLoss = null;
    this.lastBnProbe?.dispose();
    this.lastBnProbe = null;
    this.lastBnBatch = null;
  }

  /** The 10 class probabilities for each image in `input` (n·784 values in [0, 1], row-major 28×28). */
  async predict(input: Float32Array): Promise<Float32Array> {
    const p = tf.tidy(() => this.model.probabilities(toImages(input)));
    const out = (await p.data()) as Float32Array;
    p.dispose();
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeOptimizer(this.optimizer, this.hyper.optimizer);
    this.model.dispose();
    this.data.dispose();
    this.lossSum.dispose();
    this.lastBnProbe?.dispose();
    this.lastBnProbe = null;
  }
}

function toImages(input: Float32Array): tf.Tensor4D {
  const n = input.length / PIXELS;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`expected n·${PIXELS} pixel values, got ${input.length}`);
  return tf.tensor4d(input, [n, 28, 28, 1]);
}

/**
 * tfjs 4.22's MomentumOptimizer.dispose() does not free the −α scalar `c` it inherits
 * from SGD (it skips super.dispose()); free it too. Disposing a tensor twice is harmless.
 */
function disposeOptimizer(opt: tf.Optimizer, name: OptimizerName): void {
  opt.dispose();
  if (name === 'momentum') (opt as unknown as { c?: tf.Scalar }).c?.dispose();
}

function clampBatch(m: number, n: number): number {
  return Math.max(1, Math.min(n, Math.round(m)));
}
