import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import {
  argMaxRows,
  oneHot,
  randomStarts,
  recallBatch,
  recallInputSize,
  recallLength,
  recallTokenLabel,
  seriesWindows,
  sumOfSines,
} from './sequences';

describe('sum of sines', () => {
  it('is seeded, bounded by 1 without noise, periodic with one period', () => {
    const a = sumOfSines({ periods: [20, 7], noise: 0.1, length: 200, seed: 3 });
    const b = sumOfSines({ periods: [20, 7], noise: 0.1, length: 200, seed: 3 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Math.max(...Array.from(a.clean, Math.abs))).toBeLessThanOrEqual(1);
    const one = sumOfSines({ periods: [10], noise: 0, length: 50, seed: 1 });
    for (let t = 0; t + 10 < 50; t++) expect(one.values[t + 10]).toBeCloseTo(one.values[t]!, 5);
    expect(Array.from(one.values)).toEqual(Array.from(one.clean));
  });

  it('adds noise of the requested size', () => {
    const s = sumOfSines({ periods: [25], noise: 0.2, length: 4000, seed: 2 });
    let sq = 0;
    for (let t = 0; t < 4000; t++) sq += (s.values[t]! - s.clean[t]!) ** 2;
    expect(Math.sqrt(sq / 4000)).toBeCloseTo(0.2, 1);
  });

  it('rejects bad periods and noise', () => {
    expect(() => sumOfSines({ periods: [], noise: 0, length: 10, seed: 1 })).toThrow(/1 to 4 periods/);
    expect(() => sumOfSines({ periods: [1], noise: 0, length: 10, seed: 1 })).toThrow(/at least 2/);
    expect(() => sumOfSines({ periods: [5], noise: -1, length: 10, seed: 1 })).toThrow(/noise/);
  });

  it('windows pair each value with the next one', () => {
    const series = Float32Array.from({ length: 20 }, (_, i) => i);
    const w = seriesWindows(series, [0, 5], 4);
    expect(Array.from(w.inputs)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(Array.from(w.targets)).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
    expect(() => seriesWindows(series, [16], 4)).toThrow(RangeError);
    const starts = randomStarts(100, 3, 7, createRng(1));
    expect(Math.min(...starts)).toBe(3);
    expect(Math.max(...starts)).toBe(7);
  });
});

describe('recall the first symbol', () => {
  it('has the target first, distractors from their own alphabet, then the query', () => {
    const spec = { gap: 5, symbols: 3 };
    const b = recallBatch(spec, 50, createRng(4));
    expect(b.T).toBe(7);
    expect(recallLength(spec)).toBe(7);
    expect(recallInputSize(spec)).toBe(7);
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const row = Array.from(b.tokens.subarray(i * 7, i * 7 + 7));
      expect(row[0]).toBe(b.answers[i]);
      seen.add(row[0]!);
      for (const d of row.slice(1, 6)) expect(d >= 3 && d < 6).toBe(true);
      expect(row[6]).toBe(6);
    }
    expect(seen.size).toBe(3);
    expect(recallBatch(spec, 50, createRng(4)).tokens).toEqual(b.tokens);
    expect([0, 1, 3, 6].map((t) => recallTokenLabel(t, 3))).toEqual(['A', 'B', '0', '?']);
  });

  it('allows gap 0 and rejects nonsense', () => {
    expect(recallBatch({ gap: 0, symbols: 2 }, 1, createRng(1)).T).toBe(2);
    expect(() => recallBatch({ gap: 2, symbols: 1 }, 1, createRng(1))).toThrow(/at least 2 symbols/);
    expect(() => recallBatch({ gap: 1.5, symbols: 2 }, 1, createRng(1))).toThrow(/gap/);
  });
});

describe('one-hot', () => {
  it('encodes and arg-max decodes', () => {
    const h = oneHot([2, 0, 1], 3);
    expect(Array.from(h)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(Array.from(argMaxRows(h, 3))).toEqual([2, 0, 1]);
    expect(() => oneHot([3], 3)).toThrow(RangeError);
  });
});
