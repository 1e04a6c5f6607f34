import { useTranslation } from 'react-i18next';
import { fmt } from '../../format';

/** A word near another: its cosine similarity and its count in the corpus. */
export interface Neighbour {
  word: string;
  sim: number;
  count: number;
}

/** Words ranked by cosine similarity, each with a bar, the similarity and its corpus count. */
export function NeighbourList({ label, items }: { label: string; items: readonly Neighbour[] }) {
  const { t } = useTranslation('emb');
  return (
    <ol className="emb-neighbours" aria-label={label}>
      {items.map((n) => (
        <li key={n.word}>
          <span className="emb-nb-word">{n.word}</span>
          <span className="emb-bar" style={{ width: `${Math.max(0, n.sim) * 100}%` }} aria-hidden="true" />
          <span className="emb-nb-sim">{fmt(n.sim, 3)}</span>
          <span className="emb-nb-count">{t('word.count', { n: n.count.toLocaleString('en') })}</span>
        </li>
      ))}
    </ol>
  );
}
