import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPEN_TIMEOUT_MS, persistentCache, type CachedChoice } from './executor-cache';

const choice: CachedChoice = { winner: 'cpu', candidates: [], at: Date.now() };

describe('executor cache', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('keeps a choice in IndexedDB for the next visit', async () => {
    await persistentCache().set('k', choice);
    expect(await persistentCache().get('k')).toEqual(choice);
  });

  it('an IndexedDB that never answers (a frame in a page without an origin) costs a re-measurement, not a model that never starts', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('indexedDB', { open: () => ({}) as IDBOpenDBRequest });
    const cache = persistentCache();
    const got = cache.get('k');
    await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS + 1);
    expect(await got).toBeNull();
    const put = cache.set('k', choice);
    await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS + 1);
    await put;
    // The memory copy still answers for this worker's life.
    expect(await cache.get('k')).toEqual(choice);
  });
});
