/**
 * The contract between the page and the training worker, shared by both threads.
 * Commands go through comlink (typed RPC); progress comes back as EngineEvents
 * through one callback registered once at init.
 */
import type { BackendChoice, BackendInfo } from '../ml/backend-names';
import type { LinRegHyper, LinRegSpec, LinRegView } from '../ml/tasks/linear-regression';
import type { MlpHyper, MlpSpec, MlpView } from '../ml/tasks/mlp';
import type { MnistHyper, MnistOptions, MnistSpec, MnistView } from '../ml/tasks/mnist-classifier';
import type { MnistPack } from '../datasets/mnist';
import type { RnnHyper, RnnSpec, RnnView } from '../ml/tasks/rnn';
import type { SurfaceRaceHyper, SurfaceRaceSpec, SurfaceRaceView } from '../ml/tasks/surface-race';
import type { TinyNetHyper, TinyNetSpec, TinyNetView } from '../ml/tasks/tiny-net-task';
import type { TransformerHyper, TransformerSpec, TransformerView } from '../ml/tasks/transformer';
import type { Word2VecHyper, Word2VecSpec, Word2VecView, Word2VecViewOptions } from '../ml/tasks/word2vec';
import type { WordCorpus } from '../datasets/word-corpus';
import type { WeightSnapshot } from '../ml/tasks/task';
import type { Divergence } from '../ml/train/divergence';
import type { MetricsBatch } from '../ml/train/loop';

/** Every kind of model the engine can train: its spec, live hyperparameters and view. */
export interface TaskTypes {
  linreg: { spec: LinRegSpec; hyper: LinRegHyper; view: LinRegView };
  'surface-race': { spec: SurfaceRaceSpec; hyper: SurfaceRaceHyper; view: SurfaceRaceView };
  mlp: { spec: MlpSpec; hyper: MlpHyper; view: MlpView };
  mnist: { spec: MnistSpec; hyper: MnistHyper; view: MnistView; options: MnistOptions; data: MnistPack };
  'tiny-net': { spec: TinyNetSpec; hyper: TinyNetHyper; view: TinyNetView };
  transformer: { spec: TransformerSpec; hyper: TransformerHyper; view: TransformerView };
  rnn: { spec: RnnSpec; hyper: RnnHyper; view: RnnView };
  word2vec: { spec: Word2VecSpec; hyper: Word2VecHyper; view: Word2VecView; options: Word2VecViewOptions; data: WordCorpus };
}
export type TaskKind = keyof TaskTypes;
export type SpecOf<K extends TaskKind> = TaskTypes[K]['spec'];
export type HyperOf<K extends TaskKind> = TaskTypes[K]['hyper'];
export type ViewOf<K extends TaskKind> = TaskTypes[K]['view'];
/** What a task's view computes beyond its cheap fields (e.g. which test image's feature maps). */
export type OptionsOf<K extends TaskKind> = TaskTypes[K] extends { options: infer O } ? O : Record<string, never>;
/** Data a task needs loaded before it can be built (e.g. the MNIST pack); undefined for generated data. */
export type DataOf<K extends TaskKind> = TaskTypes[K] extends { data: infer D } ? D : undefined;

export interface InitRequest<K extends TaskKind> {
  spec: SpecOf<K>;
  hyper: HyperOf<K>;
  backend: BackendChoice;
}

export type EngineEvent<K extends TaskKind> =
  | { type: 'backend'; info: BackendInfo; /** set when this is a switch after a failure */ fallbackReason?: string }
  | { type: 'ready'; view: ViewOf<K>; step: number }
  /** A fresh view while paused, after the view options changed. */
  | { type: 'view'; view: ViewOf<K>; step: number }
  | { type: 'metrics'; batch: MetricsBatch<ViewOf<K>> }
  | { type: 'diverged'; divergence: Divergence; view: ViewOf<K> }
  | { type: 'running'; running: boolean }
  /** The weights after the last good report, at most every couple of seconds: what a restarted worker resumes from. */
  | { type: 'snapshot'; weights: WeightSnapshot; step: number }
  /** The weights exactly after `step` steps, sparse (see setCheckpoints): what a run history rewinds to. */
  | { type: 'checkpoint'; weights: WeightSnapshot; step: number }
  | { type: 'error'; message: string };

export interface EngineApi<K extends TaskKind> {
  /** Register the one event callback (one comlink proxy for the worker's lifetime). */
  subscribe(onEvent: (e: EngineEvent<K>) => void): Promise<void>;
  /** Choose a backend, build the model and data; replaces any previous task. */
  init(req: InitRequest<K>): Promise<BackendInfo>;
  start(): Promise<void>;
  pause(): Promise<void>;
  step(n: number): Promise<void>;
  /** Rebuild the task from its spec (fresh weights, same seed), keeping hyperparameters. */
  reset(spec?: SpecOf<K>): Promise<void>;
  setHyperparameters(h: Partial<HyperOf<K>>): Promise<void>;
  setMaxStepsPerSec(v: number): Promise<void>;
  /** Change what views compute; kept across rebuilds. While paused, a fresh view is sent at once. */
  setViewOptions(o: Partial<OptionsOf<K>>): Promise<void>;
  predict(input: Float32Array): Promise<Float32Array>;
  /** Put weights (from a snapshot event) back into the current model and continue the step count. */
  restore(weights: WeightSnapshot, step: number): Promise<void>;
  /** Emit 'checkpoint' events while training (steps 0, 1, 2, 3, 5, 8 … ×1.5, and every 10 s). Off by default. */
  setCheckpoints(on: boolean): Promise<void>;
  /**
   * Pause and put a checkpoint's weights back, numbering steps on from `step`; sends a fresh 'view'
   * (not 'ready': the page's histories stay). Refused, changing nothing, when the weights do not fit.
   */
  rewind(weights: WeightSnapshot, step: number): Promise<{ ok: true } | { ok: false; detail: string }>;
  /** The current model's weights and step, for a model file (export). */
  exportModel(): Promise<{ weights: WeightSnapshot; step: number }>;
  /**
   * Load weights from a model file: names and shapes must match the current model
   * exactly, else nothing changes and the mismatch is described.
   */
  importModel(weights: WeightSnapshot, step: number): Promise<{ ok: true } | { ok: false; detail: string }>;
  /** Liveness check: answers at once unless the worker is dead or wedged. */
  ping(): Promise<number>;
  dispose(): Promise<void>;
}
