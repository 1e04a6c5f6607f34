import type { Point } from '../../charts/decimate';
import type { SeriesBuffer } from '../../charts/series-buffer';
import { makeAxis, type Axis } from '../../charts/ticks';

/** The most points one series hands to recharts: SVG paths beyond this cost render time and show nothing more. */
export const MAX_DRAWN = 500;

export interface FrameSeries {
  label: string;
  buffer: SeriesBuffer;
  color: string;
  /** SVG stroke-dasharray (a compared run's curve); solid when absent. */
  dash?: string;
}

export interface FrameLine {
  label: string;
  color: string;
  dash?: string;
  /** Decimated points; y is null where a log axis cannot show the value (≤ 0), leaving a gap. */
  data: { x: number; y: number | null }[];
}

/** What one redraw of a streaming chart shows: decimated lines and both axes. */
export interface ChartFrame {
  lines: FrameLine[];
  x: Axis;
  y: Axis;
  /** Points drawn, all series together. */
  points: number;
}

/** Points per series for a plot `width` px wide: about one per pixel, at most MAX_DRAWN. */
export function pointBudget(width: number): number {
  return Math.max(50, Math.min(MAX_DRAWN, Math.round(width)));
}

/**
 * Reduces every series' full history to at most pointBudget(width) points
 * (min–max, so spikes survive) and fits the axes to what is drawn. Null when
 * there is nothing to draw yet.
 */
export function buildFrame(
  series: FrameSeries[],
  logY: boolean,
  width: number,
  opts: { xTicks?: number; yTicks?: number; yBounds?: [number, number] } = {},
): ChartFrame | null {
  const budget = pointBudget(width);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  let points = 0;
  const lines = series.map((s) => {
    const pts: Point[] = s.buffer.decimated(budget);
    points += pts.length;
    const data = pts.map((p) => {
      const shown = !logY || p.y > 0;
      if (shown) {
        if (p.x < x0) x0 = p.x;
        if (p.x > x1) x1 = p.x;
        if (p.y < y0) y0 = p.y;
        if (p.y > y1) y1 = p.y;
      }
      return { x: p.x, y: shown ? p.y : null };
    });
    return { label: s.label, color: s.color, dash: s.dash, data };
  });
  if (!Number.isFinite(x0) || !Number.isFinite(y0)) return null;
  const x = makeAxis(x0, Math.max(x1, x0 + 1), { integer: true, count: opts.xTicks ?? 5 });
  const y = makeAxis(y0, y1, { kind: logY ? 'log' : 'linear', pad: 0.05, nice: true, count: opts.yTicks ?? 4, bounds: opts.yBounds });
  return { lines, x, y, points };
}

/** The bounds of an accuracy or any other fraction, for StreamingChart's yBounds. */
export const UNIT_INTERVAL: [number, number] = [0, 1];
