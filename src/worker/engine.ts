/**
 * The engine that the worker exposes: owns one task and one training loop, picks
 * the backend, and moves to the next backend (keeping the weights) when the GPU
 * fails mid-run. Worker-side only; imports ml/ and worker/ code, never the app.
 */
import * as tf from '@tensorflow/tfjs';
import { fallBackFrom, machineKey, selectBackend, setDeviceLostHandler, tryBackend } from '../ml/backend';
import { BACKEND_LABELS, type BackendChoice, type BackendInfo, type CandidateReport } from '../ml/backend-names';
import { persistentCache, type SelectionCache } from '../ml/executor-cache';
import { planExecutors } from '../ml/executor-plan';
import { SELECTION_BUDGET_MS, selectExecutor } from '../ml/executor-selection';
import { runTrial, type TrialModel } from './executor-trial';
import type { TrainTask, WeightSnapshot } from '../ml/tasks/task';
import { weightMismatch } from './weight-check';
import { TrainingLoop } from '../ml/train/loop';
import type { BackendName } from '../ml/backend-names';
import type { DataOf, EngineApi, EngineEvent, HyperOf, InitRequest, OptionsOf, SpecOf, TaskKind, ViewOf } from './protocol';
import { TASKS, type TaskEntry } from './tasks';

