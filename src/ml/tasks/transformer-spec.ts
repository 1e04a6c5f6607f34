/**
 * Spec (fixed per task: data, architecture, seed) and live hyperparameters of the Transformer
 * task, with their validation. Changing anything in the spec means building a new task; the same
 * spec and seed give identical initial weights, batches and dropout masks.
 */
import { tokenVocab, validateTokenTask, type TokenTaskName, type TokenTaskSpec } from '../../datasets/token-tasks';
import type { PositionalEncoding } from '../attention/positional';
import { validateConfig, type TransformerConfig } from '../attention/transformer-params';
import type { OptimizerName } from '../train/optimizers';

export interface TransformerSpec {
  kind: 'transformer';
  task: TokenTaskName;
  /** Sequence length T (4 … 12). */
  seqLen: number;
  /** Content tokens V (5 … 20). */
  vocab: number;
  /** Copy task: out_t = in_{(t − offset) mod T} (default 1). */
  offset?: number;
  /** Masked task: probability that a mirror pair has one token hidden (default 0.3). */
  maskRate?: number;
  layers: number;
  heads: number;
  dModel: number;
  positional: PositionalEncoding;
  /** Causal (decoder-style) mask instead of bidirectional attention (default false). */
  causal?: boolean;
  /** Seeds the weights, the training batches, the dropout masks and the held-out batch. */
  seed: number;
  /** Held-out sequences for the accuracies (default 256). */
  evalSize?: number;
  /** Recompute the held-out metrics in view() at most once per this many steps (default 25). */
  evalEvery?: number;
}

export interface TransformerHyper {
  learningRate: number;
  /** Linear warm-up: step n (from 1) uses learningRate · min(1, n / warmup); 0 = none. */
  warmup: number;
  batchSize: number;
  /** Dropout rate in [0, 0.5], training steps only. */
  dropout: number;
  optimizer: OptimizerName;
  /** The probe input is example 0 drawn from this seed … */
  probeSeed: number;
  /**
   * … unless given explicitly here: T token ids in 0 … vocab − 1 ([MASK] = vocab allowed in the
   * masked task). An invalid list is ignored (the seeded probe is shown).
   */
  probeTokens: number[] | null;
  /** Which layer, head and query position the Q/K/V step-through shows (clamped into range). */
  traceLayer: number;
  traceHead: number;
  traceQuery: number;
}

export const DEFAULT_TRANSFORMER_HYPER: TransformerHyper = {
  learningRate: 5e-3,
  warmup: 50,
  batchSize: 32,
  dropout: 0,
  optimizer: 'adam',
  probeSeed: 1,
  probeTokens: null,
  traceLayer: 0,
  traceHead: 0,
  traceQuery: 0,
};

export const MAX_BATCH = 512;
export const MAX_DROPOUT = 0.5;

export function tokenTaskOf(s: TransformerSpec): TokenTaskSpec {
  return {
    task: s.task,
    seqLen: s.seqLen,
    vocab: s.vocab,
    ...(s.offset !== undefined ? { offset: s.offset } : {}),
    ...(s.maskRate !== undefined ? { maskRate: s.maskRate } : {}),
  };
}

/** The model's configuration for a spec; throws a RangeError for an impossible one. */
export function configOf(s: TransformerSpec): TransformerConfig {
  const task = tokenTaskOf(s);
  validateTokenTask(task);
  const v = tokenVocab(task);
  const config: TransformerConfig = {
    inputVocab: v.inputVocab,
    outputVocab: v.outputVocab,
    seqLen: s.seqLen,
    layers: s.layers,
    heads: s.heads,
    dModel: s.dModel,
    positional: s.positional,
    causal: s.causal ?? false,
  };
  validateConfig(config);
  return config;
}

/** Clamps live hyperparameters into range; an invalid learning rate keeps the previous one. */
export function sanitizeHyper(h: TransformerHyper, prev: TransformerHyper): TransformerHyper {
  const num = (v: number, fallback: number) => (Number.isFinite(v) ? v : fallback);
  return {
    ...h,
    learningRate: Number.isFinite(h.learningRate) && h.learningRate > 0 ? h.learningRate : prev.learningRate,
    warmup: Math.max(0, Math.round(num(h.warmup, 0))),
    batchSize: Math.max(1, Math.min(MAX_BATCH, Math.round(num(h.batchSize, prev.batchSize)))),
    dropout: Math.max(0, Math.min(MAX_DROPOUT, num(h.dropout, 0))),
    probeSeed: Math.round(num(h.probeSeed, prev.probeSeed)) >>> 0,
  };
}

/** learningRate · min(1, n / warmup) for step n (counted from 1). */
export function warmupRate(h: Pick<TransformerHyper, 'learningRate' | 'warmup'>, n: number): number {
  return h.warmup > 0 ? h.learningRate * Math.min(1, n / h.warmup) : h.learningRate;
}
