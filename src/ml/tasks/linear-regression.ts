import * as tf from '@tensorflow/tfjs';
import { EpochSampler } from '../../datasets/epoch-sampler';
import { generateLinear, type LinearData, type LinearDataSpec } from '../../datasets/linear';
import { createRng, type Rng } from '../../datasets/rng';
import {
  createOptimizer,
  disposeOptimizer,
  readLearningRate,
  setLearningRate,
  type OptimizerName,
  type OptimizerSettings,
} from '../train/optimizers';
import type { TrainTask, WeightSnapshot } from './task';

export interface LinRegHyper {
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerName;
}

export interface LinRegView {
  w: number;
  b: number;
  /** Parameters before the last update, so the page can show θ_old → θ_new with real numbers. */
  prevW: number;
  prevB: number;
  /** Gradient of the last batch's loss, ∂L/∂w and ∂L/∂b, evaluated before the update. */
  gradW: number;
  gradB: number;
  /** Loss of that last batch (MSE), or null before the first step. */
  batchLoss: number | null;
  /** Loss on all points at the current (w, b). */
  fullLoss: number;
  /** The learning rate the optimiser actually used (read back from it). */
  learningRate: number;
  optimizer: OptimizerName;
  batchSize: number;
  epoch: number;
}

export interface LinRegSpec {
  kind: 'linreg';
  data: LinearDataSpec;
  init: { w: number; b: number };
}

/**
 * Linear regression ŷ = w·x + b fitted by mini-batch gradient descent on the MSE
 * L = (1/m) Σ (ŷᵢ − yᵢ)², with tfjs computing the gradients.
 */
export class LinearRegressionTask implements TrainTask<LinRegHyper, LinRegView> {
  readonly data: LinearData;
  private readonly x: tf.Tensor1D;
  private readonly y: tf.Tensor1D;
  private readonly w: tf.Variable;
  private readonly b: tf.Variable;
  private optimizer: tf.Optimizer;
  private hyper: LinRegHyper;
  private readonly settings: OptimizerSettings;
  private readonly rng: Rng;
  private readonly sampler: EpochSampler;
  private lastGradW: tf.Scalar | null = null;
  private lastGradB: tf.Scalar | null = null;
  private lastLoss: tf.Scalar | null = null;
  private prevW: tf.Tensor | null = null;
  private prevB: tf.Tensor | null = null;

  constructor(spec: LinRegSpec, hyper: LinRegHyper) {
    this.data = generateLinear(spec.data);
    this.rng = createRng(spec.data.seed ^ 0x9e3779b9);
    this.hyper = { ...hyper, batchSize: clampBatch(hyper.batchSize, spec.data.n) };
    this.settings = { learningRate: hyper.learningRate, momentum: 0.9, beta1: 0.9, beta2: 0.999 };
    this.x = tf.tensor1d(this.data.xs);
    this.y = tf.tensor1d(this.data.ys);
    // Variable names are global in tfjs; a unique suffix lets an old and a new task coexist.
    const id = nextId++;
    // Inside tidy: a variable shares its initial tensor's data, and the initial tensor itself must go.
    this.w = tf.tidy(() => tf.variable(tf.scalar(spec.init.w), true, `linreg_w_${id}`));
    this.b = tf.tidy(() => tf.variable(tf.scalar(spec.init.b), true, `linreg_b_${id}`));
    this.optimizer = createOptimizer(this.hyper.optimizer, this.settings);
    this.sampler = new EpochSampler(spec.data.n, this.rng);
  }

  examplesPerStep(): number {
    return this.hyper.batchSize;
  }

  /** The imported weights are those after `step` steps: the epoch count says so (see EpochSampler.rewindTo). */
  resumeAt(step: number): void {
    this.sampler.rewindTo(step, this.hyper.batchSize);
  }

  resetOptimizer(): void {
    disposeOptimizer(this.optimizer);
    this.optimizer = createOptimizer(this.hyper.optimizer, { ...this.settings, learningRate: this.hyper.learningRate });
  }

