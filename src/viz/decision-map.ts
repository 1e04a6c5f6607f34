/**
 * Pure drawing for the MLP playground's data plot: the model's predictions on a lattice as an
 * image (decision regions or a regression surface) and the data points over it. No React;
 * colours come in as arguments (the page reads them from CSS variables).
 */
export type Rgb = readonly [number, number, number];

/** '#rrggbb' or '#rgb' → [r, g, b]; anything else → mid grey. */
export function hexToRgb(hex: string): Rgb {
  const h = hex.trim().replace(/^#/, '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) return [128, 128, 128];
  return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16)];
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

export type OutputKind = 'binary' | 'multiclass' | 'regression';

export interface PredictionColors {
  /** One colour per class (binary: class 0, class 1); regression uses [negative, positive]. */
  classes: readonly Rgb[];
  /** The colour of "undecided" (p = ½, or ŷ = 0): the plot's background. */
  neutral: Rgb;
}

/** How strongly the heatmap is tinted at full confidence (the points must stay visible on it). */
const TINT = 0.62;

/**
 * The colour of one prediction. binary: p = p(class 1), tinted towards the likelier class by
 * |2p − 1|; multiclass: the probability-weighted mix of the class colours, tinted by how far the
 * top probability is above chance; regression: ŷ / range on a two-colour diverging scale.
 * discrete: full tint of the winning class (or sign).
 */
export function predictionColor(
  values: ArrayLike<number>,
  offset: number,
  kind: OutputKind,
  channels: number,
  colors: PredictionColors,
  discrete: boolean,
  range = 1,
): Rgb {
  const c0 = colors.classes[0] ?? colors.neutral;
  const c1 = colors.classes[1] ?? colors.neutral;
  if (kind === 'binary' || kind === 'regression') {
    const v = values[offset] ?? 0;
    const s = kind === 'binary' ? 2 * clamp01(v) - 1 : Math.max(-1, Math.min(1, (Number.isFinite(v) ? v : 0) / range));
    const strength = discrete ? (s === 0 ? 0 : 1) : Math.abs(s);
    return mix(colors.neutral, s >= 0 ? c1 : c0, TINT * strength);
  }
  let best = 0;
  let top = -1;
  let acc: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < channels; k++) {
    const p = clamp01(values[offset + k] ?? 0);
    const c = colors.classes[k] ?? colors.neutral;
    acc = [acc[0] + p * c[0], acc[1] + p * c[1], acc[2] + p * c[2]];
    if (p > top) {
      top = p;
      best = k;
    }
  }
  if (discrete) return mix(colors.neutral, colors.classes[best] ?? colors.neutral, TINT);
  const chance = 1 / Math.max(1, channels);
  const strength = clamp01((top - chance) / (1 - chance));
  return mix(colors.neutral, acc, TINT * strength);
}

/** RGBA pixels (size × size, row 0 at the top) of a prediction grid as laid out by points2d-grid.ts. */
export function predictionImage(
  grid: { size: number; channels: number; values: ArrayLike<number> },
  kind: OutputKind,
  colors: PredictionColors,
  discrete: boolean,
  range = 1,
): Uint8ClampedArray<ArrayBuffer> {
  const { size, channels, values } = grid;
  const out = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const c = predictionColor(values, i * channels, kind, channels, colors, discrete, range);
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = 255;
  }
  return out;
}

/**
 * RGBA pixels of one unit's activations (size² values from `offset`), on the diverging scale
 * negative → neutral → positive, scaled by the unit's own largest |value| so its pattern shows
 * whatever its range (ReLU units are unbounded).
 */
export function unitImage(values: ArrayLike<number>, offset: number, size: number, colors: PredictionColors): Uint8ClampedArray<ArrayBuffer> {
  const n = size * size;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const v = values[offset + i] ?? 0;
    if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const out = new Uint8ClampedArray(n * 4);
  const c0 = colors.classes[0] ?? colors.neutral;
  const c1 = colors.classes[1] ?? colors.neutral;
  for (let i = 0; i < n; i++) {
    const v = values[offset + i] ?? 0;
    const s = maxAbs > 0 && Number.isFinite(v) ? v / maxAbs : 0;
    const c = mix(colors.neutral, s >= 0 ? c1 : c0, 0.85 * Math.abs(s));
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = 255;
  }
  return out;
}

export interface PlotBox {
  left: number;
  top: number;
  size: number;
}

const AXIS = 22;

