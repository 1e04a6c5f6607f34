import { describe, expect, it } from 'vitest';
import { createRng } from '../datasets/rng';
import type { LinRegView } from '../ml/tasks/linear-regression';
import { DEFAULT_TINY_INPUT, DEFAULT_TINY_PARAMS, forward, update as tinyUpdate } from '../ml/backprop/tiny-net';
import { backward } from '../ml/backprop/tiny-net-backward';
import { updateTex } from './backprop/tiny-step-text';
import { liveTex, restoredTex } from './gradient-descent/tex';

/**
 * Guard for issue 14 (1): every "a − α·g = b" a lesson prints is true to its printed
 * digits — b differs from a − α·g by no more than the rounding of the printed numbers.
 */

/** A number as the lessons write it in TeX: 1.25, (-3), 3.55\times 10^{9}. */
const NUM = String.raw`\(?-?\d+(?:\.\d+)?(?:\\times 10\^\{-?\d+\})?\)?`;
/** … and "a − α × g = b", the result on the same line or on the next row of an aligned block. */
const UPDATE = new RegExp(String.raw`(${NUM})\s*-\s*(${NUM})\s*\\(?:times|cdot)\s*(${NUM})\s*(?:\\\\\s*&\s*)?=\s*(${NUM})`, 'g');

interface Printed {
  value: number;
  /** Half a unit of the last printed digit. */
  half: number;
}

function parse(s: string): Printed {
  const m = /^\(?(-?)(\d+)(?:\.(\d+))?(?:\\times 10\^\{(-?\d+)\})?\)?$/.exec(s.trim());
  if (!m) throw new Error(`not a number: ${s}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  const scale = 10 ** Number(exp);
  return { value: Number(`${sign}${int}.${frac || '0'}`) * scale, half: 0.5 * 10 ** -frac.length * scale };
}

/** Every update printed in a formula, checked; returns how many there were. */
export function checkUpdates(math: string): number {
  let n = 0;
  for (const m of math.matchAll(UPDATE)) {
    const [a, alpha, g, b] = [m[1]!, m[2]!, m[3]!, m[4]!].map(parse) as [Printed, Printed, Printed, Printed];
    const slack = a.half + Math.abs(alpha.value) * g.half + Math.abs(g.value) * alpha.half + b.half;
    const miss = Math.abs(a.value - alpha.value * g.value - b.value);
    expect(miss, `${m[0]}: off by ${miss}, rounding allows ${slack}`).toBeLessThanOrEqual(slack * (1 + 1e-9));
    n++;
  }
  return n;
}

const f32 = (x: number) => Math.fround(x);

describe('printed updates add up', () => {
  it('the checker catches the reviewer’s example and accepts a true one', () => {
    expect(() => checkUpdates('3.55\\times 10^{9} - 0.9\\times 1.33\\times 10^{10} = -57.51')).toThrow();
    expect(checkUpdates('w &= 1.234 - 0.1\\times (-3.457) = 1.58')).toBe(1);
  });

  it('gradient descent: the last step, for 2,000 random steps of every size', () => {
    const rng = createRng(5);
    for (let i = 0; i < 2000; i++) {
      const mag = 10 ** (rng.next() * 12 - 4);
      const prevW = f32((rng.next() * 2 - 1) * mag);
      const prevB = f32((rng.next() * 2 - 1) * mag);
      const gradW = f32((rng.next() * 2 - 1) * mag * 10 ** (rng.next() * 4 - 2));
      const gradB = f32((rng.next() * 2 - 1) * mag);
      const lr = f32([0.001, 0.01, 0.1, 0.3, 0.9, 1][i % 6]!);
      // What the optimiser does in float32.
      const w = f32(prevW - f32(lr * gradW));
      const b = f32(prevB - f32(lr * gradB));
      const view = { w, b, prevW, prevB, gradW, gradB, learningRate: lr, batchSize: 32, batchLoss: 1, optimizer: 'sgd' } as LinRegView & { batchLoss: number };
      expect(checkUpdates(liveTex(view).sgdUpdate)).toBe(2);
    }
  });

  it('gradient descent after a divergence pause: only the restored weights, no update', () => {
    const view = { w: -57.5, b: -48, fullLoss: 13160 } as LinRegView;
    const r = restoredTex(view);
    expect(r.line).toBe('\\hat y = -57.5\\,x - 48');
    expect(Object.values(r).reduce((n, m) => n + checkUpdates(m), 0)).toBe(0);
  });

  it('backprop: the tiny network’s update of all nine parameters, for random weights and rates', () => {
    const rng = createRng(9);
    for (let i = 0; i < 300; i++) {
      const p = Object.fromEntries(Object.keys(DEFAULT_TINY_PARAMS).map((k) => [k, Math.round((rng.next() * 8 - 4) * 100) / 100])) as typeof DEFAULT_TINY_PARAMS;
      const lr = [0.1, 0.5, 1, 2][i % 4]!;
      const bw = backward(forward(p, DEFAULT_TINY_INPUT, 1, i % 2 ? 'tanh' : 'sigmoid'));
      expect(checkUpdates(updateTex(p, bw.params, lr, tinyUpdate(p, bw.params, lr)))).toBe(9);
    }
  });
});
