import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtInt } from '../format';
import { runName, type RunsController } from './useRuns';

/**
 * "Rewind to step": a slider over the live run's snapshots (arrow keys move one snapshot).
 * Moving it pauses and puts that step's weights back in the worker, so every view of the lab
 * shows that step; "Continue from here" trains on from it as a new run.
 */
export function RewindControl({ c }: { c: RunsController }) {
  const { t } = useTranslation('runs');
  const id = useId();
  const { steps, rewoundTo, liveId } = c.rec;
  if (!liveId || steps.length === 0) return null;
  const live = c.manager.run(liveId);
  const index = rewoundTo === null ? steps.length - 1 : Math.max(0, steps.indexOf(rewoundTo));
  const step = steps[index] ?? 0;
  return (
    <div className="runs-rewind">
      <label htmlFor={id} className="control-label">
        {t('rewind')}
      </label>
      <div className="runs-rewind-row">
        <input
          id={id}
          type="range"
          min={0}
          max={steps.length - 1}
          step={1}
          value={index}
          aria-valuetext={fmtInt(step)}
          onChange={(e) => void c.recorder.rewindTo(Number(e.target.value))}
        />
        {/* Not <output>: that is a status region, and the lab's one status region is its status line. */}
        <span className="runs-rewind-value" data-testid="rewind-step" data-value={step} aria-hidden="true">
          {fmtInt(step)}
        </span>
      </div>
      {rewoundTo !== null && (
        <p className="runs-rewound">
          {t('rewoundTo', { step: fmtInt(rewoundTo), name: live ? runName(live, t) : '' })}{' '}
          <button type="button" onClick={() => void c.recorder.continueFromHere()}>
            {t('continue')}
          </button>
        </p>
      )}
      <p className="control-hint">{t('rewindHint')}</p>
    </div>
  );
}
