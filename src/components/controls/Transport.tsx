import { useTranslation } from 'react-i18next';
import type { Phase } from '../../state/training-session';

interface Props {
  phase: Phase;
  onTrain: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
}

/** Train / Pause / Step / Reset, enabled according to what the engine is doing. */
export function Transport({ phase, onTrain, onPause, onStep, onReset }: Props) {
  const { t } = useTranslation();
  const busy = phase === 'starting';
  const running = phase === 'running';
  return (
    <div className="transport" role="group" aria-label={t('transport.group')}>
      <button type="button" className="primary" onClick={onTrain} disabled={busy || running || phase === 'error'}>
        {t('transport.train')}
      </button>
      <button type="button" onClick={onPause} disabled={!running}>
        {t('transport.pause')}
      </button>
      <button type="button" onClick={onStep} disabled={busy || running || phase === 'error'}>
        {t('transport.step')}
      </button>
      <button type="button" onClick={onReset} disabled={busy}>
        {t('transport.reset')}
      </button>
    </div>
  );
}
