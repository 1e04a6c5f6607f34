/**
 * The MLP playground's task on the fused engine: the same data, seeded initial weights, batch
 * order, losses, regularisation and optimiser rules as MlpTask (tfjs), computed on plain
 * Float32Arrays, many steps per call. It draws the same MlpView, so the page cannot tell
 * which engine trained it except by the executor badge. Dropout masks come from the task's
 * own seeded generator (not tfjs's), so a run with dropout is reproducible but not
 * mask-for-mask identical to the tfjs engine's.
 */
import * as tf from '@tensorflow/tfjs';
import { EpochSampler } from '../../datasets/epoch-sampler';
import { featureMatrix } from '../../datasets/points2d-features';
import { POINTS2D_RANGE, type Points2D } from '../../datasets/points2d';
import type { Rng } from '../../datasets/rng';
import { initialWeights, type MlpOutput } from '../tasks/mlp-model';
import { mlpSetup } from '../tasks/mlp-setup';
import { sanitizeMlpHyper, type MlpHyper, type MlpSpec, type MlpView } from '../tasks/mlp';
import { batchNormView } from '../tasks/mlp-view';
import type { TrainTask, WeightSnapshot } from '../tasks/task';
import { DenseNet } from './dense-net';
import { FusedOptimizer } from './fused-optimizer';
import { ADAM_EPSILON, MOMENTUM, BETA1, BETA2 } from './defaults';
import { frobenius, outputProbabilities, countCorrect } from './dense-metrics';

interface HostSet {
  n: number;
  x: Float32Array;
  y: Float32Array;
}

export class FusedMlpTask implements TrainTask<MlpHyper, MlpView> {
  readonly train: Points2D;
  readonly test: Points2D;
  readonly output: MlpOutput;
  readonly widths: number[];
  /** Sides of the prediction and per-neuron lattices (mlp-setup.ts). */
  private readonly gridSize: number;
  private readonly neuronGridSize: number;
  private readonly net: DenseNet;
  private readonly trainSet: HostSet;
  private readonly testSet: HostSet;
  private readonly gridX: Float32Array;
  private readonly neuronX: Float32Array | null;
  private readonly sampler: EpochSampler;
  private readonly dropRng: Rng;
  private optimizer: FusedOptimizer;
  private hyper: MlpHyper;
  private steps = 0;
  private lastLoss: number | null = null;
  private hasGrads = false;

  constructor(
    readonly spec: MlpSpec,
    hyper: MlpHyper,
  ) {
    const setup = mlpSetup(spec, hyper);
    this.train = setup.train;
    this.test = setup.test;
    this.output = setup.output;
    this.widths = setup.widths;
    const init = initialWeights(this.widths, spec.activation, spec.seed).map((w) => ({ W: w.W, b: w.b }));
    this.net = new DenseNet(this.widths, spec.activation, this.output, init, spec.batchNorm === true);
    const host = (d: Points2D): HostSet => ({ n: d.ys.length, x: featureMatrix(d.xs, spec.features), y: d.ys });
    this.trainSet = host(setup.train);
    this.testSet = host(setup.test);
    this.gridX = featureMatrix(setup.gridPoints, spec.features);
    this.neuronX = setup.neuronPoints ? featureMatrix(setup.neuronPoints, spec.features) : null;
    this.sampler = setup.sampler;
    this.dropRng = setup.dropRng;
    this.hyper = setup.hyper;
    this.gridSize = setup.gridSize;
    this.neuronGridSize = setup.neuronGridSize;
    this.optimizer = this.makeOptimizer();
  }

  private makeOptimizer(): FusedOptimizer {
    const h = this.hyper;
    const settings = { learningRate: h.learningRate, momentum: MOMENTUM, rmsDecay: 0.9, beta1: BETA1, beta2: BETA2, epsilon: ADAM_EPSILON };
    return new FusedOptimizer(h.optimizer, settings, this.net.paramArrays().map((p) => p.length));
  }

  /** The imported weights are those after `step` steps: the epoch count says so (see EpochSampler.rewindTo). */
  resumeAt(step: number): void {
    this.sampler.rewindTo(step, this.hyper.batchSize);
  }

  resetOptimizer(): void {
    this.optimizer = this.makeOptimizer();
  }

  examplesPerStep(): number {
    return this.hyper.batchSize;
  }

  setHyper(h: Partial<MlpHyper>): void {
    const next = sanitizeMlpHyper({ ...this.hyper, ...h }, this.trainSet.n);
    const newOptimizer = next.optimizer !== this.hyper.optimizer;
    this.hyper = next;
    if (newOptimizer) this.optimizer = this.makeOptimizer();
    this.optimizer.update({ learningRate: next.learningRate });
  }

