import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { useCpuBackend } from '../test-utils';
import { outputSize, type Padding } from './architecture';
import { conv2dReference, convTerms, type ConvKernel, type Volume } from './conv-reference';

beforeAll(useCpuBackend);

// A 4×4 one-channel image and an asymmetric 3×3 kernel (so a flipped kernel would give other numbers).
const x: Volume = {
  height: 4,
  width: 4,
  channels: 1,
  // prettier-ignore
  data: [
    1, 2, 0, 1,
    0, 1, 3, 1,
    2, 1, 0, 0,
    1, 0, 2, 1,
  ],
};
const w: ConvKernel = {
  height: 3,
  width: 3,
  inChannels: 1,
  outChannels: 1,
  // prettier-ignore
  data: [
    1, 2, 0,
    0, 1, 0,
    0, 0, -1,
  ],
};
const b = [0.5];

describe('conv2dReference by hand', () => {
  it("valid, stride 1: y_ij = Σ_m Σ_n x_(i+m, j+n) w_mn + b", () => {
    const y = conv2dReference(x, w, b, { padding: 'valid', stride: 1 });
    expect([y.height, y.width, y.channels]).toEqual([2, 2, 1]);
    // y00 = 1·1 + 2·2 + 1·1 + 0·(−1) + .5 = 6.5      y01 = 2·1 + 0·2 + 3·1 − 0 + .5 = 5.5
    // y10 = 0·1 + 1·2 + 1·1 − 2 + .5 = 1.5           y11 = 1·1 + 3·2 + 0·1 − 1 + .5 = 6.5
    expect(Array.from(y.data)).toEqual([6.5, 5.5, 1.5, 6.5]);
  });

  it("same, stride 2: one zero row/column after, none before", () => {
    const y = conv2dReference(x, w, b, { padding: 'same', stride: 2 });
    expect([y.height, y.width]).toEqual([2, 2]);
    // y00 reads rows/cols 0..2 (= the valid y00); y01 cols 2..4: 0·1 + 1·2 + 1·1 + .5 = 3.5;
    // y10 rows 2..4: 2·1 + 1·2 + 0·1 + .5 = 4.5;  y11: 0·1 + 0·2 + 1·1 + .5 = 1.5.
    expect(Array.from(y.data)).toEqual([6.5, 3.5, 4.5, 1.5]);
  });

  it('sums over channels, one output channel per filter', () => {
    const x2: Volume = { height: 2, width: 2, channels: 2, data: [1, 5, 2, 6, 3, 7, 4, 8] };
    // Filter 0 adds up channel 0; filter 1 weighs channel 1 by [[1, −1], [0, 2]].
    const w2: ConvKernel = {
      height: 2,
      width: 2,
      inChannels: 2,
      outChannels: 2,
      data: [1, 0, 0, 1, 1, 0, 0, -1, 1, 0, 0, 0, 1, 0, 0, 2],
    };
    const y = conv2dReference(x2, w2, [0, -1], { padding: 'valid', stride: 1 });
    // f0: 1 + 2 + 3 + 4 = 10;  f1: 5 − 6 + 0 + 16 − 1 = 14.
    expect(Array.from(y.data)).toEqual([10, 14]);
  });

  it('lists the terms of one output, padding included, and they add up to it', () => {
    const t = convTerms(x, w, b, { padding: 'same', stride: 1 }, 0, 0, 0);
    expect(t.terms).toHaveLength(9);
    // Row −1 (3 terms) and column −1 (2 more) lie in the padding.
    expect(t.terms.filter((term) => term.padding)).toHaveLength(5);
    const centre = t.terms.find((term) => term.m === 1 && term.n === 1)!;
    expect(centre).toMatchObject({ row: 0, col: 0, x: 1, w: 1, product: 1, padding: false });
    // 1·1 (centre) + 1·(−1) (corner reading x[1,1]) + .5
    expect(t.sum).toBe(0.5);
    expect(t.bias).toBe(0.5);
    const y = conv2dReference(x, w, b, { padding: 'same', stride: 1 });
    for (const [i, j] of [[0, 0], [1, 2], [3, 3], [2, 0]] as const) {
      const terms = convTerms(x, w, b, { padding: 'same', stride: 1 }, i, j, 0);
      expect(terms.terms.reduce((s, term) => s + term.product, 0) + terms.bias).toBe(terms.sum);
      expect(terms.sum).toBe(y.data[i * 4 + j]);
    }
    expect(() => convTerms(x, w, b, { padding: 'valid', stride: 1 }, 2, 0, 0)).toThrow(RangeError);
  });
});

describe('tf.conv2d agrees with the reference', () => {
  const rng = createRng(7);
  const rand = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
  const cases: [number, number, number, number, number, Padding, number][] = [
    // h, w, inC, outC, k, padding, stride
    [7, 6, 3, 4, 3, 'valid', 1],
    [7, 6, 3, 4, 3, 'same', 1],
    [7, 6, 3, 4, 3, 'same', 2],
    [7, 6, 3, 4, 3, 'valid', 2],
    [9, 8, 2, 3, 5, 'same', 2],
    [9, 8, 2, 3, 5, 'valid', 1],
    [28, 28, 1, 8, 3, 'same', 2],
  ];
  it.each(cases)('%i×%i×%i image → %i filters, kernel %i, %s, stride %i', async (h, wd, inC, outC, k, padding, stride) => {
    const img: Volume = { height: h, width: wd, channels: inC, data: rand(h * wd * inC) };
    const ker: ConvKernel = { height: k, width: k, inChannels: inC, outChannels: outC, data: rand(k * k * inC * outC) };
    const bias = rand(outC);
    const ref = conv2dReference(img, ker, bias, { padding, stride });
    expect([ref.height, ref.width]).toEqual([outputSize(h, k, padding, stride), outputSize(wd, k, padding, stride)]);
    const y = tf.tidy(() =>
      tf.add(
        tf.conv2d(
          tf.tensor3d(img.data as Float32Array, [h, wd, inC]),
          tf.tensor4d(ker.data as Float32Array, [k, k, inC, outC]),
          stride,
          padding,
        ),
        tf.tensor1d(bias),
      ),
    );
    expect(y.shape).toEqual([ref.height, ref.width, outC]);
    const got = await y.data();
    y.dispose();
    for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(ref.data[i]!, 4);
  });
});
