import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tex } from '../../components/math/Tex';

/** How often at most a formula whose numbers change is measured again. */
const RECHECK_MS = 500;

/**
 * A display formula that scrolls sideways when it is wider than its column
 * (phones, narrow iframes). Only then is it focusable, so keyboard users can
 * scroll it and everyone else gets no extra tab stop.
 *
 * Measuring is kept off the training path: the box is watched for resizes
 * (the column changed), and a formula whose live numbers change ten times a
 * second is measured again at most twice a second, in an animation frame.
 */
export function MathBlock({ math }: { math: string }) {
  const { t } = useTranslation('gd');
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const check = useRef<() => void>(() => {});
  const pending = useRef(false);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    let last = false;
    check.current = () => {
      const o = box.scrollWidth > box.clientWidth + 1;
      if (o !== last) setOverflows((last = o));
    };
    const ro = new ResizeObserver(() => check.current());
    ro.observe(box);
    return () => {
      ro.disconnect();
      check.current = () => {};
    };
  }, []);

  useEffect(() => {
    if (pending.current) return;
    pending.current = true;
    setTimeout(() => {
      pending.current = false;
      requestAnimationFrame(() => check.current());
    }, RECHECK_MS);
  }, [math]);

  return (
    <div
      ref={ref}
      className="gd-math"
      tabIndex={overflows ? 0 : undefined}
      role={overflows ? 'group' : undefined}
      aria-label={overflows ? t('math.scroll') : undefined}
    >
      <Tex block math={math} />
    </div>
  );
}
