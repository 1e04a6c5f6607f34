import { useCallback, useRef } from 'react';
import { t } from '../../i18n';

/**
 * Something wider than its column (a formula, a table, a diagram on a phone) scrolls
 * sideways, and must say so: while it overflows it carries data-overflow, which
 * scroll-cue.css turns into edge shadows and a small "scroll ⇆" tag, and it is
 * keyboard-reachable and named (WCAG scrollable-region-focusable). One ResizeObserver
 * serves every such element and flips attributes directly, without re-rendering.
 */
let observer: ResizeObserver | null = null;
const labels = new WeakMap<Element, string>();
/** Each observed element → the container whose overflow it decides. */
const containerOf = new WeakMap<Element, HTMLElement>();

export function markOverflow(el: HTMLElement): void {
  if (el.scrollWidth > el.clientWidth + 1) {
    if (el.dataset.overflow === undefined) el.dataset.overflow = t('math.scrollCue');
    if (el.tabIndex < 0) el.tabIndex = 0;
    if (!el.getAttribute('role')) el.setAttribute('role', 'group');
    if (!el.hasAttribute('aria-label')) el.setAttribute('aria-label', labels.get(el) ?? t('math.scroll'));
  } else if (el.dataset.overflow !== undefined) {
    delete el.dataset.overflow;
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
}

/** Watch el (and its first child, whose size changes when the content does); returns the unwatch. */
export function watchOverflow(el: HTMLElement, label?: string): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  if (label) labels.set(el, label);
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      const box = containerOf.get(e.target);
      if (box?.isConnected) markOverflow(box);
    }
  });
  containerOf.set(el, el);
  observer.observe(el);
  const child = el.firstElementChild;
  if (child) {
    containerOf.set(child, el);
    observer.observe(child);
  }
  markOverflow(el);
  return () => {
    observer?.unobserve(el);
    if (child) observer?.unobserve(child);
  };
}

/**
 * A ref for a sideways-scrolling container (give it the class scroll-cue too):
 * `<div className="table-wrap scroll-cue" ref={useScrollCue(label)}>`.
 */
export function useScrollCue<E extends HTMLElement>(label = t('math.scrollWide')): (el: E | null) => void {
  const stop = useRef<(() => void) | null>(null);
  return useCallback(
    (el: E | null) => {
      stop.current?.();
      stop.current = el ? watchOverflow(el, label) : null;
    },
    [label],
  );
}
