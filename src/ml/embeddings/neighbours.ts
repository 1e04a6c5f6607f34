/**
 * Cosine similarity on the embedding table: nearest neighbours of a word and the analogy
 * a − b + c (3CosAdd, as in word2vec's demo and gensim's most_similar). Pure: no DOM, no tfjs.
 */

/** Rows scaled to unit length (an all-zero row stays zero). */
export function unitRows(table: Float32Array, V: number, D: number): Float32Array {
  const out = new Float32Array(V * D);
  for (let i = 0; i < V; i++) {
    let s = 0;
    for (let d = 0; d < D; d++) s += table[i * D + d]! * table[i * D + d]!;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < D; d++) out[i * D + d] = table[i * D + d]! * inv;
  }
  return out;
}

export interface Scored {
  id: number;
  /** Cosine similarity with the query direction. */
  sim: number;
}

/** The k rows of `unit` most similar (cosine) to `query`, leaving out the ids in `exclude`. */
export function nearestTo(unit: Float32Array, V: number, D: number, query: ArrayLike<number>, k: number, exclude: ReadonlySet<number> = new Set()): Scored[] {
  let qn = 0;
  for (let d = 0; d < D; d++) qn += query[d]! * query[d]!;
  const inv = qn > 0 ? 1 / Math.sqrt(qn) : 0;
  const best: Scored[] = [];
  for (let i = 0; i < V; i++) {
    if (exclude.has(i)) continue;
    let s = 0;
    for (let d = 0; d < D; d++) s += unit[i * D + d]! * query[d]!;
    s *= inv;
    if (!Number.isFinite(s)) continue;
    if (best.length < k || s > best[best.length - 1]!.sim) {
      let at = best.length;
      while (at > 0 && best[at - 1]!.sim < s) at--;
      best.splice(at, 0, { id: i, sim: s });
      if (best.length > k) best.pop();
    }
  }
  return best;
}

/** The k nearest neighbours of word w (itself left out). */
export function neighboursOf(unit: Float32Array, V: number, D: number, w: number, k: number): Scored[] {
  return nearestTo(unit, V, D, unit.subarray(w * D, (w + 1) * D), k, new Set([w]));
}

/** "a is to b as ? is to c" read as vec(a) − vec(b) + vec(c), on unit vectors; a, b, c left out. */
export function analogy(unit: Float32Array, V: number, D: number, a: number, b: number, c: number, k: number): Scored[] {
  const q = new Float32Array(D);
  for (let d = 0; d < D; d++) q[d] = unit[a * D + d]! - unit[b * D + d]! + unit[c * D + d]!;
  return nearestTo(unit, V, D, q, k, new Set([a, b, c]));
}

/** Cosine similarity of two rows of a unit table. */
export function cosine(unit: Float32Array, D: number, a: number, b: number): number {
  let s = 0;
  for (let d = 0; d < D; d++) s += unit[a * D + d]! * unit[b * D + d]!;
  return s;
}
