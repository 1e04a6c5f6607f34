import { FigureExport } from '../../../export/FigureExport';
import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurfaceInfo } from '../../../ml/surfaces/surface-info';
import { fmt } from '../../../format';
import { buildHeatmap, drawSurfacePlot, pixelToPoint, type PathToDraw } from '../../../viz/surface-plot';
import { themeColors } from '../../../components/viz/theme-colors';
import { useCanvas } from '../../../components/viz/useCanvas';

interface Props {
  surface: SurfaceInfo;
  start: { x: number; y: number };
  paths: PathToDraw[];
  /** Bumped when paths grow (memo compares it). */
  version: number;
  onPickStart: (p: { x: number; y: number }) => void;
  axisLabels: [string, string];
  /** The surface's name, in the page's language. */
  label: string;
  /** The start point is fixed (an embedding page locked sx/sy): no clicking, dragging or arrow keys. */
  locked?: boolean;
  height?: number;
}

/**
 * The loss surface as a banded heatmap (log scale) with the racers' paths.
 * Click or drag to choose the start point; with the keyboard, arrows move it.
 */
export const SurfacePlot = memo(function SurfacePlot({ surface, start, paths, onPickStart, axisLabels, label, locked = false, height = 340 }: Props) {
  const { t } = useTranslation('gd');
  const heat = useMemo(() => buildHeatmap(surface), [surface]);
  const heatCanvas = useMemo(() => {
    const c = document.createElement('canvas');
    c.width = heat.image.width;
    c.height = heat.image.height;
    c.getContext('2d')?.putImageData(heat.image, 0, 0);
    return c;
  }, [heat]);
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  const dragging = useRef(false);
  const shownStart = drag ?? start;
  const c = themeColors();
  const { wrapRef, canvasRef, width, drawable } = useCanvas(height, (ctx, w) =>
    drawSurfacePlot(ctx, {
      width: w,
      height,
      heat,
      heatCanvas,
      surface,
      start: shownStart,
      // While dragging a new start, old paths would mislead: hide them.
      paths: drag ? [] : paths,
      colors: { text: c.muted, marker: '#ffffff' },
      axisLabels,
    }),
  );
  const at = (e: React.PointerEvent) => pixelToPoint(e.nativeEvent.offsetX, e.nativeEvent.offsetY, width, height, heat.box);
  const box = heat.box;
  const onKey = (e: React.KeyboardEvent) => {
    const dx = (box.xMax - box.xMin) / 50;
    const dy = (box.yMax - box.yMin) / 50;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
    const m = moves[e.key];
    if (!m || locked) return;
    e.preventDefault();
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    onPickStart({ x: clamp(start.x + m[0], box.xMin, box.xMax), y: clamp(start.y + m[1], box.yMin, box.yMax) });
  };
  return (
    <figure className="plot surface-plot" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height, cursor: locked ? 'default' : 'crosshair', touchAction: locked ? 'auto' : 'none' }}
        tabIndex={0}
        role="img"
        aria-label={t(locked ? 'map.ariaLocked' : 'map.aria', { label, x: fmt(start.x, 3), y: fmt(start.y, 3) })}
        data-locked={locked || undefined}
        data-testid="surface-plot"
        onPointerDown={(e) => {
          if (locked) return;
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          setDrag(at(e));
        }}
        onPointerMove={(e) => {
          if (dragging.current) setDrag(at(e));
        }}
        onPointerUp={(e) => {
          if (!dragging.current) return;
          dragging.current = false;
          setDrag(null);
          onPickStart(at(e));
        }}
        onKeyDown={onKey}
      />
      <figcaption className="legend">
        <span>{t('map.colour')}</span>
        <span>{t('map.minimum')}</span>
        {surface.critical.length > 0 && <span>{t('map.critical')}</span>}
        <span>{t('map.start')}</span>
      </figcaption>
      <FigureExport title={t('map.exportTitle')} file="loss-surface" drawable={drawable} />
    </figure>
  );
});
