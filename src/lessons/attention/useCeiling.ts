import { useEffect, useState } from 'react';
import { MAX_ENUMERATED, type PositionBlindCeiling } from '../../datasets/token-tasks-chance';
import type { TokenTaskSpec } from '../../datasets/token-tasks';

const cache = new Map<string, PositionBlindCeiling | null>();

/**
 * The best accuracy any model without positional information can reach on `spec` (null when it
 * is not computed: the masked task, too many inputs to enumerate, or `enabled` false). Computed
 * once per setting in a short-lived worker, then cached for the page's lifetime.
 */
export function useCeiling(spec: TokenTaskSpec, enabled: boolean): PositionBlindCeiling | null {
  const key = JSON.stringify([spec.task, spec.seqLen, spec.vocab, spec.task === 'copy' ? (spec.offset ?? 1) : 0]);
  const [result, setResult] = useState<{ key: string; value: PositionBlindCeiling | null } | null>(null);
  const { task, seqLen, vocab, offset } = spec;
  const wanted = enabled && task !== 'masked' && vocab ** seqLen <= MAX_ENUMERATED;
  useEffect(() => {
    if (!wanted || cache.has(key)) return;
    const worker = new Worker(new URL('./ceiling.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ ok: boolean; ceiling?: PositionBlindCeiling | null }>) => {
      const value = e.data.ok ? (e.data.ceiling ?? null) : null;
      cache.set(key, value);
      setResult({ key, value });
      worker.terminate();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
    };
    worker.postMessage({ task, seqLen, vocab, ...(task === 'copy' ? { offset } : {}) } satisfies TokenTaskSpec);
    return () => worker.terminate();
  }, [wanted, key, task, seqLen, vocab, offset]);
  if (!wanted) return null;
  return cache.get(key) ?? (result?.key === key ? result.value : null);
}
