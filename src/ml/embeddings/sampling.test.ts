import { describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { keepProbabilities, NegativeSampler, subsample } from './sampling';

describe('negative sampler', () => {
  const counts = [1000, 400, 100, 20, 5, 1];

  it('draws from count^0.75 / Σ count^0.75 (chi-square on 200,000 draws)', () => {
    const s = new NegativeSampler(counts);
    const z = counts.reduce((a, c) => a + c ** 0.75, 0);
    counts.forEach((c, i) => expect(s.probability(i)).toBeCloseTo(c ** 0.75 / z, 12));
    const rng = createRng(7);
    const n = 200_000;
    const seen = new Array<number>(counts.length).fill(0);
    for (let i = 0; i < n; i++) seen[s.sample(rng)]!++;
    let chi2 = 0;
    counts.forEach((_, i) => {
      const e = n * s.probability(i);
      chi2 += (seen[i]! - e) ** 2 / e;
    });
    // 5 degrees of freedom: P(χ² > 20.5) ≈ 0.001.
    expect(chi2).toBeLessThan(20.5);
    // And it is not the plain unigram distribution: the rarest word is drawn far more often.
    expect(seen[5]! / n).toBeGreaterThan(2 * (1 / counts.reduce((a, c) => a + c, 0)));
  });

  it('flattens the distribution: rare words gain, frequent words lose', () => {
    const s = new NegativeSampler(counts);
    const total = counts.reduce((a, c) => a + c, 0);
    expect(s.probability(0)).toBeLessThan(counts[0]! / total);
    expect(s.probability(5)).toBeGreaterThan(counts[5]! / total);
  });

  it('never draws a word with count 0, and refuses an empty vocabulary', () => {
    const s = new NegativeSampler([0, 3, 0, 1]);
    const rng = createRng(1);
    for (let i = 0; i < 5000; i++) expect([1, 3]).toContain(s.sample(rng));
    expect(() => new NegativeSampler([])).toThrow(RangeError);
  });
});

describe('subsampling of frequent words', () => {
  it("follows word2vec's keep(w) = (√(f/t) + 1)·t/f, capped at 1", () => {
    const counts = [700, 200, 90, 10];
    const t = 0.01;
    const keep = keepProbabilities(counts, t);
    const f0 = 0.7;
    expect(keep[0]).toBeCloseTo((Math.sqrt(f0 / t) + 1) * (t / f0), 6);
    // f = 0.01 = t gives (1 + 1)·1 = 2, capped at 1.
    expect(keep[3]).toBe(1);
    expect(keep[0]!).toBeLessThan(keep[1]!);
    expect(keepProbabilities(counts, 0).every((k) => k === 1)).toBe(true);
  });

  it('keeps each word with that probability, in order', () => {
    const tokens = new Uint16Array(100_000).map((_, i) => (i % 4 === 0 ? 1 : 0));
    const keep = Float32Array.from([0.25, 1]);
    const out = new Int32Array(tokens.length);
    const n = subsample(tokens, 0, tokens.length, keep, createRng(3), out);
    const ones = out.subarray(0, n).filter((w) => w === 1).length;
    const zeros = n - ones;
    expect(ones).toBe(25_000);
    // 75,000 zeros kept with p = 0.25: mean 18,750, sd ≈ 119.
    expect(Math.abs(zeros - 18_750)).toBeLessThan(600);
  });

  it('wraps around the end of the text', () => {
    const tokens = Uint16Array.from([5, 6, 7]);
    const out = new Int32Array(4);
    expect(subsample(tokens, 2, 4, new Float32Array(8).fill(1), createRng(1), out)).toBe(4);
    expect([...out]).toEqual([7, 5, 6, 7]);
  });
});
