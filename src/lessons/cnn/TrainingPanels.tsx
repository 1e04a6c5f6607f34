import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Slider } from '../../components/controls/Slider';
import { themeColors } from '../../components/viz/theme-colors';
import { useElementWidth } from '../../components/charts/useElementWidth';
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
  if (!filters && !isMlp) return <p className="cnn-muted">Appear when the model is built.</p>;
  if (!filters) {
    return (
      <p className="cnn-muted">
        The MLP has no convolution filters: its first layer connects every one of the 784 pixels to each of its 128
        units, with a separate weight for each connection.
      </p>
    );
  }
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
        ariaLabel={`${filters.count} learned ${filters.size}×${filters.size} filters of layer ${filters.layer} at step ${step}`}
        testId="filters"
        data={{ checksum, step }}
      />
      <figcaption>
        <span className="cnn-scale" aria-hidden="true">
          <i className="neg" />
          <i className="zero" />
          <i className="pos" />
        </span>{' '}
        {filters.count} filters of {filters.layer}, {filters.size}×{filters.size} weights each: blue = {fmt(-scale, 2)}, white = 0,
        red = {fmt(scale, 2)}. They start as random noise (He initialisation) and change at every step.
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
  return (
    <div className="cnn-maps">
      <div className="cnn-maps-pick">
        {maps ? (
          <PixelImage values={maps.input} width={28} height={28} px={84} label={`Test digit ${maps.testIndex}, labelled ${maps.label}`} />
        ) : (
          <div className="pixel-placeholder" />
        )}
        <div className="cnn-maps-controls">
          <Slider
            label="Test image"
            value={testIndex}
            min={0}
            max={Math.max(0, testCount - 1)}
            step={1}
            format={(i) => `#${i}${maps && maps.testIndex === i ? ` (a ${maps.label})` : ''}`}
            onChange={(i) => onPick(Math.round(i))}
          />
          <div className="cnn-inline-buttons">
            <button type="button" onClick={() => onPick(Math.max(0, testIndex - 1))} disabled={testIndex <= 0}>
              Previous image
            </button>
            <button type="button" onClick={() => onPick(Math.min(testCount - 1, testIndex + 1))} disabled={testIndex >= testCount - 1}>
              Next image
            </button>
          </div>
        </div>
      </div>
      {maps === null && (
        <p className="cnn-muted">
          {isMlp ? 'The MLP has no feature maps: it sees the digit as one long vector of 784 numbers.' : 'Appear when the model is built.'}
        </p>
      )}
      {maps?.layers.map((l) => (
        <div key={l.layer} className="cnn-map-layer">
          <h4>
            {l.layer}: {l.channels} maps of {l.height}×{l.width}
          </h4>
          <ImageGrid
            values={l.values}
            count={l.channels}
            tileW={l.width}
            tileH={l.height}
            mode="activation"
            tilePx={l.height >= 20 ? 52 : 40}
            gap={3}
            ariaLabel={`${l.channels} feature maps of ${l.layer} for test digit ${maps.testIndex} at step ${maps.atStep}`}
          />
        </div>
      ))}
      {maps && maps.layers.length > 0 && (
        <p className="cnn-caption">
          Each map is one filter's response (after ReLU) at every position of the image, at step {fmtInt(maps.atStep)}, scaled
          to its own maximum (yellow); a dark map did not respond anywhere on this digit.
        </p>
      )}
    </div>
  );
});

/** Row = true digit, column = predicted digit, from the latest evaluation on the test set. */
export const ConfusionPanel = memo(function ConfusionPanel({ evaluation }: { evaluation: MnistEvaluation | null }) {
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ truth: number; predicted: number } | null>(null);
  const layout = confusionLayout(Math.min(width || 360, 420));
  const top = useMemo(() => (evaluation ? topConfusions(evaluation.confusion, 3) : []), [evaluation]);
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
    });
  });
  if (!evaluation) return <p className="cnn-muted">Appears after the first evaluation on the test digits.</p>;
  const hoverCount = hover ? evaluation.confusion[hover.truth * 10 + hover.predicted] ?? 0 : 0;
  const summary =
    top.length > 0
      ? `Most frequent mistakes: ${top.map((t) => `${t.truth} read as ${t.predicted} (${t.count})`).join(', ')}.`
      : 'No mistakes.';
  return (
    <div ref={wrapRef} className="cnn-confusion">
      <canvas
        ref={canvasRef}
        style={{ width: layout.width, height: layout.height }}
        role="img"
        aria-label={`Confusion matrix of ${evaluation.testCount} test digits at step ${evaluation.atStep}. ${summary}`}
        onPointerMove={(e) => setHover(confusionCellAt(layout, e.nativeEvent.offsetX, e.nativeEvent.offsetY))}
        onPointerLeave={() => setHover(null)}
      />
      <p className="cnn-caption">
        {hover
          ? `True ${hover.truth}, predicted ${hover.predicted}: ${hoverCount} of the ${evaluation.testCount} test digits.`
          : `${summary} Diagonal = correct (${pct(evaluation.testAccuracy)} of ${fmtInt(evaluation.testCount)}), at step ${fmtInt(evaluation.atStep)}.`}
      </p>
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
  const items = evaluation?.misclassified;
  const images = useMemo(
    () => (pack && items ? items.map((m) => Float32Array.from(digitAt(pack, m.record).pixels, (v) => v / 255)) : []),
    [pack, items],
  );
  if (!evaluation) return <p className="cnn-muted">Appears after the first evaluation on the test digits.</p>;
  if (evaluation.misclassifiedCount === 0) return <p>Every test digit is classified correctly.</p>;
  if (packError) return <p className="cnn-muted">The digits could not be loaded for drawing ({packError}).</p>;
  return (
    <div>
      <p className="cnn-caption">
        {fmtInt(evaluation.misclassifiedCount)} of {fmtInt(evaluation.testCount)} test digits are wrong at step{' '}
        {fmtInt(evaluation.atStep)}
        {evaluation.misclassifiedCount > (items?.length ?? 0) ? `; the first ${items?.length ?? 0} are shown` : ''}. Label → prediction
        (confidence); click one to see its feature maps.
      </p>
      <ul className="cnn-wrong" data-testid="misclassified">
        {items?.map((m, i) => (
          <li key={m.testIndex}>
            <button
              type="button"
              className={m.testIndex === selected ? 'selected' : undefined}
              onClick={() => onPick(m.testIndex)}
              aria-label={`Test digit ${m.testIndex}: a ${m.label} read as ${m.predicted} with confidence ${pct(m.confidence)}`}
            >
              {images[i] ? <PixelImage values={images[i]} width={28} height={28} px={42} label="" /> : <span className="pixel-placeholder small" />}
              <span>
                {m.label}→{m.predicted} <small>{fmt(100 * m.confidence, 2)}%</small>
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
  const rows = 3;
  const count = 10 * rows;
  // Records are stored round-robin over the classes (0, 1, …, 9, 0, 1, …): the first 30 are 3 of each.
  const labels = useMemo(() => (pack ? Array.from({ length: count }, (_, i) => String(pack.labels[i])) : []), [pack, count]);
  if (error) return <p className="cnn-muted">The sample digits could not be loaded ({error}).</p>;
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
      ariaLabel={`${count} handwritten digits from the MNIST data, three of each class 0 to 9`}
      testId="sample-digits"
    />
  );
});
