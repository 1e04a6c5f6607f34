/**
 * The reversal benchmark: train the attention lesson's default model on "reverse a sequence"
 * until the held-out exact-sequence accuracy reaches the target (99 %), reporting steps, time
 * and steps/s on whatever backend is active. Runs anywhere tfjs runs (Node tests, the worker).
 *
 * Timing: each window of `checkEvery` steps is timed up to the readback of its last loss, so
 * GPU backends are measured when their work has finished; the held-out evaluation in between is
 * not timed.
 */
import * as tf from '@tensorflow/tfjs';
import type { PositionalEncoding } from '../attention/positional';
import { TransformerTask } from './transformer';
import { DEFAULT_TRANSFORMER_HYPER, type TransformerHyper, type TransformerSpec } from './transformer-spec';

export interface ReversalBenchmarkOptions {
  seqLen?: number;
  vocab?: number;
  layers?: number;
  heads?: number;
  dModel?: number;
  positional?: PositionalEncoding;
  seed?: number;
  batchSize?: number;
  learningRate?: number;
  warmup?: number;
  /** Held-out exact-sequence accuracy to reach (default 0.99). */
  target?: number;
  maxSteps?: number;
  /** Steps between held-out evaluations (default 25). */
  checkEvery?: number;
  /** Called after each evaluation, e.g. to yield to the event loop or report progress. */
  onCheck?: (p: ReversalCheckpoint) => void | Promise<void>;
}

export interface ReversalCheckpoint {
  step: number;
  /** Training seconds so far (evaluations excluded). */
  seconds: number;
  loss: number;
  tokenAccuracy: number;
  sequenceAccuracy: number;
}

export interface ReversalBenchmarkResult {
  backend: string;
  spec: TransformerSpec;
  hyper: TransformerHyper;
  /** Whether the target was reached within maxSteps. */
  reached: boolean;
  /** Steps taken (to the first evaluation at or above the target, if reached). */
  steps: number;
  trainSeconds: number;
  stepsPerSecond: number;
  history: ReversalCheckpoint[];
}

/** Defaults: T = 6, V = 8, d = 32, 1 layer, 2 heads, sinusoidal, batch 32, Adam 5e-3, warm-up 50. */
export async function runReversalBenchmark(opts: ReversalBenchmarkOptions = {}): Promise<ReversalBenchmarkResult> {
  const spec: TransformerSpec = {
    kind: 'transformer',
    task: 'reverse',
    seqLen: opts.seqLen ?? 6,
    vocab: opts.vocab ?? 8,
    layers: opts.layers ?? 1,
    heads: opts.heads ?? 2,
    dModel: opts.dModel ?? 32,
    positional: opts.positional ?? 'sinusoidal',
    seed: opts.seed ?? 1,
    evalEvery: 1,
  };
  const hyper: TransformerHyper = {
    ...DEFAULT_TRANSFORMER_HYPER,
    batchSize: opts.batchSize ?? 32,
    learningRate: opts.learningRate ?? 5e-3,
    warmup: opts.warmup ?? 50,
  };
  const target = opts.target ?? 0.99;
  const maxSteps = opts.maxSteps ?? 3000;
  const checkEvery = Math.max(1, opts.checkEvery ?? 25);
  const task = new TransformerTask(spec, hyper);
  const history: ReversalCheckpoint[] = [];
  let seconds = 0;
  let steps = 0;
  let reached = false;
  try {
    while (steps < maxSteps && !reached) {
      const t0 = performance.now();
      const n = Math.min(checkEvery, maxSteps - steps);
      for (let i = 0; i < n - 1; i++) task.step().dispose();
      const last = task.step();
      await last.data();
      last.dispose();
      seconds += (performance.now() - t0) / 1000;
      steps += n;
      const v = await task.view();
      const { loss, tokenAccuracy, sequenceAccuracy } = v.eval;
      const p = { step: steps, seconds, loss, tokenAccuracy, sequenceAccuracy };
      history.push(p);
      reached = p.sequenceAccuracy >= target;
      await opts.onCheck?.(p);
    }
  } finally {
    task.dispose();
  }
  const stepsPerSecond = steps / seconds;
  return { backend: tf.getBackend(), spec, hyper, reached, steps, trainSeconds: seconds, stepsPerSecond, history };
}
