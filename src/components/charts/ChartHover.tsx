import { fmt, fmtInt } from '../../format';
import type { FrameSeries } from './chart-frame';

export interface HoverAt {
  /** Pointer position in px from the plot's left edge of the figure. */
  left: number;
  /** The step under the pointer. */
  x: number;
}

interface Props {
  at: HoverAt;
  series: FrameSeries[];
  width: number;
  top: number;
  height: number;
  stepWord: string;
}

/**
 * The hover readout of a streaming chart: a hairline at the pointer and, for
 * each series, its recorded value at the nearest step of its full history
 * (not of the decimated drawing), to six significant digits.
 */
export function ChartHover({ at, series, width, top, height, stepWord }: Props) {
  const parts = series.flatMap((s) => {
    const p = s.buffer.nearest(at.x);
    return p ? [{ label: s.label, color: s.color, x: p.x, y: p.y }] : [];
  });
  if (parts.length === 0) return null;
  const step = parts[0]!.x;
  const sameStep = parts.every((p) => p.x === step);
  return (
    <>
      <div aria-hidden="true" style={{ position: 'absolute', left: at.left, top, height, width: 1, background: 'var(--muted)', opacity: 0.5, pointerEvents: 'none' }} />
      <div
        className="chart-hover"
        data-testid="chart-hover"
        // Beside the hairline, on the side with more room, wrapping rather than leaving the chart.
        style={{
          ...(at.left > width / 2 ? { right: width - at.left + 8 } : { left: at.left + 8 }),
          maxWidth: Math.max(120, (at.left > width / 2 ? at.left : width - at.left) - 16),
          whiteSpace: 'normal',
        }}
      >
        {sameStep && `${stepWord} ${fmtInt(step)}: `}
        {parts.map((p, i) => (
          <span key={p.label}>
            {i > 0 && ', '}
            <span style={{ color: p.color }}>■</span> {p.label} {fmt(p.y, 6)}
            {!sameStep && ` (${stepWord} ${fmtInt(p.x)})`}
          </span>
        ))}
      </div>
    </>
  );
}
