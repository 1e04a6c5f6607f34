import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Part } from '../../embed/Widget';
import { WidgetTools } from '../../embed/WidgetTools';
import { useEmbedTarget, type EmbedTarget } from '../../embed/targets';
import type { BackendChoice } from '../../ml/backend-names';
import type { RnnHyper, RnnSpec, RnnView } from '../../ml/tasks/rnn';
import { useTrainingSession } from '../../state/useTrainingSession';
import { GapChart, type GapPoint } from './GapChart';
import { WidgetHeading } from '../../embed/WidgetHeading';

export const GAP_GRID = [5, 10, 20, 30] as const;
export const GAP_CELLS = ['simple', 'lstm', 'gru'] as const;
export const GAP_STEPS = 150;
/** The URL keys this widget reads (it has no control of its own for them). */
export const GAP_KEYS = ['mbias'] as const;
const CHUNK = 25;
const SYMBOLS = 4;
const CELL_NAMES: Record<string, string> = { simple: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' };

const HYPER: RnnHyper = { learningRate: 0.01, optimizer: 'adam', batchSize: 32, clip: true, clipNorm: 1, temperature: 1 };

/** Where the experiment is, as data, so it reads in the current language. */
type Progress =
  | { kind: 'idle' }
  | { kind: 'training'; cell: string; gap: number; i: number; n: number }
  | { kind: 'done'; n: number }
  | { kind: 'cancelled'; done: number; n: number };

/**
 * Trains each (cell, gap) of the grid for GAP_STEPS steps in its own worker session (one after the
 * other, fresh weights each time) and plots the evaluation accuracy reached against the gap.
 */
export function GapExperiment({ backend, memoryBias }: { backend: BackendChoice; memoryBias: number }) {
  const { t } = useTranslation('rnn');
  const [session] = useTrainingSession<'rnn'>();
  const [points, setPoints] = useState<GapPoint[]>([]);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const cancelled = useRef(false);
  const runningRef = useRef(false);
  const latest = useRef<RnnView | null>(null);

  useEffect(
    () =>
      session.subscribeEvents((e) => {
        if (e.type === 'metrics') latest.current = e.batch.view;
        else if (e.type === 'ready' || e.type === 'view') latest.current = e.view;
      }),
    [session],
  );

  const waitForView = async (step: number): Promise<RnnView | null> => {
    for (let i = 0; i < 100; i++) {
      const v = latest.current;
      if (v && v.step >= step) return v;
      await new Promise((r) => setTimeout(r, 20));
    }
    return latest.current;
  };

  const run = async () => {
    if (runningRef.current) return;
    runningRef.current = true;
    cancelled.current = false;
    setRunning(true);
    setPoints([]);
    const total = GAP_GRID.length * GAP_CELLS.length;
    let done = 0;
    try {
      for (const gap of GAP_GRID) {
        for (const cell of GAP_CELLS) {
          if (cancelled.current) return;
          setProgress({ kind: 'training', cell: CELL_NAMES[cell]!, gap, i: done + 1, n: total });
          const spec: RnnSpec = {
            kind: 'rnn',
            task: 'recall',
            cell,
            hidden: 16,
            layers: 1,
            seqLen: gap + 2,
            seed: 1,
            memoryBias,
            recall: { gap, symbols: SYMBOLS },
          };
          latest.current = null;
          await session.init(spec, HYPER, backend);
          for (let s = 0; s < GAP_STEPS; s += CHUNK) {
            if (cancelled.current) return;
            await session.step(Math.min(CHUNK, GAP_STEPS - s));
          }
          const v = await waitForView(GAP_STEPS);
          const acc = v?.evalAccuracy;
          done++;
          if (acc !== null && acc !== undefined && Number.isFinite(acc)) {
            setPoints((p) => [...p, { cell, gap, accuracy: acc }]);
          }
        }
      }
      setProgress({ kind: 'done', n: total });
    } finally {
      if (cancelled.current) setProgress({ kind: 'cancelled', done, n: total });
      runningRef.current = false;
      setRunning(false);
    }
  };

  // The host page of an embedded widget drives the experiment: start runs it, pause and reset cancel it.
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  const target = useMemo<EmbedTarget>(
    () => ({
      train: () => runRef.current(),
      pause: () => {
        cancelled.current = true;
      },
      step: () => {},
      reset: () => {
        cancelled.current = true;
        if (!runningRef.current) {
          setPoints([]);
          setProgress({ kind: 'idle' });
        }
      },
      subscribe: session.subscribe,
      getState: session.getState,
    }),
    [session],
  );
  useEmbedTarget(target);

  const progressText =
    progress.kind === 'training'
      ? t('gap.progress', { cell: progress.cell, gap: progress.gap, i: progress.i, n: progress.n })
      : progress.kind === 'done'
        ? t('gap.done', { n: progress.n, steps: GAP_STEPS })
        : progress.kind === 'cancelled'
          ? t('gap.cancelled', { done: progress.done, n: progress.n })
          : '';

  return (
    <section className="rnn-gap" aria-label={t('gap.region')}>
      <div className="rnn-widget-head">
        <WidgetHeading>{t('gap.title')}</WidgetHeading>
        <WidgetTools />
      </div>
      <Part name="explanation">
        <p>{t('gap.why')}</p>
        <p>
          {t('gap.setup', {
            bias: memoryBias,
            steps: GAP_STEPS,
            symbols: SYMBOLS,
            chance: 100 / SYMBOLS,
            gaps: GAP_GRID.join(', '),
          })}
        </p>
      </Part>
      <Part name="controls">
        <div className="rnn-row">
          {running ? (
            <button type="button" onClick={() => (cancelled.current = true)}>
              {t('gap.cancel')}
            </button>
          ) : (
            <button type="button" onClick={() => void run()}>
              {t('gap.run')}
            </button>
          )}
          <span className="rnn-progress" data-testid="gap-progress" aria-live="polite">
            {progressText}
          </span>
        </div>
      </Part>
      <Part name="chart">
        <GapChart
          points={points}
          gaps={GAP_GRID}
          cells={GAP_CELLS}
          names={CELL_NAMES}
          chance={1 / SYMBOLS}
          label={t('gap.chartImg')}
          gapWord={t('gap.gapCol')}
        />
        <ul className="rnn-legend">
          {GAP_CELLS.map((cell, i) => (
            <li key={cell}>
              <span className="rnn-swatch" style={{ background: `var(--series-${i + 1})` }} /> {CELL_NAMES[cell]}
            </li>
          ))}
          <li>
            <span className="rnn-swatch rnn-dash" /> {t('gap.chance')}
          </li>
        </ul>
        {points.length > 0 && (
          <table className="rnn-table">
            <caption className="visually-hidden">{t('gap.tableCaption', { steps: GAP_STEPS })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gap.gapCol')}</th>
                {GAP_CELLS.map((cell) => (
                  <th key={cell} scope="col">
                    {CELL_NAMES[cell]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {GAP_GRID.map((gap) => (
                <tr key={gap}>
                  <th scope="row">{gap}</th>
                  {GAP_CELLS.map((cell) => {
                    const p = points.find((q) => q.cell === cell && q.gap === gap);
                    return <td key={cell}>{p ? `${Math.round(p.accuracy * 100)}%` : '–'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Part>
    </section>
  );
}
