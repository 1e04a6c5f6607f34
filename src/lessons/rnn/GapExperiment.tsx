import { useEffect, useRef, useState } from 'react';
import type { BackendChoice } from '../../ml/backend-names';
import type { RnnHyper, RnnSpec, RnnView } from '../../ml/tasks/rnn';
import { useTrainingSession } from '../../state/useTrainingSession';
import { themeColors } from '../../components/viz/theme-colors';
import { GapChart, type GapPoint } from './viz';

export const GAP_GRID = [5, 10, 20, 30] as const;
export const GAP_CELLS = ['simple', 'lstm', 'gru'] as const;
export const GAP_STEPS = 150;
const CHUNK = 25;
const SYMBOLS = 4;
const CELL_NAMES: Record<string, string> = { simple: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' };

const HYPER: RnnHyper = { learningRate: 0.01, optimizer: 'adam', batchSize: 32, clip: true, clipNorm: 1, temperature: 1 };

/**
 * Trains each (cell, gap) of the grid for GAP_STEPS steps in its own worker session (one after the
 * other, fresh weights each time) and plots the evaluation accuracy reached against the gap.
 */
export function GapExperiment({ backend, memoryBias }: { backend: BackendChoice; memoryBias: number }) {
  const [session] = useTrainingSession<'rnn'>();
  const [points, setPoints] = useState<GapPoint[]>([]);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<string>('');
  const cancelled = useRef(false);
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
    cancelled.current = false;
    setRunning(true);
    setPoints([]);
    const total = GAP_GRID.length * GAP_CELLS.length;
    let done = 0;
    try {
      for (const gap of GAP_GRID) {
        for (const cell of GAP_CELLS) {
          if (cancelled.current) return;
          setProgress(`Training ${CELL_NAMES[cell]} at gap ${gap} (${done + 1} of ${total})…`);
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
      setProgress(`Done: ${total} runs of ${GAP_STEPS} steps each.`);
    } finally {
      if (cancelled.current) setProgress(`Cancelled after ${done} of ${total} runs.`);
      setRunning(false);
    }
  };

  const c = typeof window === 'undefined' ? null : themeColors();
  const colors: Record<string, string> = {
    simple: c?.series[0] ?? '#c2410c',
    lstm: c?.series[1] ?? '#0f766e',
    gru: c?.series[2] ?? '#6d28d9',
  };

  return (
    <section className="rnn-gap" aria-label="Gap experiment">
      <h3>Accuracy against gap</h3>
      <p>
        Each point is a fresh model (hidden size 16, one layer, Adam, learning rate 0.01, clipping at 1, memory gate
        bias {memoryBias}) trained for {GAP_STEPS} steps of 32 sequences on the recall task with {SYMBOLS} symbols
        (chance = {100 / SYMBOLS}%), then scored on a fixed evaluation set. Gaps: {GAP_GRID.join(', ')}. The runs happen
        one after another in a worker; expect a few minutes.
      </p>
      <div className="rnn-row">
        {running ? (
          <button type="button" onClick={() => (cancelled.current = true)}>
            Cancel the experiment
          </button>
        ) : (
          <button type="button" onClick={() => void run()}>
            Run the gap experiment
          </button>
        )}
        <span className="rnn-progress" data-testid="gap-progress">
          {progress}
        </span>
      </div>
      <GapChart points={points} gaps={GAP_GRID} cells={GAP_CELLS} colors={colors} chance={1 / SYMBOLS} />
      <ul className="rnn-legend">
        {GAP_CELLS.map((cell) => (
          <li key={cell}>
            <span className="rnn-swatch" style={{ background: colors[cell] }} /> {CELL_NAMES[cell]}
          </li>
        ))}
        <li>dashed: chance</li>
      </ul>
      {points.length > 0 && (
        <table className="rnn-table">
          <thead>
            <tr>
              <th>gap</th>
              {GAP_CELLS.map((cell) => (
                <th key={cell}>{CELL_NAMES[cell]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {GAP_GRID.map((gap) => (
              <tr key={gap}>
                <td>{gap}</td>
                {GAP_CELLS.map((cell) => {
                  const p = points.find((q) => q.cell === cell && q.gap === gap);
                  return <td key={cell}>{p ? `${Math.round(p.accuracy * 100)}%` : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
