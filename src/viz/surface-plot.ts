import type { SurfaceInfo, ViewBox } from '../ml/surfaces/surface-info';
import { gridValues } from '../ml/surfaces/surface-info';
import { linearScale, niceTicks } from './axes';
import { viridis } from './colormap';

/** Number of colour bands: quantising log f gives the look of filled contours. */
export const BANDS = 16;

export interface Heatmap {
  /** nx × ny RGBA image of the surface, row 0 at the top (yMax). */
  image: ImageData;
  /** log10 range mapped onto the colour scale. */
  logMin: number;
  logMax: number;
  box: ViewBox;
}

/**
 * Colour the surface by log10 f, quantised into bands. Computed once per surface
 * (plain JS on the main thread: a 240×180 grid is ~43k evaluations).
 */
export function buildHeatmap(surface: SurfaceInfo, nx = 240, ny = 180): Heatmap {
  const box = surface.box;
  const values = gridValues(surface, box, nx, ny);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Offset so the minimum maps to a finite log (the floor is 1e-3 of the range, at least 1e-6).
  const eps = Math.max(1e-6, (hi - lo) * 1e-4);
  const logMin = Math.log10(eps);
  const logMax = Math.log10(hi - lo + eps);
  const image = new ImageData(nx, ny);
  for (let i = 0; i < values.length; i++) {
    const t = (Math.log10(values[i]! - lo + eps) - logMin) / (logMax - logMin);
    const band = Math.min(BANDS - 1, Math.floor(t * BANDS)) / (BANDS - 1);
    const [r, g, b] = viridis(band);
    image.data[i * 4] = r;
    image.data[i * 4 + 1] = g;
    image.data[i * 4 + 2] = b;
    image.data[i * 4 + 3] = 255;
  }
  return { image, logMin, logMax, box };
}

export interface PathToDraw {
  color: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  length: number;
  /** Draw the current point as a filled dot (hollow when the racer diverged). */
  stopped?: boolean;
  dashed?: boolean;
}

export interface SurfacePlotInput {
  width: number;
  height: number;
  heat: Heatmap;
  /** The heatmap rendered once into a canvas, scaled on each draw. */
  heatCanvas: CanvasImageSource;
  surface: SurfaceInfo;
  start: { x: number; y: number };
  paths: PathToDraw[];
  colors: { text: string; marker: string };
  axisLabels: [string, string];
}

export const PLOT_PAD = { left: 36, right: 14, top: 8, bottom: 26 };

export function plotScales(width: number, height: number, box: ViewBox) {
  const x = linearScale([box.xMin, box.xMax], [PLOT_PAD.left, width - PLOT_PAD.right]);
  const y = linearScale([box.yMin, box.yMax], [height - PLOT_PAD.bottom, PLOT_PAD.top]);
  return { x, y };
}

/** Inverse of plotScales: canvas pixel → surface coordinates, clamped to the box. */
export function pixelToPoint(px: number, py: number, width: number, height: number, box: ViewBox) {
  const fx = (px - PLOT_PAD.left) / (width - PLOT_PAD.left - PLOT_PAD.right);
  const fy = (py - PLOT_PAD.top) / (height - PLOT_PAD.top - PLOT_PAD.bottom);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return {
    x: box.xMin + clamp(fx) * (box.xMax - box.xMin),
    y: box.yMax - clamp(fy) * (box.yMax - box.yMin),
  };
}

/** Heatmap, minima/saddles, start point, and each racer's path and position. Pure drawing. */
export function drawSurfacePlot(ctx: CanvasRenderingContext2D, p: SurfacePlotInput): void {
  const { width, height, heat, surface } = p;
  const { x: sx, y: sy } = plotScales(width, height, heat.box);
  ctx.clearRect(0, 0, width, height);
  const w = width - PLOT_PAD.left - PLOT_PAD.right;
  const h = height - PLOT_PAD.top - PLOT_PAD.bottom;
  ctx.drawImage(p.heatCanvas, PLOT_PAD.left, PLOT_PAD.top, w, h);

  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = p.colors.text;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(heat.box.xMin, heat.box.xMax, 6)) ctx.fillText(String(t), sx(t), height - PLOT_PAD.bottom + 4);
  ctx.fillText(p.axisLabels[0], width - PLOT_PAD.right - 6, height - 12);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(heat.box.yMin, heat.box.yMax, 5)) ctx.fillText(String(t), PLOT_PAD.left - 5, sy(t));
  ctx.textAlign = 'left';
  ctx.fillText(p.axisLabels[1], 4, PLOT_PAD.top + 6);

  ctx.save();
  ctx.beginPath();
  ctx.rect(PLOT_PAD.left, PLOT_PAD.top, w, h);
  ctx.clip();
  // Minima (×) and saddles/maxima (◇).
  ctx.strokeStyle = p.colors.marker;
  ctx.lineWidth = 2;
  for (const m of surface.minima) {
    const x = sx(m.x);
    const y = sy(m.y);
    ctx.beginPath();
    ctx.moveTo(x - 5, y - 5);
    ctx.lineTo(x + 5, y + 5);
    ctx.moveTo(x + 5, y - 5);
    ctx.lineTo(x - 5, y + 5);
    ctx.stroke();
  }
  for (const c of surface.critical) {
    const x = sx(c.x);
    const y = sy(c.y);
    ctx.beginPath();
    ctx.moveTo(x, y - 6);
    ctx.lineTo(x + 6, y);
    ctx.lineTo(x, y + 6);
    ctx.lineTo(x - 6, y);
    ctx.closePath();
    ctx.stroke();
  }
  // Paths.
  ctx.lineJoin = 'round';
  for (const path of p.paths) {
    if (path.length === 0) continue;
    ctx.strokeStyle = path.color;
    ctx.lineWidth = 2.5;
    ctx.setLineDash(path.dashed ? [5, 4] : []);
    ctx.beginPath();
    ctx.moveTo(sx(path.xs[0]!), sy(path.ys[0]!));
    for (let i = 1; i < path.length; i++) ctx.lineTo(sx(path.xs[i]!), sy(path.ys[i]!));
    ctx.stroke();
    ctx.setLineDash([]);
    const lx = sx(path.xs[path.length - 1]!);
    const ly = sy(path.ys[path.length - 1]!);
    ctx.beginPath();
    ctx.arc(lx, ly, 5, 0, 2 * Math.PI);
    ctx.fillStyle = path.color;
    if (path.stopped) {
      ctx.lineWidth = 2;
      ctx.stroke();
    } else {
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
  // Start point: a white ring.
  ctx.beginPath();
  ctx.arc(sx(p.start.x), sy(p.start.y), 7, 0, 2 * Math.PI);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2.5;
  ctx.stroke();
  ctx.restore();
}
