/**
 * Every setting of the backprop lesson as URL keys: the tiny network of part 1 (keys start
 * with t) and the MLP playground of part 2. Learner-added and removed points have their own
 * compact codec (points-url.ts), under the keys `pts` and `rm`.
 */
import { POINTS2D_DATASETS } from '../../datasets/points2d';
import { FEATURES } from '../../datasets/points2d-features';
import { DEFAULT_TINY_INPUT, DEFAULT_TINY_PARAMS, DEFAULT_TINY_TARGET, type TinyActivation } from '../../ml/backprop/tiny-net';
import type { MlpActivation } from '../../ml/tasks/mlp-model';
import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import type { SchemaTable } from '../../state/schema';
import { speedParam } from '../../state/speed';

/** The MLP's activations (mlp-model.ts imports tfjs, which the page must not load). */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const satisfies readonly MlpActivation[];
/** Limits of the network editor (the task checks the same: mlp-model.ts). */
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;
export const REGULARISERS = ['none', 'l1', 'l2'] as const;
export const CLICK_MODES = ['add', 'remove'] as const;
export const TINY_ACTIVATIONS = ['sigmoid', 'tanh'] as const satisfies readonly TinyActivation[];

const weight = (d: number) => ({ kind: 'number', min: -20, max: 20, default: d }) as const;
const neurons = { kind: 'int', min: 1, max: MAX_NEURONS, default: 4 } as const;

/** Part 1: the tiny 2 → 2 → 1 network's example, weights, activation and learning rate. */
export const TINY_URL_PARAMS = {
  tx1: { kind: 'number', min: -5, max: 5, default: DEFAULT_TINY_INPUT.x1 },
  tx2: { kind: 'number', min: -5, max: 5, default: DEFAULT_TINY_INPUT.x2 },
  /** Target t. */
  tt: { kind: 'number', min: -5, max: 5, default: DEFAULT_TINY_TARGET },
  tw11: weight(DEFAULT_TINY_PARAMS.w11),
  tw12: weight(DEFAULT_TINY_PARAMS.w12),
  tb1: weight(DEFAULT_TINY_PARAMS.b1),
  tw21: weight(DEFAULT_TINY_PARAMS.w21),
  tw22: weight(DEFAULT_TINY_PARAMS.w22),
  tb2: weight(DEFAULT_TINY_PARAMS.b2),
  tv1: weight(DEFAULT_TINY_PARAMS.v1),
  tv2: weight(DEFAULT_TINY_PARAMS.v2),
  tc: weight(DEFAULT_TINY_PARAMS.c),
  tact: { kind: 'enum', options: TINY_ACTIVATIONS, default: 'sigmoid' },
  /** Learning rate α of the tiny net's update. */
  tlr: { kind: 'number', min: 0.01, max: 10, default: 0.5, log: true },
} satisfies SchemaTable;

/** Part 2: the MLP playground. */
export const MLP_PARAMS = {
  ds: { kind: 'enum', options: POINTS2D_DATASETS, default: 'circle' },
  /** Number of generated points (before the split). */
  n: { kind: 'int', min: 20, max: 600, default: 200 },
  noise: { kind: 'number', min: 0, max: 1, default: 0 },
  /** Fraction of the generated points held out for testing. */
  test: { kind: 'number', min: 0, max: 0.9, default: 0.5 },
  /** Seeds the data, the split, the initial weights, the batches and the dropout masks. */
  seed: { kind: 'int', min: 0, max: 2_147_483_647, default: 1 },
  feat: { kind: 'set', options: FEATURES, default: ['x1', 'x2'], min: 1 },
  layers: { kind: 'int', min: 0, max: MAX_HIDDEN_LAYERS, default: 2 },
  h1: neurons,
  h2: { ...neurons, default: 2 },
  h3: neurons,
  h4: neurons,
  h5: neurons,
  h6: neurons,
  act: { kind: 'enum', options: ACTIVATIONS, default: 'tanh' },
  lr: { kind: 'number', min: 1e-4, max: 3, default: 0.03, log: true },
  batch: { kind: 'int', min: 1, max: 600, default: 10 },
  opt: { kind: 'enum', options: OPTIMIZERS, default: 'adam' },
  reg: { kind: 'enum', options: REGULARISERS, default: 'none' },
  /** Strength λ of the L1 or L2 penalty. */
  rrate: { kind: 'number', min: 1e-5, max: 1, default: 1e-3, log: true },
  drop: { kind: 'number', min: 0, max: 0.9, default: 0 },
  /** Batch norm on every hidden layer's weighted sums (those layers then have no bias). */
  bn: { kind: 'bool', default: false },
  /** Class of the points a click adds (classification). */
  cls: { kind: 'int', min: 0, max: 2, default: 1 },
  /** Target value of the points a click adds (regression). */
  val: { kind: 'number', min: -1.5, max: 1.5, default: 1 },
  /** What a click on the data does (shift-click always removes). */
  click: { kind: 'enum', options: CLICK_MODES, default: 'add' },
  showtest: { kind: 'bool', default: true },
  /** Draw the heatmap as hard classes / signs instead of a gradient. */
  disc: { kind: 'bool', default: false },
  /** Loss chart on a log scale. */
  llog: { kind: 'bool', default: true },
  /** Steps per second (1000 = as fast as possible). */
  sps: speedParam(),
} satisfies SchemaTable;

export const HIDDEN_KEYS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
