/** What the page says when a run blows up: the cause and something concrete to try. */
export interface Divergence {
  step: number;
  /** The last finite loss before it blew up, if any. */
  lastFiniteLoss: number | null;
  reason: 'non-finite' | 'exploding';
  /** A learning rate that is a safe next try (a tenth of the one that diverged). */
  suggestedLearningRate: number;
}

/** A loss this many times the smallest seen so far is treated as divergence before it overflows. */
export const EXPLOSION_FACTOR = 1e6;

/**
 * Index of the first loss that shows divergence (non-finite, or exploding
 * relative to the best loss so far), or -1 if all are fine.
 */
export function findDivergence(
  losses: ArrayLike<number>,
  bestSoFar: number,
): { index: number; reason: Divergence['reason'] } {
  let best = bestSoFar;
  for (let i = 0; i < losses.length; i++) {
    const l = losses[i]!;
    if (!Number.isFinite(l)) return { index: i, reason: 'non-finite' };
    if (best > 0 && Number.isFinite(best) && l > best * EXPLOSION_FACTOR && l > 1e6) {
      return { index: i, reason: 'exploding' };
    }
    if (l < best) best = l;
  }
  return { index: -1, reason: 'non-finite' };
}

export function suggestLearningRate(current: number, min = 1e-4): number {
  const s = current / 10;
  // Round to one significant figure so the suggestion reads well ("try 0.01").
  const p = Math.pow(10, Math.floor(Math.log10(s)));
  return Math.max(min, Math.round(s / p) * p);
}
