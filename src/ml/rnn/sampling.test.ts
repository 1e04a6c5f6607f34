import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { useCpuBackend } from '../test-utils';
import { clampTemperature, gumbelArgMax, gumbelNoise, softmaxT } from './sampling';

beforeAll(useCpuBackend);

describe('Gumbel-max sampling', () => {
  const logits = [1.2, -0.3, 0.5, 2.0];

  for (const tau of [0.5, 1, 2]) {
    it(`draws from softmax(logits / ${tau})`, () => {
      const rng = createRng(7);
      const n = 20_000;
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) counts[gumbelArgMax(logits, tau, gumbelNoise(4, rng))]! += 1;
      const p = softmaxT(logits, tau);
      // 4 standard errors of a binomial proportion.
      counts.forEach((c, k) => expect(Math.abs(c / n - p[k]!)).toBeLessThan(4 * Math.sqrt((p[k]! * (1 - p[k]!)) / n) + 1e-3));
    });
  }

  it('is reproducible from the seed, and the device arg-max picks the same ids', async () => {
    const noise = gumbelNoise(8 * 4, createRng(3));
    expect(Array.from(gumbelNoise(8 * 4, createRng(3)))).toEqual(Array.from(noise));
    const ids = tf.tidy(() => tf.argMax(tf.add(tf.mul(tf.tensor2d([logits]), 1 / 0.7), tf.tensor2d(noise, [8, 4])), 1));
    const got = Array.from(await ids.data());
    ids.dispose();
    const want = Array.from({ length: 8 }, (_, r) => gumbelArgMax(logits, 0.7, noise.subarray(r * 4, r * 4 + 4)));
    expect(got).toEqual(want);
  });

  it('low temperature is nearly greedy; the range is clamped', () => {
    const rng = createRng(1);
    let top = 0;
    for (let i = 0; i < 500; i++) top += gumbelArgMax(logits, 0.05, gumbelNoise(4, rng)) === 3 ? 1 : 0;
    expect(top).toBe(500);
    expect(clampTemperature(0)).toBe(0.05);
    expect(clampTemperature(100)).toBe(5);
    expect(clampTemperature(NaN)).toBe(1);
  });
});
