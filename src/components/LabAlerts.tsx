import { useTranslation } from 'react-i18next';
import type { SessionState } from '../state/training-session';
import { DivergenceAlert } from './DivergenceAlert';

interface Props {
  state: SessionState<unknown>;
  /** The learning rate the run used (for the divergence explanation). */
  learningRate: number;
  /** Build the model again after an error. */
  onRestart: () => void;
  onUseSuggestion: (lr: number, reset: boolean) => void;
}

/**
 * What every lab says when something went wrong: the backend it fell back
 * from, an error that stopped training (with a restart), or a divergence.
 */
export function LabAlerts({ state, learningRate, onRestart, onUseSuggestion }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {state.fallbackReason && (
        <p className="notice-inline" role="note">
          {t('status.fallback', { reason: state.fallbackReason, backend: state.backend?.label ?? '' })}
        </p>
      )}
      {state.phase === 'error' && (
        <div className="alert" role="alert">
          <strong>{t('status.stopped')}</strong> {state.error}{' '}
          <button type="button" onClick={onRestart}>
            {t('status.restart')}
          </button>
        </div>
      )}
      {state.phase === 'diverged' && state.divergence && (
        <DivergenceAlert divergence={state.divergence} learningRate={learningRate} onUseSuggestion={onUseSuggestion} />
      )}
    </>
  );
}
