import { memo } from 'react';
import { fmt } from '../../format';
import { drawRegression, type RegressionPlotInput } from '../../viz/regression-plot';
import { themeColors } from './theme-colors';
import { useCanvas } from './useCanvas';

type Props = Omit<RegressionPlotInput, 'width' | 'height' | 'colors'> & { height?: number };

/** Canvas host for drawRegression; redraws when the fit changes. */
export const RegressionPlot = memo(function RegressionPlot({ height = 210, ...p }: Props) {
  const c = themeColors();
  const { wrapRef, canvasRef } = useCanvas(height, (ctx, width) =>
    drawRegression(ctx, {
      ...p,
      width,
      height,
      colors: { point: c.point, fit: c.accent, truth: c.truth, axis: c.muted, grid: c.grid, text: c.muted },
    }),
  );
  return (
    <figure ref={wrapRef} className="plot">
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height }}
        role="img"
        aria-label={`Scatter plot of ${p.xs.length} data points with the fitted line y = ${fmt(p.w)}x + ${fmt(p.b)}`}
      />
      <figcaption className="legend">
        <span>
          <i style={{ background: c.accent }} /> model: ŷ = {fmt(p.w, 3)}x + {fmt(p.b, 3)}
        </span>
        <span>
          <i className="dashed" style={{ borderColor: c.truth }} /> data rule: y = {p.truth.w}x + {p.truth.b}
        </span>
      </figcaption>
    </figure>
  );
});
