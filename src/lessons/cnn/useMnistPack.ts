import { useEffect, useState } from 'react';
import { loadMnistPack, MNIST_PACK_PATH, type MnistPack } from '../../datasets/mnist';

let cached: Promise<MnistPack> | null = null;

/** The absolute URL of the pack: the worker must not resolve it against its own folder. */
export function mnistPackUrl(): string {
  return new URL(MNIST_PACK_PATH, document.baseURI).href;
}

/** One fetch per page load; a failed load is forgotten so a later mount retries. */
function loadOnce(): Promise<MnistPack> {
  if (!cached) {
    cached = loadMnistPack(mnistPackUrl());
    cached.catch(() => (cached = null));
  }
  return cached;
}

export type PackState = { pack: MnistPack; error: null } | { pack: null; error: string | null };

/**
 * The MNIST pack on the main thread, only for drawing galleries (sample digits,
 * misclassified ones by record index). Loaded after first paint, when the browser is
 * idle, so it never delays the page; the worker loads its own copy for training.
 */
export function useMnistPack(): PackState {
  const [state, setState] = useState<PackState>({ pack: null, error: null });
  useEffect(() => {
    let live = true;
    const start = () =>
      loadOnce().then(
        (pack) => live && setState({ pack, error: null }),
        (e: unknown) => live && setState({ pack: null, error: e instanceof Error ? e.message : String(e) }),
      );
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(start, { timeout: 1500 }) : null;
    const t = idle === null ? setTimeout(start, 200) : null;
    return () => {
      live = false;
      if (idle !== null) cancelIdleCallback(idle);
      if (t !== null) clearTimeout(t);
    };
  }, []);
  return state;
}
