/**
 * Computes the position-blind ceiling (datasets/token-tasks-chance.ts) off the main thread: it
 * enumerates up to 300,000 inputs, which takes about a second.
 */
import { positionBlindCeiling } from '../../datasets/token-tasks-chance';
import type { TokenTaskSpec } from '../../datasets/token-tasks';

self.onmessage = (e: MessageEvent<TokenTaskSpec>) => {
  try {
    self.postMessage({ ok: true, ceiling: positionBlindCeiling(e.data) });
  } catch (err) {
    self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
