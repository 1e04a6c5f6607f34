/**
 * Figures from the corpus itself for the lesson's comparison with GloVe and FastText: a word's
 * co-occurrence counts (what GloVe factorises) and its character n-grams (what FastText adds up).
 * Pure: no DOM, no tfjs.
 */

export interface Cooccurrence {
  /** Context word id and the times it falls within ±window of the word. */
  top: { id: number; count: number }[];
  /** Σ_j X_ij: all context positions around the word. */
  total: number;
  /** Distinct context words (non-zero entries of row i of X). */
  distinct: number;
}

/** Row i of the co-occurrence matrix X over the running text (unweighted counts within ±window). */
export function cooccurrenceRow(tokens: ArrayLike<number>, word: number, window: number, top: number): Cooccurrence {
  const counts = new Map<number, number>();
  let total = 0;
  const n = tokens.length;
  for (let p = 0; p < n; p++) {
    if (tokens[p] !== word) continue;
    for (let j = Math.max(0, p - window); j <= Math.min(n - 1, p + window); j++) {
      if (j === p) continue;
      const w = tokens[j]!;
      counts.set(w, (counts.get(w) ?? 0) + 1);
      total++;
    }
  }
  const sorted = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, top);
  return { top: sorted.map(([id, count]) => ({ id, count })), total, distinct: counts.size };
}

/** FastText's sub-words of a word: the character n-grams of "<word>" for n in [min, max]. */
export function charNgrams(word: string, min = 3, max = 6): string[] {
  const chars = [...`<${word}>`];
  const out: string[] = [];
  for (let n = min; n <= max; n++) for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}

/** How many vocabulary words contain each n-gram (in their "<word>" form). */
export function ngramSharing(ngrams: readonly string[], words: readonly string[]): number[] {
  const wrapped = words.map((w) => `<${w}>`);
  return ngrams.map((g) => wrapped.reduce((n, w) => (w.includes(g) ? n + 1 : n), 0));
}
