import katex from 'katex';
import { memo, useEffect, useMemo, useRef } from 'react';
import { t } from '../../i18n';

/**
 * A display formula wider than its column (phones, narrow iframes) scrolls
 * sideways; then, and only then, it must be reachable by keyboard (WCAG
 * scrollable-region-focusable) and named. One observer serves every formula and
 * flips the attributes directly, without re-rendering; a formula whose live
 * numbers change is measured again at most twice a second, off the training path.
 */
const RECHECK_MS = 500;
let observer: ResizeObserver | null = null;
const pending = new WeakSet<HTMLElement>();

function markOverflow(el: HTMLElement): void {
  if (el.scrollWidth > el.clientWidth + 1) {
    el.tabIndex = 0;
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', t('math.scroll'));
  } else {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
}

function watchOverflow(el: HTMLElement): () => void {
  observer ??= new ResizeObserver((entries) => entries.forEach((e) => markOverflow(e.target as HTMLElement)));
  observer.observe(el);
  return () => observer?.unobserve(el);
}

function recheckSoon(el: HTMLElement): void {
  if (pending.has(el)) return;
  pending.add(el);
  setTimeout(() => {
    requestAnimationFrame(() => {
      pending.delete(el);
      if (el.isConnected) markOverflow(el);
    });
  }, RECHECK_MS);
}

/**
 * KaTeX at run time (formulas carry live numbers). trust is off and expansion
 * and size are limited, so even a hostile string cannot inject HTML or hang.
 */
export const Tex = memo(function Tex({ math, block = false }: { math: string; block?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const html = useMemo(
    () =>
      katex.renderToString(math, {
        displayMode: block,
        throwOnError: false,
        trust: false,
        strict: 'ignore',
        maxSize: 20,
        maxExpand: 100,
        output: 'htmlAndMathml',
      }),
    [math, block],
  );
  const canWatch = block && typeof ResizeObserver !== 'undefined';
  useEffect(() => (canWatch && ref.current ? watchOverflow(ref.current) : undefined), [canWatch]);
  useEffect(() => {
    if (canWatch && ref.current) recheckSoon(ref.current);
  }, [canWatch, html]);
  // KaTeX escapes all text it emits and trust:false forbids \href, \html*; this markup is safe.
  return <span ref={ref} className={block ? 'tex tex-block' : 'tex'} dangerouslySetInnerHTML={{ __html: html }} />;
});
