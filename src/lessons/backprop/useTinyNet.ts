import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { BackendChoice } from '../../ml/backend-names';
import { TINY_PARAMS } from '../../ml/backprop/tiny-net';
import type { TinyNetSpec, TinyNetView } from '../../ml/tasks/tiny-net-task';
import { useTrainingSession } from '../../state/useTrainingSession';
import { SerialRunner } from './serial-runner';

/** What the worker reported for one tfjs update step: L before and after, in float32. */
export interface WorkerUpdate {
  before: number;
  after: number;
}

/** Whether a view from the worker belongs to this example and these weights (float32-close). */
export function viewMatches(view: TinyNetView | null, spec: TinyNetSpec): view is TinyNetView {
  if (!view) return false;
  if (view.activation !== spec.activation || view.target !== spec.target) return false;
  if (view.input.x1 !== spec.input.x1 || view.input.x2 !== spec.input.x2) return false;
  return TINY_PARAMS.every((p) => Math.abs(view.params[p] - spec.params[p]) <= 1e-5 * Math.max(1, Math.abs(spec.params[p])));
}

/**
 * The tiny network's twin in the training worker: rebuilt (debounced) whenever the example or
 * the weights change, so its view always holds tf.valueAndGrads' loss and gradients for what is
 * on screen; `applyUpdate` runs one real tfjs gradient-descent step there.
 */
export function useTinyNet(spec: TinyNetSpec, learningRate: number, backend: BackendChoice) {
  const [session, state] = useTrainingSession<'tiny-net'>();
  const [runner] = useState(() => new SerialRunner());
  const sent = useRef<string | null>(null);
  const specKey = JSON.stringify(spec);

  const rebuild = () => {
    sent.current = specKey;
    const s = spec;
    const lr = learningRate;
    void runner.latest(() => session.init(s, { learningRate: lr }, backend));
  };
  const rebuildFromEffect = useEffectEvent(rebuild);
  useEffect(() => {
    const t = setTimeout(rebuildFromEffect, 120);
    return () => clearTimeout(t);
  }, [specKey, backend]);

  useEffect(() => {
    void session.setHyper({ learningRate });
  }, [session, learningRate]);

  /** One tfjs update in the worker on the weights now on screen; resolves with L before and after. */
  const applyUpdate = (): Promise<WorkerUpdate | null> => {
    if (sent.current !== specKey) rebuild();
    return runner.run(
      () =>
        new Promise<WorkerUpdate | null>((resolve) => {
          let result: WorkerUpdate | null = null;
          const off = session.subscribeEvents((e) => {
            if (e.type === 'metrics') result = { before: e.batch.losses[0] ?? NaN, after: (e.batch.view as TinyNetView).loss };
          });
          void session.step(1).finally(() => {
            off();
            resolve(result);
          });
        }),
    );
  };

  const view = state.view as TinyNetView | null;
  return {
    view: viewMatches(view, spec) ? view : null,
    error: state.phase === 'error' ? state.error : null,
    retry: () => rebuild(),
    applyUpdate,
  };
}
