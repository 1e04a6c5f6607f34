import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-utils';
import { oneHotRows } from './one-hot';

beforeAll(useCpuBackend);

describe('oneHotRows', () => {
  it('is float32 one-hot rows of the ids, shape [..., depth], equal to tf.oneHot', async () => {
    const ids = tf.tensor2d([0, 2, 1, 3, 3, 0], [2, 3], 'int32');
    const x = oneHotRows(ids, 4);
    expect(x.dtype).toBe('float32');
    expect(x.shape).toEqual([2, 3, 4]);
    const values = await x.data();
    expect(values).toBeInstanceOf(Float32Array);
    expect(Array.from(values)).toEqual(Array.from(await tf.oneHot(ids, 4).data()));
    // Exactly one 1 per row (not 1.4e-45, the int32 bits of 1 read as float32).
    expect(Array.from(await tf.sum(x, -1).data())).toEqual([1, 1, 1, 1, 1, 1]);
    tf.dispose([ids, x]);
  });

  it('frees its identity matrix inside tidy', () => {
    const ids = tf.tensor1d([1, 0], 'int32');
    const before = tf.memory().numTensors;
    const x = tf.tidy(() => oneHotRows(ids, 3));
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([ids, x]);
  });
});
