import katex from 'katex';
import { memo, useEffect, useMemo, useRef } from 'react';
import { markOverflow, watchOverflow } from './scroll-cue';
import './scroll-cue.css';

/** A formula whose live numbers change is measured again at most twice a second, off the training path. */
const RECHECK_MS = 500;
const pending = new WeakSet<HTMLElement>();

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
 * A display formula wider than its column scrolls sideways and shows that it
 * does (scroll-cue.ts).
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
