import { memo, startTransition, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesBuffer } from '../../charts/series-buffer';
import { FigureExport } from '../../export/FigureExport';
import { toCsv } from '../../export/csv';
import { fmt, fmtInt } from '../../format';
import { useThemeVersion } from '../../state/theme';
import { themeColors } from '../viz/theme-colors';
import { buildFrame, type ChartFrame, type FrameSeries } from './chart-frame';
import { ChartHover, type HoverAt } from './ChartHover';
import { CHART_MARGIN, LinePlot, yAxisWidth } from './LinePlot';
import { useElementWidth } from './useElementWidth';

export interface ChartSeries {
  label: string;
  buffer: SeriesBuffer;
  /** CSS colour; defaults to the theme's series palette. */
  color?: string;
  /** SVG stroke-dasharray: a compared run's curve is dashed; solid when absent. */
  dash?: string;
}

interface Props {
  series: ChartSeries[];
  /** Changes whenever any series does: the chart schedules a redraw then. */
  version: number;
  logScale: boolean;
  /** Accessible name, e.g. "Loss against training step". */
  title: string;
  height?: number;
  /** Bounds the values cannot leave (an accuracy: [0, 1]); the y axis never extends past them. */
  yBounds?: [number, number];
}

/** At most ten redraws a second, whatever the rate of metrics. */
const REDRAW_MS = 100;

/**
 * Streams training curves on recharts. Full histories live in SeriesBuffers;
 * a redraw (≤ 10 a second, as a React transition so it yields to input) hands
 * recharts at most ~500 min–max-decimated points per series, with animation and
 * dots off. The plot itself is a memoised component that re-renders only when
 * a new frame is drawn, never on the host's own re-renders or on hover.
 */
export const StreamingChart = memo(function StreamingChart({ series, version, logScale, title, height = 170, yBounds }: Props) {
  const { t } = useTranslation();
  const [wrapRef, width] = useElementWidth<HTMLElement>();
  // Read on every render (themeColors is cached; useThemeVersion re-renders on a theme change).
  useThemeVersion();
  const palette = themeColors();
  const resolved: FrameSeries[] = series.map((s, i) => ({
    label: s.label,
    buffer: s.buffer,
    color: s.color ?? palette.series[i % palette.series.length] ?? palette.accent,
    dash: s.dash,
  }));
  const latest = useRef(resolved);
  const drawnKey = useRef('');
  const lastDraw = useRef(-Infinity);
  const [frame, setFrame] = useState<ChartFrame | null>(null);
  const [hover, setHover] = useState<HoverAt | null>(null);

  useEffect(() => {
    latest.current = resolved;
  });
  useEffect(() => {
    if (width === 0) return;
    const wait = Math.max(0, lastDraw.current + REDRAW_MS - performance.now());
    const id = setTimeout(() => {
      lastDraw.current = performance.now();
      const s = latest.current;
      const key = `${width}|${height}|${logScale}|${s.map((x) => `${x.label}:${x.color}:${x.dash ?? ''}:${x.buffer.version}:${x.buffer.length}`).join('|')}`;
      if (key === drawnKey.current) return;
      drawnKey.current = key;
      const f = buildFrame(s, logScale, width, {
        xTicks: Math.max(2, Math.floor(width / 90)),
        // About one y tick per 30 px of plot, so labels never crowd a short chart.
        yTicks: Math.max(2, Math.min(5, Math.floor((height - 32) / 30))),
        yBounds,
      });
      startTransition(() => setFrame(f));
    }, wait);
    return () => clearTimeout(id);
  }, [version, logScale, width, height, yBounds, resolved]);

  const c = palette;
  const yWidth = frame ? yAxisWidth(frame.y.labels) : 40;
  const plot = { left: CHART_MARGIN.left + yWidth, right: width - CHART_MARGIN.right };
  const onMove = (e: React.PointerEvent) => {
    if (!frame) return;
    const left = e.nativeEvent.offsetX;
    const [d0, d1] = frame.x.domain;
    const at = d0 + ((left - plot.left) / Math.max(1, plot.right - plot.left)) * (d1 - d0);
    setHover(left >= plot.left - 4 && left <= plot.right + 4 ? { left, x: Math.min(d1, Math.max(d0, at)) } : null);
  };
  const summary = resolved
    .map((s) => {
      const last = s.buffer.last();
      return `${s.label} ${fmt(last?.y)} (${t('status.step')} ${fmtInt(last?.x ?? 0)})`;
    })
    .join('; ');

  return (
    <figure className="chart" ref={wrapRef} data-points={frame?.points ?? 0}>
      <div
        role="img"
        aria-label={`${title}: ${summary}`}
        style={{ height, position: 'relative' }}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      >
        {frame && width > 0 ? (
          <LinePlot frame={frame} width={width} height={height} logY={logScale} grid={c.grid} text={c.muted} yWidth={yWidth} />
        ) : (
          <div className="chart-empty" style={{ height, display: 'grid', placeItems: 'center', color: c.muted, fontSize: 11 }}>
            {t('chart.empty')}
          </div>
        )}
        {hover && frame && (
          <ChartHover
            at={hover}
            series={resolved}
            width={width}
            top={CHART_MARGIN.top}
            height={height - CHART_MARGIN.top - CHART_MARGIN.bottom - 22}
            stepWord={t('status.step')}
          />
        )}
      </div>
      {series.length > 1 && (
        <figcaption className="legend">
          {resolved.map((s) => (
            <span key={s.label} data-series={s.label}>
              {s.dash ? (
                <svg className="legend-dash" width="22" height="6" aria-hidden="true">
                  <line x1="0" y1="3" x2="22" y2="3" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
                </svg>
              ) : (
                <i style={{ background: s.color }} />
              )}{' '}
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <FigureExport
        title={title}
        svg={() => wrapRef.current?.querySelector<SVGSVGElement>('svg.recharts-surface') ?? null}
        csv={() => toCsv(series.map((s) => ({ label: s.label, points: s.buffer.points() })))}
      />
    </figure>
  );
});
