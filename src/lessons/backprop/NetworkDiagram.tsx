import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementWidth } from '../../components/charts/useElementWidth';
import { latticePoints } from '../../datasets/points2d-grid';
import { featureMatrix, type FeatureName } from '../../datasets/points2d-features';
import type { MlpView } from '../../ml/tasks/mlp-view';
import { predictionImage, unitImage, type OutputKind } from '../../viz/decision-map';
import { drawNetworkDiagram, type DiagramColumn } from '../../viz/network-diagram';
import { useLessonColors, type LessonColors } from './colors';

interface Props {
  features: readonly FeatureName[];
  hidden: readonly number[];
  kind: OutputKind;
  view: MlpView | null;
  discrete: boolean;
  valueRange: number;
  /** Batch norm on every hidden layer: a "BN" bar where the weighted sums arrive. */
  batchNorm?: boolean;
}

/** Plain-text feature names for the diagram's labels. */
export const FEATURE_TEXT: Record<FeatureName, string> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sinx1: 'sin x₁',
  sinx2: 'sin x₂',
};

const FEATURE_GRID = 16;

/** Reuses small canvases between redraws (one per unit), instead of making ~50 new ones 10 times a second. */
function useCanvasPool() {
  const pool = useRef<HTMLCanvasElement[]>([]);
  return (i: number, size: number, pixels: Uint8ClampedArray<ArrayBuffer>): HTMLCanvasElement => {
    let c = pool.current[i];
    if (!c) {
      c = document.createElement('canvas');
      pool.current[i] = c;
    }
    if (c.width !== size) c.width = size;
    if (c.height !== size) c.height = size;
    c.getContext('2d')?.putImageData(new ImageData(pixels, size, size), 0, 0);
    return c;
  };
}

/**
 * The network as TensorFlow Playground draws it: each unit a small heatmap of its activation
 * over the input square (colour scaled per unit), each weight a line as thick as |w| is large
 * relative to the largest weight (blue positive, orange negative).
 */
export const NetworkDiagram = memo(function NetworkDiagram({ features, hidden, kind, view, discrete, valueRange, batchNorm = false }: Props) {
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const colors = useLessonColors();
  const { t } = useTranslation('bp');
  const image = useCanvasPool();
  const rows = Math.max(features.length, ...hidden, 1);
  const height = Math.max(170, rows * 38 + 24);

  const featureImages = useMemo(() => {
    const m = featureMatrix(latticePoints(FEATURE_GRID), features);
    const f = features.length;
    const n = FEATURE_GRID * FEATURE_GRID;
    return features.map((_, j) => {
      const col = new Float32Array(n);
      for (let i = 0; i < n; i++) col[i] = m[i * f + j]!;
      return unitImage(col, 0, FEATURE_GRID, colors);
    });
  }, [features, colors]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    let k = 0;
    const columns: DiagramColumn[] = [
      {
        title: t('mlp.diagramInput'),
        short: t('mlp.diagramInputShort'),
        nodes: features.map((name, j) => ({ label: FEATURE_TEXT[name], image: image(k++, FEATURE_GRID, featureImages[j]!) })),
      },
    ];
    const neurons = view?.neurons;
    const matches = neurons && neurons.widths.length === hidden.length && neurons.widths.every((w, i) => w === hidden[i]);
    let offset = 0;
    hidden.forEach((w, l) => {
      const nodes = Array.from({ length: w }, () => {
        const img = matches ? image(k++, neurons.size, unitImage(neurons.values, offset, neurons.size, colors)) : null;
        if (matches) offset += neurons.size * neurons.size;
        return { image: img };
      });
      columns.push({ title: t('mlp.diagramLayer', { n: l + 1 }), short: `${l + 1}`, nodes, marker: batchNorm ? 'BN' : undefined });
    });
    const grid = view?.grid;
    const ready = grid && grid.values.length > 0;
    const outputs = kind === 'multiclass' ? (grid?.channels ?? 3) : 1;
    columns.push({
      title: t('mlp.diagramOutput'),
      short: t('mlp.diagramOutputShort'),
      nodes: Array.from({ length: outputs }, (_, c) => ({
        image: !ready
          ? null
          : kind === 'multiclass'
            ? image(k++, grid.size, classImage(grid, c, colors))
            : image(k++, grid.size, predictionImage(grid, kind, colors, discrete, valueRange)),
      })),
    });
    const weights =
      view && view.layers.length === hidden.length + 1 && view.layers[0]?.shape[0] === features.length
        ? view.layers.map((l) => ({ W: l.W, shape: l.shape }))
        : null;
    drawNetworkDiagram(ctx, {
      width,
      height,
      columns,
      weights,
      colors: { positive: colors.classCss[1]!, negative: colors.classCss[0]!, text: colors.muted, frame: colors.border, empty: colors.card },
    });
  });

  return (
    <figure className="plot network-diagram" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height }}
        role="img"
        data-testid="network-diagram"
        aria-label={t('mlp.diagramLabel', {
          features: t('mlp.diagramFeatures', { count: features.length }),
          names: features.map((f) => FEATURE_TEXT[f]).join(', '),
          hidden:
            hidden.length === 0
              ? t('mlp.diagramNoHidden')
              : t(batchNorm ? 'mlp.diagramHiddenBn' : 'mlp.diagramHidden', { sizes: hidden.join(', ') }),
          outputs: kind === 'multiclass' ? t('mlp.diagramSoftmax', { n: view?.grid.channels ?? 3 }) : t('mlp.diagramOneOutput'),
        })}
      />
      <figcaption className="legend">
        <span>
          <i style={{ background: colors.classCss[1] }} /> {t('mlp.diagramPositive')}
        </span>
        <span>
          <i style={{ background: colors.classCss[0] }} /> {t('mlp.diagramNegative')}
        </span>
        <span>{t('mlp.diagramThicker')}</span>
        {batchNorm && <span>{t('mlp.diagramBn')}</span>}
      </figcaption>
    </figure>
  );
});

/** One class's probability over the input square: from the background colour to the class colour. */
function classImage(grid: MlpView['grid'], c: number, colors: LessonColors): Uint8ClampedArray<ArrayBuffer> {
  const n = grid.size * grid.size;
  const out = new Uint8ClampedArray(n * 4);
  const to = colors.classes[c] ?? colors.neutral;
  const from = colors.neutral;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1, Math.max(0, grid.values[i * grid.channels + c] ?? 0));
    for (let ch = 0; ch < 3; ch++) out[4 * i + ch] = from[ch]! + (to[ch]! - from[ch]!) * p;
    out[4 * i + 3] = 255;
  }
  return out;
}
