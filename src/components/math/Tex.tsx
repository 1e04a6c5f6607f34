import katex from 'katex';
import { memo, useMemo } from 'react';

/**
 * KaTeX at run time (formulas carry live numbers). trust is off and expansion
 * and size are limited, so even a hostile string cannot inject HTML or hang.
 */
export const Tex = memo(function Tex({ math, block = false }: { math: string; block?: boolean }) {
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
  return <span className={block ? 'tex tex-block' : 'tex'} dangerouslySetInnerHTML={{ __html: html }} />;
});
