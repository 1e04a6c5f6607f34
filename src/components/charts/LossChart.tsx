import { memo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesBuffer } from '../../charts/series-buffer';
import { fmt, fmtInt } from '../../format';
import { useElementWidth } from './useElementWidth';

interface Props {
  series: SeriesBuffer;
  /** Changes whenever the series does; the chart redraws only then (read by memo's comparison). */
  version: number;
  logScale: boolean;
  label?: string;
  height?: number;
}

const MAX_POINTS = 1000;

/**
 * The loss curve. The full history stays in the SeriesBuffer; the chart gets at
 * most two points per pixel (≤ 1,000) by min–max decimation, with recharts'
 * animation and dots off so streaming costs one cheap redraw per update.
 */
export const LossChart = memo(function LossChart({ series, logScale, label = 'Loss', height = 220 }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  // Recomputed only when this memo'd component re-renders, i.e. when version, width or scale change.
  const pts = series.decimated(Math.max(50, Math.min(MAX_POINTS, 2 * width)));
  const data = logScale ? pts.filter((p) => p.y > 0) : pts;
  return (
    <figure className="chart" ref={ref} aria-label={`${label} against training step`} data-points={data.length}>
      {width > 0 && (
        <LineChart width={width} height={height} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => fmtInt(v)}
            stroke="var(--muted)"
            fontSize={12}
          />
          <YAxis
            dataKey="y"
            type="number"
            scale={logScale ? 'log' : 'linear'}
            domain={['auto', 'auto']}
            allowDataOverflow
            tickFormatter={(v: number) => fmt(v, 2)}
            stroke="var(--muted)"
            fontSize={12}
            width={56}
          />
          <Tooltip
            formatter={(v) => [fmt(Number(v)), label]}
            labelFormatter={(v) => `step ${fmtInt(Number(v))}`}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="y"
            stroke="var(--accent)"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            name={label}
          />
        </LineChart>
      )}
      <figcaption className="visually-hidden">{label} against training step</figcaption>
    </figure>
  );
});
