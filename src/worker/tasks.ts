/** Name → factory map of every trainable task (the worker's model registry). */
import { FusedLinRegTask } from '../ml/fused/fused-linreg-task';
import { FusedMlpTask } from '../ml/fused/fused-mlp-task';
import { LinearRegressionTask } from '../ml/tasks/linear-regression';
import { MlpTask } from '../ml/tasks/mlp';
import { MnistTask, unsupportedBackendsFor } from '../ml/tasks/mnist-classifier';
import { loadMnistData } from '../ml/tasks/mnist-data';
import { RnnTask } from '../ml/tasks/rnn';
import { SurfaceRaceTask } from '../ml/tasks/surface-race';
import { TinyNetTask } from '../ml/tasks/tiny-net-task';
import { TransformerTask } from '../ml/tasks/transformer';
import { Word2VecTask } from '../ml/tasks/word2vec';
import { loadWordCorpusOnce } from '../ml/tasks/word2vec-data';
import type { TrainTask } from '../ml/tasks/task';
import type { BackendName } from '../ml/backend-names';
import type { DataOf, HyperOf, OptionsOf, SpecOf, TaskKind, ViewOf } from './protocol';

export interface TaskEntry<K extends TaskKind> {
  /** Load what the task needs before it is built (cached by the loader; awaited on every build). */
  prepare?(spec: SpecOf<K>): Promise<DataOf<K>>;
  create(spec: SpecOf<K>, hyper: HyperOf<K>, data: DataOf<K>): TrainTask<HyperOf<K>, ViewOf<K>, OptionsOf<K>>;
  /** The same model on the fused engine (plain Float32Array kernels), where there is one. */
  fused?(spec: SpecOf<K>, hyper: HyperOf<K>, data: DataOf<K>): TrainTask<HyperOf<K>, ViewOf<K>, OptionsOf<K>>;
  /**
   * Hyperparameters for the one step each executor is checked with against the CPU: settings
   * whose randomness differs by engine (dropout masks) are turned off there.
   */
  checkHyper?(hyper: HyperOf<K>): HyperOf<K>;
  /** Backends whose kernels cannot train this model (e.g. WASM has no Conv2DBackpropFilter). */
  unsupportedBackends: readonly BackendName[] | ((spec: SpecOf<K>) => readonly BackendName[]);
}

export const TASKS: { [K in TaskKind]: TaskEntry<K> } = {
  linreg: {
    create: (spec, hyper) => new LinearRegressionTask(spec, hyper),
    fused: (spec, hyper) => new FusedLinRegTask(spec, hyper),
    unsupportedBackends: [],
  },
  'surface-race': {
    create: (spec, hyper) => new SurfaceRaceTask(spec, hyper),
    unsupportedBackends: [],
  },
  mlp: {
    create: (spec, hyper) => new MlpTask(spec, hyper),
    fused: (spec, hyper) => new FusedMlpTask(spec, hyper),
    checkHyper: (hyper) => ({ ...hyper, dropout: 0 }),
    unsupportedBackends: [],
  },
  mnist: {
    prepare: (spec) => loadMnistData(spec.dataUrl),
    create: (spec, hyper, pack) => new MnistTask(spec, hyper, pack),
    // WASM has no Conv2DBackpropFilter: only the MLP baseline can train there.
    unsupportedBackends: (spec) => unsupportedBackendsFor(spec.model),
  },
  'tiny-net': {
    create: (spec, hyper) => new TinyNetTask(spec, hyper),
    unsupportedBackends: [],
  },
  transformer: {
    create: (spec, hyper) => new TransformerTask(spec, hyper),
    unsupportedBackends: [],
  },
  rnn: {
    create: (spec, hyper) => new RnnTask(spec, hyper),
    unsupportedBackends: [],
  },
  word2vec: {
    prepare: (spec) => loadWordCorpusOnce(spec.dataUrl),
    create: (spec, hyper, corpus) => new Word2VecTask(spec, hyper, corpus),
    // Plain typed-array arithmetic: tfjs only carries the loss, so its CPU backend is the honest badge.
    unsupportedBackends: ['webgpu', 'webgl', 'wasm'],
  },
};
