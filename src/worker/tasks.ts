/** Name → factory map of every trainable task (the worker's model registry). */
import { LinearRegressionTask } from '../ml/tasks/linear-regression';
import { MlpTask } from '../ml/tasks/mlp';
import { SurfaceRaceTask } from '../ml/tasks/surface-race';
import type { TrainTask } from '../ml/tasks/task';
import type { BackendName } from '../ml/backend-names';
import type { HyperOf, SpecOf, TaskKind, ViewOf } from './protocol';

interface TaskEntry<K extends TaskKind> {
  create(spec: SpecOf<K>, hyper: HyperOf<K>): TrainTask<HyperOf<K>, ViewOf<K>>;
  /** Backends whose kernels cannot train this model. */
  unsupportedBackends: readonly BackendName[];
}

export const TASKS: { [K in TaskKind]: TaskEntry<K> } = {
  linreg: {
    create: (spec, hyper) => new LinearRegressionTask(spec, hyper),
    unsupportedBackends: [],
  },
  'surface-race': {
    create: (spec, hyper) => new SurfaceRaceTask(spec, hyper),
    unsupportedBackends: [],
  },
  mlp: {
    create: (spec, hyper) => new MlpTask(spec, hyper),
    unsupportedBackends: [],
  },
};
