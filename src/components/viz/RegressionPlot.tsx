import { memo, useEffect, useRef } from 'react';
import { fmt } from '../../format';
import { drawRegression, type RegressionPlotInput } from '../../viz/regression-plot';
import { useElementWidth } from '../charts/useElementWidth';

type Props = Omit<RegressionPlotInput, 'width' | 'height' | 'colors'> & { height?: number };

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** Canvas host for drawRegression: sizes the canvas for the device pixel ratio and redraws on change. */
export const RegressionPlot = memo(function RegressionPlot({ height = 260, ...p }: Props) {
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawRegression(ctx, {
      ...p,
      width,
      height,
      colors: {
        point: cssVar(canvas, '--point', '#6b7a8f'),
        fit: cssVar(canvas, '--accent', '#d1495b'),
        truth: cssVar(canvas, '--truth', '#2e86ab'),
        axis: cssVar(canvas, '--muted', '#666'),
        grid: cssVar(canvas, '--grid', '#ddd'),
        text: cssVar(canvas, '--muted', '#666'),
      },
    });
  });
  return (
    <div ref={wrapRef} className="plot">
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height }}
        role="img"
        aria-label={`Scatter plot of ${p.xs.length} data points with the fitted line y = ${fmt(p.w)}x + ${fmt(p.b)}`}
      />
    </div>
  );
});
