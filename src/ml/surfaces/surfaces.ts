import * as tf from '@tensorflow/tfjs';
import { generateLinear } from '../../datasets/linear';
import {
  createSurfaceInfo,
  DEFAULT_SURFACE_PARAMS,
  CONDITION_RANGE,
  REGRESSION_POINTS,
  type SurfaceId,
  type SurfaceInfo,
  type SurfaceParams,
} from './surface-info';

export * from './surface-info';

/**
 * The tfjs half of each surface (see surface-info.ts for the rest): the same f,
 * built from tf ops so tfjs autodiff gives the gradient the optimisers follow.
 * A test keeps `lossXY`, `evaluate` and `gradient` in agreement.
 */
export interface Surface extends SurfaceInfo {
  /** f(x, y) elementwise on tensors of the same (or broadcastable) shape. */
  lossXY(x: tf.Tensor, y: tf.Tensor): tf.Tensor;
  /** f at p = [x, y], as a scalar tfjs can differentiate with respect to p. */
  loss(p: tf.Tensor1D): tf.Scalar;
}

type LossXY = Surface['lossXY'];

function tfForm(id: SurfaceId, params: SurfaceParams): LossXY {
  switch (id) {
    case 'bowl': {
      const k = Math.min(CONDITION_RANGE.max, Math.max(CONDITION_RANGE.min, params.condition));
      return (x, y) => tf.mul(0.5, tf.add(tf.square(x), tf.mul(k, tf.square(y))));
    }
    case 'rosenbrock':
      return (x, y) => tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x)))));
    case 'himmelblau':
      return (x, y) =>
        tf.add(tf.square(tf.sub(tf.add(tf.square(x), y), 11)), tf.square(tf.sub(tf.add(x, tf.square(y)), 7)));
    case 'saddle':
      return (x, y) => tf.add(tf.mul(0.25, tf.square(tf.sub(tf.square(x), 1))), tf.mul(0.5, tf.square(y)));
    case 'regression': {
      const { xs, ys } = generateLinear({ n: REGRESSION_POINTS, noise: params.noise, seed: params.seed });
      // (w, b) of any shape S → mean over the data axis of (w·xᵢ + b − yᵢ)², shape S.
      return (w, b) =>
        tf.tidy(() => {
          const dx = tf.tensor1d(xs);
          const dy = tf.tensor1d(ys);
          const pred = tf.add(tf.mul(tf.expandDims(w, -1), dx), tf.expandDims(b, -1));
          return tf.mean(tf.square(tf.sub(pred, dy)), -1);
        });
    }
  }
}

export function createSurface(id: SurfaceId, params: Partial<SurfaceParams> = {}): Surface {
  const p = { ...DEFAULT_SURFACE_PARAMS, ...params };
  if (!Number.isFinite(p.condition)) p.condition = DEFAULT_SURFACE_PARAMS.condition;
  const lossXY = tfForm(id, p);
  return {
    ...createSurfaceInfo(id, params),
    lossXY,
    loss: (pt) => {
      const [x, y] = tf.unstack(pt) as [tf.Scalar, tf.Scalar];
      return lossXY(x, y) as tf.Scalar;
    },
  };
}
