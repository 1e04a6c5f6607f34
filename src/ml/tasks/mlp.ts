/**
 * The MLP playground's task (TensorFlow Playground, done in tfjs): 2-D points → chosen input
 * features → 0–6 hidden layers of 1–8 units → logits / value, trained by mini-batches.
 *
 * Loss conventions:
 * - step() returns the batch's DATA loss (cross-entropy or MSE, with dropout active), without the
 *   l1/l2 penalty, so the loss curve is comparable across regularisation strengths and with the
 *   test loss. The optimiser minimises data loss + penalty; the view reports the penalty apart.
 * - Binary: sigmoid + binary cross-entropy from the logit; 3 classes: softmax cross-entropy from
 *   the logits; regression: MSE = mean((ŷ − y)²). See mlp-model.ts.
 * Live (setHyper): learning rate, batch size, optimiser, l1, l2, dropout. The architecture,
 * activation, features and data are fixed per task: change them by building a new task from
 * the same seed, which gives identical initial weights and batches.
 */
import * as tf from '@tensorflow/tfjs';
import type { EpochSampler } from '../../datasets/epoch-sampler';
import type { FeatureName } from '../../datasets/points2d-features';
import type { Points2D } from '../../datasets/points2d';
import type { Points2DSpec } from '../../datasets/points2d-split';
import type { Rng } from '../../datasets/rng';
import { createOptimizer, readLearningRate, setLearningRate, type OptimizerName, disposeOptimizer } from '../train/optimizers';
import { disposeSet, featureTensor, toDevice } from './mlp-data';
import { collectView, type MlpView } from './mlp-view';
import {
  BN_MOMENTUM,
  createLayers,
  dataLoss,
  disposeLayers,
  mlpForward,
  namedVars,
  trainableVars,
  outputValues,
  penalty,
  type DeviceSet,
  type MlpActivation,
  type MlpLayer,
  type MlpOutput,
} from './mlp-model';
import { mlpSetup, sanitizeMlpHyper } from './mlp-setup';
import type { TrainTask, WeightSnapshot } from './task';

export { sanitizeMlpHyper } from './mlp-setup';

export type { MlpView } from './mlp-view';

export interface MlpSpec {
  kind: 'mlp';
  data: Points2DSpec;
  features: FeatureName[];
  /** Widths of the hidden layers: 0–6 layers of 1–8 units. */
  hidden: number[];
  activation: MlpActivation;
  /** Seeds the initial weights, the batch order and the dropout masks. */
  seed: number;
  /**
   * Batch normalisation on every hidden layer's pre-activation (mlp-model.ts: BatchNormVars);
   * those layers then have no bias. Absent: off.
   */
  batchNorm?: boolean;
  /** Side of the prediction lattice over [−6, 6]² (default 48). */
  gridSize?: number;
  /** Side of the per-neuron heatmaps (default 16; 0 leaves them out). */
  neuronGridSize?: number;
}

export interface MlpHyper {
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerName;
  /** Strength of l1 · Σ|W| and l2 · ΣW² over the weight matrices (not biases). */
  l1: number;
  l2: number;
  /** Dropout rate on hidden activations during training, in [0, 0.9]. */
  dropout: number;
}

export class MlpTask implements TrainTask<MlpHyper, MlpView> {
  readonly train: Points2D;
  readonly test: Points2D;
  readonly output: MlpOutput;
  readonly widths: number[];
  /** Sides of the prediction and per-neuron lattices (mlp-setup.ts). */
  private readonly gridSize: number;
  private readonly neuronGridSize: number;
  private readonly layers: MlpLayer[];
  private readonly trainSet: DeviceSet;
  private readonly testSet: DeviceSet;
  private readonly gridX: tf.Tensor2D;
  private readonly neuronX: tf.Tensor2D | null;
  private readonly dropRng: Rng;
  private optimizer: tf.Optimizer;
  private hyper: MlpHyper;
  private readonly sampler: EpochSampler;
  private steps = 0;
  private lastNorms: tf.Tensor1D | null = null;
  private lastLoss: tf.Scalar | null = null;
  /** Batch norm: [μ_B, σ²_B, z, x̂, y, γ, β, running mean, running var] of layer 1, unit 1, row 0 at the last step. */
  private lastBnProbe: tf.Tensor1D | null = null;

