import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * The value, passed on at most once every `ms` milliseconds (the latest one
 * wins) and as a transition, so a chart fed by a fast stream redraws at a
 * bounded rate and yields to input while it does.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(-Infinity);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - performance.now());
    const id = setTimeout(() => {
      last.current = performance.now();
      startTransition(() => setShown(value));
    }, wait);
    return () => clearTimeout(id);
  }, [value, ms]);
  return shown;
}
