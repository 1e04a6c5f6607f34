import { useTranslation } from 'react-i18next';
import { TryThisList } from '../../components/TryThisList';
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
  return (
    <TryThisList
      items={EXPERIMENTS}
      heading={t('tryThis.heading')}
      level={3}
      className="try-this emb-try"
      regionLabel={t('tryThis.heading')}
      title={(e) => t(`tryThis.${e.id}`)}
      hint={(e) => t(`tryThis.${e.id}Hint`)}
      onTry={onTry}
    />
  );
}
