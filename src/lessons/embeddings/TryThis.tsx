import { useTranslation } from 'react-i18next';
import { isLocked, useEmbed } from '../../embed/context';

/** A ready-made setting of the embedding lab (strings: tryThis.<id>). */
export interface Experiment {
  id: 'weekdays' | 'noSub' | 'tinyDim' | 'hugeLr' | 'pronouns';
  /** URL keys to set; every other setting goes back to its default. Empty: settings untouched. */
  params: Record<string, string>;
  query?: string;
  analogy?: [string, string, string];
}

export const EXPERIMENTS: Experiment[] = [
  { id: 'weekdays', params: {}, query: 'monday' },
  { id: 'noSub', params: { sub: '0' }, query: 'monday' },
  { id: 'tinyDim', params: { dim: '2' }, query: 'two' },
  { id: 'hugeLr', params: { lr: '5' } },
  { id: 'pronouns', params: {}, analogy: ['his', 'he', 'she'] },
];

export function TryThis({ onTry }: { onTry: (e: Experiment) => void }) {
  const { t } = useTranslation('emb');
  const embed = useEmbed();
  return (
    <section className="try-this emb-try" aria-label={t('tryThis.heading')}>
      <h3>{t('tryThis.heading')}</h3>
      <ul>
        {EXPERIMENTS.map((e) => (
          <li key={e.id}>
            {/* An experiment that needs a setting the embedding page locks cannot be tried here. */}
            <button type="button" onClick={() => onTry(e)} disabled={Object.keys(e.params).some((k) => isLocked(embed, k))}>
              {t(`tryThis.${e.id}`)}
            </button>{' '}
            <span>{t(`tryThis.${e.id}Hint`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
