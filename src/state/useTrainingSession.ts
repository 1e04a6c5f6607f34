import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TaskKind } from '../worker/protocol';
import { TrainingSession, type SessionState } from './training-session';

/**
 * One TrainingSession for the lifetime of a lesson page. Constructing it is
 * cheap (the worker starts on first use); unmounting terminates the worker, and
 * a remount (React strict mode) simply starts a new one on next use.
 */
export function useTrainingSession<K extends TaskKind>(): [TrainingSession<K>, SessionState<unknown>] {
  const [session] = useState(() => new TrainingSession<K>());
  useEffect(() => {
    session.attach();
    return () => session.dispose();
  }, [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return [session, state];
}
