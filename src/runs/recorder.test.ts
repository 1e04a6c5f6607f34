import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from '../charts/series-buffer';
import type { TrainingSession } from '../state/training-session';
import type { EngineEvent } from '../worker/protocol';
import { RunRecorder } from './recorder';
import { RunsManager } from './runs-manager';
import { MemoryRunStore } from './store';

/** The part of a TrainingSession the recorder uses: its events, its step and its loss history. */
function fakeSession() {
  const listeners = new Set<(e: EngineEvent<'linreg'>) => void>();
  const loss = new SeriesBuffer(1000);
  const session = {
    loss,
    setCheckpoints: async () => {},
    subscribeEvents: (l: (e: EngineEvent<'linreg'>) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getState: () => ({ phase: 'paused', step: 0 }),
  };
  const emit = (e: EngineEvent<'linreg'>) => listeners.forEach((l) => l(e));
  // Only the members above are used by the recorder.
  return { session: session as unknown as TrainingSession<'linreg'>, loss, emit };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('run recorder', () => {
  it('a reset clears the lab’s history before the run’s last save: the kept curve stays whole', async () => {
    const manager = new RunsManager('regression', 'linreg', () => Promise.resolve(new MemoryRunStore()));
    await manager.ready;
    const { session, loss, emit } = fakeSession();
    const rec = new RunRecorder(session, manager, () => ({ loss }));
    const detach = rec.attach();
    rec.setSettings({ lr: 0.1 }, null);
    emit({ type: 'running', running: true });
    for (let i = 1; i <= 50; i++) loss.push(i, 1 / i);
    emit({ type: 'running', running: false });
    await settle();
    const id = manager.getState().runs[0]!.id;
    expect(manager.run(id)!.curves.loss).toHaveLength(50);
    // Reset: the page clears its history, then the worker's 'ready' ends the run (and saves it).
    loss.clear();
    emit({ type: 'ready', view: null as never, step: 0 } as EngineEvent<'linreg'>);
    await settle();
    expect(manager.run(id)!.curves.loss).toHaveLength(50);
    expect(manager.run(id)!.curves.loss![49]).toEqual([50, Math.fround(1 / 50)]);
    detach();
  });
});
