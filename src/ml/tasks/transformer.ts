/**
 * The attention lesson's task: a small encoder-only Transformer (attention/transformer-model.ts)
 * trained from scratch on a toy sequence task (datasets/token-tasks.ts) with a custom loop:
 * computeGradients → applyGradients, linear learning-rate warm-up, dropout in training steps only.
 *
 * View cost policy: view() may be called up to 20×/s. Every call runs the model once on the probe
 * sequence (batch 1) and reads everything back in one `await data()`. The held-out metrics
 * (evalSize = 256 sequences by default) cost a forward pass over the whole batch, so they are
 * recomputed only when at least `evalEvery` (default 25) steps have passed since the last
 * measurement (or the weights were imported); otherwise the cached numbers are returned, with
 * `eval.step` saying when they were measured.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../datasets/rng';
import { generateTokenBatch, targetsFor, tokenVocab, type TokenTaskSpec, type TokenVocab } from '../../datasets/token-tasks';
import { clampSelection } from '../attention/qkv-trace';
import { forward, maskedCrossEntropy } from '../attention/transformer-model';
import {
  createParams,
  disposeParams,
  exportParams,
  importParams,
  namedVariables,
  type TransformerParams,
} from '../attention/transformer-params';
import { createOptimizer, disposeOptimizer, readLearningRate, setLearningRate } from '../train/optimizers';
import type { TrainTask, WeightSnapshot } from './task';
import {
  configOf,
  sanitizeHyper,
  tokenTaskOf,
  warmupRate,
  type TransformerHyper,
  type TransformerSpec,
} from './transformer-spec';
import { readView, type DeviceTokens, type EvalMetrics, type TransformerView } from './transformer-view';

export type { TransformerHyper, TransformerSpec } from './transformer-spec';
export type { TransformerView } from './transformer-view';

export class TransformerTask implements TrainTask<TransformerHyper, TransformerView> {
  readonly params: TransformerParams;
  readonly tokenTask: TokenTaskSpec;
  readonly vocab: TokenVocab;
  private readonly evalSet: DeviceTokens;
  private readonly batchRng: Rng;
  private readonly dropRng: Rng;
  private readonly evalEvery: number;
  private optimizer: tf.Optimizer;
  private hyper: TransformerHyper;
  private steps = 0;
  private lastLoss: tf.Scalar | null = null;
  private evalCache: EvalMetrics | null = null;

  constructor(
    readonly spec: TransformerSpec,
    hyper: TransformerHyper,
  ) {
    const config = configOf(spec);
    this.tokenTask = tokenTaskOf(spec);
    this.vocab = tokenVocab(this.tokenTask);
    this.hyper = sanitizeHyper({ ...hyper }, hyper);
    this.evalEvery = Math.max(1, Math.round(spec.evalEvery ?? 25));
    this.params = createParams(config, spec.seed);
    this.batchRng = createRng((spec.seed ^ 0x9e3779b9) >>> 0);
    this.dropRng = createRng((spec.seed ^ 0x85ebca6b) >>> 0);
    const evalSize = Math.max(1, Math.round(spec.evalSize ?? 256));
    const held = generateTokenBatch(this.tokenTask, evalSize, createRng((spec.seed ^ 0x27d4eb2f) >>> 0));
    const shape: [number, number] = [held.n, held.seqLen];
    this.evalSet = {
      n: held.n,
      inputs: tf.tensor2d(held.inputs, shape, 'int32'),
      targets: tf.tensor2d(held.targets, shape, 'int32'),
      weights: tf.tensor2d(held.weights, shape),
    };
    this.optimizer = this.makeOptimizer();
  }

  private makeOptimizer(): tf.Optimizer {
    const learningRate = warmupRate(this.hyper, this.steps + 1);
    return createOptimizer(this.hyper.optimizer, { learningRate, momentum: 0.9, beta1: 0.9, beta2: 0.999 });
  }

  /** Sets the optimiser to the rate of the next step (warm-up included). */
  private syncLearningRate(): void {
    setLearningRate(this.optimizer, warmupRate(this.hyper, this.steps + 1));
  }

  examplesPerStep(): number {
    return this.hyper.batchSize;
  }

  setHyper(h: Partial<TransformerHyper>): void {
    const next = sanitizeHyper({ ...this.hyper, ...h }, this.hyper);
    const newOptimizer = next.optimizer !== this.hyper.optimizer;
    this.hyper = next;
    if (newOptimizer) {
      // A different optimiser is a new instance (its slot variables differ); free the old one.
      disposeOptimizer(this.optimizer);
      this.optimizer = this.makeOptimizer();
    }
    this.syncLearningRate();
  }

  step(): tf.Scalar {
    const { batchSize, dropout: rate } = this.hyper;
    const b = generateTokenBatch(this.tokenTask, batchSize, this.batchRng);
    const dropout = rate > 0 ? { rate, seed: this.dropRng.int(2 ** 31) } : null;
    const vars = namedVariables(this.params).map(([, v]) => v);
    this.syncLearningRate();
    const { value, grads } = tf.tidy(() => {
      const shape: [number, number] = [b.n, b.seqLen];
      const x = tf.tensor2d(b.inputs, shape, 'int32');
      const y = tf.tensor2d(b.targets, shape, 'int32');
      const w = tf.tensor2d(b.weights, shape);
      return this.optimizer.computeGradients(
        () => maskedCrossEntropy(forward(this.params, x, { training: true, dropout }).logits, y, w),
        vars,
      );
    });
    this.optimizer.applyGradients(grads);
    tf.dispose(grads);
    this.steps += 1;
    this.syncLearningRate();
    this.lastLoss?.dispose();
    this.lastLoss = value.clone();
    return value;
  }

  /** The probe sequence and its targets (−1 = not scored). */
  probe(): { tokens: Int32Array; targets: Int32Array } {
    const T = this.spec.seqLen;
    const explicit = this.hyper.probeTokens;
    const valid = (t: number) => Number.isInteger(t) && t >= 0 && t < this.vocab.inputVocab;
    if (explicit && explicit.length === T && explicit.every(valid)) {
      const tokens = Int32Array.from(explicit);
      return { tokens, targets: targetsFor(this.tokenTask, tokens) };
    }
    const ex = generateTokenBatch(this.tokenTask, 1, createRng(this.hyper.probeSeed));
    const targets = ex.targets.map((y, t) => (ex.weights[t]! > 0 ? y : -1));
    return { tokens: ex.inputs, targets };
  }

  async view(): Promise<TransformerView> {
    const step = this.steps;
    const { layers, heads } = this.params.config;
    const cache = this.evalCache;
    const stale = !cache || step < cache.step || step - cache.step >= this.evalEvery;
    const probe = this.probe();
    const selection = clampSelection(
      { layer: this.hyper.traceLayer, head: this.hyper.traceHead, query: this.hyper.traceQuery },
      layers,
      heads,
      probe.tokens.length,
    );
    const learningRate = readLearningRate(this.optimizer);
    const hyper = { ...this.hyper };
    const r = await readView({
      params: this.params,
      evalSet: stale ? this.evalSet : null,
      probe: probe.tokens,
      selection,
      lastLoss: this.lastLoss,
    });
    if (r.eval) this.evalCache = { step, size: this.evalSet.n, ...r.eval };
    return {
      step,
      batchLoss: r.batchLoss,
      learningRate,
      eval: this.evalCache ?? { step, size: this.evalSet.n, loss: NaN, tokenAccuracy: NaN, sequenceAccuracy: NaN },
      vocab: this.vocab,
      probe: { ...probe, predicted: r.predicted, probs: r.probs },
      attention: { layers, heads, T: probe.tokens.length, weights: r.attention },
      qkv: r.qkv,
      hyper,
    };
  }

  exportWeights(): Promise<WeightSnapshot> {
    return exportParams(this.params);
  }

  importWeights(w: WeightSnapshot): void {
    importParams(this.params, w);
    this.evalCache = null;
    // The last batch loss belongs to other weights now (a rewind, a model file).
    this.lastLoss?.dispose();
    this.lastLoss = null;
  }

  resetOptimizer(): void {
    disposeOptimizer(this.optimizer);
    this.optimizer = this.makeOptimizer();
  }

  /** After a rewind to `step`: warm-up, the view's step and the evaluation's schedule go on from there. */
  resumeAt(step: number): void {
    this.steps = Math.max(0, Math.round(step));
    this.syncLearningRate();
  }

  /** Predicted output tokens for n sequences of T token ids ([n · T], as floats). */
  async predict(input: Float32Array): Promise<Float32Array> {
    const T = this.spec.seqLen;
    if (input.length % T !== 0) {
      throw new RangeError(`predict: ${input.length} tokens is not a whole number of length-${T} sequences`);
    }
    const out = tf.tidy(() => {
      const x = tf.tensor2d(Int32Array.from(input), [input.length / T, T], 'int32');
      return tf.argMax(forward(this.params, x).logits, -1);
    });
    const data = await out.data();
    out.dispose();
    return Float32Array.from(data);
  }

  dispose(): void {
    disposeOptimizer(this.optimizer);
    this.lastLoss?.dispose();
    this.lastLoss = null;
    tf.dispose([this.evalSet.inputs, this.evalSet.targets, this.evalSet.weights]);
    disposeParams(this.params);
  }
}