  setHyper(h: Partial<LinRegHyper>): void {
    if (h.batchSize !== undefined) {
      this.hyper.batchSize = clampBatch(h.batchSize, this.data.xs.length);
    }
    if (h.optimizer !== undefined && h.optimizer !== this.hyper.optimizer) {
      // A different optimiser is a new instance (its slot variables differ); free the old one.
      disposeOptimizer(this.optimizer);
      this.hyper.optimizer = h.optimizer;
      this.optimizer = createOptimizer(h.optimizer, {
        ...this.settings,
        learningRate: h.learningRate ?? this.hyper.learningRate,
      });
    }
    if (h.learningRate !== undefined) {
      this.hyper.learningRate = h.learningRate;
      this.settings.learningRate = h.learningRate;
      setLearningRate(this.optimizer, h.learningRate);
    }
  }

  /** Indices of the next mini-batch; reshuffles at each epoch boundary. */
  private nextBatch(): Int32Array {
    return this.sampler.next(this.hyper.batchSize);
  }

  step(): tf.Scalar {
    const idx = this.nextBatch();
    const { value, grads } = tf.tidy(() => {
      const indices = tf.tensor1d(idx, 'int32');
      const xb = tf.gather(this.x, indices);
      const yb = tf.gather(this.y, indices);
      return this.optimizer.computeGradients(() => mse(this.w, this.b, xb, yb), [this.w, this.b]);
    });
    this.lastGradW?.dispose();
    this.lastGradB?.dispose();
    this.lastLoss?.dispose();
    this.lastGradW = grads[this.w.name] as tf.Scalar;
    this.lastGradB = grads[this.b.name] as tf.Scalar;
    this.prevW?.dispose();
    this.prevB?.dispose();
    this.prevW = this.w.clone();
    this.prevB = this.b.clone();
    this.optimizer.applyGradients(grads);
    this.lastLoss = tf.keep(value.clone());
    return value;
  }

  async view(): Promise<LinRegView> {
    const full = tf.tidy(() => mse(this.w, this.b, this.x, this.y));
    const parts = [this.w, this.b, full, this.lastGradW, this.lastGradB, this.lastLoss, this.prevW, this.prevB];
    const values = await Promise.all(parts.map((t) => (t ? t.data() : Promise.resolve(null))));
    full.dispose();
    const num = (i: number): number => values[i]?.[0] ?? 0;
    return {
      w: num(0),
      b: num(1),
      fullLoss: num(2),
      gradW: num(3),
      gradB: num(4),
      batchLoss: values[5] ? num(5) : null,
      prevW: values[6] ? num(6) : num(0),
      prevB: values[7] ? num(7) : num(1),
      learningRate: readLearningRate(this.optimizer),
      optimizer: this.hyper.optimizer,
      batchSize: this.hyper.batchSize,
      epoch: this.sampler.epoch,
    };
  }

  async exportWeights(): Promise<WeightSnapshot> {
    const [w, b] = await Promise.all([this.w.data(), this.b.data()]);
    return {
      w: { shape: [], values: Float32Array.from(w) },
      b: { shape: [], values: Float32Array.from(b) },
    };
  }

  importWeights(s: WeightSnapshot): void {
    const w = s.w?.values[0];
    const b = s.b?.values[0];
    tf.tidy(() => {
      if (w !== undefined) this.w.assign(tf.scalar(w));
      if (b !== undefined) this.b.assign(tf.scalar(b));
    });
    // The last step's gradient, loss and old parameters belong to other weights now (a rewind,
    // a model file): the view shows these weights as before any step, not stale numbers.
    tf.dispose([this.lastGradW, this.lastGradB, this.lastLoss, this.prevW, this.prevB].filter((t) => t !== null));
    this.lastGradW = this.lastGradB = this.lastLoss = null;
    this.prevW = this.prevB = null;
  }

  async predict(input: Float32Array): Promise<Float32Array> {
    const out = tf.tidy(() => tf.add(tf.mul(tf.tensor1d(input), this.w), this.b));
    const data = (await out.data()) as Float32Array;
    out.dispose();
    return data;
  }

  dispose(): void {
    disposeOptimizer(this.optimizer);
    this.lastGradW?.dispose();
    this.lastGradB?.dispose();
    this.lastLoss?.dispose();
    this.prevW?.dispose();
    this.prevB?.dispose();
    tf.dispose([this.x, this.y, this.w, this.b]);
  }
}

/** L = (1/m) Σ (w·xᵢ + b − yᵢ)² */
export function mse(w: tf.Tensor, b: tf.Tensor, x: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.square(tf.sub(tf.add(tf.mul(x, w), b), y))) as tf.Scalar;
}

let nextId = 0;

function clampBatch(m: number, n: number): number {
  return Math.max(1, Math.min(n, Math.round(m)));
}
