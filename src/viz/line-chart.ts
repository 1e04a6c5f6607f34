import type { Point } from '../charts/decimate';
import { linearScale, niceTicks, type Scale } from './axes';

export interface LineSeries {
  label: string;
  color: string;
  /** Already decimated; x ascending. */
  points: Point[];
}

export interface LineChartInput {
  width: number;
  height: number;
  series: LineSeries[];
  logY: boolean;
  colors: { grid: string; text: string };
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** x values are whole numbers (training steps): no fractional ticks. */
  integerX?: boolean;
  /** Shown while there is nothing to draw (in the page's language). */
  emptyText?: string;
}

export interface ChartLayout {
  x: Scale;
  /** Maps a value (not its log) to a pixel row. */
  y: (v: number) => number;
  plot: { left: number; right: number; top: number; bottom: number };
}

const PAD = { left: 52, right: 12, top: 10, bottom: 24 };

/** Powers of ten (with 2 and 5 between them when the range is short) for a log axis. */
export function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const mult = b - a <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let e = a; e <= b; e++) for (const m of mult) {
    const t = m * 10 ** e;
    if (t >= lo * 0.999 && t <= hi * 1.001) out.push(Number(t.toPrecision(6)));
  }
  return out;
}

function extent(series: LineSeries[], logY: boolean): { x: [number, number]; y: [number, number] } | null {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const s of series) for (const p of s.points) {
    if (logY && p.y <= 0) continue;
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  if (!Number.isFinite(x0) || !Number.isFinite(y0)) return null;
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) {
    y0 = logY ? y0 / 2 : y0 - 1;
    y1 = logY ? y1 * 2 : y1 + 1;
  }
  if (!logY) {
    const m = (y1 - y0) * 0.05;
    y0 -= m;
    y1 += m;
  }
  return { x: [x0, x1], y: [y0, y1] };
}

/**
 * A streaming line chart on a canvas: no DOM per point, no layout reads, so it
 * can redraw ten times a second beside a training run without long tasks.
 */
export function drawLineChart(ctx: CanvasRenderingContext2D, p: LineChartInput): ChartLayout | null {
  const { width, height, colors } = p;
  ctx.clearRect(0, 0, width, height);
  const plot = { left: PAD.left, right: width - PAD.right, top: PAD.top, bottom: height - PAD.bottom };
  const ext = extent(p.series, p.logY);
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = colors.text;
  if (!ext) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(p.emptyText ?? 'No steps yet', width / 2, height / 2);
    return null;
  }
  const x = linearScale(ext.x, [plot.left, plot.right]);
  const yLin = p.logY
    ? linearScale([Math.log10(ext.y[0]), Math.log10(ext.y[1])], [plot.bottom, plot.top])
    : linearScale(ext.y, [plot.bottom, plot.top]);
  const y = (v: number) => yLin(p.logY ? Math.log10(v) : v);

  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  // Within one decade a log axis has no 1-2-5 ticks: fall back to round linear values.
  const lt = p.logY ? logTicks(ext.y[0], ext.y[1]) : [];
  const yt = lt.length >= 2 ? lt : niceTicks(ext.y[0], ext.y[1], 4).filter((t) => !p.logY || t > 0);
  for (const t of yt) {
    const py = Math.round(y(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.left, py);
    ctx.lineTo(plot.right, py);
    ctx.stroke();
    ctx.fillText(p.formatY(t), plot.left - 6, py);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xt = niceTicks(ext.x[0], ext.x[1], Math.max(2, Math.floor(width / 90)));
  for (const t of p.integerX ? xt.filter((v) => Number.isInteger(v)) : xt) {
    const px = Math.round(x(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, plot.top);
    ctx.lineTo(px, plot.bottom);
    ctx.stroke();
    ctx.fillText(p.formatX(t), px, plot.bottom + 5);
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.right - plot.left, plot.bottom - plot.top);
  ctx.clip();
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  for (const s of p.series) {
    ctx.strokeStyle = s.color;
    ctx.beginPath();
    let pen = false;
    for (const pt of s.points) {
      if (p.logY && pt.y <= 0) {
        pen = false;
        continue;
      }
      const px = x(pt.x);
      const py = y(pt.y);
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    }
    ctx.stroke();
  }
  ctx.restore();
  return { x, y, plot };
}
