/**
 * Which executor each lab's worker runs on, for the header badge. A page may hold two labs
 * (the backprop lesson's tiny network and MLP playground), each with its own engine and
 * measurement: the badge names the latest one to report, its popover lists them all.
 */
import { useSyncExternalStore } from 'react';
import type { BackendInfo } from '../ml/backend-names';

export interface BackendStatus {
  info: BackendInfo | null;
  /** Why the engine moved to another backend mid-run, if it did. */
  fallbackReason: string | null;
  /** Every lab's latest report on this page, by model (task kind), oldest first. */
  all: BackendInfo[];
}

let current: BackendStatus = { info: null, fallbackReason: null, all: [] };
const listeners = new Set<() => void>();

export function setBackendStatus(s: { info: BackendInfo | null; fallbackReason: string | null }): void {
  const all = s.info ? [...current.all.filter((i) => i.model !== s.info!.model), s.info] : current.all;
  current = { ...s, all };
  listeners.forEach((l) => l());
}

/** When a lesson page goes away, its labs' reports go with it. */
export function clearBackendStatus(): void {
  current = { info: null, fallbackReason: null, all: [] };
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
