import { useTranslation } from 'react-i18next';
import { useLocked } from '../embed/context';
import type { Divergence } from '../ml/train/divergence';
import { fmt, fmtInt } from '../format';

const REASON_KEY = {
  runaway: 'diverged.runaway',
  exploding: 'diverged.exploding',
  'non-finite': 'diverged.nonFinite',
} as const satisfies Record<Divergence['reason'], string>;

interface Props {
  divergence: Divergence;
  learningRate: number;
  onUseSuggestion: (lr: number, reset: boolean) => void;
}

/** Says why a run stopped and offers a one-click way on. Never shows the bad number itself. */
export function DivergenceAlert({ divergence, learningRate, onUseSuggestion }: Props) {
  const { t } = useTranslation();
  const s = divergence.suggestedLearningRate;
  // An embedding page that locks the learning rate decides it: no buttons that would change it.
  const lrLocked = useLocked('lr');
  return (
    <div className="alert" role="alert">
      <strong>{t('diverged.title', { step: fmtInt(divergence.step) })}</strong>{' '}
      {t(REASON_KEY[divergence.reason])}{' '}
      {t('diverged.body', { lr: fmt(learningRate), suggested: fmt(s) })}
      {lrLocked ? (
        <p>{t('diverged.locked')}</p>
      ) : (
        <div className="alert-actions">
          <button type="button" onClick={() => onUseSuggestion(s, false)}>
            {t('diverged.continue', { lr: fmt(s) })}
          </button>
          <button type="button" onClick={() => onUseSuggestion(s, true)}>
            {t('diverged.reset', { lr: fmt(s) })}
          </button>
        </div>
      )}
    </div>
  );
}
