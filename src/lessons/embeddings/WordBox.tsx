import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Word2VecView } from '../../ml/tasks/word2vec';
import { NeighbourList } from './NeighbourList';

interface Props {
  value: string;
  onChange: (w: string) => void;
  view: Word2VecView | null;
  /** The corpus's tokens are single characters (Chinese). */
  characters: boolean;
}

/** A typed word and its nearest neighbours by cosine similarity, from the worker's live vectors. */
export function WordBox({ value, onChange, view, characters }: Props) {
  const { t } = useTranslation('emb');
  const id = useId();
  const q = view?.query ?? null;
  // The worker answers for the word it was last sent; while it catches up, keep the old answer.
  let message: string | null = null;
  if (!value.trim()) message = t('word.empty');
  else if (q?.status === 'unknown') message = t(characters ? 'word.unknownChars' : 'word.unknown', { word: q.word, n: view!.corpus.vocab.toLocaleString('en'), min: view!.corpus.minCount });
  const ok = q?.status === 'ok' && value.trim() ? q : null;
  return (
    <div className="emb-word">
      <div className="control">
        <label htmlFor={id} className="control-label">
          {t('word.label')}
        </label>
        <input
          id={id}
          type="text"
          value={value}
          placeholder={t(characters ? 'word.placeholderChars' : 'word.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <p className="emb-msg" aria-live="polite">
        {message ?? (ok ? t('word.meta', { word: ok.word, count: ok.count.toLocaleString('en') }) : '')}
      </p>
      <NeighbourList label={t('word.list')} items={ok?.neighbours ?? []} />
    </div>
  );
}
