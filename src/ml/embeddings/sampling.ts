/**
 * The two sampling rules of word2vec (Mikolov et al., 2013), as plain functions of the corpus's
 * word counts: negatives drawn from the unigram distribution raised to 3/4, and frequent words
 * discarded with a probability that grows with their frequency. Pure: no DOM, no tfjs.
 */
import type { Rng } from '../../datasets/rng';

/** word2vec's exponent for the noise distribution P_n(w) ∝ count(w)^0.75. */
export const NOISE_POWER = 0.75;

/**
 * Draws negative words with P_n(w) = count(w)^power / Σ count^power, exactly (cumulative sums and
 * a binary search), instead of word2vec's 10⁸-entry lookup table.
 */
export class NegativeSampler {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly counts: ArrayLike<number>,
    readonly power = NOISE_POWER,
  ) {
    const n = counts.length;
    if (n === 0) throw new RangeError('the vocabulary is empty');
    this.cumulative = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += Math.pow(Math.max(0, counts[i]!), power);
      this.cumulative[i] = s;
    }
    if (!(s > 0)) throw new RangeError('every word count is zero');
    this.total = s;
  }

  /** P_n(w) of word id w. */
  probability(w: number): number {
    return Math.pow(Math.max(0, this.counts[w]!), this.power) / this.total;
  }

  /** One word id from P_n. */
  sample(rng: Rng): number {
    const u = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * The probability that subsampling keeps one occurrence of each word: word2vec's rule
 * keep(w) = (√(f/t) + 1) · t/f, capped at 1, where f = count(w)/total is the word's share of the
 * text and t the threshold. t = 0 turns subsampling off (every word kept).
 */
export function keepProbabilities(counts: ArrayLike<number>, t: number): Float32Array {
  const keep = new Float32Array(counts.length);
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  for (let i = 0; i < counts.length; i++) {
    const f = counts[i]! / total;
    keep[i] = t <= 0 || f <= 0 ? 1 : Math.min(1, (Math.sqrt(f / t) + 1) * (t / f));
  }
  return keep;
}

/** The words of tokens[from .. from+count) that survive subsampling, in order (word2vec drops them before windowing). */
export function subsample(tokens: ArrayLike<number>, from: number, count: number, keep: ArrayLike<number>, rng: Rng, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const w = tokens[(from + i) % tokens.length]!;
    if (keep[w]! >= 1 || rng.next() < keep[w]!) out[n++] = w;
  }
  return n;
}