  constructor(
    readonly spec: MlpSpec,
    hyper: MlpHyper,
  ) {
    const setup = mlpSetup(spec, hyper);
    this.train = setup.train;
    this.test = setup.test;
    this.output = setup.output;
    this.widths = setup.widths;
    this.layers = createLayers(this.widths, spec.activation, spec.seed, `mlp${nextId++}`, spec.batchNorm === true);
    this.trainSet = toDevice(setup.train, spec.features, this.output);
    this.testSet = toDevice(setup.test, spec.features, this.output);
    this.gridX = featureTensor(setup.gridPoints, spec.features);
    this.neuronX = setup.neuronPoints ? featureTensor(setup.neuronPoints, spec.features) : null;
    this.dropRng = setup.dropRng;
    this.hyper = setup.hyper;
    this.sampler = setup.sampler;
    this.gridSize = setup.gridSize;
    this.neuronGridSize = setup.neuronGridSize;
    this.optimizer = this.makeOptimizer();
  }

  private makeOptimizer(): tf.Optimizer {
    const h = this.hyper;
    return createOptimizer(h.optimizer, { learningRate: h.learningRate, momentum: 0.9, beta1: 0.9, beta2: 0.999 });
  }

  private disposeOptimizer(): void {
    // Also frees Momentum's inherited −α scalar, which tfjs 4.22 leaks.
    disposeOptimizer(this.optimizer);
  }

  /** The imported weights are those after `step` steps: the epoch count says so (see EpochSampler.rewindTo). */
  resumeAt(step: number): void {
    this.sampler.rewindTo(step, this.hyper.batchSize);
  }

  resetOptimizer(): void {
    this.disposeOptimizer();
    this.optimizer = this.makeOptimizer();
  }

  examplesPerStep(): number {
    return this.hyper.batchSize;
  }

  setHyper(h: Partial<MlpHyper>): void {
    const next = sanitizeMlpHyper({ ...this.hyper, ...h }, this.trainSet.n);
    if (next.optimizer !== this.hyper.optimizer) {
      // A different optimiser is a new instance (its slot variables differ); free the old one.
      this.disposeOptimizer();
      this.hyper = next;
      this.optimizer = this.makeOptimizer();
    }
    this.hyper = next;
    setLearningRate(this.optimizer, next.learningRate);
  }

  /** Indices of the next mini-batch; reshuffles at each epoch boundary. */
  private nextBatch(): Int32Array {
    return this.sampler.next(this.hyper.batchSize);
  }

  step(): tf.Scalar {
    const idx = this.nextBatch();
    const { l1, l2, dropout: rate } = this.hyper;
    const dropout = rate > 0 ? { rate, seed: this.dropRng.int(2 ** 31) } : null;
    const vars = trainableVars(this.layers);
    const box: { data?: tf.Scalar } = {};
    const bnStats: { mean: tf.Tensor1D; variance: tf.Tensor1D }[] = [];
    const bnProbe: { value?: tf.Tensor1D } = {};
    const { value, grads, norms } = tf.tidy(() => {
      const ib = tf.tensor1d(idx, 'int32');
      const xb = tf.gather(this.trainSet.x, ib);
      const yb = tf.gather(this.trainSet.y, ib);
      const r = this.optimizer.computeGradients(() => {
        const raw = mlpForward(this.layers, xb, this.spec.activation, { dropout, training: true, bnStats, bnProbe });
        // The forward runs in the gradient's own tidy: keep what outlives it.
        for (const st of bnStats) [st.mean, st.variance].forEach((t) => tf.keep(t));
        if (bnProbe.value) tf.keep(bnProbe.value);
        const data = dataLoss(this.output, raw, yb);
        box.data = tf.keep(data);
        const pen = penalty(this.layers, l1, l2);
        return pen ? tf.add(data, pen) : data;
      }, vars);
      // ‖∂(L + penalty)/∂W_l‖ per weight matrix, from the same gradients the optimiser applies.
      const norms = tf.stack(this.layers.map((l) => tf.norm(r.grads[l.W.name]!))) as tf.Tensor1D;
      return { ...r, norms };
    });
    const data = box.data;
    if (!data) throw new Error('mlp step: the loss function did not run');
    this.optimizer.applyGradients(grads);
    tf.dispose(grads);
    if (value !== data) value.dispose();
    this.updateRunningStats(bnStats);
    this.lastBnProbe?.dispose();
    this.lastBnProbe = bnProbe.value ?? null;
    this.lastNorms?.dispose();
    this.lastNorms = norms;
    this.lastLoss?.dispose();
    this.lastLoss = data.clone();
    this.steps += 1;
    return data;
  }

