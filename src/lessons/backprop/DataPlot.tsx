import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementWidth } from '../../components/charts/useElementWidth';
import type { Points2D } from '../../datasets/points2d';
import { fmt } from '../../format';
import type { MlpView } from '../../ml/tasks/mlp-view';
import { dataToPixel, drawDataPlot, pixelToData, plotBox, predictionImage, type OutputKind, type PointsToDraw } from '../../viz/decision-map';
import { useLessonColors } from './colors';

interface Props {
  train: Points2D;
  test: Points2D;
  /** How many of the training points (at its end) the learner added. */
  added: number;
  kind: OutputKind;
  grid: MlpView['grid'] | null;
  showTest: boolean;
  discrete: boolean;
  range: number;
  /** Regression: the |target| that gets the full colour. */
  valueRange: number;
  /** A click (or Enter) at a data point; remove = shift-click, Delete, or the remove mode. */
  onPick: (p: { x1: number; x2: number }, remove: boolean) => void;
  /** What a plain click does. */
  mode: 'add' | 'remove';
  /** The embedding page locked the points (onPick still hears clicks, to say so; it changes nothing). */
  locked?: boolean;
  height?: number;
}

const KEY_STEP = 0.25;

/**
 * The data with the model's predictions under it. Click to add a point (shift-click removes the
 * nearest); with the keyboard, the arrows move a cursor, Enter adds there and Delete removes.
 */
export const DataPlot = memo(function DataPlot(p: Props) {
  const height = p.height ?? 320;
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [cursor, setCursor] = useState<{ x1: number; x2: number } | null>(null);
  const colors = useLessonColors();
  const { t } = useTranslation('bp');

  const heat = useMemo(() => {
    if (!p.grid || p.grid.values.length === 0) return null;
    const { size } = p.grid;
    const pixels = predictionImage(p.grid, p.kind, colors, p.discrete, p.valueRange);
    const c = document.createElement('canvas');
    c.width = size;
    c.height = size;
    c.getContext('2d')?.putImageData(new ImageData(pixels, size, size), 0, 0);
    return c;
  }, [p.grid, p.kind, p.discrete, p.valueRange, colors]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const nGenerated = p.train.ys.length - p.added;
    const points: PointsToDraw[] = [
      { xs: p.train.xs, ys: p.train.ys, style: 'train', to: nGenerated },
      ...(p.showTest ? [{ xs: p.test.xs, ys: p.test.ys, style: 'test' as const }] : []),
      { xs: p.train.xs, ys: p.train.ys, style: 'added', from: nGenerated },
    ];
    const box = drawDataPlot(ctx, {
      width,
      height,
      range: p.range,
      kind: p.kind,
      heat,
      points,
      colors: { ...colors, frame: colors.border, text: colors.muted, stroke: colors.card, outline: colors.fg },
      valueRange: p.valueRange,
    });
    if (cursor) {
      const { px, py } = dataToPixel(cursor.x1, cursor.x2, box, p.range);
      ctx.strokeStyle = colors.fg;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(px - 9, py);
      ctx.lineTo(px + 9, py);
      ctx.moveTo(px, py - 9);
      ctx.lineTo(px, py + 9);
      ctx.stroke();
    }
  });

  const at = (e: React.MouseEvent) => pixelToData(e.nativeEvent.offsetX, e.nativeEvent.offsetY, plotBox(width, height), p.range);
  const onKey = (e: React.KeyboardEvent) => {
    const c = cursor ?? { x1: 0, x2: 0 };
    const clamp = (v: number) => Math.min(p.range, Math.max(-p.range, v));
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0],
      ArrowRight: [KEY_STEP, 0],
      ArrowUp: [0, KEY_STEP],
      ArrowDown: [0, -KEY_STEP],
    };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      setCursor({ x1: clamp(c.x1 + m[0]), x2: clamp(c.x2 + m[1]) });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setCursor(c);
      p.onPick(c, p.mode === 'remove');
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      setCursor(c);
      p.onPick(c, true);
    }
  };

  return (
    <figure className="plot data-plot" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height, cursor: p.locked ? 'not-allowed' : 'crosshair' }}
        tabIndex={0}
        role="img"
        data-testid="data-plot"
        aria-label={
          p.locked
            ? t('mlp.plotLabelLocked', { train: p.train.ys.length, test: p.test.ys.length })
            : t('mlp.plotLabel', {
                train: p.train.ys.length,
                test: p.test.ys.length,
                click: t(p.mode === 'remove' ? 'mlp.plotRemoveNearest' : 'mlp.plotAdd'),
                enter: t(p.mode === 'remove' ? 'mlp.plotEnterRemove' : 'mlp.plotEnterAdd'),
              }) + (cursor ? t('mlp.plotCursor', { x1: fmt(cursor.x1, 3), x2: fmt(cursor.x2, 3) }) : '')
        }
        aria-disabled={p.locked || undefined}
        data-locked={p.locked || undefined}
        onClick={(e) => p.onPick(at(e), p.mode === 'remove' || e.shiftKey)}
        onKeyDown={onKey}
        onBlur={() => setCursor(null)}
      />
    </figure>
  );
});
