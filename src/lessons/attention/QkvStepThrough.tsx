import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Select } from '../../components/controls/Select';
import { useScrollCue } from '../../components/math/scroll-cue';
import { Tex } from '../../components/math/Tex';
import { Part } from '../../embed/Widget';
import { fmt, tex } from '../../format';
import { useLang } from '../../i18n';
import type { QkvTrace } from '../../ml/attention/qkv-trace';
import type { Selection } from './HeatmapGrid';
import { QKV_MATH } from './QkvMath';

interface Props {
  /** The engine's trace for the selection (null before the first view). */
  trace: QkvTrace | null;
  /** Token label per position of the probe. */
  labels: readonly string[];
  layers: number;
  heads: number;
  T: number;
  causal: boolean;
  onSelect: (s: Selection) => void;
}

/** A row vector for KaTeX: every entry when short, else the first few, ⋯, and the last. */
export function vecTex(v: ArrayLike<number>, shown = 4): string {
  const n = v.length;
  const at = (i: number) => tex(v[i], 3);
  const parts = n <= shown + 1 ? Array.from({ length: n }, (_, i) => at(i)) : [...Array.from({ length: shown }, (_, i) => at(i)), '\\cdots', at(n - 1)];
  return `\\begin{pmatrix} ${parts.join(' & ')} \\end{pmatrix}`;
}

const fixed4 = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(4) : '—');
const row = (m: Float32Array, i: number, d: number) => m.subarray(i * d, (i + 1) * d);

/** Index of the largest entry (the key the query attends to most). */
function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if ((v[i] ?? -Infinity) > (v[best] ?? -Infinity)) best = i;
  return best;
}

/** q·k_j written out term by term: the first two products, ⋯, the last, when d_k is large. */
function dotTex(q: ArrayLike<number>, k: ArrayLike<number>, j: number, value: number): string {
  const d = q.length;
  const term = (c: number) => `${tex(q[c], 3, true)} \\times ${tex(k[c], 3, true)}`;
  const terms = d <= 3 ? Array.from({ length: d }, (_, c) => term(c)) : [term(0), term(1), '\\cdots', term(d - 1)];
  const rest = terms.length > 2 ? ` \\\\ &\\quad + ${terms.slice(2).join(' + ')}` : '';
  return `\\begin{aligned} s_{${j}} = \\mathbf q\\cdot\\mathbf k_{${j}} &= ${terms.slice(0, 2).join(' + ')}${rest} \\\\ &= ${tex(value)} \\end{aligned}`;
}

/**
 * The Q/K/V step-through for one query token: q, its dot product with every key, the scaling by
 * √d_k, the softmax weights and the weighted sum of values. Every number is the engine's own
 * (read back from the forward pass); the page only lays them out, and adds up the weights.
 */
