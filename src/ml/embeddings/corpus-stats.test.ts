import { describe, expect, it } from 'vitest';
import { charNgrams, cooccurrenceRow, ngramSharing } from './corpus-stats';

describe('corpus figures for GloVe and FastText', () => {
  it('counts co-occurrences within ±window', () => {
    // 0 1 2 0 3 with window 1: around the first 0 → 1; around the second 0 → 2, 3.
    const r = cooccurrenceRow([0, 1, 2, 0, 3], 0, 1, 10);
    expect(r.total).toBe(3);
    expect(r.distinct).toBe(3);
    expect(r.top.map((t) => t.count)).toEqual([1, 1, 1]);
    const w2 = cooccurrenceRow([0, 1, 2, 0, 3], 0, 2, 10);
    // Window 2: first 0 → 1, 2; second 0 → 1, 2, 3.
    expect(w2.top[0]).toEqual({ id: 1, count: 2 });
    expect(w2.total).toBe(5);
  });

  it("makes FastText's n-grams of <word>", () => {
    expect(charNgrams('where', 3, 3)).toEqual(['<wh', 'whe', 'her', 'ere', 're>']);
    expect(charNgrams('a', 3, 6)).toEqual(['<a>']);
    expect(charNgrams('where', 3, 6)).toHaveLength(5 + 4 + 3 + 2);
  });

  it('counts the vocabulary words sharing each n-gram', () => {
    expect(ngramSharing(['her', '<wh', 're>'], ['where', 'here', 'her', 'what'])).toEqual([3, 2, 2]);
  });
});
