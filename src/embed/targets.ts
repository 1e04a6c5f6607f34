/**
 * What an embedded widget exposes to its host page: the training session of the
 * widget on screen. Widgets register it with useEmbedTarget; the bridge commands it.
 */
import { useEffect } from 'react';
import type { Phase } from '../state/training-session';
import { useWidget } from './context';

export interface EmbedTarget {
  train(): Promise<void> | void;
  pause(): Promise<void> | void;
  step(n: number): Promise<void> | void;
  reset(): Promise<void> | void;
  subscribe(listener: () => void): () => void;
  getState(): { phase: Phase; step: number; loss: number | null; backend: { label: string } | null };
}

const targets = new Map<string, EmbedTarget>();
const listeners = new Set<() => void>();

export function embedTarget(widget: string): EmbedTarget | undefined {
  return targets.get(widget);
}

export function onTargetsChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Make this widget's session reachable from the host page's postMessage commands. */
export function useEmbedTarget(target: EmbedTarget): void {
  const widget = useWidget();
  const id = widget?.id;
  useEffect(() => {
    if (!id) return;
    targets.set(id, target);
    listeners.forEach((l) => l());
    return () => {
      if (targets.get(id) === target) targets.delete(id);
      listeners.forEach((l) => l());
    };
  }, [id, target]);
}
