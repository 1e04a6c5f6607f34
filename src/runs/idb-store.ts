/**
 * The run store on plain IndexedDB (two object stores; no wrapper library needed for five
 * calls). Float32Arrays go in by structured clone: no JSON, no copy on the main thread
 * beyond the clone itself.
 */
import { parseRuns, type RunStore } from './store';
import type { RunMeta, Snapshot, SnapshotRecord } from './run-record';

const DB_NAME = 'dl-playground-runs';
const DB_VERSION = 1;
const RUNS = 'runs';
const SNAPS = 'snaps';
/** Opening waits this long at most (a blocked upgrade, a browser that never answers). */
const OPEN_TIMEOUT_MS = 3000;

/** A failed request or transaction, keeping the browser's error (its name says whether the quota was hit). */
class IdbError extends Error {
  constructor(
    message: string,
    readonly inner: DOMException | null,
  ) {
    super(message);
    this.name = inner?.name ?? 'IdbError';
  }
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(new IdbError(tx.error?.message ?? 'transaction aborted', tx.error));
    tx.onerror = () => reject(new IdbError(tx.error?.message ?? 'transaction failed', tx.error));
  });
}

function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new IdbError(req.error?.message ?? 'request failed', req.error));
  });
}

export function openIdbRunStore(factory: IDBFactory | null = globalThis.indexedDB ?? null): Promise<RunStore> {
  return new Promise((resolve, reject) => {
    if (!factory) return reject(new Error('IndexedDB is not available in this browser'));
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(DB_NAME, DB_VERSION);
    } catch (err) {
      return reject(err instanceof Error ? err : new Error(String(err)));
    }
    const timer = setTimeout(() => reject(new Error('IndexedDB did not open (blocked)')), OPEN_TIMEOUT_MS);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(RUNS)) db.createObjectStore(RUNS, { keyPath: 'id' }).createIndex('lab', 'lab');
      if (!db.objectStoreNames.contains(SNAPS)) db.createObjectStore(SNAPS, { keyPath: ['run', 'step'] }).createIndex('run', 'run');
    };
    req.onblocked = () => {
      clearTimeout(timer);
      reject(new Error('IndexedDB is blocked by another tab'));
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(new IdbError(req.error?.message ?? 'IndexedDB did not open', req.error));
    };
    req.onsuccess = () => {
      clearTimeout(timer);
      resolve(new IdbRunStore(req.result));
    };
  });
}

class IdbRunStore implements RunStore {
  readonly kind = 'idb' as const;
  constructor(private readonly db: IDBDatabase) {}

  private async write(stores: string[], fn: (tx: IDBTransaction) => void): Promise<void> {
    const tx = this.db.transaction(stores, 'readwrite');
    const finished = done(tx);
    try {
      fn(tx);
    } catch (err) {
      tx.abort();
      await finished.catch(() => undefined);
      throw err;
    }
    await finished;
  }

  async list(lab: string): Promise<RunMeta[]> {
    const tx = this.db.transaction(RUNS, 'readonly');
    const raw = await result(tx.objectStore(RUNS).index('lab').getAll(lab));
    return parseRuns(raw, lab);
  }

  put(meta: RunMeta): Promise<void> {
    return this.write([RUNS], (tx) => tx.objectStore(RUNS).put(meta));
  }

  putSnapshot(rec: SnapshotRecord): Promise<void> {
    return this.write([SNAPS], (tx) => tx.objectStore(SNAPS).put(rec));
  }

  deleteSnapshots(run: string, steps: readonly number[]): Promise<void> {
    return this.write([SNAPS], (tx) => {
      for (const s of steps) tx.objectStore(SNAPS).delete([run, s]);
    });
  }

  async snapshots(run: string): Promise<Snapshot[]> {
    const tx = this.db.transaction(SNAPS, 'readonly');
    const raw = (await result(tx.objectStore(SNAPS).index('run').getAll(run))) as SnapshotRecord[];
    return raw.map((r) => ({ step: r.step, weights: r.weights })).sort((a, b) => a.step - b.step);
  }

  remove(run: string): Promise<void> {
    return this.write([RUNS, SNAPS], (tx) => {
      tx.objectStore(RUNS).delete(run);
      tx.objectStore(SNAPS).delete(IDBKeyRange.bound([run, -Infinity], [run, Infinity]));
    });
  }
}