export function QkvStepThrough({ trace, labels, layers, heads, T, causal, onSelect }: Props) {
  const { t } = useTranslation('attn');
  const vectorsCue = useScrollCue<HTMLDivElement>();
  const Narrative = QKV_MATH[useLang()];
  // The full vectors are a large table: rendered only while the learner has it open.
  const [showVectors, setShowVectors] = useState(false);
  const sel = { layer: trace?.layer ?? 0, head: trace?.head ?? 0, query: trace?.query ?? 0 };
  const layerOptions = Array.from({ length: layers }, (_, l) => ({ value: String(l), label: t('trace.layerOption', { n: l + 1 }) }));
  const headOptions = Array.from({ length: heads }, (_, h) => ({ value: String(h), label: t('trace.headOption', { n: h + 1 }) }));
  const queryOptions = Array.from({ length: T }, (_, q) => ({ value: String(q), label: t('trace.queryOption', { t: q, token: labels[q] ?? '?' }) }));
  const selects = (
    <Part name="controls">
      <div className="attn-trace-selects">
        <Select
          label={t('trace.layer')}
          value={String(sel.layer)}
          options={layerOptions}
          onChange={(l) => onSelect({ ...sel, layer: Number(l) })}
          urlKey="tl"
        />
        <Select
          label={t('trace.head')}
          value={String(sel.head)}
          options={headOptions}
          onChange={(h) => onSelect({ ...sel, head: Number(h) })}
          urlKey="th"
        />
        <Select
          label={t('trace.query')}
          value={String(sel.query)}
          options={queryOptions}
          onChange={(q) => onSelect({ ...sel, query: Number(q) })}
          urlKey="tq"
        />
      </div>
    </Part>
  );
  if (!trace || trace.weights.length === 0) {
    return (
      <div className="attn-trace-body" data-testid="qkv">
        {selects}
        <p className="live-empty">{t('trace.starting')}</p>
      </div>
    );
  }

  const { q, keys, dots, scaled, weights, values, output, dK, query } = trace;
  const n = trace.T;
  const sum = Array.from(weights).reduce((a, b) => a + b, 0);
  const j = argmax(weights);
  const top = Array.from(weights, (w, i) => ({ w, i }))
    .sort((a, b) => b.w - a.w)
    .slice(0, Math.min(3, n));
  const masked = (i: number) => causal && i > query;
  const h = trace.head + 1;
  const texts = {
    qk: `\\begin{aligned} \\mathbf q &= \\mathbf x_{${query}} W_Q^{(${h})} = ${vecTex(q)} \\\\ \\mathbf k_{${j}} &= \\mathbf x_{${j}} W_K^{(${h})} = ${vecTex(row(keys, j, dK))} \\end{aligned}`,
    dot: dotTex(q, row(keys, j, dK), j, dots[j] ?? NaN),
    scale: `\\tilde s_{${j}} = \\frac{s_{${j}}}{\\sqrt{d_k}} = \\frac{${tex(dots[j])}}{\\sqrt{${dK}}} = ${tex(scaled[j])}`,
    softmax: `a_i = \\frac{e^{\\tilde s_i}}{\\sum_{i'} e^{\\tilde s_{i'}}}, \\qquad a_{${j}} = ${tex(weights[j])}`,
    sum: `\\sum_{i=0}^{${n - 1}} a_i = ${Number.isFinite(sum) ? sum.toFixed(4) : '\\text{—}'}`,
    out: `\\begin{aligned} \\mathbf o_{${query}} &= \\sum_i a_i \\mathbf v_i \\\\ &= ${top.map((x) => `${tex(x.w, 3)}\\,\\mathbf v_{${x.i}}`).join(' + ')}${n > top.length ? ' + \\cdots' : ''} \\\\ &= ${vecTex(output)} \\end{aligned}`,
  };

  return (
    <div className="attn-trace-body" data-testid="qkv" data-layer={trace.layer} data-head={trace.head} data-query={query}>
      {selects}
      <div className="attn-trace-grid">
        <div className="attn-trace-math live-math">
          <Narrative
            query={query}
            token={labels[query] ?? '?'}
            head={h}
            layer={trace.layer + 1}
            dK={dK}
            top={j}
            causalNote={causal && query < n - 1}
            tex={texts}
          />
        </div>
        <div className="attn-trace-table-wrap">
          <table className="attn-trace-table" aria-label={t('trace.table')}>
            <thead>
              <tr>
                <th scope="col">{t('trace.key')}</th>
                <th scope="col">{t('trace.token')}</th>
                <th scope="col">
                  <span aria-hidden="true">
                    <Tex math="\mathbf q\cdot\mathbf k_i" />
                  </span>
                  <span className="visually-hidden">{t('trace.dotHeader')}</span>
                </th>
                <th scope="col">
                  <span aria-hidden="true">
                    <Tex math="\div\sqrt{d_k}" />
                  </span>
                  <span className="visually-hidden">{t('trace.scaledHeader')}</span>
                </th>
                <th scope="col">
                  {t('trace.weight')} <Tex math="a_i" />
                </th>
              </tr>
            </thead>
            <tbody data-testid="qkv-weights" data-values={Array.from(weights).join(',')}>
              {Array.from({ length: n }, (_, i) => (
                <tr key={i} className={i === j ? 'attn-top' : undefined}>
                  <td>
                    {i}
                    {masked(i) && <span className="attn-masked"> {t('trace.masked')}</span>}
                  </td>
                  <td>{labels[i] ?? '?'}</td>
                  <td>{fmt(dots[i], 3)}</td>
                  <td>{fmt(scaled[i], 3)}</td>
                  <td className="attn-weight" data-value={weights[i]}>
                    <span className="attn-bar" style={{ width: `${Math.max(0, Math.min(1, weights[i] ?? 0)) * 100}%` }} />
                    <span className="attn-weight-num">{fixed4(weights[i])}</span>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t('trace.sum')}
                </th>
                <td data-testid="qkv-sum" data-value={sum}>
                  {fixed4(sum)}
                </td>
              </tr>
            </tfoot>
          </table>
          <details className="attn-vectors" open={showVectors} onToggle={(e) => setShowVectors(e.currentTarget.open)}>
            <summary>{t('trace.vectors', { count: dK })}</summary>
            {showVectors && (
              <div className="attn-vectors-scroll scroll-cue" ref={vectorsCue}>
                <table>
                  <tbody>
                    <tr>
                      <th scope="row">q</th>
                      {Array.from(q, (x, c) => (
                        <td key={c}>{fmt(x, 3)}</td>
                      ))}
                    </tr>
                    {Array.from({ length: n }, (_, i) => (
                      <tr key={`k${i}`}>
                        <th scope="row">k{i}</th>
                        {Array.from(row(keys, i, dK), (x, c) => (
                          <td key={c}>{fmt(x, 3)}</td>
                        ))}
                      </tr>
                    ))}
                    {Array.from({ length: n }, (_, i) => (
                      <tr key={`v${i}`}>
                        <th scope="row">v{i}</th>
                        {Array.from(row(values, i, dK), (x, c) => (
                          <td key={c}>{fmt(x, 3)}</td>
                        ))}
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">o</th>
                      {Array.from(output, (x, c) => (
                        <td key={c}>{fmt(x, 3)}</td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            )}
          </details>
        </div>
      </div>
    </div>
  );
}
