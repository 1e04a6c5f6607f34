/**
 * Small images in a grid — MNIST digits, k×k filters, feature maps — drawn as pixel
 * art: every tile's pixels go into one RGBA atlas at native resolution, which is then
 * drawn scaled up with image smoothing off, so a 3×3 filter shows nine crisp squares.
 * Pure drawing: no React, no DOM reads.
 */
import { viridis } from './colormap';

export type Rgb = readonly [number, number, number];

export interface GridOptions {
  /** Wanted tile width in CSS px (shrunk when a single tile would not fit). */
  tilePx: number;
  /** Space between tiles, CSS px. */
  gap?: number;
  /** Room under each tile for a caption, CSS px. */
  labelHeight?: number;
  /** At most this many columns. */
  maxCols?: number;
  /** Exactly this many columns (fewer when there are fewer tiles): tiles shrink below tilePx to fit. */
  cols?: number;
}

export interface GridLayout {
  count: number;
  cols: number;
  rows: number;
  /** Tile size in CSS px. */
  tileWidth: number;
  tileHeight: number;
  gap: number;
  labelHeight: number;
  /** Size of the whole grid, CSS px. */
  width: number;
  height: number;
}

/** Lay out `count` tiles of tileW×tileH pixels in rows that fit `width` CSS px. */
export function layoutGrid(count: number, tileW: number, tileH: number, width: number, o: GridOptions): GridLayout {
  const gap = o.gap ?? 2;
  const labelHeight = o.labelHeight ?? 0;
  let tileWidth = Math.max(1, Math.min(o.tilePx, width));
  let cols: number;
  if (o.cols !== undefined) {
    cols = Math.max(1, Math.min(count, o.cols));
    tileWidth = Math.max(1, Math.min(tileWidth, (width - (cols - 1) * gap) / cols));
  } else {
    const fit = Math.max(1, Math.floor((width + gap) / (tileWidth + gap)));
    cols = Math.max(1, Math.min(count, fit, o.maxCols ?? Infinity));
  }
  const tileHeight = (tileWidth * tileH) / Math.max(1, tileW);
  const rows = count > 0 ? Math.ceil(count / cols) : 0;
  return {
    count,
    cols,
    rows,
    tileWidth,
    tileHeight,
    gap,
    labelHeight,
    width: cols * tileWidth + (cols - 1) * gap,
    height: rows > 0 ? rows * (tileHeight + labelHeight) + (rows - 1) * gap : 0,
  };
}

/** Top-left corner (CSS px) of tile i. */
export function tileOrigin(l: GridLayout, i: number): { x: number; y: number } {
  const c = i % l.cols;
  const r = Math.floor(i / l.cols);
  return { x: c * (l.tileWidth + l.gap), y: r * (l.tileHeight + l.labelHeight + l.gap) };
}

/** The tile under a point (CSS px, relative to the grid's origin), or null. */
export function tileAt(l: GridLayout, x: number, y: number): number | null {
  if (x < 0 || y < 0) return null;
  const c = Math.floor(x / (l.tileWidth + l.gap));
  const r = Math.floor(y / (l.tileHeight + l.labelHeight + l.gap));
  if (c >= l.cols || x - c * (l.tileWidth + l.gap) > l.tileWidth) return null;
  const i = r * l.cols + c;
  return i < l.count ? i : null;
}

/** MNIST convention: ink 1 is white on black. */
export function inkColor(v: number): Rgb {
  const g = Math.round(255 * clamp01(v));
  return [g, g, g];
}

const NEG: Rgb = [33, 102, 172];
const MID: Rgb = [247, 247, 247];
const POS: Rgb = [178, 24, 43];

/** Blue (negative) – white (0) – red (positive), for weights; `scale` maps to full colour. */
export function divergingColor(v: number, scale: number): Rgb {
  const t = scale > 0 && Number.isFinite(v) ? Math.max(-1, Math.min(1, v / scale)) : 0;
  const end = t < 0 ? NEG : POS;
  const a = Math.abs(t);
  return [
    Math.round(MID[0] + (end[0] - MID[0]) * a),
    Math.round(MID[1] + (end[1] - MID[1]) * a),
    Math.round(MID[2] + (end[2] - MID[2]) * a),
  ];
}

/** Viridis of v / max, for non-negative activations. */
export function activationColor(v: number, max: number): Rgb {
  return viridis(max > 0 ? v / max : 0);
}

/** Largest |value| in values[from, to). 0 for an empty or all-zero range; ignores non-finite values. */
export function maxAbs(values: ArrayLike<number>, from = 0, to = values.length): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(values[i]!);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m;
}

export interface ImageGridInput {
  layout: GridLayout;
  /** Tile size in pixels. */
  tileW: number;
  tileH: number;
  /** Pixel value of tile t at (x, y). */
  value: (t: number, x: number, y: number) => number;
  /** Colour of a value of tile t. */
  color: (v: number, t: number) => Rgb;
  /** Caption under each tile (needs layout.labelHeight > 0). */
  labels?: readonly string[];
  labelColor?: string;
  /** Outline these tiles. */
  highlight?: readonly number[];
  highlightColor?: string;
}

let scratch: OffscreenCanvas | HTMLCanvasElement | null = null;

function scratchCanvas(w: number, h: number): OffscreenCanvas | HTMLCanvasElement {
  if (!scratch) scratch = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(w, h) : document.createElement('canvas');
  if (scratch.width < w) scratch.width = w;
  if (scratch.height < h) scratch.height = h;
  return scratch;
}

/** Draw the grid at the context's origin (translate first to place it). */
export function drawImageGrid(ctx: CanvasRenderingContext2D, g: ImageGridInput): void {
  const { layout: l, tileW, tileH } = g;
  if (l.count === 0) return;
  // One atlas row of tiles side by side, at native resolution.
  const aw = tileW * l.count;
  const rgba = new Uint8ClampedArray(aw * tileH * 4);
  for (let t = 0; t < l.count; t++) {
    for (let y = 0; y < tileH; y++) {
      for (let x = 0; x < tileW; x++) {
        const [r, gr, b] = g.color(g.value(t, x, y), t);
        const o = (y * aw + t * tileW + x) * 4;
        rgba[o] = r;
        rgba[o + 1] = gr;
        rgba[o + 2] = b;
        rgba[o + 3] = 255;
      }
    }
  }
  const atlas = scratchCanvas(aw, tileH);
  const actx = atlas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!actx) return;
  actx.putImageData(new ImageData(rgba, aw, tileH), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let t = 0; t < l.count; t++) {
    const { x, y } = tileOrigin(l, t);
    ctx.drawImage(atlas, t * tileW, 0, tileW, tileH, x, y, l.tileWidth, l.tileHeight);
    const label = g.labels?.[t];
    if (label && l.labelHeight > 0) {
      ctx.fillStyle = g.labelColor ?? '#555';
      ctx.fillText(label, x + l.tileWidth / 2, y + l.tileHeight + 2, l.tileWidth + l.gap);
    }
  }
  if (g.highlight?.length) {
    ctx.strokeStyle = g.highlightColor ?? '#c2410c';
    ctx.lineWidth = 2;
    for (const t of g.highlight) {
      if (t < 0 || t >= l.count) continue;
      const { x, y } = tileOrigin(l, t);
      ctx.strokeRect(x - 1, y - 1, l.tileWidth + 2, l.tileHeight + 2);
    }
  }
}

function clamp01(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}
