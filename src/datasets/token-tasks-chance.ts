/**
 * How well can a model do with no idea of position? Without positional encoding (and without a
 * causal mask) self-attention is permutation-equivariant: permuting the input permutes the
 * outputs the same way. Every other part of the model (embedding, feed-forward, LayerNorm, output
 * layer) acts on each position alone, so the output at position t is some fixed function
 * g(x_t, M) of the token there and the multiset M of all tokens — it cannot depend on t.
 *
 * positionBlindCeiling finds the best such g exactly, by enumerating all V^T equally likely
 * inputs (so only for small V^T):
 * - token accuracy: for each (M, a), predict the target seen most often at positions holding a;
 * - exact-sequence accuracy: a sequence is all right iff g(x_t) = y_t for every t, which fixes g
 *   on the tokens present; for each M, the map that fits the most arrangements wins.
 * Pure guessing gives 1/V per token and (1/V)^T per sequence; this ceiling is what the learner
 * should compare the no-positional-encoding run against.
 */
import { targetsFor, validateTokenTask, type TokenTaskSpec } from './token-tasks';

export interface PositionBlindCeiling {
  /** Best token accuracy of any position-blind model. */
  token: number;
  /** Best exact-sequence accuracy of any position-blind model. */
  sequence: number;
  /** Uniform guessing: 1/V per token, (1/V)^T per sequence. */
  guessToken: number;
  guessSequence: number;
}

/** Largest V^T enumerated (a few hundred ms in Node). */
export const MAX_ENUMERATED = 300_000;

/** Exact ceilings for reverse / sort / copy when vocab^seqLen ≤ MAX_ENUMERATED, else null. */
export function positionBlindCeiling(spec: TokenTaskSpec): PositionBlindCeiling | null {
  validateTokenTask(spec);
  const { seqLen: T, vocab: V } = spec;
  const total = V ** T;
  if (spec.task === 'masked' || total > MAX_ENUMERATED) return null;
  const pairs = new Map<string, Map<number, number>>(); // M → (a·V + y) → count
  const maps = new Map<string, number>(); // M | g → arrangements fitting g
  const x = new Int32Array(T);
  for (let n = 0; n < total; n++) {
    for (let t = 0, m = n; t < T; t++, m = Math.floor(m / V)) x[t] = m % V;
    const y = targetsFor(spec, x);
    const key = Int32Array.from(x).sort().join(',');
    let counts = pairs.get(key);
    if (!counts) pairs.set(key, (counts = new Map()));
    const g = new Int32Array(V).fill(-1);
    let consistent = true;
    for (let t = 0; t < T; t++) {
      const a = x[t]!;
      const b = y[t]!;
      counts.set(a * V + b, (counts.get(a * V + b) ?? 0) + 1);
      if (g[a] !== -1 && g[a] !== b) consistent = false;
      g[a] = b;
    }
    if (consistent) {
      const mk = `${key}|${g.join(',')}`;
      maps.set(mk, (maps.get(mk) ?? 0) + 1);
    }
  }
  let tokenHits = 0;
  for (const counts of pairs.values()) {
    const best = new Map<number, number>();
    for (const [ab, c] of counts) best.set(Math.floor(ab / V), Math.max(best.get(Math.floor(ab / V)) ?? 0, c));
    for (const c of best.values()) tokenHits += c;
  }
  const bestPerSet = new Map<string, number>();
  for (const [mk, c] of maps) {
    const key = mk.slice(0, mk.indexOf('|'));
    bestPerSet.set(key, Math.max(bestPerSet.get(key) ?? 0, c));
  }
  let seqHits = 0;
  for (const c of bestPerSet.values()) seqHits += c;
  return { token: tokenHits / (total * T), sequence: seqHits / total, guessToken: 1 / V, guessSequence: 1 / total };
}
