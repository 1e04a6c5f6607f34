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
  const busy = phase === 'starting';
  const running = phase === 'running';
  return (
    <div className="transport" role="group" aria-label="Training">
      <button type="button" className="primary" onClick={onTrain} disabled={busy || running || phase === 'error'}>
        Train
      </button>
      <button type="button" onClick={onPause} disabled={!running}>
        Pause
      </button>
      <button type="button" onClick={onStep} disabled={busy || running || phase === 'error'}>
        Step
      </button>
      <button type="button" onClick={onReset} disabled={busy}>
        Reset
      </button>
    </div>
  );
}
