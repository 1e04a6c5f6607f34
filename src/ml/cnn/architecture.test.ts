import { describe, expect, it } from 'vitest';
import {
  countParams,
  describeModel,
  outputSize,
  paddingAmounts,
  type CustomCnnSpec,
  type MnistModelSpec,
} from './architecture';

const summary = (spec: MnistModelSpec) =>
  describeModel(spec).layers.map((l) => [l.layer.name, l.outputShape.join('x'), l.params]);

describe('outputSize', () => {
  it('follows TensorFlow: valid ⌊(n−k)/s⌋+1, same ⌈n/s⌉', () => {
    expect(outputSize(28, 3, 'valid', 1)).toBe(26); // 28 − 3 + 1
    expect(outputSize(28, 5, 'valid', 1)).toBe(24);
    expect(outputSize(28, 3, 'same', 1)).toBe(28);
    expect(outputSize(28, 3, 'same', 2)).toBe(14);
    expect(outputSize(28, 3, 'valid', 2)).toBe(13); // ⌊25/2⌋ + 1
    expect(outputSize(5, 3, 'same', 2)).toBe(3);
    expect(outputSize(7, 3, 'valid', 2)).toBe(3);
    expect(outputSize(26, 2, 'valid', 2)).toBe(13); // the seed CNN's pool
    expect(outputSize(7, 2, 'valid', 2)).toBe(3); // odd sizes round down
    expect(outputSize(2, 3, 'valid', 1)).toBe(0);
    expect(() => outputSize(28, 0, 'valid', 1)).toThrow(RangeError);
    expect(() => outputSize(28, 3, 'same', 1.5)).toThrow(RangeError);
  });

  it("splits 'same' padding with the odd zero after", () => {
    expect(paddingAmounts(5, 3, 'same', 1)).toEqual({ before: 1, after: 1 });
    expect(paddingAmounts(28, 5, 'same', 1)).toEqual({ before: 2, after: 2 });
    expect(paddingAmounts(5, 3, 'same', 2)).toEqual({ before: 1, after: 1 }); // out 3: (3−1)·2+3−5 = 2
    expect(paddingAmounts(4, 3, 'same', 2)).toEqual({ before: 0, after: 1 }); // out 2: 2+3−4 = 1
    expect(paddingAmounts(28, 3, 'valid', 1)).toEqual({ before: 0, after: 0 });
  });
});

describe('describeModel', () => {
  it('counts the seed CNN by hand: 320 + 692,352 + 1,290', () => {
    expect(summary({ kind: 'seed-cnn' })).toEqual([
      ['conv1', '26x26x32', 3 * 3 * 1 * 32 + 32], // 28 − 3 + 1 = 26
      ['pool1', '13x13x32', 0], // 26 / 2
      ['flatten', '5408', 0], // 13·13·32
      ['dense1', '128', 13 * 13 * 32 * 128 + 128],
      ['output', '10', 128 * 10 + 10],
    ]);
    expect(countParams({ kind: 'seed-cnn' })).toBe(320 + 692_352 + 1_290);
  });

  it('counts the seed MLP by hand: 101,770', () => {
    expect(summary({ kind: 'seed-mlp' })).toEqual([
      ['flatten', '784', 0],
      ['dense1', '128', 784 * 128 + 128],
      ['output', '10', 1_290],
    ]);
    expect(countParams({ kind: 'seed-mlp' })).toBe(101_770);
  });

  it('counts a two-block 5×5 custom CNN with per-block filters and dropout', () => {
    const spec: CustomCnnSpec = { kind: 'custom-cnn', blocks: 2, filters: [8, 16], kernel: 5, pooling: 'max', dropout: 0.25 };
    expect(summary(spec)).toEqual([
      ['conv1', '28x28x8', 5 * 5 * 1 * 8 + 8], // 'same' keeps 28
      ['pool1', '14x14x8', 0],
      ['conv2', '14x14x16', 5 * 5 * 8 * 16 + 16],
      ['pool2', '7x7x16', 0],
      ['flatten', '784', 0],
      ['dropout1', '784', 0],
      ['dense1', '128', 784 * 128 + 128],
      ['dropout2', '128', 0],
      ['output', '10', 1_290],
    ]);
    expect(countParams(spec)).toBe(208 + 3_216 + 100_480 + 1_290);
  });

  it('counts three 3×3 blocks of 32 (28 → 14 → 7 → 3) and has no dropout layers at rate 0', () => {
    const spec: CustomCnnSpec = { kind: 'custom-cnn', blocks: 3, filters: 32, kernel: 3, pooling: 'avg', dropout: 0 };
    const d = describeModel(spec);
    expect(d.layers.map((l) => l.layer.name)).toEqual([
      'conv1', 'pool1', 'conv2', 'pool2', 'conv3', 'pool3', 'flatten', 'dense1', 'output',
    ]);
    expect(d.layers[5]!.outputShape).toEqual([3, 3, 32]);
    expect(d.totalParams).toBe(320 + 9_248 + 9_248 + (288 * 128 + 128) + 1_290);
  });

  it('rejects out-of-range specs, including maps that shrink to nothing', () => {
    const ok: CustomCnnSpec = { kind: 'custom-cnn', blocks: 1, filters: 8, kernel: 3, pooling: 'max', dropout: 0 };
    expect(() => describeModel(ok)).not.toThrow();
    for (const bad of [
      { blocks: 4 },
      { blocks: 0 },
      { filters: 3 },
      { filters: 65 },
      { filters: [8, 8] },
      { kernel: 4 },
      { dropout: 0.6 },
      { dropout: -0.1 },
      // 'valid' 5×5: 28 → 24 → 12 → 8 → 4 → 0.
      { blocks: 3, kernel: 5, padding: 'valid' },
    ] as Partial<CustomCnnSpec>[]) {
      expect(() => describeModel({ ...ok, ...bad }), JSON.stringify(bad)).toThrow(RangeError);
    }
    // Two 'valid' 5×5 blocks still fit: 28 → 24 → 12 → 8 → 4.
    expect(describeModel({ ...ok, blocks: 2, kernel: 5, padding: 'valid' }).layers[3]!.outputShape).toEqual([4, 4, 8]);
  });
});
