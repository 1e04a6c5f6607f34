import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureExport } from '../../export/FigureExport';
import { fmt } from '../../format';
import { signedTerm } from '../math/signed';
import { drawRegression, type RegressionPlotInput } from '../../viz/regression-plot';
import { themeColors } from './theme-colors';
import { useCanvas } from './useCanvas';

type Props = Omit<RegressionPlotInput, 'width' | 'height' | 'colors'> & { height?: number };

/** Canvas host for drawRegression; redraws when the fit changes. Its words are the gradient-descent lesson's ('gd'). */
export const RegressionPlot = memo(function RegressionPlot({ height = 210, ...p }: Props) {
  const { t } = useTranslation('gd');
  const c = themeColors();
  const { wrapRef, canvasRef, drawable } = useCanvas(height, (ctx, width) =>
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
        aria-label={t('plot.aria', { n: p.xs.length, w: fmt(p.w), b: signedTerm(p.b) })}
      />
      <figcaption className="legend">
        <span>
          <i style={{ background: c.accent }} /> {t('plot.model', { w: fmt(p.w, 3), b: signedTerm(p.b, 3) })}
        </span>
        <span>
          <i className="dashed" style={{ borderColor: c.truth }} /> {t('plot.rule', { w: p.truth.w, b: p.truth.b })}
        </span>
      </figcaption>
      <FigureExport title={t('plot.exportTitle')} file="regression-fit" drawable={drawable} />
    </figure>
  );
});
