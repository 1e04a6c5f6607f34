import { useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Tex } from '../../components/math/Tex';
import { Select } from '../../components/controls/Select';
import { Part } from '../../embed/Widget';
import type { Padding } from '../../ml/cnn/architecture';
import { fmt, tex } from '../../format';
import { maxAbs } from '../../viz/image-grid';
import { CellGrid, cellText, signedFill } from './CellGrid';
import { clean, DEMO_IMAGE, DEMO_SIZE, demoConv, KERNEL_PRESETS, outputSizeTex, pool2x2, poolWindow, windowTex } from './conv-demo';
import type { ExplainerValues } from './params';
import * as T from './tex';

const PLAY_MS = 1100;
const STRIDE_OPTIONS = [
  { value: '1', label: '1' },
  { value: '2', label: '2' },
];

/** Step / back / play through the positions of a window sweep. */
function useSweep(total: number) {
  const [pos, setPos] = useState(0);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing || total <= 1) return;
    const t = setInterval(() => setPos((p) => (p + 1) % total), PLAY_MS);
    return () => clearInterval(t);
  }, [playing, total]);
  const p = Math.min(pos, total - 1);
  return {
    pos: p,
    playing,
    back: () => setPos(Math.max(0, p - 1)),
    next: () => setPos(Math.min(total - 1, p + 1)),
    toggle: () => setPlaying((v) => !v),
  };
}

function SweepButtons({ s, total }: { s: ReturnType<typeof useSweep>; total: number }) {
  const { t } = useTranslation('cnn');
  return (
    <div className="cnn-inline-buttons">
      <button type="button" onClick={s.back} disabled={s.pos === 0}>
        {t('conv.previous')}
      </button>
      <button type="button" onClick={s.next} disabled={s.pos >= total - 1}>
        {t('conv.next')}
      </button>
      <button type="button" onClick={s.toggle} aria-pressed={s.playing}>
        {s.playing ? t('conv.stop') : t('conv.play')}
      </button>
      <span className="cnn-muted" aria-live="polite">
        {t('conv.position', { n: s.pos + 1, total })}
      </span>
    </div>
  );
}

interface Props {
  values: ExplainerValues;
  update: (patch: Partial<ExplainerValues>) => void;
}

/** A 3×3 kernel sliding over a 6×6 image, one output cell at a time, with its multiply-add written out. */
export function ConvExplainer({ values, update }: Props) {
  const { t } = useTranslation('cnn');
  const padding = values.xpad as Padding;
  const conv = useMemo(() => demoConv(values.xk, padding, values.xs), [values.xk, padding, values.xs]);
  const total = conv.outHeight * conv.outWidth;
  const s = useSweep(total);
  const i = Math.floor(s.pos / conv.outWidth);
  const j = s.pos % conv.outWidth;
  const n = DEMO_SIZE + conv.before + conv.after;
  const outScale = maxAbs(conv.output);
  const kScale = maxAbs(conv.kernel.data);
  const px = (r: number, c: number) => {
    const rr = r - conv.before;
    const cc = c - conv.before;
    return rr < 0 || cc < 0 || rr >= DEMO_SIZE || cc >= DEMO_SIZE ? null : (DEMO_IMAGE.data[rr * DEMO_SIZE + cc] ?? 0);
  };
  const stride = values.xs;
  const padded = conv.before + conv.after > 0;
  const kernelOptions = KERNEL_PRESETS.map((k) => ({ value: k, label: t(`conv.kernels.${k}`) }));
  const paddingOptions: { value: Padding; label: string }[] = [
    { value: 'valid', label: t('conv.padValid') },
    { value: 'same', label: t('conv.padSame') },
  ];

  return (
    <section className="cnn-explainer" aria-label={t('conv.region')}>
      <Part name="controls">
        <div className="controls cnn-explainer-controls">
          <Select label={t('conv.kernel')} value={values.xk} options={kernelOptions} onChange={(xk) => update({ xk })} urlKey="xk" />
          <Select label={t('conv.padding')} value={padding} options={paddingOptions} onChange={(xpad) => update({ xpad })} urlKey="xpad" />
          <Select
            label={t('conv.stride')}
            value={String(stride)}
            options={STRIDE_OPTIONS}
            onChange={(v) => update({ xs: Number(v) })}
            urlKey="xs"
          />
        </div>
      </Part>
      <div className="cnn-grids">
        <figure>
          <CellGrid
            rows={n}
            cols={n}
            text={(r, c) => String(px(r, c) ?? 0)}
            fill={(r, c) => (px(r, c) ? [60, 66, 76] : null)}
            kind={(r, c) => (px(r, c) === null ? 'pad' : null)}
            window={{ row: i * stride, col: j * stride, height: 3, width: 3 }}
            label={t(padded ? 'conv.inputAriaPadded' : 'conv.inputAria', { size: DEMO_SIZE, i, j })}
          />
          <figcaption>{t(padded ? 'conv.inputPadded' : 'conv.input', { size: DEMO_SIZE })}</figcaption>
        </figure>
        <span className="cnn-op" aria-hidden="true">
          ⋆
        </span>
        <figure>
          <CellGrid
            rows={3}
            cols={3}
            text={(r, c) => fmt(clean(conv.kernel.data[r * 3 + c] ?? 0), 2)}
            fill={(r, c) => signedFill(conv.kernel.data[r * 3 + c] ?? 0, kScale)}
            label={t('conv.kernelAria', { name: t(`conv.kernels.${values.xk}`) })}
          />
          <figcaption>{t('conv.kernelCaption')}</figcaption>
        </figure>
        <span className="cnn-op" aria-hidden="true">
          =
        </span>
        <figure>
          <CellGrid
            rows={conv.outHeight}
            cols={conv.outWidth}
            text={(r, c) => (r * conv.outWidth + c <= s.pos ? cellText(conv.output[r * conv.outWidth + c] ?? 0) : '')}
            fill={(r, c) => (r * conv.outWidth + c <= s.pos ? signedFill(conv.output[r * conv.outWidth + c] ?? 0, outScale) : null)}
            kind={(r, c) => (r === i && c === j ? 'current' : null)}
            label={t('conv.outputAria', { h: conv.outHeight, w: conv.outWidth, i, j, value: fmt(conv.output[s.pos]) })}
          />
          <figcaption>{t('conv.output', { h: conv.outHeight, w: conv.outWidth })}</figcaption>
        </figure>
      </div>
      <SweepButtons s={s} total={total} />
      <div className="cnn-window-math" data-testid="conv-window-math">
        <Tex block math={windowTex(conv, i, j)} />
      </div>
      <p>
        <Trans
          t={t}
          i18nKey="conv.windowStart"
          components={{
            row: <Tex math={`s\\,i ${conv.before ? `- p = ${stride}\\cdot${i} - ${conv.before}` : `= ${stride}\\cdot ${i}`} = ${stride * i - conv.before}`} />,
            col: <Tex math={`${stride * j - conv.before}`} />,
          }}
        />
      </p>
      <Tex block math={outputSizeTex(DEMO_SIZE, 3, conv.before, conv.after, stride)} />
      {padding === 'same' && stride === 2 && (
        <p className="cnn-muted">
          <Trans t={t} i18nKey="conv.sameStride2" components={{ before: <Tex math={T.SAME_BEFORE} />, after: <Tex math={T.SAME_AFTER} /> }} />
        </p>
      )}
    </section>
  );
}

