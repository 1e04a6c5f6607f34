import { useEffect, useState } from 'react';
import { Throttle } from './throttle';

/**
 * `value`, passed on at most once every `ms` (the latest always arrives). For a lab whose views
 * are costly to draw: the status keeps the worker's pace, the pictures a calmer one, and each
 * picture is still one whole view of one step.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const [throttle] = useState(() => new Throttle<T>(ms, (v) => setShown(() => v)));
  useEffect(() => throttle.push(value), [throttle, value]);
  useEffect(() => () => throttle.dispose(), [throttle]);
  return shown;
}
