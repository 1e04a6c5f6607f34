import { describeModel, type MnistModelSpec } from '../../ml/cnn/architecture';
import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import type { SchemaTable, ValuesOf } from '../../state/schema';
import { speedParam } from '../../state/speed';
import { registerStrings, t } from '../../i18n';
import { en, zh } from './strings';

// The notices below are translated: the strings must be there even when this module is used alone (unit tests).
registerStrings('cnn', { en, zh });

export const MODEL_KINDS = ['cnn', 'mlp', 'custom'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** Every setting of the MNIST lab, as URL keys. */
export const CNN_PARAMS = {
  /** cnn: the seeds' CNN; mlp: the seeds' 784 → 128 → 10 baseline; custom: the configurable CNN below. */
  model: { kind: 'enum', options: MODEL_KINDS, default: 'cnn' },
  /** Custom CNN: conv blocks (conv → ReLU → 2×2 pool). */
  blocks: { kind: 'int', min: 1, max: 3, default: 2 },
  /** Custom CNN: filters per conv layer. */
  filters: { kind: 'int', min: 4, max: 64, default: 16 },
  /** Custom CNN: kernel size k (k×k). */
  kernel: { kind: 'enum', options: ['3', '5'] as const, default: '3' },
  /** Custom CNN: pooling after each conv. */
  pool: { kind: 'enum', options: ['max', 'avg'] as const, default: 'max' },
  /** Custom CNN: dropout rate after flatten and after the hidden dense layer. */
  dropout: { kind: 'number', min: 0, max: 0.5, default: 0 },
  /** Custom CNN: conv padding. */
  pad: { kind: 'enum', options: ['same', 'valid'] as const, default: 'same' },
  /** Custom CNN: batch norm after each conv, before its ReLU (the convs then have no bias). */
  bn: { kind: 'bool', default: false },
  opt: { kind: 'enum', options: OPTIMIZERS, default: 'adam' },
  /** Learning rate α. */
  lr: { kind: 'number', min: 1e-4, max: 1, default: 0.001, log: true },
  /** Mini-batch size (clamped to the training set). */
  batch: { kind: 'int', min: 1, max: 512, default: 64 },
  /** Training digits (of the 10,000 shipped). */
  train: { kind: 'int', min: 100, max: 8000, default: 8000 },
  /** Held-out test digits. */
  test: { kind: 'int', min: 100, max: 2000, default: 2000 },
  /** Position in the test set of the image whose feature maps are shown (clamped to the test set). */
  img: { kind: 'int', min: 0, max: 1999, default: 0 },
  /** Seeds the split, the initial weights, the batch order and dropout. */
  seed: { kind: 'int', min: 0, max: 2_147_483_647, default: 1 },
  /** Loss chart on a log scale. */
  log: { kind: 'bool', default: true },
  /** Steps per second (1000 = as fast as possible). */
  sps: speedParam(),
} satisfies SchemaTable;

export type CnnValues = ValuesOf<typeof CNN_PARAMS>;

/** The convolution explainer's settings. */
export const EXPLAINER_PARAMS = {
  /** Kernel preset. */
  xk: { kind: 'enum', options: ['vedge', 'hedge', 'blur', 'sharpen'] as const, default: 'vedge' },
  /** Padding of the explainer's convolution. */
  xpad: { kind: 'enum', options: ['valid', 'same'] as const, default: 'valid' },
  /** Stride of the explainer's convolution. */
  xs: { kind: 'int', min: 1, max: 2, default: 1 },
} satisfies SchemaTable;

export type ExplainerValues = ValuesOf<typeof EXPLAINER_PARAMS>;

/** Train/test sizes offered in the "Data size" select (the URL may hold any other pair). */
export const DATA_PRESETS: readonly { train: number; test: number }[] = [
  { train: 8000, test: 2000 },
  { train: 4000, test: 1000 },
  { train: 1000, test: 500 },
  { train: 500, test: 200 },
];

/**
 * The model spec the URL describes. A custom CNN whose maps would shrink to nothing
 * (three 5×5 'valid' blocks) loses blocks until it fits, with a notice.
 */
export function modelSpecOf(v: CnnValues): { spec: MnistModelSpec; notices: string[] } {
  if (v.model === 'cnn') return { spec: { kind: 'seed-cnn' }, notices: [] };
  if (v.model === 'mlp') return { spec: { kind: 'seed-mlp' }, notices: [] };
  const notices: string[] = [];
  for (let blocks = v.blocks; blocks >= 1; blocks--) {
    const spec: MnistModelSpec = {
      kind: 'custom-cnn',
      blocks,
      filters: v.filters,
      kernel: v.kernel === '5' ? 5 : 3,
      pooling: v.pool,
      dropout: v.dropout,
      padding: v.pad,
      // Only when on: a spec without it is the same model as before the switch existed.
      ...(v.bn ? { batchNorm: true } : {}),
    };
    try {
      describeModel(spec);
      return { spec, notices };
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      notices.push(t('cnn:notice.shrink', { blocks, k: v.kernel, pad: v.pad, fewer: blocks - 1 }));
    }
  }
  return { spec: { kind: 'seed-cnn' }, notices: [...notices, t('cnn:notice.seedInstead')] };
}

/** The test image index, clamped to the chosen test set (the schema's bound is the largest set). */
export function clampTestIndex(img: number, test: number): { img: number; notice: string | null } {
  if (img < test) return { img, notice: null };
  return { img: test - 1, notice: t('cnn:notice.imgOutside', { test, last: test - 1 }) };
}
