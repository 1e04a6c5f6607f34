import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MAX_PINNED, MAX_RUNS } from './bounds';
import { openIdbRunStore } from './idb-store';
import { RunsManager } from './runs-manager';
import { MemoryRunStore, type RunStore } from './store';
import { meta } from './test-helpers';

const weights = (v: number) => ({ w: { shape: [2, 2], values: new Float32Array([v, v + 0.1, v + 0.2, Math.PI * v]) } });

describe('IndexedDB run store', () => {
  it('round trip: a run and its snapshots come back as they went in (Float32Array bits included)', async () => {
    const store = await openIdbRunStore(new IDBFactory());
    const m = meta({ snapshotSteps: [0, 5] });
    await store.put(m);
    await store.putSnapshot({ run: m.id, step: 5, weights: weights(5) });
    await store.putSnapshot({ run: m.id, step: 0, weights: weights(0) });
    expect(await store.list('mlp')).toEqual([m]);
    expect(await store.list('cnn')).toEqual([]);
    const snaps = await store.snapshots(m.id);
    expect(snaps.map((s) => s.step)).toEqual([0, 5]);
    expect(snaps[1]!.weights.w!.values).toBeInstanceOf(Float32Array);
    expect(new Uint8Array(snaps[1]!.weights.w!.values.buffer)).toEqual(new Uint8Array(weights(5).w.values.buffer));
    await store.remove(m.id);
    expect(await store.list('mlp')).toEqual([]);
    expect(await store.snapshots(m.id)).toEqual([]);
  });

  it('skips records that are not runs (an older or foreign record)', async () => {
    const f = new IDBFactory();
    const store = await openIdbRunStore(f);
    await store.put({ ...meta(), v: 2 } as unknown as ReturnType<typeof meta>);
    await store.put(meta({ id: 'ok' }));
    expect((await store.list('mlp')).map((r) => r.id)).toEqual(['ok']);
  });

  it('a missing IndexedDB is refused (the manager then keeps runs in memory and says so)', async () => {
    await expect(openIdbRunStore(null)).rejects.toThrow(/not available/);
    const m = new RunsManager('mlp', 'mlp', () => openIdbRunStore(null));
    await m.ready;
    expect(m.getState().storage).toBe('memory');
    expect(m.getState().storageMessage?.key).toBe('errUnavailable');
    await m.saveRun(meta(), []);
    expect(m.getState().runs).toHaveLength(1);
  });
});

/** A store whose writes fail like a full disk. */
class FullStore extends MemoryRunStore {
  // Stands for IndexedDB: a failing memory store has nowhere else to go.
  override readonly kind = 'idb' as unknown as 'memory';
  override async put(): Promise<void> {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

describe('RunsManager bounds', () => {
  const mem = () => Promise.resolve<RunStore>(new MemoryRunStore());

  it(`keeps at most ${MAX_RUNS} runs per lab, dropping the oldest unpinned (never a pinned one or the live one)`, async () => {
    const m = new RunsManager('mlp', 'mlp', mem);
    await m.ready;
    await m.saveRun(meta({ id: 'old-pinned', created: 1, pinned: true }), []);
    for (let i = 0; i < MAX_RUNS + 3; i++) await m.saveRun(meta({ id: `r${i}`, n: i + 2, created: 10 + i }), [{ step: 0, weights: weights(i) }]);
    const ids = m.getState().runs.map((r) => r.id);
    expect(ids).toHaveLength(MAX_RUNS);
    expect(ids).toContain('old-pinned');
    expect(ids).toContain(`r${MAX_RUNS + 2}`);
    expect(ids).not.toContain('r0');
    expect(await m.snapshots('r0')).toEqual([]);
  });

  it('writes exactly the snapshots asked for: thinned-away steps are deleted from the store', async () => {
    const store = new MemoryRunStore();
    const m = new RunsManager('mlp', 'mlp', () => Promise.resolve(store));
    await m.ready;
    await m.saveRun(meta(), [0, 1, 2].map((s) => ({ step: s, weights: weights(s) })));
    await m.saveRun(meta(), [0, 2, 3].map((s) => ({ step: s, weights: weights(s) })));
    expect((await store.snapshots('r1')).map((s) => s.step)).toEqual([0, 2, 3]);
  });

  it(`refuses a pin beyond ${MAX_PINNED} with a message`, async () => {
    const m = new RunsManager('mlp', 'mlp', mem);
    await m.ready;
    for (let i = 0; i < MAX_PINNED + 1; i++) await m.saveRun(meta({ id: `r${i}`, created: i }), []);
    for (let i = 0; i < MAX_PINNED + 1; i++) await m.setPinned(`r${i}`, true);
    expect(m.getState().runs.filter((r) => r.pinned)).toHaveLength(MAX_PINNED);
    expect(m.getState().message?.key).toBe('errPinLimit');
  });

  it('a quota error moves the history to memory with a message; runs keep being recorded', async () => {
    const m = new RunsManager('mlp', 'mlp', () => Promise.resolve(new FullStore()));
    await m.ready;
    await m.saveRun(meta({ id: 'a' }), [{ step: 0, weights: weights(1) }]);
    expect(m.getState().storage).toBe('memory');
    expect(m.getState().storageMessage?.key).toBe('errQuota');
    await m.saveRun(meta({ id: 'b', created: 2000 }), []);
    expect(m.getState().runs.map((r) => r.id)).toEqual(['b', 'a']);
    expect((await m.snapshots('a')).map((s) => s.step)).toEqual([0]);
  });

  it('rename, delete and clear', async () => {
    const m = new RunsManager('mlp', 'mlp', mem);
    await m.ready;
    await m.saveRun(meta({ id: 'a' }), []);
    await m.saveRun(meta({ id: 'b', created: 2 }), []);
    await m.rename('a', '  high α  ');
    expect(m.run('a')?.name).toBe('high α');
    await m.remove('b');
    expect(m.getState().runs.map((r) => r.id)).toEqual(['a']);
    await m.clear();
    expect(m.getState().runs).toEqual([]);
  });
});
