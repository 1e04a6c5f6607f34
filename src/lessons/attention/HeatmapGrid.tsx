import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementWidth } from '../../components/charts/useElementWidth';
import { themeColors } from '../../components/viz/theme-colors';
import { useThemeVersion } from '../../state/theme';
import { viridis } from '../../viz/colormap';
import { attentionCellAt, attentionChecksum, attentionLayout, drawAttentionHeatmap } from '../../viz/attention-heatmap';

export interface Selection {
  layer: number;
  head: number;
  query: number;
}

interface HeatmapProps {
  layer: number;
  head: number;
  T: number;
  weights: Float32Array;
  labels: readonly string[];
  selectedRow: number | null;
  ideal: readonly (readonly number[])[] | null;
  onSelectRow: (layer: number, head: number, query: number) => void;
}

/** Weights as data, rounded to 6 decimals, so tests can read exactly what is drawn. */
const weightsAttr = (w: Float32Array) => Array.from(w, (x) => (Number.isFinite(x) ? Number(x.toFixed(6)) : 0)).join(',');

/** One head's T×T heatmap on a canvas; clicking a row makes it the step-through's query. */
const AttentionHeatmap = memo(function AttentionHeatmap({ layer, head, T, weights, labels, selectedRow, ideal, onSelectRow }: HeatmapProps) {
  const { t } = useTranslation('attn');
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const labelChars = Math.max(1, ...labels.map((l) => l.length));
  const layout = attentionLayout(width, T, labelChars);
  const themeVersion = useThemeVersion();
  // Redraw only when what is drawn changes: a new view with the same weights (the page
  // re-renders for the loss, the status…) costs nothing.
  const drawKey = [
    layout.width,
    layout.height,
    attentionChecksum([weights]),
    weights.length,
    labels.join('\u0001'),
    selectedRow,
    ideal ? attentionChecksum(ideal.map((r) => Float32Array.from(r))) : -1,
    themeVersion,
  ].join('|');
  const weightsText = useMemo(() => weightsAttr(weights), [weights]);
  // What the drawing reads, always the latest; the effect runs only when drawKey changes.
  const drawn = useRef({ width, layout, weights, labels, selectedRow, ideal });
  drawn.current = { width, layout, weights, labels, selectedRow, ideal };
  useEffect(() => {
    const canvas = canvasRef.current;
    const { width, layout, weights, labels, selectedRow, ideal } = drawn.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(layout.width * dpr);
    const h = Math.round(layout.height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const c = themeColors();
    drawAttentionHeatmap(ctx, { layout, weights, labels, selectedRow, ideal, colors: { text: c.muted, highlight: c.accent } });
  }, [drawKey]);
  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const hit = attentionCellAt(layout, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    if (hit) onSelectRow(layer, head, hit.query);
  };
  return (
    <figure
      className="attn-heatmap"
      data-testid="attn-heatmap"
      data-layer={layer}
      data-head={head}
      data-weights={weightsText}
      data-left={layout.left}
      data-top={layout.top}
      data-cell={layout.cell}
    >
      <figcaption>{t('heatmaps.caption', { layer: layer + 1, head: head + 1 })}</figcaption>
      <div ref={wrapRef} className="attn-heatmap-canvas">
        <canvas
          ref={canvasRef}
          style={{ width: layout.width, height: layout.height }}
          role="img"
          aria-label={t('heatmaps.aria', { layer: layer + 1, head: head + 1 })}
          onClick={onClick}
        />
      </div>
    </figure>
  );
});

interface GridProps {
  step: number;
  layers: number;
  heads: number;
  T: number;
  weights: Float32Array[][];
  labels: readonly string[];
  selection: Selection;
  ideal: readonly (readonly number[])[] | null;
  onSelect: (s: Selection) => void;
  maskNote: boolean;
}

const VIRIDIS_GRADIENT = `linear-gradient(to right, ${Array.from({ length: 9 }, (_, i) => {
  const [r, g, b] = viridis(i / 8);
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}).join(', ')})`;

/** Every layer's and head's attention on the chosen input, one heatmap each. */
export function HeatmapGrid({ step, layers, heads, T, weights, labels, selection, ideal, onSelect, maskNote }: GridProps) {
  const { t } = useTranslation('attn');
  const all = weights.flat();
  const onSelectRow = useCallback((layer: number, head: number, query: number) => onSelect({ layer, head, query }), [onSelect]);
  return (
    <div className="attn-heatmaps" data-testid="attention-heatmaps" data-checksum={attentionChecksum(all).toFixed(6)} data-step={step}>
      {Array.from({ length: layers }, (_, l) => (
        <div key={l} className="attn-heatmap-row" style={{ ['--heads' as string]: heads }}>
          {Array.from({ length: heads }, (_, h) => (
            <AttentionHeatmap
              key={h}
              layer={l}
              head={h}
              T={T}
              weights={weights[l]?.[h] ?? new Float32Array(T * T)}
              labels={labels}
              selectedRow={selection.layer === l && selection.head === h ? selection.query : null}
              ideal={ideal}
              onSelectRow={onSelectRow}
            />
          ))}
        </div>
      ))}
      <div className="attn-scale" aria-hidden="true">
        <span>0</span>
        <i style={{ background: VIRIDIS_GRADIENT }} />
        <span>1</span>
        <span className="attn-scale-note">
          {t('heatmaps.scale')}
          {ideal ? t('heatmaps.scaleIdeal') : ''}
          {maskNote ? t('heatmaps.scaleMask') : ''}
        </span>
      </div>
    </div>
  );
}
