import { fmt, fmtInt, fmtRate } from '../format';
import type { SessionState } from '../state/training-session';

const PHASE_TEXT: Record<SessionState<unknown>['phase'], string> = {
  starting: 'starting',
  ready: 'ready',
  running: 'training',
  paused: 'paused',
  diverged: 'paused: diverged',
  error: 'stopped: error',
};

/** The live status line: backend, step, latest loss, speed. Its numbers are the engine's own. */
export function StatusBar({ state }: { state: SessionState<unknown> }) {
  return (
    <div className="status-bar" role="status" aria-live="polite" aria-atomic="true" data-phase={state.phase}>
      <span data-testid="status-backend">{state.backend ? state.backend.label : 'starting…'}</span>
      <span>
        step <b data-testid="status-step" data-value={state.step}>{fmtInt(state.step)}</b>
      </span>
      <span>
        loss <b data-testid="status-loss" data-value={state.loss ?? ''}>{fmt(state.loss)}</b>
      </span>
      <span className="status-phase">{PHASE_TEXT[state.phase]}</span>
      {state.phase === 'running' && (
        <span className="status-speed">
          {fmtRate(state.stepsPerSec)} steps/s · {fmtRate(state.examplesPerSec)} examples/s
        </span>
      )}
      {state.restartNotice && <span className="status-note">{state.restartNotice}</span>}
    </div>
  );
}
