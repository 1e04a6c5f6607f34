/**
 * Linear regression ŷ = w·x + b on the fused engine: the same data, batch order, MSE and
 * optimiser rules as LinearRegressionTask (tfjs), on plain numbers, many steps per call.
 *   L = (1/m) Σ (w xᵢ + b − yᵢ)²,  ∂L/∂w = (2/m) Σ eᵢ xᵢ,  ∂L/∂b = (2/m) Σ eᵢ,  eᵢ = w xᵢ + b − yᵢ
 */
import * as tf from '@tensorflow/tfjs';
import { EpochSampler } from '../../datasets/epoch-sampler';
import { generateLinear, type LinearData } from '../../datasets/linear';
import { createRng } from '../../datasets/rng';
import type { LinRegHyper, LinRegSpec, LinRegView } from '../tasks/linear-regression';
import type { TrainTask, WeightSnapshot } from '../tasks/task';
import { ADAM_EPSILON, BETA1, BETA2, MOMENTUM } from './defaults';
import { FusedOptimizer } from './fused-optimizer';

export class FusedLinRegTask implements TrainTask<LinRegHyper, LinRegView> {
  readonly data: LinearData;
  private readonly w = new Float32Array(1);
  private readonly b = new Float32Array(1);
  private readonly gw = new Float32Array(1);
  private readonly gb = new Float32Array(1);
  private readonly sampler: EpochSampler;
  private optimizer: FusedOptimizer;
  private hyper: LinRegHyper;
  private last: { prevW: number; prevB: number; loss: number } | null = null;

  constructor(spec: LinRegSpec, hyper: LinRegHyper) {
    this.data = generateLinear(spec.data);
    this.hyper = { ...hyper, batchSize: clampBatch(hyper.batchSize, spec.data.n) };
    this.w[0] = spec.init.w;
    this.b[0] = spec.init.b;
    this.sampler = new EpochSampler(spec.data.n, createRng(spec.data.seed ^ 0x9e3779b9));
    this.optimizer = this.makeOptimizer(hyper.learningRate);
  }

  private makeOptimizer(learningRate: number): FusedOptimizer {
    const s = { learningRate, momentum: MOMENTUM, rmsDecay: 0.9, beta1: BETA1, beta2: BETA2, epsilon: ADAM_EPSILON };
    return new FusedOptimizer(this.hyper.optimizer, s, [1, 1]);
  }

  /** The imported weights are those after `step` steps: the epoch count says so (see EpochSampler.rewindTo). */
  resumeAt(step: number): void {
    this.sampler.rewindTo(step, this.hyper.batchSize);
  }

  resetOptimizer(): void {
    this.optimizer = this.makeOptimizer(this.hyper.learningRate);
  }

  examplesPerStep(): number {
    return this.hyper.batchSize;
  }

  setHyper(h: Partial<LinRegHyper>): void {
    if (h.batchSize !== undefined) this.hyper.batchSize = clampBatch(h.batchSize, this.data.xs.length);
    if (h.learningRate !== undefined) this.hyper.learningRate = h.learningRate;
    if (h.optimizer !== undefined && h.optimizer !== this.hyper.optimizer) {
      this.hyper.optimizer = h.optimizer;
      this.optimizer = this.makeOptimizer(this.hyper.learningRate);
    }
    this.optimizer.update({ learningRate: this.hyper.learningRate });
  }

  stepBatch(n: number): Float32Array {
    const losses = new Float32Array(n);
    const { xs, ys } = this.data;
    const params = [this.w, this.b];
    const grads = [this.gw, this.gb];
    let prevW = this.w[0]!;
    let prevB = this.b[0]!;
    for (let s = 0; s < n; s++) {
      const idx = this.sampler.next(this.hyper.batchSize);
      const m = idx.length;
      const w = this.w[0]!;
      const b = this.b[0]!;
      let sw = 0;
      let sb = 0;
      let se = 0;
      for (let k = 0; k < m; k++) {
        const i = idx[k]!;
        const e = w * xs[i]! + b - ys[i]!;
        sw += e * xs[i]!;
        sb += e;
        se += e * e;
      }
      this.gw[0] = (2 * sw) / m;
      this.gb[0] = (2 * sb) / m;
      losses[s] = se / m;
      prevW = w;
      prevB = b;
      this.optimizer.apply(params, grads);
    }
    if (n > 0) this.last = { prevW, prevB, loss: losses[n - 1]! };
    return losses;
  }

  step(): tf.Scalar {
    return tf.scalar(this.stepBatch(1)[0]!);
  }

  private fullLoss(): number {
    const { xs, ys } = this.data;
    const w = this.w[0]!;
    const b = this.b[0]!;
    let se = 0;
    for (let i = 0; i < xs.length; i++) {
      const e = w * xs[i]! + b - ys[i]!;
      se += e * e;
    }
    return Math.fround(se / xs.length);
  }

  async view(): Promise<LinRegView> {
    const w = this.w[0]!;
    const b = this.b[0]!;
    return {
      w,
      b,
      prevW: this.last?.prevW ?? w,
      prevB: this.last?.prevB ?? b,
      gradW: this.last ? this.gw[0]! : 0,
      gradB: this.last ? this.gb[0]! : 0,
      batchLoss: this.last?.loss ?? null,
      fullLoss: this.fullLoss(),
      learningRate: this.optimizer.settings.learningRate,
      optimizer: this.hyper.optimizer,
      batchSize: this.hyper.batchSize,
      epoch: this.sampler.epoch,
    };
  }

  async exportWeights(): Promise<WeightSnapshot> {
    return { w: { shape: [], values: this.w.slice() }, b: { shape: [], values: this.b.slice() } };
  }

  importWeights(s: WeightSnapshot): void {
    const w = s.w?.values[0];
    const b = s.b?.values[0];
    if (w !== undefined) this.w[0] = w;
    if (b !== undefined) this.b[0] = b;
    // The last update belonged to other weights: show none rather than a stale one.
    this.last = null;
  }

  async predict(input: Float32Array): Promise<Float32Array> {
    const w = this.w[0]!;
    const b = this.b[0]!;
    return input.map((x) => w * x + b);
  }

  dispose(): void {
    // Plain arrays: nothing to free.
  }
}

function clampBatch(m: number, n: number): number {
  return Math.max(1, Math.min(n, Math.round(m)));
}
