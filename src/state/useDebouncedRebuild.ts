import { useEffect, useEffectEvent } from 'react';

/**
 * Calls `rebuild` (the latest one, with the settings of that moment) `delayMs` after `key`
 * last changed, and once on mount: what every lab does to build its model again when its
 * spec, data or backend changes, without a rebuild per slider tick. `enabled` false skips it
 * (a lab that waits to be scrolled into view).
 */
export function useDebouncedRebuild(rebuild: () => void, key: string, delayMs = 150, enabled = true): void {
  const run = useEffectEvent(rebuild);
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs, enabled]);
}
