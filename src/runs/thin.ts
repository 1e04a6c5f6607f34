import { MAX_SNAPSHOTS, RUN_SNAPSHOT_BYTES } from './bounds';

/**
 * Where a step sits on the run's timeline for thinning: half by log(step), half by step, so
 * the early steps (where a network changes fastest) and the late ones both stay covered.
 */
function position(step: number, last: number): number {
  if (last <= 0) return 0;
  return 0.5 * (Math.log1p(step) / Math.log1p(last)) + 0.5 * (step / last);
}

/**
 * Keep at most `max` of these steps (sorted ascending, distinct): always the first and the
 * last; of the others, drop the one closest to its neighbours until few enough remain.
 * Returns the kept steps in order.
 */
export function thinSteps(steps: readonly number[], max: number): number[] {
  const kept = [...steps];
  if (max <= 0) return [];
  if (max === 1) return kept.slice(-1);
  const last = kept[kept.length - 1] ?? 0;
  while (kept.length > max) {
    let best = 1;
    let bestGap = Infinity;
    for (let i = 1; i < kept.length - 1; i++) {
      const gap = position(kept[i + 1]!, last) - position(kept[i - 1]!, last);
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    kept.splice(best, 1);
  }
  return kept;
}

/** How many snapshots of this size a run may keep: fewer for a big model, none if one alone is over the budget. */
export function snapshotCap(bytesPerSnapshot: number): number {
  if (bytesPerSnapshot > RUN_SNAPSHOT_BYTES) return 0;
  return Math.max(2, Math.min(MAX_SNAPSHOTS, Math.floor(RUN_SNAPSHOT_BYTES / Math.max(1, bytesPerSnapshot))));
}
