/**
 * Every setting of the attention lesson as URL keys, plus the rules that tie keys together
 * (d_model must split evenly into the heads, the copy offset and the traced position must fit
 * the sequence, the traced layer and head must exist). No tfjs import: the page builds the
 * worker's spec and hyperparameters from here without loading the model code.
 */
import { SEQ_LEN_RANGE, TOKEN_TASKS, VOCAB_RANGE } from '../../datasets/token-tasks';
import { POSITIONAL_ENCODINGS } from '../../ml/attention/positional';
import type { TransformerHyper, TransformerSpec } from '../../ml/tasks/transformer-spec';
import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import { t } from '../../i18n';
import type { SchemaTable, ValuesOf } from '../../state/schema';
import { speedParam } from '../../state/speed';

/** The same ranges as ml/attention/transformer-params.ts (not imported: that module loads tfjs). */
export const LAYER_CHOICES = [1, 2] as const;
export const HEAD_CHOICES = [1, 2, 3, 4] as const;
export const D_MODEL_MIN = 16;
export const D_MODEL_MAX = 64;

export const ATTN_PARAMS = {
  /** The toy task: reverse, sort, copy with an offset, or masked-token prediction. */
  task: { kind: 'enum', options: TOKEN_TASKS, default: 'reverse' },
  /** Sequence length T. */
  len: { kind: 'int', min: SEQ_LEN_RANGE[0], max: SEQ_LEN_RANGE[1], default: 6 },
  /** Content tokens V. */
  vocab: { kind: 'int', min: VOCAB_RANGE[0], max: VOCAB_RANGE[1], default: 8 },
  /** Copy task: out_t = in_{(t − offset) mod T} (clamped to T − 1). */
  offset: { kind: 'int', min: 0, max: SEQ_LEN_RANGE[1] - 1, default: 1 },
  /** Masked task: probability that a mirror pair has one token hidden. */
  mrate: { kind: 'number', min: 0, max: 1, default: 0.3 },
  layers: { kind: 'int', min: LAYER_CHOICES[0], max: LAYER_CHOICES[1], default: 1 },
  heads: { kind: 'int', min: HEAD_CHOICES[0], max: HEAD_CHOICES[3], default: 2 },
  /** d_model (moves in steps of 4, or 12 with 3 heads, so each head gets the same d_k). */
  d: { kind: 'int', min: D_MODEL_MIN, max: D_MODEL_MAX, default: 32 },
  /** Positional encoding added to the token embeddings. */
  pe: { kind: 'enum', options: POSITIONAL_ENCODINGS, default: 'sinusoidal' },
  /** Causal (decoder-style) mask: query t sees keys 0 … t only. */
  causal: { kind: 'bool', default: false },
  /** Seeds the initial weights, the training batches, dropout and the held-out batch. */
  seed: { kind: 'int', min: 0, max: 2_147_483_647, default: 1 },
  /** Peak learning rate (reached at the end of the warm-up). */
  lr: { kind: 'number', min: 1e-4, max: 0.1, default: 5e-3, log: true },
  /** Linear warm-up steps (0 = none). */
  warmup: { kind: 'int', min: 0, max: 1000, default: 50 },
  /** Sequences per training step. */
  batch: { kind: 'int', min: 1, max: 512, default: 32 },
  /** Dropout rate on the embeddings and each sub-layer's output (training steps only). */
  drop: { kind: 'number', min: 0, max: 0.5, default: 0 },
  opt: { kind: 'enum', options: OPTIMIZERS, default: 'adam' },
  /** Seed of the input shown in the heatmaps and the step-through. */
  probe: { kind: 'int', min: 0, max: 2_147_483_647, default: 1 },
  /** Step-through: layer, head and query position (clamped to the model and the sequence). */
  tl: { kind: 'int', min: 0, max: LAYER_CHOICES[1] - 1, default: 0 },
  th: { kind: 'int', min: 0, max: HEAD_CHOICES[3] - 1, default: 0 },
  tq: { kind: 'int', min: 0, max: SEQ_LEN_RANGE[1] - 1, default: 0 },
  /** Mark the ideal attention pattern on the heatmaps. */
  ideal: { kind: 'bool', default: true },
  /** Loss chart on a log scale. */
  llog: { kind: 'bool', default: true },
  /** Steps per second (1000 = as fast as possible). */
  sps: speedParam(),
} satisfies SchemaTable;

export type AttnValues = ValuesOf<typeof ATTN_PARAMS>;

/** d_model moves in steps of 4, or of 12 with 3 heads (a multiple of 3 and of the slider's 4). */
export function dModelGrid(heads: number): { min: number; max: number; step: number } {
  const step = heads === 3 ? 12 : 4;
  return { min: Math.ceil(D_MODEL_MIN / step) * step, max: Math.floor(D_MODEL_MAX / step) * step, step };
}

/** The nearest d_model on the grid for `heads` (ties go up). */
export function snapDModel(d: number, heads: number): number {
  const g = dModelGrid(heads);
  const snapped = Math.round(d / g.step) * g.step;
  return Math.min(g.max, Math.max(g.min, snapped));
}

/**
 * Applies the rules between keys to values that each passed their own schema check. Returns the
 * consistent values and, for each value changed, a notice in the current language (namespace
 * 'attn', registered by the page; for values read from a link: a control's own change is made
 * consistent silently before it is written).
 */
export function resolveAttn(v: AttnValues): { values: AttnValues; notices: string[] } {
  const notices: string[] = [];
  const out = { ...v };
  const d = snapDModel(v.d, v.heads);
  if (d !== v.d) {
    notices.push(t('attn:notice.dStep', { d: v.d, step: dModelGrid(v.heads).step, count: v.heads, using: d }));
    out.d = d;
  }
  const clampTo = (key: 'offset' | 'tl' | 'th' | 'tq', max: number, notice: 'beyondLength' | 'beyondLayers' | 'beyondHeads') => {
    if (out[key] > max) {
      const count = notice === 'beyondLayers' ? v.layers : v.heads;
      notices.push(t(`attn:notice.${notice}`, { key, value: out[key], using: max, len: v.len, count }));
      out[key] = max;
    }
  };
  clampTo('offset', v.len - 1, 'beyondLength');
  clampTo('tl', v.layers - 1, 'beyondLayers');
  clampTo('th', v.heads - 1, 'beyondHeads');
  clampTo('tq', v.len - 1, 'beyondLength');
  return { values: out, notices };
}

/** What the worker builds (a change here means a new model). */
export function specOf(v: AttnValues): TransformerSpec {
  return {
    kind: 'transformer',
    task: v.task,
    seqLen: v.len,
    vocab: v.vocab,
    ...(v.task === 'copy' ? { offset: v.offset } : {}),
    ...(v.task === 'masked' ? { maskRate: v.mrate } : {}),
    layers: v.layers,
    heads: v.heads,
    dModel: v.d,
    positional: v.pe,
    causal: v.causal,
    seed: v.seed,
  };
}

/** The live hyperparameters (applied at the next step, or to the next view while paused). */
export function hyperOf(v: AttnValues): TransformerHyper {
  return {
    learningRate: v.lr,
    warmup: v.warmup,
    batchSize: v.batch,
    dropout: v.drop,
    optimizer: v.opt,
    probeSeed: v.probe,
    probeTokens: null,
    traceLayer: v.tl,
    traceHead: v.th,
    traceQuery: v.tq,
  };
}
