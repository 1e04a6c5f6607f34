import { useTranslation } from 'react-i18next';
import { fmt } from '../../format';
import type { RnnView } from '../../ml/tasks/rnn';
import { SeriesPlot } from './viz';

/** What the model does on the probe: the series forecast, the recall answer, or generated text. */
export function TaskOutput({ view }: { view: RnnView | null }) {
  const { t } = useTranslation('rnn');
  if (!view) return null;
  if (view.series) {
    const s = view.series;
    return (
      <div className="rnn-output">
        <h3>{t('output.seriesTitle')}</h3>
        <SeriesPlot
          input={s.input}
          target={s.target}
          prediction={s.prediction}
          forecast={s.forecast.prediction}
          truth={s.forecast.truth}
          label={t('views.seriesImg')}
        />
        <p className="rnn-legend-line">
          <span className="rnn-swatch rnn-truth" /> {t('output.truth')} · <span className="rnn-swatch rnn-pred" /> {t('output.pred')} ·{' '}
          <span className="rnn-swatch rnn-fore" /> {t('output.forecast', { step: s.forecast.step })} {t('output.noiseFloor', { v: fmt(s.noiseFloor, 3) })}
        </p>
      </div>
    );
  }
  if (view.recall) {
    const r = view.recall;
    return (
      <div className="rnn-output">
        <h3>{t('output.recallTitle')}</h3>
        <p className="rnn-tokens" aria-label={t('output.probeSeq')}>
          {r.labels.map((l, i) => (
            <span key={i} className={i === 0 ? 'rnn-token rnn-first' : l === '?' ? 'rnn-token rnn-query' : 'rnn-token'}>
              {l}
            </span>
          ))}
        </p>
        <ul className="rnn-probs" aria-label={t('output.probs')}>
          {Array.from(r.probs, (p, k) => (
            <li key={k} className={k === r.answer ? 'rnn-right' : ''}>
              <span className="rnn-prob-label">{String.fromCharCode(65 + k)}</span>
              <span className="rnn-bar" style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
              <span className="rnn-prob-value">{(p * 100).toFixed(0)}%</span>
            </li>
          ))}
        </ul>
        <p className="rnn-note">{t('output.answer', { a: String.fromCharCode(65 + r.answer), p: (r.chance * 100).toFixed(0) })}</p>
      </div>
    );
  }
  if (view.chars) {
    const c = view.chars;
    return (
      <div className="rnn-output">
        <h3>
          {t('output.charsTitle')} <small>{t('output.charsMeta', { tau: fmt(c.sample.temperature, 3), step: c.sample.step })}</small>
        </h3>
        <pre className="rnn-sample" aria-label={t('output.generated')}>
          <span className="rnn-prime">{c.sample.prime}</span>
          {c.sample.text}
        </pre>
      </div>
    );
  }
  return null;
}
