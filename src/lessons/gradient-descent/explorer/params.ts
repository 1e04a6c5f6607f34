import { SURFACES } from '../../../ml/surfaces/surface-info';
import { RACE_OPTIMIZERS } from '../../../ml/train/optimizer-names';
import type { SchemaTable } from '../../../state/schema';

/** URL keys of the loss-surface explorer (distinct from the regression lab's keys). */
export const EXPLORER_PARAMS = {
  surf: { kind: 'enum', options: SURFACES, default: 'bowl' },
  /** Condition number κ of the bowl. */
  kappa: { kind: 'number', min: 1, max: 100, default: 10 },
  /** Start point; absent = the surface's own. */
  sx: { kind: 'optional-number', min: -1e3, max: 1e3, default: null },
  sy: { kind: 'optional-number', min: -1e3, max: 1e3, default: null },
  racers: { kind: 'set', options: RACE_OPTIMIZERS, default: ['sgd', 'momentum', 'adam'], min: 1 },
  /** Learning rate of SGD, Momentum and Nesterov; absent = the surface's suggestion. */
  slr: { kind: 'optional-number', min: 1e-4, max: 1, default: null, log: true },
  /** Learning rate of RMSProp and Adam; absent = the surface's suggestion. */
  alr: { kind: 'optional-number', min: 1e-4, max: 1, default: null, log: true },
  beta: { kind: 'number', min: 0, max: 0.99, default: 0.9 },
  b1: { kind: 'number', min: 0, max: 0.999, default: 0.9 },
  b2: { kind: 'number', min: 0.9, max: 0.9999, default: 0.999 },
  /** σ of Gaussian noise added to every gradient component. */
  gnoise: { kind: 'number', min: 0, max: 5, default: 0 },
  /** Steps per second (slow motion … fast). */
  sps: { kind: 'number', min: 1, max: 1000, default: 60, log: true },
  slog: { kind: 'bool', default: true },
} satisfies SchemaTable;

/** RMSProp's decay ρ is not a control; the rules on the page show this value. */
export const RMS_DECAY = 0.9;
