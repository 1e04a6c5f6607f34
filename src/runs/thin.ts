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

export interface RunWeights {
  id: string;
  /** When it was last written (older runs are thinned first). */
  updated: number;
  steps: readonly number[];
  /** Bytes of one of its snapshots (0: unknown or none). */
  bytes: number;
}

/**
 * Which runs must give up snapshots so that the lab's weights fit in `cap` bytes: other runs than
 * `keep`, oldest first, down to their first and last snapshot, then their last, then none.
 * Returns the new step lists of the runs that change (none when the lab fits).
 */
export function labThinning(runs: readonly RunWeights[], keep: string, cap: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let total = runs.reduce((n, r) => n + r.steps.length * r.bytes, 0);
  if (total <= cap) return out;
  const older = runs.filter((r) => r.id !== keep && r.bytes > 0).sort((a, b) => a.updated - b.updated);
  for (const stage of [2, 1, 0]) {
    for (const r of older) {
      if (total <= cap) return out;
      const cur = out.get(r.id) ?? [...r.steps];
      if (cur.length <= stage) continue;
      const next = stage === 2 ? [cur[0]!, cur.at(-1)!] : stage === 1 ? [cur.at(-1)!] : [];
      total -= (cur.length - next.length) * r.bytes;
      out.set(r.id, next);
    }
  }
  return out;
}
