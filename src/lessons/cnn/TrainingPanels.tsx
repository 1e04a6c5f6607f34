import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Slider } from '../../components/controls/Slider';
import { themeColors } from '../../components/viz/theme-colors';
import { useElementWidth } from '../../components/charts/useElementWidth';
import { useLocked } from '../../embed/context';
import { digitAt, type MnistPack } from '../../datasets/mnist';
import type { FeatureMapsView, FilterView, MnistEvaluation } from '../../ml/tasks/mnist-view';
import { fmt, fmtInt } from '../../format';
import { confusionCellAt, confusionLayout, drawConfusion, topConfusions } from '../../viz/confusion-matrix';
import { maxAbs } from '../../viz/image-grid';
import { hashFloats } from './hash';
import { ImageGrid, PixelImage } from './ImageGrid';

const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${fmt(100 * v, 3)}\u00a0%`);

/** The first conv layer's k×k filters, blue < 0 < red on one shared scale. */
export const FiltersPanel = memo(function FiltersPanel({ filters, step, isMlp }: { filters: FilterView | null; step: number; isMlp: boolean }) {
  const checksum = useMemo(() => (filters ? hashFloats(filters.values) : ''), [filters]);
  const scale = useMemo(() => (filters ? maxAbs(filters.values) : 0), [filters]);
  const { t } = useTranslation('cnn');
  if (!filters && !isMlp) return <p className="cnn-muted">{t('filters.pending')}</p>;
  if (!filters) return <p className="cnn-muted">{t('filters.mlp')}</p>;
  return (
    <figure className="cnn-figure">
      <ImageGrid
        values={filters.values}
        count={filters.count}
        tileW={filters.size}
        tileH={filters.size}
        mode="diverging"
        tilePx={filters.size === 5 ? 40 : 34}
        gap={4}
        ariaLabel={t('filters.aria', { count: filters.count, size: filters.size, layer: filters.layer, step })}
        testId="filters"
        data={{ checksum, step }}
      />
      <figcaption>
        <span className="cnn-scale" aria-hidden="true">
          <i className="neg" />
          <i className="zero" />
          <i className="pos" />
        </span>{' '}
        {t('filters.caption', { count: filters.count, layer: filters.layer, size: filters.size, neg: fmt(-scale, 2), pos: fmt(scale, 2) })}
      </figcaption>
    </figure>
  );
});

interface MapsProps {
  maps: FeatureMapsView | null;
  isMlp: boolean;
  testIndex: number;
  testCount: number;
  onPick: (i: number) => void;
}

/** The selected test digit and each conv layer's feature maps for it. */
export const FeatureMapsPanel = memo(function FeatureMapsPanel({ maps, isMlp, testIndex, testCount, onPick }: MapsProps) {
  const { t } = useTranslation('cnn');
  const locked = useLocked('img');
  return (
    <div className="cnn-maps">
      <div className="cnn-maps-pick">
        {maps ? (
          <PixelImage values={maps.input} width={28} height={28} px={84} label={t('maps.digit', { index: maps.testIndex, label: maps.label })} />
        ) : (
          <div className="pixel-placeholder" />
        )}
        <div className="cnn-maps-controls">
          <Slider
            label={t('maps.testImage')}
            value={testIndex}
            min={0}
            max={Math.max(0, testCount - 1)}
            step={1}
            format={(i) =>
              maps && maps.testIndex === i ? t('maps.testImageValueLabelled', { index: i, label: maps.label }) : t('maps.testImageValue', { index: i })
            }
            onChange={(i) => onPick(Math.round(i))}
            urlKey="img"
          />
          <div className="cnn-inline-buttons">
            <button type="button" onClick={() => onPick(Math.max(0, testIndex - 1))} disabled={locked || testIndex <= 0}>
              {t('maps.previous')}
            </button>
            <button type="button" onClick={() => onPick(Math.min(testCount - 1, testIndex + 1))} disabled={locked || testIndex >= testCount - 1}>
              {t('maps.next')}
            </button>
          </div>
        </div>
      </div>
      {maps === null && (
        <p className="cnn-muted">{isMlp ? t('maps.mlp') : t('maps.pending')}</p>
      )}
      {maps?.layers.map((l) => (
        <div key={l.layer} className="cnn-map-layer">
          <h4>{t('maps.layer', { layer: l.layer, channels: l.channels, height: l.height, width: l.width })}</h4>
          <ImageGrid
            values={l.values}
            count={l.channels}
            tileW={l.width}
            tileH={l.height}
            mode="activation"
            tilePx={l.height >= 20 ? 52 : 40}
            gap={3}
            ariaLabel={t('maps.aria', { channels: l.channels, layer: l.layer, index: maps.testIndex, step: maps.atStep })}
          />
        </div>
      ))}
      {maps && maps.layers.length > 0 && (
        <p className="cnn-caption">{t('maps.caption', { step: fmtInt(maps.atStep) })}</p>
      )}
    </div>
  );
});

/** Row = true digit, column = predicted digit, from the latest evaluation on the test set. */
export const ConfusionPanel = memo(function ConfusionPanel({ evaluation }: { evaluation: MnistEvaluation | null }) {
  const { t } = useTranslation('cnn');
  const keysId = useId();
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ truth: number; predicted: number } | null>(null);
  const layout = confusionLayout(Math.min(width || 360, 420));
  const top = useMemo(() => (evaluation ? topConfusions(evaluation.confusion, 3) : []), [evaluation]);
  const axisPredicted = t('confusion.axisPredicted');
  const axisTrue = t('confusion.axisTrue');
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !evaluation) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(layout.width * dpr);
    canvas.height = Math.round(layout.height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const c = themeColors();
    drawConfusion(ctx, {
      layout,
      matrix: evaluation.confusion,
      colors: { text: c.fg, grid: c.grid, correct: c.truth, wrong: c.accent, highlight: c.fg },
      highlight: hover,
      labels: { predicted: axisPredicted, truth: axisTrue },
    });
  });
  if (!evaluation) return <p className="cnn-muted">{t('confusion.pending')}</p>;
  const hoverCount = hover ? (evaluation.confusion[hover.truth * 10 + hover.predicted] ?? 0) : 0;
  const summary =
    top.length > 0
      ? t('confusion.mostFrequent', { list: top.map((m) => t('confusion.mistake', { truth: m.truth, predicted: m.predicted, count: m.count })).join(t('confusion.sep')) })
      : t('confusion.none');
  const hoverText = hover ? t('confusion.hover', { truth: hover.truth, predicted: hover.predicted, n: hoverCount, count: evaluation.testCount }) : '';
  /** Arrow keys move a highlighted cell, as the pointer does: the keyboard way to read the matrix. */
  const onKey = (e: React.KeyboardEvent) => {
    const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Home: [-9, -9], End: [9, 9] }[e.key];
    if (!d) return;
    e.preventDefault();
    const at = hover ?? { truth: 0, predicted: 0 };
    const clamp = (v: number) => Math.max(0, Math.min(9, v));
    setHover(hover ? { truth: clamp(at.truth + d[0]!), predicted: clamp(at.predicted + d[1]!) } : at);
  };
  return (
    <div ref={wrapRef} className="cnn-confusion">
      <canvas
        ref={canvasRef}
        style={{ width: layout.width, height: layout.height }}
        role="application"
        tabIndex={0}
        aria-label={t('confusion.aria', { count: evaluation.testCount, step: evaluation.atStep, summary })}
        aria-describedby={keysId}
        onPointerMove={(e) => setHover(confusionCellAt(layout, e.nativeEvent.offsetX, e.nativeEvent.offsetY))}
        onPointerLeave={() => setHover(null)}
        onFocus={() => setHover((h) => h ?? { truth: 0, predicted: 0 })}
        onBlur={() => setHover(null)}
        onKeyDown={onKey}
      />
      <p className="cnn-caption">
        {hover
          ? hoverText
          : t('confusion.caption', {
              summary,
              accuracy: pct(evaluation.testAccuracy),
              count: fmtInt(evaluation.testCount),
              step: fmtInt(evaluation.atStep),
            })}
      </p>
      <span id={keysId} className="visually-hidden">
        {t('confusion.keys')}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {hoverText}
      </span>
    </div>
  );
});

interface WrongProps {
  evaluation: MnistEvaluation | null;
  pack: MnistPack | null;
  packError: string | null;
  selected: number;
  onPick: (testIndex: number) => void;
}

/** The currently misclassified test digits (first 32 in test order); a click shows its feature maps. */
export const MisclassifiedPanel = memo(function MisclassifiedPanel({ evaluation, pack, packError, selected, onPick }: WrongProps) {
  const { t } = useTranslation('cnn');
  const locked = useLocked('img');
  const items = evaluation?.misclassified;
  const images = useMemo(
    () => (pack && items ? items.map((m) => Float32Array.from(digitAt(pack, m.record).pixels, (v) => v / 255)) : []),
    [pack, items],
  );
  if (!evaluation) return <p className="cnn-muted">{t('wrong.pending')}</p>;
  if (evaluation.misclassifiedCount === 0) return <p>{t('wrong.allRight')}</p>;
  if (packError) return <p className="cnn-muted">{t('wrong.loadError', { error: packError })}</p>;
  return (
    <div>
      <p className="cnn-caption">
        {t('wrong.summary', { wrong: fmtInt(evaluation.misclassifiedCount), count: fmtInt(evaluation.testCount), step: fmtInt(evaluation.atStep) })}
        {evaluation.misclassifiedCount > (items?.length ?? 0) ? t('wrong.firstShown', { n: items?.length ?? 0 }) : ''}
        {t('wrong.howTo')}
      </p>
      <ul className="cnn-wrong" data-testid="misclassified">
        {items?.map((m, i) => (
          <li key={m.testIndex}>
            <button
              type="button"
              className={m.testIndex === selected ? 'selected' : undefined}
              onClick={() => onPick(m.testIndex)}
              disabled={locked}
              aria-pressed={m.testIndex === selected}
            >
              {images[i] ? <PixelImage values={images[i]} width={28} height={28} px={42} label="" /> : <span className="pixel-placeholder small" />}
              <span>
                {m.label}→{m.predicted} <small>{fmt(100 * m.confidence, 2)}%</small>
              </span>
              {/* The visible text starts the accessible name (WCAG 2.5.3); this says what it means. */}
              <span className="visually-hidden">
                {t('wrong.aria', { index: m.testIndex, label: m.label, predicted: m.predicted, confidence: pct(m.confidence) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});

/** A few digits of each class straight from the pack: what the network learns from. */
export const SampleGallery = memo(function SampleGallery({ pack, error }: { pack: MnistPack | null; error: string | null }) {
  const { t } = useTranslation('cnn');
  const rows = 3;
  const count = 10 * rows;
  // Records are stored round-robin over the classes (0, 1, …, 9, 0, 1, …): the first 30 are 3 of each.
  const labels = useMemo(() => (pack ? Array.from({ length: count }, (_, i) => String(pack.labels[i])) : []), [pack, count]);
  if (error) return <p className="cnn-muted">{t('data.error', { error })}</p>;
  if (!pack) return <div className="cnn-gallery-placeholder" aria-busy="true" />;
  return (
    <ImageGrid
      values={pack.pixels}
      count={Math.min(count, pack.count)}
      tileW={pack.cols}
      tileH={pack.rows}
      valueScale={255}
      mode="ink"
      tilePx={44}
      cols={10}
      gap={4}
      labels={labels}
      ariaLabel={t('data.gallery', { count })}
      testId="sample-digits"
    />
  );
});
