/** Point sets of the MLP playground as device tensors: features, loss targets, class labels. */
import * as tf from '@tensorflow/tfjs';
import type { Points2D } from '../../datasets/points2d';
import { featureMatrix, type FeatureName } from '../../datasets/points2d-features';
import type { DeviceSet, MlpOutput } from './mlp-model';

/** The [n, F] feature matrix of n interleaved (x1, x2) points. */
export function featureTensor(points: Float32Array, features: readonly FeatureName[]): tf.Tensor2D {
  return tf.tensor2d(featureMatrix(points, features), [points.length / 2, features.length]);
}

/** Features, loss targets (0/1, one-hot or values) and int32 labels of a point set. */
export function toDevice(d: Points2D, features: readonly FeatureName[], output: MlpOutput): DeviceSet {
  const n = d.ys.length;
  const x = featureTensor(d.xs, features);
  if (output === 'regression') return { n, x, y: tf.tensor2d(d.ys, [n, 1]), labels: null };
  const labels = tf.tensor1d(Int32Array.from(d.ys), 'int32');
  const y = output === 'binary' ? tf.tensor2d(d.ys, [n, 1]) : tf.tidy(() => tf.oneHot(labels, d.classes).toFloat());
  return { n, x, y: y as tf.Tensor2D, labels };
}

export function disposeSet(s: DeviceSet): void {
  tf.dispose([s.x, s.y, ...(s.labels ? [s.labels] : [])]);
}
