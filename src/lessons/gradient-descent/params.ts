import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import type { SchemaTable } from '../../state/schema';
import { speedParam } from '../../state/speed';

/** Every setting of the gradient-descent lesson, as URL keys. */
export const GD_PARAMS = {
  /** Learning rate α. */
  lr: { kind: 'number', min: 1e-4, max: 1, default: 0.1, log: true },
  /** Mini-batch size m (200 = the whole data set = batch gradient descent). */
  batch: { kind: 'int', min: 1, max: 200, default: 32 },
  opt: { kind: 'enum', options: OPTIMIZERS, default: 'sgd' },
  /** Standard deviation σ of the noise added to y. */
  noise: { kind: 'number', min: 0, max: 3, default: 0.5 },
  seed: { kind: 'int', min: 0, max: 2_147_483_647, default: 1 },
  /** Loss chart on a log scale. */
  log: { kind: 'bool', default: true },
  /**
   * Steps per second (1000 = as fast as possible). Slower by default, one step per frame: the
   * fused engine fits the line within a second, too fast to watch the line turn and settle.
   * (`sps` is the optimizer race's key, so the lab's is `lsps`.)
   */
  lsps: speedParam(60),
} satisfies SchemaTable;

export const N_POINTS = 200;
