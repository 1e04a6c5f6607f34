/**
 * Held-out evaluation of an MNIST classifier: loss, accuracy, confusion matrix and the
 * misclassified digits, computed in chunks so memory stays bounded whatever the set size.
 */
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../cnn/architecture';

/** Images per forward pass when evaluating (bounds activation memory: 500 seed-CNN maps ≈ 43 MB). */
export const EVAL_CHUNK = 500;
/** At most this many misclassified digits are listed. */
export const MAX_MISCLASSIFIED = 32;

export interface Predictions {
  /** argmax class of each image. */
  predicted: Int32Array;
  /** Its softmax probability. */
  confidence: Float32Array;
  /** Mean cross-entropy −log p(true class). */
  meanLoss: number;
}

/**
 * Classify the first `count` images of x (default all) in chunks of ≤ `chunk`; one
 * readback per chunk. `logitsOf` is called inside tf.tidy. Throws if `alive()` turns
 * false between chunks (the model was disposed meanwhile).
 */
export async function predictInChunks(
  logitsOf: (x: tf.Tensor4D) => tf.Tensor2D,
  x: tf.Tensor4D,
  labels: tf.Tensor1D,
  opts: { count?: number; chunk?: number; alive?: () => boolean } = {},
): Promise<Predictions> {
  const n = Math.min(opts.count ?? x.shape[0], x.shape[0]);
  const chunk = Math.max(1, opts.chunk ?? EVAL_CHUNK);
  const predicted = new Int32Array(n);
  const confidence = new Float32Array(n);
  let lossSum = 0;
  for (let start = 0; start < n; start += chunk) {
    if (opts.alive && !opts.alive()) throw new Error('model disposed during evaluation');
    const size = Math.min(chunk, n - start);
    // Rows: predicted class, its probability, −log p(true class); one tensor, one readback.
    const packed = tf.tidy(() => {
      const logits = logitsOf(tf.slice(x, [start, 0, 0, 0], [size, -1, -1, -1]));
      const logp = tf.logSoftmax(logits);
      const y = tf.oneHot(tf.slice(labels, [start], [size]), NUM_CLASSES);
      return tf.stack([
        tf.cast(tf.argMax(logits, 1), 'float32'),
        tf.exp(tf.max(logp, 1)),
        tf.neg(tf.sum(tf.mul(y, logp), 1)),
      ]);
    });
    const v = await packed.data();
    packed.dispose();
    for (let i = 0; i < size; i++) {
      predicted[start + i] = v[i]!;
      confidence[start + i] = v[size + i]!;
      lossSum += v[2 * size + i]!;
    }
  }
  return { predicted, confidence, meanLoss: n > 0 ? lossSum / n : 0 };
}

/** 10×10 counts, row = true label, column = predicted: entry [t·10 + p]. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>): Int32Array {
  const m = new Int32Array(NUM_CLASSES * NUM_CLASSES);
  for (let i = 0; i < predicted.length; i++) m[labels[i]! * NUM_CLASSES + predicted[i]!]!++;
  return m;
}

export function accuracy(labels: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < predicted.length; i++) if (labels[i] === predicted[i]) right++;
  return predicted.length > 0 ? right / predicted.length : 0;
}

export interface Misclassified {
  /** Position in the test set, 0 … testCount − 1 (what selectTestImage takes). */
  testIndex: number;
  /** Record index in the MNIST pack (digitAt(pack, record) draws it). */
  record: number;
  label: number;
  predicted: number;
  /** Softmax probability of the predicted class. */
  confidence: number;
}

/** The first `max` wrong predictions in test-set order (stable as training goes on), and how many there are. */
export function misclassified(
  labels: ArrayLike<number>,
  p: Predictions,
  records: ArrayLike<number>,
  max = MAX_MISCLASSIFIED,
): { count: number; items: Misclassified[] } {
  const items: Misclassified[] = [];
  let count = 0;
  for (let i = 0; i < p.predicted.length; i++) {
    if (labels[i] === p.predicted[i]) continue;
    count++;
    if (items.length < max) {
      items.push({
        testIndex: i,
        record: records[i]!,
        label: labels[i]!,
        predicted: p.predicted[i]!,
        confidence: p.confidence[i]!,
      });
    }
  }
  return { count, items };
}
