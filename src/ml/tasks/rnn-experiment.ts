/**
 * Experiments around the RNN task for the page and the benchmark:
 * - gapExperiment: "accuracy vs gap" — for each cell and gap, train a fresh model on the recall
 *   task for N steps from the same seed and report its accuracy on the fixed evaluation set. The
 *   lesson's key picture: the SimpleRNN falls to chance (1/K) as the gap grows, LSTM and GRU do not.
 * - measureStepsPerSec: training steps per second of one configuration on the current backend.
 * Both run steps without reading anything back until the end of a run (one sync per run).
 */
import * as tf from '@tensorflow/tfjs';
import type { CellKind, RecurrentInit } from '../rnn/cell-params';
import { RnnTask } from './rnn';
import type { RnnHyper, RnnSpec } from './rnn-spec';

export interface GapExperimentOptions {
  cells: readonly CellKind[];
  gaps: readonly number[];
  /** Training steps per (cell, gap). */
  steps: number;
  /** Alphabet size K (default 4). */
  symbols?: number;
  hidden?: number;
  layers?: 1 | 2;
  seed?: number;
  init?: RecurrentInit;
  /** LSTM forget / GRU update gate bias at the start (default: 1 / 0, see rnn/cell-params.ts). */
  memoryBias?: number;
  hyper?: Partial<RnnHyper>;
  /** Called after each run (progress bars, streaming a chart). */
  onResult?: (r: GapResult) => void;
  /** Checked between steps; return true to stop early (the results so far are returned). */
  shouldStop?: () => boolean;
  /** Lets other work run between steps (e.g. the worker's message queue); default none. */
  yieldEvery?: { steps: number; fn: () => Promise<void> };
}

export interface GapResult {
  cell: CellKind;
  gap: number;
  /** Accuracy and loss on the evaluation set after training; chance is 1/K. */
  accuracy: number;
  loss: number;
  chance: number;
  steps: number;
  stepsPerSec: number;
}

export const GAP_EXPERIMENT_HYPER: RnnHyper = {
  learningRate: 0.01,
  optimizer: 'adam',
  batchSize: 32,
  clip: true,
  clipNorm: 1,
  temperature: 1,
};

export async function gapExperiment(o: GapExperimentOptions): Promise<GapResult[]> {
  const results: GapResult[] = [];
  const K = o.symbols ?? 4;
  for (const gap of o.gaps) {
    for (const cell of o.cells) {
      if (o.shouldStop?.()) return results;
      const spec: RnnSpec = {
        kind: 'rnn',
        task: 'recall',
        cell,
        hidden: o.hidden ?? 16,
        layers: o.layers ?? 1,
        seqLen: gap + 2,
        seed: o.seed ?? 1,
        init: o.init,
        memoryBias: o.memoryBias,
        recall: { gap, symbols: K },
      };
      const task = new RnnTask(spec, { ...GAP_EXPERIMENT_HYPER, ...o.hyper });
      try {
        const t0 = performance.now();
        let done = 0;
        for (; done < o.steps; done++) {
          if (o.shouldStop?.()) break;
          task.step().dispose();
          if (o.yieldEvery && (done + 1) % o.yieldEvery.steps === 0) await o.yieldEvery.fn();
        }
        const m = await task.evaluate();
        const seconds = (performance.now() - t0) / 1000;
        const r: GapResult = {
          cell,
          gap,
          accuracy: m.accuracy ?? 0,
          loss: m.loss,
          chance: 1 / K,
          steps: done,
          stepsPerSec: done / seconds,
        };
        results.push(r);
        o.onResult?.(r);
      } finally {
        task.dispose();
      }
    }
  }
  return results;
}

/**
 * Steps per second of `spec` at `hyper`: `warmup` steps first (kernel compilation, optimiser slots),
 * then `steps` timed steps ending with one readback, so queued GPU work is counted.
 */
export async function measureStepsPerSec(spec: RnnSpec, hyper: RnnHyper, steps = 20, warmup = 3): Promise<number> {
  const task = new RnnTask(spec, hyper);
  try {
    for (let i = 0; i < warmup; i++) task.step().dispose();
    await task.evaluate();
    const t0 = performance.now();
    let last: tf.Scalar | null = null;
    for (let i = 0; i < steps; i++) {
      last?.dispose();
      last = task.step();
    }
    await last?.data();
    last?.dispose();
    return steps / ((performance.now() - t0) / 1000);
  } finally {
    task.dispose();
  }
}
