import katex from 'katex';
import { memo, useEffect, useMemo, useRef } from 'react';

/**
 * KaTeX at run time (formulas carry live numbers). trust is off and expansion
 * and size are limited, so even a hostile string cannot inject HTML or hang.
 */
/**
 * A display formula wider than its column scrolls sideways; then it must be
 * reachable by keyboard (WCAG scrollable-region-focusable), and only then: one
 * observer for all formulas toggles tabindex without re-rendering.
 */
let observer: ResizeObserver | null = null;
function watchOverflow(el: HTMLElement): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      const t = e.target as HTMLElement;
      if (t.scrollWidth > t.clientWidth + 1) t.tabIndex = 0;
      else t.removeAttribute('tabindex');
    }
  });
  observer.observe(el);
  return () => observer?.unobserve(el);
}

export const Tex = memo(function Tex({ math, block = false }: { math: string; block?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => (block && ref.current && typeof ResizeObserver !== 'undefined' ? watchOverflow(ref.current) : undefined), [block]);
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
  // KaTeX escapes all text it emits and trust:false forbids \href, \html*; this markup is safe.
  return <span ref={ref} className={block ? 'tex tex-block' : 'tex'} dangerouslySetInnerHTML={{ __html: html }} />;
});
