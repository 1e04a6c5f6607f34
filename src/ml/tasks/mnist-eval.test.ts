import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import { accuracy, confusionMatrix, misclassified, predictInChunks } from './mnist-eval';

beforeAll(useCpuBackend);

describe('evaluation helpers', () => {
  it('count a confusion matrix with rows = true label', () => {
    const m = confusionMatrix([3, 3, 1, 0], [3, 8, 1, 1]);
    expect(m[3 * 10 + 3]).toBe(1);
    expect(m[3 * 10 + 8]).toBe(1);
    expect(m[1 * 10 + 1]).toBe(1);
    expect(m[0 * 10 + 1]).toBe(1);
    expect(m.reduce((s, v) => s + v, 0)).toBe(4);
    expect(accuracy([3, 3, 1, 0], [3, 8, 1, 1])).toBe(0.5);
  });

  it('list misclassified digits in test order, capped, with the total', () => {
    const labels = [0, 1, 2, 3, 4];
    const p = { predicted: Int32Array.from([1, 1, 0, 0, 4]), confidence: Float32Array.from([0.5, 1, 0.25, 0.75, 1]), meanLoss: 0 };
    const w = misclassified(labels, p, [10, 11, 12, 13, 14], 2);
    expect(w.count).toBe(3);
    expect(w.items).toEqual([
      { testIndex: 0, record: 10, label: 0, predicted: 1, confidence: 0.5 },
      { testIndex: 2, record: 12, label: 2, predicted: 0, confidence: 0.25 },
    ]);
  });

  it('predict in chunks exactly as in one pass: argmax, its probability, mean −log p(label)', async () => {
    // 5 "images" whose logits are their first 10 pixels.
    const x = tf.tidy(() => tf.reshape(tf.pad(tf.tensor2d([
      [2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 3, 0, 0, 0, 0, 0, 0],
      [0, 1, 1, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 5],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]), [[0, 0], [0, 774]]), [5, 28, 28, 1]) as tf.Tensor4D);
    const labels = tf.tensor1d([0, 3, 2, 1, 4], 'int32');
    const logitsOf = (t: tf.Tensor4D) => tf.slice(tf.reshape(t, [t.shape[0], 784]), [0, 0], [-1, 10]) as tf.Tensor2D;
    const one = await predictInChunks(logitsOf, x, labels);
    const chunked = await predictInChunks(logitsOf, x, labels, { chunk: 2 });
    expect(chunked).toEqual(one);
    expect(Array.from(one.predicted)).toEqual([0, 3, 1, 9, 0]); // ties go to the first index
    const p0 = Math.exp(2) / (Math.exp(2) + 9);
    expect(one.confidence[0]).toBeCloseTo(p0, 6);
    expect(one.confidence[4]).toBeCloseTo(0.1, 6);
    const nll = [-Math.log(p0), -Math.log(Math.exp(3) / (Math.exp(3) + 9)), -Math.log(Math.E / (2 * Math.E + 8)), -Math.log(1 / (Math.exp(5) + 9)), Math.log(10)];
    expect(one.meanLoss).toBeCloseTo(nll.reduce((s, v) => s + v, 0) / 5, 5);
    const first3 = await predictInChunks(logitsOf, x, labels, { count: 3, chunk: 2 });
    expect(Array.from(first3.predicted)).toEqual([0, 3, 1]);
    await expect(predictInChunks(logitsOf, x, labels, { alive: () => false })).rejects.toThrow(/disposed/);
    tf.dispose([x, labels]);
  });
});
