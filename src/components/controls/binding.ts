import { useEffect } from 'react';
import { useLocked, useWidget } from '../../embed/context';

/**
 * Ties a control to its URL key: it is read-only when an embedding page locks
 * that key, and it is listed in its widget's Embed dialog.
 */
export function useControlBinding(urlKey: string | undefined, label: string): boolean {
  const locked = useLocked(urlKey);
  const widget = useWidget();
  useEffect(() => (urlKey && widget ? widget.registerControl(urlKey, label) : undefined), [widget, urlKey, label]);
  return locked;
}
