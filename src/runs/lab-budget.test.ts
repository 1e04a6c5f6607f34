import { describe, expect, it } from 'vitest';
import type { WeightSnapshot } from '../ml/tasks/task';
import { snapshotBytes, type Snapshot } from './run-record';
import { RunsManager } from './runs-manager';
import { MemoryRunStore } from './store';
import { meta } from './test-helpers';

/** A snapshot of 1,000 float32 weights (4,000 bytes). */
const snap = (step: number): Snapshot => ({ step, weights: { w: { shape: [1000], values: new Float32Array(1000).fill(step) } } as WeightSnapshot });

describe('the lab’s weight budget', () => {
  it('a new run past the budget thins the older runs in the store, oldest first: all to first and last, then to last; the new run keeps all', async () => {
    const bytes = snapshotBytes(snap(0).weights);
    // Room for 14 snapshots of 4,000 bytes.
    const m = new RunsManager('mlp', 'mlp', () => Promise.resolve(new MemoryRunStore()), 14 * bytes);
    await m.ready;
    const steps = [0, 10, 20, 30, 40, 50];
    const save = (id: string, updated: number) =>
      m.saveRun(meta({ id, n: updated, updated, created: updated, snapshotSteps: steps, snapshotBytes: bytes }), steps.map(snap));
    await save('a', 1);
    await save('b', 2);
    expect(m.run('a')!.snapshotSteps).toEqual(steps);
    // 18 snapshots > 14: the oldest run gives up 4 (keeps its first and last).
    await save('c', 3);
    expect(m.run('a')!.snapshotSteps).toEqual([0, 50]);
    expect(m.run('b')!.snapshotSteps).toEqual(steps);
    expect(m.run('c')!.snapshotSteps).toEqual(steps);
    expect((await m.snapshots('a')).map((s) => s.step)).toEqual([0, 50]);
    // The last snapshot of a thinned run is still its final weights, bit for bit.
    expect((await m.snapshots('a')).at(-1)!.weights.w!.values).toEqual(snap(50).weights.w!.values);
    // A fourth run (20 > 14): every older run goes to its first and last before any goes further.
    await save('d', 4);
    expect(m.run('a')!.snapshotSteps).toEqual([0, 50]);
    expect(m.run('b')!.snapshotSteps).toEqual([0, 50]);
    expect(m.run('c')!.snapshotSteps).toEqual([0, 50]);
    expect((await m.snapshots('b')).map((s) => s.step)).toEqual([0, 50]);
    // A fifth (18): d to its first and last is enough.
    await save('e', 5);
    expect(m.getState().runs.map((r) => r.snapshotSteps.length)).toEqual([6, 2, 2, 2, 2]);
    // A sixth (20): e to first and last (16), then the oldest keep only their last (15, 14).
    await save('f', 6);
    expect(m.run('a')!.snapshotSteps).toEqual([50]);
    expect(m.run('b')!.snapshotSteps).toEqual([50]);
    expect(m.run('c')!.snapshotSteps).toEqual([0, 50]);
    expect(m.run('e')!.snapshotSteps).toEqual([0, 50]);
    expect(m.run('f')!.snapshotSteps).toEqual(steps);
    expect((await m.snapshots('a')).map((s) => s.step)).toEqual([50]);
    const total = m.getState().runs.reduce((n, r) => n + r.snapshotSteps.length * bytes, 0);
    expect(total).toBeLessThanOrEqual(14 * bytes);
  });
});
