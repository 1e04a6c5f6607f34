/**
 * Remembers which executor won for a model on this machine, so a second visit starts at once.
 * Keyed by the adapter (what GPU / how many cores) and the model's signature. IndexedDB is the
 * one store a worker has (no localStorage there); without it (Node, private modes that block
 * it) a memory store keeps the result for the worker's life. Failures never block training.
 */
import type { BackendName, CandidateReport } from './backend-names';

export interface CachedChoice {
  winner: BackendName;
  candidates: CandidateReport[];
  /** Date.now() of the measurement. */
  at: number;
}

export interface SelectionCache {
  get(key: string): Promise<CachedChoice | null>;
  set(key: string, value: CachedChoice): Promise<void>;
}

/** Measurements older than this are taken again (browsers and drivers update). */
export const CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export function memoryCache(): SelectionCache {
  const m = new Map<string, CachedChoice>();
  return {
    get: async (k) => m.get(k) ?? null,
    set: async (k, v) => {
      m.set(k, v);
    },
  };
}

const DB = 'playground-executors';
const STORE = 'choices';

/**
 * How long opening may take. Some frames never get an answer (an iframe in a page without an
 * origin, e.g. srcdoc or about:blank, in Chromium): without a limit the model never started.
 */
export const OPEN_TIMEOUT_MS = 1500;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('IndexedDB did not open in time')), OPEN_TIMEOUT_MS);
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function isCachedChoice(v: unknown): v is CachedChoice {
  const c = v as Partial<CachedChoice> | null;
  return !!c && typeof c.winner === 'string' && Array.isArray(c.candidates) && typeof c.at === 'number';
}

/** IndexedDB-backed, falling back to memory when IndexedDB is missing or fails. */
export function persistentCache(): SelectionCache {
  const mem = memoryCache();
  if (typeof indexedDB === 'undefined') return mem;
  let db: Promise<IDBDatabase> | null = null;
  const store = async (mode: IDBTransactionMode) => {
    db ??= openDb();
    return (await db).transaction(STORE, mode).objectStore(STORE);
  };
  return {
    async get(key) {
      const m = await mem.get(key);
      if (m) return m;
      try {
        const v: unknown = await request((await store('readonly')).get(key));
        if (!isCachedChoice(v) || Date.now() - v.at > CACHE_MAX_AGE_MS) return null;
        return v;
      } catch {
        return null;
      }
    },
    async set(key, value) {
      await mem.set(key, value);
      try {
        await request((await store('readwrite')).put(value, key));
      } catch {
        // A full or blocked store only costs a re-measurement next visit.
      }
    },
  };
}
