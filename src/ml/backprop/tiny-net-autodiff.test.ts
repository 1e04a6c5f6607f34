import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { useCpuBackend } from '../test-utils';
import { TINY_PARAMS, finiteDifference, forward, type TinyActivation, type TinyParams } from './tiny-net';
import { autodiffGradients, autodiffLossAndGradients } from './tiny-net-autodiff';
import { backward } from './tiny-net-backward';

beforeAll(useCpuBackend);

function randomParams(seed: number): TinyParams {
  const rng = createRng(seed);
  const p = {} as TinyParams;
  for (const n of TINY_PARAMS) p[n] = rng.normal();
  return p;
}

/**
 * Hand (float64) vs finite differences (float64): 1e-6 absolute.
 * Hand vs autodiff: tfjs's CPU backend computes in float32 (ε ≈ 1.2e-7), so the two agree to
 * about 1e-5 relative; the absolute floor 1e-6 covers gradients near zero.
 */
const closeF32 = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.abs(b) + 1e-6;

describe('tiny net: hand-stepped vs autodiff vs finite differences', () => {
  it.each<[TinyActivation]>([['sigmoid'], ['tanh']])('all three agree with %s', async (a) => {
    for (let seed = 1; seed <= 8; seed++) {
      const p = randomParams(seed);
      const x = { x1: 0.5 - seed / 8, x2: seed / 5 };
      const t = seed % 2 ? 1 : -0.5;
      const f = forward(p, x, t, a);
      const hand = backward(f).params;
      const fd = finiteDifference(p, x, t, a);
      const auto = await autodiffLossAndGradients(p, x, t, a);
      expect(closeF32(auto.loss, f.values.L)).toBe(true);
      for (const n of TINY_PARAMS) {
        expect(Math.abs(hand[n] - fd[n])).toBeLessThan(1e-6);
        if (!closeF32(auto.grads[n], hand[n])) throw new Error(`${a} seed ${seed} ${n}: ${auto.grads[n]} vs ${hand[n]}`);
      }
    }
  });

  it('frees every tensor it makes', async () => {
    const p = randomParams(1);
    await autodiffGradients(p, { x1: 1, x2: 2 }, 0, 'tanh');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await autodiffGradients(p, { x1: 1, x2: 2 }, 0, 'tanh');
    expect(tf.memory().numTensors).toBe(before);
  });
});