/** The square plot area inside a width × height canvas (room for tick labels on the left and below). */
export function plotBox(width: number, height: number): PlotBox {
  const size = Math.max(10, Math.min(width - AXIS - 4, height - AXIS - 4));
  const left = Math.max(AXIS, Math.round((width - size + AXIS) / 2));
  return { left, top: 4, size };
}

/** Canvas pixel → data coordinates in [−range, range]² (clamped). */
export function pixelToData(px: number, py: number, box: PlotBox, range: number): { x1: number; x2: number } {
  const u = (px - box.left) / box.size;
  const v = (py - box.top) / box.size;
  const c = (t: number) => Math.min(range, Math.max(-range, t));
  return { x1: c(-range + 2 * range * u), x2: c(range - 2 * range * v) };
}

export function dataToPixel(x1: number, x2: number, box: PlotBox, range: number): { px: number; py: number } {
  return { px: box.left + ((x1 + range) / (2 * range)) * box.size, py: box.top + ((range - x2) / (2 * range)) * box.size };
}

export interface PointsToDraw {
  /** Interleaved (x1, x2). */
  xs: ArrayLike<number>;
  /** Class index, or target value (regression). */
  ys: ArrayLike<number>;
  /** 'train' filled, 'test' outlined, 'added' diamonds. */
  style: 'train' | 'test' | 'added';
  /** Draw only points from this index on (added points are the tail of the training set). */
  from?: number;
  to?: number;
}

export interface DataPlotInput {
  width: number;
  height: number;
  range: number;
  kind: OutputKind;
  /** The prediction image (already painted at lattice resolution), or null before the first view. */
  heat: CanvasImageSource | null;
  points: PointsToDraw[];
  colors: PredictionColors & { frame: string; text: string; stroke: string; outline: string };
  /** Regression: the |value| that gets the full colour. */
  valueRange: number;
}

function pointColor(y: number, kind: OutputKind, colors: PredictionColors, valueRange: number): Rgb {
  if (kind !== 'regression') return colors.classes[Math.round(y)] ?? colors.neutral;
  const s = Math.max(-1, Math.min(1, y / valueRange));
  return mix(colors.neutral, s >= 0 ? colors.classes[1]! : colors.classes[0]!, Math.abs(s));
}

const css = (c: Rgb) => `rgb(${Math.round(c[0])} ${Math.round(c[1])} ${Math.round(c[2])})`;

export function drawDataPlot(ctx: CanvasRenderingContext2D, p: DataPlotInput): PlotBox {
  const { width, height, range } = p;
  ctx.clearRect(0, 0, width, height);
  const box = plotBox(width, height);
  if (p.heat) {
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(p.heat, box.left, box.top, box.size, box.size);
  } else {
    ctx.fillStyle = css(p.colors.neutral);
    ctx.fillRect(box.left, box.top, box.size, box.size);
  }
  ctx.strokeStyle = p.colors.frame;
  ctx.lineWidth = 1;
  ctx.strokeRect(box.left + 0.5, box.top + 0.5, box.size - 1, box.size - 1);

  ctx.fillStyle = p.colors.text;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of [-range, 0, range]) {
    const { py } = dataToPixel(0, t, box, range);
    ctx.fillText(String(t), box.left - 4, Math.min(box.top + box.size - 5, Math.max(box.top + 5, py)));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of [-range, 0, range]) {
    const { px } = dataToPixel(t, 0, box, range);
    ctx.fillText(String(t), Math.min(box.left + box.size - 6, Math.max(box.left + 6, px)), box.top + box.size + 4);
  }

  const r = Math.max(2.5, Math.min(4, box.size / 90));
  for (const set of p.points) {
    const from = set.from ?? 0;
    const to = set.to ?? set.ys.length;
    for (let i = from; i < to; i++) {
      const { px, py } = dataToPixel(set.xs[2 * i]!, set.xs[2 * i + 1]!, box, range);
      const fill = css(pointColor(set.ys[i]!, p.kind, p.colors, p.valueRange));
      ctx.beginPath();
      if (set.style === 'added') {
        const d = r * 1.7;
        ctx.moveTo(px, py - d);
        ctx.lineTo(px + d, py);
        ctx.lineTo(px, py + d);
        ctx.lineTo(px - d, py);
        ctx.closePath();
      } else {
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.lineWidth = set.style === 'train' ? 1 : 1.6;
      ctx.strokeStyle = set.style === 'train' ? p.colors.stroke : p.colors.outline;
      ctx.stroke();
    }
  }
  return box;
}
