import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOTS, RUN_SNAPSHOT_BYTES } from './bounds';
import { labThinning, snapshotCap, thinSteps } from './thin';

describe('thinSteps', () => {
  it('keeps at most max steps, always the first and the last, in order', () => {
    const steps = Array.from({ length: 200 }, (_, i) => i * 7);
    const kept = thinSteps(steps, 24);
    expect(kept).toHaveLength(24);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(199 * 7);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
    for (const s of kept) expect(steps).toContain(s);
  });

  it('leaves short lists alone', () => {
    expect(thinSteps([0, 1, 5], 24)).toEqual([0, 1, 5]);
  });

  it('covers the whole run: no gap between kept steps is more than a few times the even spacing', () => {
    // The engine's schedule: 0, 1, 2, 3, 5, 8, … (×1.5), then every so often to step 30 000.
    const steps = [0, 1, 2, 3, 5, 8, 12, 18, 27, 41, 62, 93, 140, 210, 315, 473, 710, 1065, 1598, 2397, 3596, 5394, 8091];
    for (let s = 10_000; s <= 30_000; s += 1000) steps.push(s);
    const kept = thinSteps(steps, 12);
    expect(kept).toHaveLength(12);
    const gaps = kept.slice(1).map((s, i) => s - kept[i]!);
    expect(Math.max(...gaps)).toBeLessThan((30_000 / 11) * 3);
    // and it keeps early steps too (where a network changes fastest)
    expect(kept.filter((s) => s < 100).length).toBeGreaterThanOrEqual(2);
  });

  it('max 1 keeps the last; max 0 keeps none', () => {
    expect(thinSteps([0, 4, 9], 1)).toEqual([9]);
    expect(thinSteps([0, 4, 9], 0)).toEqual([]);
  });
});

describe('snapshotCap', () => {
  it('a small model keeps MAX_SNAPSHOTS; a big one fewer, never fewer than 2; one over the budget none', () => {
    expect(snapshotCap(1000)).toBe(MAX_SNAPSHOTS);
    expect(snapshotCap(RUN_SNAPSHOT_BYTES / 4)).toBe(4);
    expect(snapshotCap(RUN_SNAPSHOT_BYTES * 0.9)).toBe(2);
    expect(snapshotCap(RUN_SNAPSHOT_BYTES + 1)).toBe(0);
  });
});

describe('labThinning', () => {
  const run = (id: string, updated: number, n: number, bytes: number) => ({ id, updated, steps: Array.from({ length: n }, (_, i) => i * 10), bytes });

  it('leaves a lab within its budget alone', () => {
    expect(labThinning([run('a', 1, 10, 100), run('b', 2, 10, 100)], 'b', 2000).size).toBe(0);
  });

  it('thins the oldest other runs first: to first and last, then last, then none; never the run kept', () => {
    const runs = [run('old', 1, 10, 100), run('mid', 2, 10, 100), run('new', 3, 10, 100)];
    // 3000 bytes, budget 2200: the oldest run down to its first and last (−800) is enough.
    expect([...labThinning(runs, 'new', 2200)]).toEqual([['old', [0, 90]]]);
    // Budget 1300: old and mid to first and last (1400), then old to its last (1300).
    expect(Object.fromEntries(labThinning(runs, 'new', 1300))).toEqual({ old: [90], mid: [0, 90] });
    // Budget 1000: only the kept run's snapshots fit.
    expect(Object.fromEntries(labThinning(runs, 'new', 1000))).toEqual({ old: [], mid: [] });
    // Even a budget of 0 never touches the kept run.
    expect(labThinning(runs, 'new', 0).has('new')).toBe(false);
  });
});