/** Max-pooling 2×2 with stride 2 of the explainer's output after ReLU. */
export function PoolExplainer({ values }: { values: ExplainerValues }) {
  const { t } = useTranslation('cnn');
  const conv = useMemo(() => demoConv(values.xk, values.xpad as Padding, values.xs), [values.xk, values.xpad, values.xs]);
  const relu = useMemo(() => conv.output.map((v) => (v > 0 ? v : 0)), [conv]);
  const h = conv.outHeight;
  const w = conv.outWidth;
  const pooled = useMemo(() => pool2x2(relu, h, w), [relu, h, w]);
  const total = pooled.outHeight * pooled.outWidth;
  const s = useSweep(Math.max(1, total));
  if (total === 0) {
    return <p className="cnn-muted">{t('pool.tooSmall', { h, w })}</p>;
  }
  const i = Math.floor(s.pos / pooled.outWidth);
  const j = s.pos % pooled.outWidth;
  const win = poolWindow(relu, w, i, j);
  const scale = maxAbs(relu);
  const dropped = (r: number, c: number) => r >= 2 * pooled.outHeight || c >= 2 * pooled.outWidth;
  const list = win.map((v) => tex(v, 3)).join(',\\ ');
  return (
    <section className="cnn-explainer" aria-label={t('pool.region')}>
      <div className="cnn-grids">
        <figure>
          <CellGrid
            rows={h}
            cols={w}
            text={(r, c) => cellText(relu[r * w + c] ?? 0)}
            fill={(r, c) => signedFill(relu[r * w + c] ?? 0, scale)}
            kind={(r, c) => (dropped(r, c) ? 'dropped' : null)}
            window={{ row: 2 * i, col: 2 * j, height: 2, width: 2 }}
            label={t('pool.mapAria', { h, w, i, j })}
          />
          <figcaption>{t(h % 2 === 1 || w % 2 === 1 ? 'pool.mapDropped' : 'pool.map', { h, w })}</figcaption>
        </figure>
        <span className="cnn-op" aria-hidden="true">
          →
        </span>
        <figure>
          <CellGrid
            rows={pooled.outHeight}
            cols={pooled.outWidth}
            text={(r, c) => (r * pooled.outWidth + c <= s.pos ? cellText(pooled.max[r * pooled.outWidth + c] ?? 0) : '')}
            fill={(r, c) => (r * pooled.outWidth + c <= s.pos ? signedFill(pooled.max[r * pooled.outWidth + c] ?? 0, scale) : null)}
            kind={(r, c) => (r === i && c === j ? 'current' : null)}
            label={t('pool.pooledAria', { h: pooled.outHeight, w: pooled.outWidth })}
          />
          <figcaption>{t('pool.pooled', { h: pooled.outHeight, w: pooled.outWidth })}</figcaption>
        </figure>
      </div>
      <SweepButtons s={s} total={total} />
      <Tex
        block
        math={`z_{${i},${j}} = \\max(${list}) = ${tex(pooled.max[s.pos], 3)}`}
      />
      <p>
        {t('pool.average')}{' '}
        <Tex math={`\\tfrac14(${win.map((v) => tex(v, 3)).join(' + ')}) = ${tex(pooled.avg[s.pos], 3)}`} />
      </p>
      <Tex
        block
        math={`\\begin{aligned} n_{\\text{out}} &= \\left\\lfloor \\frac{n - 2}{2} \\right\\rfloor + 1 \\\\ &= \\left\\lfloor \\frac{${h} - 2}{2} \\right\\rfloor + 1 = ${pooled.outHeight} \\end{aligned}`}
      />
    </section>
  );
}
