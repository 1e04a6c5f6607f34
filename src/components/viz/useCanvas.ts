import { useEffect, useRef } from 'react';
import type { Drawable } from '../../export/figure';
import { useThemeVersion } from '../../state/theme';
import { useElementWidth } from '../charts/useElementWidth';

/**
 * A canvas sized to its container's width (and the device pixel ratio) that
 * calls `draw` with a ready 2-D context after every render of its host.
 */
export function useCanvas(height: number, draw: (ctx: CanvasRenderingContext2D, width: number) => void) {
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<Drawable | null>(null);
  // Redraw when the theme changes (colours come from CSS variables).
  useThemeVersion();
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw(ctx, width);
    last.current = { draw, width, height };
  });
  /** The last drawing, to redraw for a PNG or SVG download. */
  const drawable = () => last.current;
  return { wrapRef, canvasRef, width, drawable };
}
