import { useTranslation } from 'react-i18next';
import { Part } from '../embed/Widget';
import { fmt, fmtInt, fmtRate } from '../format';
import type { SessionState } from '../state/training-session';

/** The live status line: backend, step, latest loss, speed. Its numbers are the engine's own. */
export function StatusBar({ state }: { state: SessionState<unknown> }) {
  const { t } = useTranslation();
  // After a divergence pause the last batch loss belongs to weights that were thrown away: the lab shows the restored ones.
  const loss = state.phase === 'diverged' ? null : state.loss;
  return (
    <Part name="status">
    <div className="status-bar" role="status" aria-live="polite" aria-atomic="true" data-phase={state.phase}>
      <span data-testid="status-backend">{state.backend ? state.backend.label : t('status.starting')}</span>
      <span>
        {t('status.step')} <b data-testid="status-step" data-value={state.step}>{fmtInt(state.step)}</b>
      </span>
      <span>
        {t('status.loss')} <b data-testid="status-loss" data-value={loss ?? ''}>{fmt(loss)}</b>
      </span>
      <span className="status-phase">{t(`status.phase.${state.phase}`)}</span>
      {state.phase === 'running' && (
        <span className="status-speed">
          {fmtRate(state.stepsPerSec)} {t('status.stepsPerSec')} · {fmtRate(state.examplesPerSec)} {t('status.examplesPerSec')}
        </span>
      )}
      {state.restartNotice && <span className="status-note">{state.restartNotice}</span>}
    </div>
    </Part>
  );
}