/** Yield to the worker's event loop without the 4 ms clamp of nested setTimeout. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

const SNAPSHOT_INTERVAL_MS = 2000;
/** Checkpoints for run histories: at steps growing by this factor, and at least this often while training. */
const CHECKPOINT_GROWTH = 1.5;
const CHECKPOINT_INTERVAL_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Engine<K extends TaskKind> implements EngineApi<K> {
  private spec: SpecOf<K> | null = null;
  private hyper: HyperOf<K> | null = null;
  private task: TrainTask<HyperOf<K>, ViewOf<K>, OptionsOf<K>> | null = null;
  private viewOptions: Partial<OptionsOf<K>> = {};
  private loop: TrainingLoop<ViewOf<K>> | null = null;
  private emit: (e: EngineEvent<K>) => void = () => {};
  private backend: BackendInfo | null = null;
  private maxStepsPerSec = Infinity;
  private recovering: Promise<void> | null = null;
  /** Whether the learner asked it to train (survives a failure, so recovery can resume). */
  private wantRunning = false;
  private requested: BackendChoice = 'auto';
  /** The model signature the current executor was chosen for (a new shape measures again). */
  private chosenFor = '';
  private readonly cache: SelectionCache = persistentCache();
  /** Whether the page keeps checkpoints (setCheckpoints); the next step due and when the last was taken. */
  private checkpoints = false;
  private nextCheckpoint = 0;
  private lastCheckpointAt = -Infinity;
  /** The step of the last checkpoint sent (null: none for this model yet). */
  private lastCheckpointStep: number | null = null;

  constructor() {
    setDeviceLostHandler((reason) => {
      if (this.backend?.name === 'webgpu') void this.recover(`WebGPU device lost: ${reason}`);
    });
  }

  private entry(): TaskEntry<K> {
    if (!this.spec) throw new Error('init() has not been called');
    return TASKS[this.spec.kind as K] as TaskEntry<K>;
  }

  private unsupported(): readonly BackendName[] {
    const u = this.entry().unsupportedBackends;
    return typeof u === 'function' ? u(this.spec as SpecOf<K>) : u;
  }

  async subscribe(onEvent: (e: EngineEvent<K>) => void): Promise<void> {
    this.emit = onEvent;
  }

  async init(req: InitRequest<K>): Promise<BackendInfo> {
    this.wantRunning = false;
    await this.teardown();
    this.spec = req.spec;
    this.hyper = req.hyper;
    this.requested = req.backend;
    this.backend = { ...(await this.choose(req.backend)), model: req.spec.kind };
    this.emit({ type: 'backend', info: this.backend });
    await this.build(null, 0);
    return this.backend;
  }

  /** Model signature for the executor cache: the spec without seeds, and the batch size. */
  private signature(): string {
    const spec = JSON.stringify(this.spec, (k, v: unknown) => (k === 'seed' || k === 'points' || k === 'removed' ? undefined : v));
    return `${this.spec?.kind}|${spec}|${(this.hyper as { batchSize?: number } | null)?.batchSize ?? ''}`;
  }

  /**
   * The executor for this model: the learner's override, or the fastest correct candidate,
   * measured now (a few real steps each, checked against the CPU) or remembered from before.
   */
  private async choose(choice: BackendChoice): Promise<BackendInfo> {
    const entry = this.entry();
    const unsupported = this.unsupported();
    const plan = planExecutors(choice, { fused: !!entry.fused, unsupported });
    this.chosenFor = this.signature();
    if ('forced' in plan) {
      if (plan.forced === 'fused') {
        await tryBackend('cpu');
        return { name: 'fused', label: BACKEND_LABELS.fused, requested: choice, skipped: [] };
      }
      return selectBackend(plan.forced, { exclude: unsupported });
    }
    const spec = this.spec as SpecOf<K>;
    const hyper = this.hyper as HyperOf<K>;
    const data = (entry.prepare ? await entry.prepare(spec) : undefined) as DataOf<K>;
    const model: TrialModel = {
      build: (executor, h) =>
        (executor === 'fused' && entry.fused ? entry.fused : entry.create)(spec, h as HyperOf<K>, data) as unknown as ReturnType<TrialModel['build']>,
      checkHyper: entry.checkHyper ? entry.checkHyper(hyper) : hyper,
      hyper,
    };
    const sel = await selectExecutor({
      candidates: plan.measure,
      trial: (name, deadline) => runTrial(name, model, deadline),
      reference: async () => {
        const r = await runTrial('cpu', model, performance.now() + SELECTION_BUDGET_MS);
        if ('skip' in r) throw new Error(`no CPU reference: ${r.reason}`);
        return r.probe;
      },
      cache: this.cache,
      key: `${await machineKey()}|${this.chosenFor}`,
      budgetMs: SELECTION_BUDGET_MS,
      now: () => performance.now(),
    });
    const refused: CandidateReport[] = plan.refused
      ? [{ name: plan.refused.name, label: BACKEND_LABELS[plan.refused.name], stepsPerSec: null, firstStepMs: null, outcome: 'unavailable', reason: plan.refused.reason }]
      : [];
    const candidates = [...sel.candidates, ...refused];
    if (sel.winner === 'fused') {
      await tryBackend('cpu');
      return { name: 'fused', label: BACKEND_LABELS.fused, requested: choice, skipped: [], candidates, cached: sel.cached };
    }
    const info = await selectBackend(sel.winner, { exclude: unsupported });
    return { ...info, requested: choice, candidates, cached: sel.cached };
  }

  private async build(
    weights: WeightSnapshot | null,
    steps: number,
  ): Promise<TrainingLoop<ViewOf<K>>> {
    if (!this.spec || !this.hyper) throw new Error('init() has not been called');
    const entry = this.entry();
    const data = (entry.prepare ? await entry.prepare(this.spec) : undefined) as DataOf<K>;
    const create = this.backend?.name === 'fused' && entry.fused ? entry.fused : entry.create;
    const task = create(this.spec, this.hyper, data);
    if (weights) {
      task.importWeights(weights);
      // A replacement after a lost device or a crashed worker goes on at the step it reached.
      task.resumeAt?.(steps);
    }
    task.setViewOptions?.(this.viewOptions);
    this.task = task;
    const loop: TrainingLoop<ViewOf<K>> = new TrainingLoop<ViewOf<K>>(task, {
      emit: (e) => {
        // A loop that was replaced (reset, backend fallback) may still finish a read; drop its news.
        if (this.loop !== loop) return;
        if (e.type === 'failed') {
          void this.recover(e.error instanceof Error ? e.error.message : String(e.error));
          return;
        }
        if (e.type === 'diverged') this.wantRunning = false;
        if (e.type === 'checkpoint') {
          this.lastCheckpointStep = e.step;
          this.emit({ type: 'checkpoint', weights: e.weights, step: e.step });
          return;
        }
        this.emit(e);
        if (e.type === 'metrics') this.maybeSnapshot(loop);
      },
      now: () => performance.now(),
      yieldToEvents,
      learningRate: () => (this.hyper as { learningRate?: number } | null)?.learningRate ?? 0.01,
      maxStepsPerSec: this.maxStepsPerSec,
      checkpointDue: (step) => this.checkpointDue(step),
    });
    loop.resumeCountFrom(steps);
    this.nextCheckpoint = steps;
    this.lastCheckpointStep = null;
    this.loop = loop;
    this.emit({ type: 'ready', view: await task.view(), step: steps });
    return loop;
  }

  /**
   * The backend failed mid-run (device lost, context lost, kernel error): move
   * to the next backend, rebuild the model from the last good weights, and carry
   * on if it was training.
   */
  private recover(reason: string): Promise<void> {
    if (this.recovering) return this.recovering;
    this.recovering = (async () => {
      const wasRunning = this.wantRunning;
      const weights = this.loop?.lastGoodWeights ?? null;
      const steps = this.loop?.stepCount ?? 0;
      // A read on a lost device may never settle: wait for the loop to stop, but not forever.
      await Promise.race([this.loop?.pause().catch(() => undefined), sleep(2000)]);
      const broken = this.backend?.name;
      try {
        this.task?.dispose();
      } catch {
        // Tensors on a lost device cannot always be freed; the backend is dropped next.
      }
      this.task = null;
      this.loop = null;
      if (!broken || broken === 'cpu') {
        this.emit({ type: 'error', message: `Training failed: ${reason}` });
        return;
      }
      this.backend = { ...(await fallBackFrom(broken, { exclude: this.unsupported() })), model: this.spec?.kind };
      this.emit({ type: 'backend', info: this.backend, fallbackReason: reason });
      const loop = await this.build(weights, steps);
      if (wasRunning) loop.start();
    })().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }

  private async ready(): Promise<TrainingLoop<ViewOf<K>>> {
    if (this.recovering) await this.recovering;
    if (!this.loop) throw new Error('The engine has no model: call init() first');
    return this.loop;
  }

  async start(): Promise<void> {
    const loop = await this.ready();
    this.wantRunning = true;
    loop.start();
  }

  async pause(): Promise<void> {
    this.wantRunning = false;
    const loop = await this.ready();
    await loop.pause();
    await this.checkpointHere(loop);
  }

  async step(n: number): Promise<void> {
    this.wantRunning = false;
    const loop = await this.ready();
    await loop.step(n);
    await this.checkpointHere(loop);
  }

  /**
   * Where training stopped, a checkpoint too (when the page keeps them): a rewind can always come
   * back to the step the learner paused at, not only to the last scheduled one before it.
   */
  private async checkpointHere(loop: TrainingLoop<ViewOf<K>>): Promise<void> {
    if (!this.checkpoints || !this.task || this.loop !== loop) return;
    const step = loop.stepCount;
    // Step 0 is an untrained model: a run that trains takes its own step-0 checkpoint as it starts.
    if (step === 0 || step === this.lastCheckpointStep) return;
    this.lastCheckpointStep = step;
    this.emit({ type: 'checkpoint', weights: await this.task.exportWeights(), step });
  }

  async reset(spec?: SpecOf<K>): Promise<void> {
    this.wantRunning = false;
    await this.ready();
    await this.teardown();
    if (spec) this.spec = spec;
    if (this.requested === 'auto' && this.signature() !== this.chosenFor) {
      // A new shape: measure (or recall) which executor is fastest for it.
      this.backend = { ...(await this.choose('auto')), model: this.spec?.kind };
      this.emit({ type: 'backend', info: this.backend });
    }
    await this.build(null, 0);
  }

  private lastSnapshotAt = 0;

  /** Send the last good weights to the page every couple of seconds, so a crashed worker can be replaced. */
  private maybeSnapshot(loop: TrainingLoop<ViewOf<K>>): void {
    const now = performance.now();
    const weights = loop.lastGoodWeights;
    if (!weights || now - this.lastSnapshotAt < SNAPSHOT_INTERVAL_MS) return;
    this.lastSnapshotAt = now;
    this.emit({ type: 'snapshot', weights, step: loop.stepCount });
  }

  /** Steps 0, 1, 2, 3, 5, 8, … (×1.5) and every 10 s: a sparse series dense where the model changes fastest. */
  private checkpointDue(step: number): boolean {
    if (!this.checkpoints) return false;
    const now = performance.now();
    if (step < this.nextCheckpoint && now - this.lastCheckpointAt < CHECKPOINT_INTERVAL_MS) return false;
    this.nextCheckpoint = Math.max(step + 1, Math.ceil(step * CHECKPOINT_GROWTH));
    this.lastCheckpointAt = now;
    return true;
  }

  async setCheckpoints(on: boolean): Promise<void> {
    this.checkpoints = on;
  }

  async rewind(weights: WeightSnapshot, step: number): Promise<{ ok: true } | { ok: false; detail: string }> {
    const loop = await this.ready();
    if (!this.task) throw new Error('no model');
    this.wantRunning = false;
    await loop.pause();
    // Keep where it stood, so the learner can scrub back to it.
    await this.checkpointHere(loop);
    const detail = weightMismatch(await this.task.exportWeights(), weights);
    if (detail) return { ok: false, detail };
    this.task.importWeights(weights);
    this.task.resetOptimizer?.();
    this.task.resumeAt?.(step);
    loop.resumeCountFrom(step);
    this.nextCheckpoint = step;
    // These weights are that checkpoint: pausing here again adds nothing.
    this.lastCheckpointStep = step;
    this.emit({ type: 'view', view: await this.task.view(), step });
    return { ok: true };
  }

  async restore(weights: WeightSnapshot, step: number): Promise<void> {
    const loop = await this.ready();
    await loop.pause();
    this.task?.importWeights(weights);
    this.task?.resumeAt?.(step);
    loop.resumeCountFrom(step);
    if (this.task) this.emit({ type: 'ready', view: await this.task.view(), step });
  }

  async exportModel(): Promise<{ weights: WeightSnapshot; step: number }> {
    const loop = await this.ready();
    if (!this.task) throw new Error('no model');
    return { weights: await this.task.exportWeights(), step: loop.stepCount };
  }

  async importModel(weights: WeightSnapshot, step: number): Promise<{ ok: true } | { ok: false; detail: string }> {
    await this.ready();
    if (!this.task) throw new Error('no model');
    const detail = weightMismatch(await this.task.exportWeights(), weights);
    if (detail) return { ok: false, detail };
    await this.restore(weights, step);
    return { ok: true };
  }

  async ping(): Promise<number> {
    return performance.now();
  }

  async setHyperparameters(h: Partial<HyperOf<K>>): Promise<void> {
    if (!this.hyper) return;
    this.hyper = { ...this.hyper, ...h };
    // Applied between steps: the loop yields to the event loop after each slice.
    this.task?.setHyper(h);
  }

  async setViewOptions(o: Partial<OptionsOf<K>>): Promise<void> {
    this.viewOptions = { ...this.viewOptions, ...o };
    if (this.recovering) await this.recovering;
    this.task?.setViewOptions?.(o);
    if (this.task && this.loop && !this.loop.isRunning) {
      this.emit({ type: 'view', view: await this.task.view(), step: this.loop.stepCount });
    }
  }

  async setMaxStepsPerSec(v: number): Promise<void> {
    this.maxStepsPerSec = v;
    this.loop?.setMaxStepsPerSec(v);
  }

  async predict(input: Float32Array): Promise<Float32Array> {
    await this.ready();
    if (!this.task) throw new Error('no model');
    return this.task.predict(input);
  }

  private async teardown(): Promise<void> {
    await this.loop?.pause();
    this.task?.dispose();
    this.task = null;
    this.loop = null;
  }

  async dispose(): Promise<void> {
    await this.teardown();
  }

  /** For tests: the tensor count and the backend actually in use. */
  debugState(): { numTensors: number; backend: string; numBytesInGPU: number | null; kind: string | null; step: number } {
    let m: tf.MemoryInfo & { numBytesInGPU?: number };
    try {
      m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
    } catch {
      // Asked while a candidate backend is still initialising (the executor race).
      return { numTensors: -1, backend: 'initialising', numBytesInGPU: null, kind: this.spec?.kind ?? null, step: 0 };
    }
    return {
      numTensors: m.numTensors,
      backend: this.backend?.name === 'fused' ? 'fused' : tf.getBackend(),
      numBytesInGPU: m.numBytesInGPU ?? null,
      kind: this.spec?.kind ?? null,
      step: this.loop?.stepCount ?? 0,
    };
  }
}

