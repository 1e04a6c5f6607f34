import { memo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Point } from '../../charts/decimate';
import type { SeriesBuffer } from '../../charts/series-buffer';
import { FigureExport } from '../../export/FigureExport';
import { toCsv } from '../../export/csv';
import { fmt, fmtInt } from '../../format';
import { drawLineChart, type ChartLayout } from '../../viz/line-chart';
import { themeColors } from '../viz/theme-colors';
import { useCanvas } from '../viz/useCanvas';

export interface ChartSeries {
  label: string;
  buffer: SeriesBuffer;
  /** CSS colour; defaults to the theme's series palette. */
  color?: string;
}

interface Props {
  series: ChartSeries[];
  /** Changes whenever any series does; the chart redraws only then (memo compares it). */
  version: number;
  logScale: boolean;
  /** Accessible name, e.g. "Loss against training step". */
  title: string;
  height?: number;
}

const MAX_POINTS = 1000;

/**
 * Streams training curves. Full histories live in SeriesBuffers; each redraw
 * takes at most two points per pixel (≤ 1,000) by min–max decimation, and draws
 * on a canvas so no layout is read or written per point.
 */
export const StreamingChart = memo(function StreamingChart({ series, logScale, title, height = 170 }: Props) {
  const layout = useRef<ChartLayout | null>(null);
  const drawn = useRef<Point[][]>([]);
  const [hover, setHover] = useState<{ left: number; text: string } | null>(null);
  const { t } = useTranslation();
  const colors = themeColors();
  const { wrapRef, canvasRef, width, drawable } = useCanvas(height, (ctx, w) => {
    const budget = Math.max(50, Math.min(MAX_POINTS, 2 * w));
    drawn.current = series.map((s) => s.buffer.decimated(budget));
    layout.current = drawLineChart(ctx, {
      width: w,
      height,
      logY: logScale,
      colors: { grid: colors.grid, text: colors.muted },
      formatX: fmtInt,
      integerX: true,
      emptyText: t('chart.empty'),
      formatY: (v) => fmt(v, 2),
      series: series.map((s, i) => ({
        label: s.label,
        color: s.color ?? colors.series[i % colors.series.length] ?? colors.accent,
        points: drawn.current[i]!,
      })),
    });
  });
  const pointCount = series.reduce((n, s) => n + Math.min(s.buffer.length, Math.max(50, Math.min(MAX_POINTS, 2 * width))), 0);

  const onMove = (e: React.PointerEvent) => {
    const l = layout.current;
    if (!l) return;
    const left = e.nativeEvent.offsetX;
    const step = l.x.domain[0] + ((left - l.plot.left) / (l.plot.right - l.plot.left)) * (l.x.domain[1] - l.x.domain[0]);
    const parts = series.flatMap((s, i) => {
      const p = nearest(drawn.current[i] ?? [], step);
      return p ? [`${s.label} ${fmt(p.y)}`] : [];
    });
    setHover(parts.length ? { left, text: `${t('status.step')} ${fmtInt(Math.round(step))}: ${parts.join(', ')}` } : null);
  };

  return (
    <figure className="chart" ref={wrapRef} data-points={pointCount}>
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height }}
        role="img"
        aria-label={`${title}: ${series.map((s) => `${s.label} ${fmt(s.buffer.last()?.y)} (${t('status.step')} ${fmtInt(s.buffer.last()?.x ?? 0)})`).join('; ')}`}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      />
      {series.length > 1 && (
        <figcaption className="legend">
          {series.map((s, i) => (
            <span key={s.label}>
              <i style={{ background: s.color ?? colors.series[i % colors.series.length] }} /> {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <FigureExport
        title={title}
        drawable={drawable}
        csv={() => toCsv(series.map((s) => ({ label: s.label, points: s.buffer.points() })))}
      />
      {hover && (
        <div className="chart-hover" style={{ left: Math.min(hover.left, Math.max(0, width - 180)) }}>
          {hover.text}
        </div>
      )}
    </figure>
  );
});

function nearest(pts: Point[], x: number): Point | null {
  if (pts.length === 0) return null;
  let lo = 0;
  let hi = pts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (pts[mid]!.x < x) lo = mid;
    else hi = mid;
  }
  return Math.abs(pts[lo]!.x - x) <= Math.abs(pts[hi]!.x - x) ? pts[lo]! : pts[hi]!;
}
