import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import type { SchemaTable } from '../../state/schema';
import { speedParam } from '../../state/speed';

export const RNN_TASKS = ['series', 'recall', 'chars'] as const;
export const RNN_CELLS = ['simple', 'lstm', 'gru'] as const;
export const RNN_INITS = ['uniform', 'orthogonal'] as const;

/** Every setting of the RNN lesson, as URL keys. */
export const RNN_PARAMS = {
  task: { kind: 'enum', options: RNN_TASKS, default: 'recall' },
  cell: { kind: 'enum', options: RNN_CELLS, default: 'lstm' },
  /** Units per layer. */
  hidden: { kind: 'int', min: 4, max: 64, default: 16 },
  layers: { kind: 'int', min: 1, max: 2, default: 1 },
  /** Steps per training sequence (series, chars; recall uses gap + 2). */
  seqlen: { kind: 'int', min: 4, max: 100, default: 30 },
  /** Distractor steps between the symbol and the query (recall). */
  gap: { kind: 'int', min: 0, max: 100, default: 20 },
  /** Alphabet size K (recall). */
  symbols: { kind: 'int', min: 2, max: 8, default: 4 },
  /** Period of the first sine in steps (series); a second one at about a third of it is added. */
  periods: { kind: 'int', min: 4, max: 60, default: 16 },
  /** Noise σ of the series. */
  snoise: { kind: 'number', min: 0, max: 1, default: 0.05 },
  lr: { kind: 'number', min: 1e-4, max: 1, default: 0.01, log: true },
  opt: { kind: 'enum', options: OPTIMIZERS, default: 'adam' },
  batch: { kind: 'int', min: 1, max: 256, default: 32 },
  clip: { kind: 'bool', default: true },
  clipnorm: { kind: 'number', min: 0.01, max: 100, default: 1, log: true },
  /** Sampling temperature τ (chars). */
  temp: { kind: 'number', min: 0.05, max: 5, default: 0.8, log: true },
  /** Initial LSTM forget / GRU update gate bias. */
  mbias: { kind: 'number', min: -5, max: 5, default: 2 },
  init: { kind: 'enum', options: RNN_INITS, default: 'uniform' },
  seed: { kind: 'int', min: 0, max: 2_147_483_647, default: 1 },
  /** Steps per second (1000 = as fast as possible). */
  sps: speedParam(),
} satisfies SchemaTable;
