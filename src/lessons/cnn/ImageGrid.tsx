import { memo, useEffect, useRef } from 'react';
import { useElementWidth } from '../../components/charts/useElementWidth';
import { themeColors } from '../../components/viz/theme-colors';
import { activationColor, divergingColor, drawImageGrid, inkColor, layoutGrid, maxAbs, type Rgb } from '../../viz/image-grid';

/**
 * How values become colours:
 * ink: 0..1 (or 0..255 with valueScale 255), white on black, like MNIST;
 * diverging: weights, blue < 0 < red, one scale (the largest |w|) for every tile so tiles compare;
 * activation: non-negative maps in viridis, each tile scaled to its own maximum.
 */
export type ColorMode = 'ink' | 'diverging' | 'activation';

interface Props {
  /** count·tileW·tileH values, tile-major, row-major inside a tile. */
  values: ArrayLike<number>;
  /** Offset of tile 0 in values (a gallery can point into the MNIST pack). */
  offset?: number;
  /** Tile t starts at starts[t] instead of offset + t·tileW·tileH (e.g. scattered pack records). */
  starts?: readonly number[];
  count: number;
  tileW: number;
  tileH: number;
  mode: ColorMode;
  /** Divide values by this first (255 for bytes). */
  valueScale?: number;
  tilePx: number;
  gap?: number;
  labels?: readonly string[];
  maxCols?: number;
  /** Exactly this many columns; tiles shrink to fit. */
  cols?: number;
  highlight?: number | null;
  ariaLabel: string;
  testId?: string;
  /** Extra data-* attributes for tests (e.g. a checksum of the values). */
  data?: Record<string, string | number>;
}

/** A grid of small images on one canvas, drawn as pixel art (no smoothing). */
export const ImageGrid = memo(function ImageGrid(p: Props) {
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const labelHeight = p.labels ? 15 : 0;
  const layout = width > 0 ? layoutGrid(p.count, p.tileW, p.tileH, width, { tilePx: p.tilePx, gap: p.gap ?? 3, labelHeight, maxCols: p.maxCols, cols: p.cols }) : null;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !layout || layout.count === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(layout.width * dpr);
    const h = Math.round(layout.height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, layout.width, layout.height);
    const size = p.tileW * p.tileH;
    const scale = p.valueScale ?? 1;
    const start = (t: number) => p.starts?.[t] ?? (p.offset ?? 0) + t * size;
    const shared = p.mode === 'diverging' ? maxAbs(p.values, start(0), start(0) + size * p.count) : 0;
    const tileMax = p.mode === 'activation' ? Array.from({ length: p.count }, (_, t) => maxAbs(p.values, start(t), start(t) + size)) : [];
    const color = (v: number, t: number): Rgb =>
      p.mode === 'ink' ? inkColor(v) : p.mode === 'diverging' ? divergingColor(v, shared) : activationColor(v, tileMax[t] ?? 0);
    const c = themeColors();
    drawImageGrid(ctx, {
      layout,
      tileW: p.tileW,
      tileH: p.tileH,
      value: (t, x, y) => (p.values[start(t) + y * p.tileW + x] ?? 0) / scale,
      color,
      labels: p.labels,
      labelColor: c.muted,
      highlight: p.highlight === null || p.highlight === undefined ? undefined : [p.highlight],
      highlightColor: c.accent,
    });
  });

  const dataAttrs = Object.fromEntries(Object.entries(p.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div ref={wrapRef} className="image-grid" data-testid={p.testId} {...dataAttrs}>
      {layout && layout.count > 0 && (
        <canvas ref={canvasRef} style={{ width: layout.width, height: layout.height }} role="img" aria-label={p.ariaLabel} />
      )}
    </div>
  );
});

/** One small image (a digit, the drawing as the network sees it) at a fixed CSS size. */
export const PixelImage = memo(function PixelImage({
  values,
  width,
  height,
  px,
  mode = 'ink',
  label,
}: {
  values: ArrayLike<number>;
  width: number;
  height: number;
  /** CSS width. */
  px: number;
  mode?: ColorMode;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // Native resolution; CSS scales it up with smoothing off (image-rendering: pixelated).
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    const max = mode === 'ink' ? 1 : maxAbs(values);
    for (let i = 0; i < width * height; i++) {
      const v = values[i] ?? 0;
      const [r, g, b] = mode === 'ink' ? inkColor(v) : mode === 'diverging' ? divergingColor(v, max) : activationColor(v, max);
      img.data[4 * i] = r;
      img.data[4 * i + 1] = g;
      img.data[4 * i + 2] = b;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, width, height, mode]);
  const style = { width: px, height: (px * height) / width };
  // An empty label: the image is decoration inside a labelled control.
  if (label === '') return <canvas ref={ref} className="pixel-image" style={style} aria-hidden="true" />;
  return <canvas ref={ref} className="pixel-image" style={style} role="img" aria-label={label} />;
});
