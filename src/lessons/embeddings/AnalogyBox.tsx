import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fmt } from '../../format';
import type { Word2VecView } from '../../ml/tasks/word2vec';
import { NeighbourList } from './NeighbourList';

/**
 * When the best answer beats the runner-up by less than this cosine, it is called uncertain. On
 * this corpus the raw cosines are all high (the vectors share a common direction), so the margin,
 * not the level, tells a real answer from noise: his − he + she → her leads by ≈ 0.14 after two
 * epochs, while france − paris + london gives three unrelated words within 0.01.
 */
export const WEAK_MARGIN = 0.05;

interface Props {
  value: [string, string, string];
  onChange: (v: [string, string, string]) => void;
  view: Word2VecView | null;
}

/** a − b + c: the answer from the live vectors, and an honest word when the corpus cannot answer. */
export function AnalogyBox({ value, onChange, view }: Props) {
  const { t } = useTranslation('emb');
  const ids = [useId(), useId(), useId()];
  const names = ['a', 'b', 'c'] as const;
  const r = view?.analogy ?? null;
  const typed = value.map((w) => w.trim());
  let message: string | null = null;
  if (typed.every((w) => !w)) message = t('analogy.empty');
  else if (typed.some((w) => !w)) message = t('analogy.incomplete', { which: names.filter((_, i) => !typed[i]).join(', ') });
  else if (r?.status === 'unknown') message = t('analogy.unknown', { words: r.words.map((w) => `“${w}”`).join(', ') });
  else if (r?.status === 'repeated') message = t('analogy.repeated');
  const ok = !message && r?.status === 'ok' ? r : null;
  const best = ok?.answers[0] ?? null;
  const margin = best && ok && ok.answers[1] ? best.sim - ok.answers[1].sim : null;
  return (
    <div className="emb-analogy">
      <div className="emb-analogy-row">
        {names.map((n, i) => (
          <div className="control" key={n}>
            <label htmlFor={ids[i]} className="control-label">
              {t(`analogy.${n}`)}
            </label>
            <input
              id={ids[i]}
              type="text"
              value={value[i]}
              placeholder={t(`analogy.${n}Ph`)}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              onChange={(e) => {
                const next = [...value] as [string, string, string];
                next[i] = e.target.value;
                onChange(next);
              }}
            />
          </div>
        ))}
      </div>
      <p className="emb-msg" aria-live="polite">
        {message ?? (ok ? t('analogy.answers', { a: ok.words[0], b: ok.words[1], c: ok.words[2] }) : '')}
      </p>
      {ok && (
        <>
          <NeighbourList label={t('analogy.list')} items={ok.answers} />
          {margin !== null && margin < WEAK_MARGIN && (
            <p className="emb-weak" role="note">
              {t('analogy.weak', {
                gap: fmt(margin, 2),
                tokens: (view?.corpus.tokens ?? 0).toLocaleString('en'),
                a: ok.words[0],
                b: ok.words[1],
                c: ok.words[2],
                ca: ok.counts[0].toLocaleString('en'),
                cb: ok.counts[1].toLocaleString('en'),
                cc: ok.counts[2].toLocaleString('en'),
              })}
            </p>
          )}
          {best && ok.nearestToC === best.word && (
            <p className="emb-weak" role="note">
              {t('analogy.sameAsC', { w: best.word, c: ok.words[2] })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
