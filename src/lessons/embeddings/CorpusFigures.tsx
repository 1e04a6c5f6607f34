import { useTranslation } from 'react-i18next';
import { fmt, fmtInt } from '../../format';
import type { Word2VecView } from '../../ml/tasks/word2vec';

const pct = (x: number) => `${(x * 100).toPrecision(3)}%`;

/**
 * The corpus's own counts behind the prose: who gets subsampled, where negatives come from, the
 * co-occurrence row GloVe would factorise and the n-grams FastText would add up, for the typed word.
 */
export function CorpusFigures({ view }: { view: Word2VecView }) {
  const { t } = useTranslation('emb');
  const q = view.query;
  const sub = view.settings.sample > 0;
  return (
    <div className="emb-figures">
      {sub ? (
        <table className="emb-table">
          <caption>{t('figures.subCaption', { t: view.settings.sample.toExponential(1) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.word')}</th>
              <th scope="col">{t('figures.count')}</th>
              <th scope="col">{t('figures.share')}</th>
              <th scope="col">{t('figures.keep')}</th>
            </tr>
          </thead>
          <tbody>
            {view.subsampling.map((r) => (
              <tr key={r.word}>
                <th scope="row">{r.word}</th>
                <td>{fmtInt(r.count)}</td>
                <td>{pct(r.share)}</td>
                <td>{pct(r.keep)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="emb-note">{t('figures.subOff')}</p>
      )}
      <table className="emb-table">
        <caption>{t('figures.noiseCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.word')}</th>
            <th scope="col">{t('figures.unigram')}</th>
            <th scope="col">{t('figures.noise')}</th>
          </tr>
        </thead>
        <tbody>
          {view.noise.map((r) => (
            <tr key={r.word}>
              <th scope="row">{r.word}</th>
              <td>{pct(r.unigram)}</td>
              <td>{pct(r.noise)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {q.status === 'ok' ? (
        <>
          <table className="emb-table">
            <caption>
              {t('figures.coocCaption', {
                word: q.word,
                w: q.cooccurrence.window,
                total: fmtInt(q.cooccurrence.total),
                distinct: fmtInt(q.cooccurrence.distinct),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.word')}</th>
                <th scope="col">X</th>
                <th scope="col">{t('figures.logX')}</th>
              </tr>
            </thead>
            <tbody>
              {q.cooccurrence.top.map((r) => (
                <tr key={r.word}>
                  <th scope="row">{r.word}</th>
                  <td>{fmtInt(r.count)}</td>
                  <td>{fmt(Math.log(r.count), 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <figure className="emb-ngrams">
            <figcaption>{t('figures.ngramCaption', { word: q.word, n: fmtInt(view.corpus.vocab) })}</figcaption>
            <ul>
              {q.ngrams.map((g) => (
                <li key={g.gram}>
                  <code>{g.gram}</code> <span>{fmtInt(g.words)}</span>
                </li>
              ))}
            </ul>
          </figure>
        </>
      ) : (
        <p className="emb-note">{t('figures.typeWord')}</p>
      )}
    </div>
  );
}
