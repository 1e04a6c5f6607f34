import { useTranslation } from 'react-i18next';
import type { Word2VecView } from '../../ml/tasks/word2vec';

interface Props {
  probe: Word2VecView['probe'] | undefined;
  /** The corpus's tokens are single characters (Chinese). */
  characters: boolean;
}

/**
 * The neighbour check as a sentence: how many probe words (weekdays, months, number words; the
 * Song ci's numerals) have one of their kind among their 5 nearest neighbours, from the worker.
 */
export function ProbeCheck({ probe, characters }: Props) {
  const { t } = useTranslation('emb');
  if (!probe) return null;
  const n = probe.wordsRead.toLocaleString('en');
  return (
    <p className="emb-note emb-probe" data-testid="probe-score" data-value={probe.passed / probe.tested} title={t('probe.hint')}>
      <strong>{t('probe.label')}</strong>
      {t(characters ? 'probe.chars' : 'probe.words', { passed: probe.passed, tested: probe.tested })}
      <span className="emb-probe-at">{t(characters ? 'probe.atChars' : 'probe.at', { n })}</span>
    </p>
  );
}
