/** Which compute backend the active lesson's worker runs on, for the header badge. */
import { useSyncExternalStore } from 'react';
import type { BackendInfo } from '../ml/backend-names';

export interface BackendStatus {
  info: BackendInfo | null;
  /** Why the engine moved to another backend mid-run, if it did. */
  fallbackReason: string | null;
}

let current: BackendStatus = { info: null, fallbackReason: null };
const listeners = new Set<() => void>();

export function setBackendStatus(s: BackendStatus): void {
  current = s;
  listeners.forEach((l) => l());
}

export function useBackendStatus(): BackendStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