  /** n steps; returns each step's batch data loss (dropout active, no penalty). */
  stepBatch(n: number): Float32Array {
    const losses = new Float32Array(n);
    const { l1, l2, dropout: rate, batchSize } = this.hyper;
    const dropout = rate > 0 ? { rate, rng: this.dropRng } : null;
    const params = this.net.paramArrays();
    const grads = this.net.gradArrays();
    const { x, y } = this.trainSet;
    for (let s = 0; s < n; s++) {
      const idx = this.sampler.next(batchSize);
      const m = idx.length;
      this.net.forward(x, m, idx, dropout, undefined, true);
      losses[s] = this.net.loss(y, m, idx, true);
      this.net.backward(m, l1, l2);
      this.optimizer.apply(params, grads);
      this.net.updateRunningStats();
    }
    if (n > 0) {
      this.lastLoss = losses[n - 1]!;
      this.hasGrads = true;
    }
    this.steps += n;
    return losses;
  }

  step(): tf.Scalar {
    return tf.scalar(this.stepBatch(1)[0]!);
  }

  private evaluate(s: HostSet): { loss: number | null; acc: number | null } {
    if (s.n === 0) return { loss: null, acc: null };
    const raw = this.net.forward(s.x, s.n, null, null);
    const acc = this.output === 'regression' ? null : countCorrect(this.output, raw, s.y, s.n, this.net.outputs) / s.n;
    // float32, as every number the tfjs engine reports.
    return { loss: Math.fround(this.net.loss(s.y, s.n, null, false)), acc: acc === null ? null : Math.fround(acc) };
  }

  async view(): Promise<MlpView> {
    const train = this.evaluate(this.trainSet);
    const test = this.evaluate(this.testSet);
    const gridSize = this.gridSize;
    const gridN = gridSize * gridSize;
    const grid = outputProbabilities(this.output, this.net.forward(this.gridX, gridN, null, null), gridN, this.net.outputs);
    let neurons: MlpView['neurons'] = null;
    if (this.neuronX) {
      const size = this.neuronGridSize;
      const pts = size * size;
      const acts: Float32Array[] = [];
      this.net.forward(this.neuronX, pts, null, null, acts);
      const widths = this.widths.slice(1, -1);
      const values = new Float32Array(pts * widths.reduce((a, b) => a + b, 0));
      let o = 0;
      acts.forEach((a, l) => {
        const w = widths[l]!;
        for (let u = 0; u < w; u++) for (let p = 0; p < pts; p++) values[o++] = a[p * w + u]!;
      });
      neurons = { size, range: POINTS2D_RANGE, widths, values };
    }
    return {
      step: this.steps,
      epoch: this.sampler.epoch,
      output: this.output,
      classes: this.train.classes,
      trainLoss: train.loss ?? NaN,
      testLoss: test.loss,
      trainAccuracy: train.acc,
      testAccuracy: test.acc,
      penalty: Math.fround(this.net.penalty(this.hyper.l1, this.hyper.l2)),
      batchLoss: this.lastLoss,
      gradNorms: this.hasGrads ? Float32Array.from(this.net.grads.map((g) => frobenius(g.W))) : null,
      grid: { size: gridSize, range: POINTS2D_RANGE, channels: this.output === 'multiclass' ? this.train.classes : 1, values: grid },
      neurons,
      layers: this.net.layers.map((l, i) => ({
        shape: [this.widths[i]!, this.widths[i + 1]!] as [number, number],
        W: l.W.slice(),
        b: l.b.slice(),
      })),
      batchNorm: batchNormView(this.net.batchNorm, this.net.bnProbe),
      hyper: { ...this.hyper, learningRate: this.optimizer.settings.learningRate },
    };
  }

  /** Every array by its export name (as MlpTask's): W0, b0 or gamma0, beta0, mean0, var0, … */
  private named(): [string, Float32Array, number[]][] {
    return this.net.layers.flatMap((l, i): [string, Float32Array, number[]][] => {
      const W: [string, Float32Array, number[]] = [`W${i}`, l.W, [this.widths[i]!, this.widths[i + 1]!]];
      const n = [this.widths[i + 1]!];
      const bn = this.net.bn[i];
      if (!bn) return [W, [`b${i}`, l.b, n]];
      return [W, [`gamma${i}`, bn.gamma, n], [`beta${i}`, bn.beta, n], [`mean${i}`, bn.mean, n], [`var${i}`, bn.variance, n]];
    });
  }

  async exportWeights(): Promise<WeightSnapshot> {
    const out: WeightSnapshot = {};
    for (const [name, arr, shape] of this.named()) out[name] = { shape, values: arr.slice() };
    return out;
  }

  importWeights(s: WeightSnapshot): void {
    for (const [name, arr] of this.named()) {
      const w = s[name];
      if (!w) continue;
      if (w.values.length !== arr.length) throw new RangeError(`${name}: ${w.values.length} values ≠ ${arr.length}`);
      arr.set(w.values);
    }
  }

  async predict(input: Float32Array): Promise<Float32Array> {
    const n = input.length / 2;
    const raw = this.net.forward(featureMatrix(input, this.spec.features), n, null, null);
    return outputProbabilities(this.output, raw, n, this.net.outputs);
  }

  dispose(): void {
    // Plain arrays: nothing to free.
  }
}
