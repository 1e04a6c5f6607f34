/**
 * Configuration of the RNN lesson's task (fixed per model) and its live hyperparameters, with the
 * checks that keep a spec inside what trains in a browser. No tfjs import: the page can use it.
 */
import type { CellKind, RecurrentInit } from '../rnn/cell-params';
import { clampTemperature } from '../rnn/sampling';
import type { OptimizerName } from '../train/optimizer-names';
import type { RnnTaskName } from './rnn-model';

export interface RnnSpec {
  kind: 'rnn';
  task: RnnTaskName;
  cell: CellKind;
  /** Units per layer, 4 … 64. */
  hidden: number;
  layers: 1 | 2;
  /** Steps per training sequence for series and chars (4 … 100). Recall ignores it: T = gap + 2. */
  seqLen: number;
  /** How the recurrent matrices start (default 'uniform'; see rnn/cell-params.ts). */
  init?: RecurrentInit;
  /**
   * Initial bias of the gate that keeps the state: LSTM forget gate (default 1), GRU update gate
   * (default 0); −5 … 5. Raising it to 2 makes long gaps learnable in far fewer steps (rnn/cell-params.ts).
   */
  memoryBias?: number;
  /** Seeds the weights, the data, the batches, the probe and the sampling noise. */
  seed: number;
  /** Periods in steps (1–4, each ≥ 2), noise σ (0 … 1), forecast length (default 40, ≤ 200). */
  series?: { periods: number[]; noise: number; forecast?: number };
  /** Distractor steps between the symbol and the query (0 … 100) and alphabet size K (2 … 8). */
  recall?: { gap: number; symbols: number };
  /** Pasted text (checked by validatePastedText; else the built-in corpus); sample length (default 120, ≤ 400). */
  chars?: { text?: string; sampleLength?: number };
  /** Forecast / sample at most once every this many views (default 10; see RnnTask.view). */
  generateEveryViews?: number;
}

export interface RnnHyper {
  learningRate: number;
  optimizer: OptimizerName;
  batchSize: number;
  /** Clip the gradient to global norm clipNorm before applying it. */
  clip: boolean;
  clipNorm: number;
  /** Sampling temperature τ of the chars task, clamped to [0.05, 5]. */
  temperature: number;
}

export const RNN_LIMITS = {
  hidden: [4, 64],
  seqLen: [4, 100],
  gap: [0, 100],
  symbols: [2, 8],
  batchSize: [1, 256],
  forecast: [1, 200],
  sampleLength: [1, 400],
} as const;

export const DEFAULT_FORECAST = 40;
export const DEFAULT_SAMPLE_LENGTH = 120;
export const DEFAULT_GENERATE_EVERY_VIEWS = 10;

const inRange = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;

/** Throws a RangeError naming the first field out of range. */
export function validateRnnSpec(s: RnnSpec): void {
  const need = (ok: boolean, msg: string) => {
    if (!ok) throw new RangeError(msg);
  };
  need(['series', 'recall', 'chars'].includes(s.task), `unknown task ${s.task}`);
  need(['simple', 'lstm', 'gru'].includes(s.cell), `unknown cell ${s.cell}`);
  need(inRange(s.hidden, RNN_LIMITS.hidden), `hidden size must be a whole number in 4…64, got ${s.hidden}`);
  need(s.layers === 1 || s.layers === 2, `1 or 2 layers, got ${s.layers}`);
  if (s.task !== 'recall') need(inRange(s.seqLen, RNN_LIMITS.seqLen), `sequence length must be in 4…100, got ${s.seqLen}`);
  if (s.task === 'recall' && s.recall) {
    need(inRange(s.recall.gap, RNN_LIMITS.gap), `gap must be a whole number in 0…100, got ${s.recall.gap}`);
    need(inRange(s.recall.symbols, RNN_LIMITS.symbols), `symbols must be in 2…8, got ${s.recall.symbols}`);
  }
  if (s.memoryBias !== undefined) need(Math.abs(s.memoryBias) <= 5, `memory bias must be in −5…5, got ${s.memoryBias}`);
  const f = s.series?.forecast;
  if (f !== undefined) need(inRange(f, RNN_LIMITS.forecast), `forecast must be in 1…200 steps, got ${f}`);
  const n = s.chars?.sampleLength;
  if (n !== undefined) need(inRange(n, RNN_LIMITS.sampleLength), `sample length must be in 1…400, got ${n}`);
}

/** Clamps live hyperparameters into range. */
export function sanitizeRnnHyper(h: RnnHyper): RnnHyper {
  const [lo, hi] = RNN_LIMITS.batchSize;
  return {
    ...h,
    batchSize: Math.max(lo, Math.min(hi, Math.round(h.batchSize) || 1)),
    clipNorm: Number.isFinite(h.clipNorm) && h.clipNorm > 0 ? h.clipNorm : 1,
    temperature: clampTemperature(h.temperature),
  };
}