  /** running ← momentum · running + (1 − momentum) · batch statistic, for each batch-norm layer. */
  private updateRunningStats(stats: readonly { mean: tf.Tensor1D; variance: tf.Tensor1D }[]): void {
    const bns = this.layers.flatMap((l) => (l.bn ? [l.bn] : []));
    tf.tidy(() => {
      stats.forEach((st, i) => {
        const bn = bns[i]!;
        bn.mean.assign(tf.add(tf.mul(bn.mean, BN_MOMENTUM), tf.mul(st.mean, 1 - BN_MOMENTUM)));
        bn.variance.assign(tf.add(tf.mul(bn.variance, BN_MOMENTUM), tf.mul(st.variance, 1 - BN_MOMENTUM)));
      });
    });
    tf.dispose(stats.flatMap((st) => [st.mean, st.variance]));
  }

  async view(): Promise<MlpView> {
    return collectView({
      batchNorm: this.spec.batchNorm === true && this.widths.length > 2,
      lastBnProbe: this.lastBnProbe,
      layers: this.layers,
      activation: this.spec.activation,
      output: this.output,
      classes: this.train.classes,
      trainSet: this.trainSet,
      testSet: this.testSet,
      gridX: this.gridX,
      gridSize: this.gridSize,
      neuronX: this.neuronX,
      neuronGridSize: this.neuronGridSize,
      lastNorms: this.lastNorms,
      lastLoss: this.lastLoss,
      penalty: () => penalty(this.layers, this.hyper.l1, this.hyper.l2),
      step: this.steps,
      epoch: this.sampler.epoch,
      hyper: { ...this.hyper, learningRate: readLearningRate(this.optimizer) },
    });
  }

  async exportWeights(): Promise<WeightSnapshot> {
    const vars = namedVars(this.layers);
    const values = await Promise.all(vars.map(([, v]) => v.data()));
    const out: WeightSnapshot = {};
    vars.forEach(([name, v], i) => (out[name] = { shape: [...v.shape], values: Float32Array.from(values[i]!) }));
    return out;
  }

  importWeights(s: WeightSnapshot): void {
    tf.tidy(() => {
      for (const [name, v] of namedVars(this.layers)) {
        const w = s[name];
        if (!w) continue;
        if (w.shape.join() !== v.shape.join()) throw new RangeError(`${name}: shape ${w.shape} ≠ ${v.shape}`);
        v.assign(tf.tensor(w.values, v.shape));
      }
    });
  }

  /** Per point of interleaved (x1, x2): p(class 1), the C class probabilities, or ŷ. */
  async predict(input: Float32Array): Promise<Float32Array> {
    const out = tf.tidy(() =>
      outputValues(this.output, mlpForward(this.layers, featureTensor(input, this.spec.features), this.spec.activation)),
    );
    const data = (await out.data()) as Float32Array;
    out.dispose();
    return data;
  }

  dispose(): void {
    this.disposeOptimizer();
    tf.dispose([this.lastNorms, this.lastLoss, this.lastBnProbe, this.gridX, this.neuronX].filter((t) => t !== null));
    disposeSet(this.trainSet);
    disposeSet(this.testSet);
    disposeLayers(this.layers);
  }
}

let nextId = 0;
