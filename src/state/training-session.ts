/**
 * Main-thread state of one lesson's training run: what the worker reported,
 * kept in a store React reads with useSyncExternalStore. Worker events arrive at
 * ≤ 20 a second; listeners are notified at most once per animation frame.
 */
import { SeriesBuffer } from '../charts/series-buffer';
import type { BackendChoice, BackendInfo } from '../ml/backend-names';
import type { Divergence } from '../ml/train/divergence';
import { EngineClient } from '../worker/client';
import type { WeightSnapshot } from '../ml/tasks/task';
import { t } from '../i18n';
import type { EngineEvent, HyperOf, OptionsOf, SpecOf, TaskKind, ViewOf } from '../worker/protocol';
import { setBackendStatus } from './backend-status';

const NOTIFY_INTERVAL_MS = 100;
/** A worker busy in one long synchronous step cannot answer; this is far above any step we run. */
const PING_TIMEOUT_MS = 15_000;
const PING_INTERVAL_MS = 5_000;

export type Phase = 'starting' | 'ready' | 'running' | 'paused' | 'diverged' | 'error';

export interface SessionState<V> {
  phase: Phase;
  backend: BackendInfo | null;
  /** Set when the engine moved to another backend after a failure. */
  fallbackReason: string | null;
  step: number;
  /** Latest finite batch loss. */
  loss: number | null;
  stepsPerSec: number;
  examplesPerSec: number;
  view: V | null;
  divergence: Divergence | null;
  error: string | null;
  /** Bumped when the loss history changes. */
  seriesVersion: number;
  /** Set after the worker died and was replaced: what happened and where training resumed. */
  restartNotice: string | null;
}

/** A Train click this recent survives a model rebuild (see init). */
const TRAIN_CARRY_MS = 1000;

export class TrainingSession<K extends TaskKind> {
  readonly loss = new SeriesBuffer();
  private state: SessionState<ViewOf<K>> = {
    phase: 'starting',
    backend: null,
    fallbackReason: null,
    step: 0,
    loss: null,
    stepsPerSec: 0,
    examplesPerSec: 0,
    view: null,
    divergence: null,
    error: null,
    seriesVersion: 0,
    restartNotice: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(e: EngineEvent<K>) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastNotify = 0;
  private readonly client: EngineClient<K>;
  private disposed = false;
  /** What the worker was last asked to build, and its last weights: enough to replace a dead worker. */
  private lastInit: { spec: SpecOf<K>; hyper: HyperOf<K>; backend: BackendChoice } | null = null;
  private lastSnapshot: { weights: WeightSnapshot; step: number } | null = null;
  private restarting: Promise<void> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  /** The steps-per-second cap last asked for: a replacement worker gets it too. */
  private maxStepsPerSec = Infinity;

  constructor() {
    this.client = new EngineClient<K>(
      (e) => this.onEvent(e),
      (message) => void this.replaceWorker(message),
    );
  }

  /**
   * The worker threw, closed or stopped answering: start a new one with the last
   * configuration and weights. The loss history on the page is kept.
   */
  private replaceWorker(reason: string): Promise<void> {
    if (this.restarting || this.disposed || !this.lastInit) return this.restarting ?? Promise.resolve();
    const init = this.lastInit;
    const snap = this.lastSnapshot;
    this.restarting = (async () => {
      this.client.terminate();
      this.update({ phase: 'starting' });
      try {
        const api = await this.client.api();
        if (this.maxStepsPerSec !== Infinity) await api.setMaxStepsPerSec(this.maxStepsPerSec);
        if (this.checkpoints) await api.setCheckpoints(true);
        await api.init(init);
        if (snap) await api.restore(snap.weights, snap.step);
        this.update({
          phase: 'paused',
          restartNotice: snap ? t('status.restarted', { reason, step: snap.step }) : t('status.restartedFresh', { reason }),
        });
      } catch (err) {
        this.update({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
      }
    })().finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  /** A worker that is terminated sends nothing, so ask it regularly whether it is alive. */
  private startWatchdog(): void {
    if (this.watchdog !== null) return;
    this.watchdog = setInterval(() => {
      if (this.restarting || !this.lastInit || this.state.phase === 'starting') return;
      let answered = false;
      void this.client.api().then((api) => api.ping()).then(() => (answered = true), () => undefined);
      setTimeout(() => {
        if (!answered && !this.restarting && !this.disposed) void this.replaceWorker('it stopped responding');
      }, PING_TIMEOUT_MS);
    }, PING_INTERVAL_MS);
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getState = (): SessionState<ViewOf<K>> => this.state;

  /**
   * Coalesce updates: the page re-renders at most ~10 times a second while
   * training, which is smooth to the eye and leaves the main thread idle most
   * of the time. Phase changes (paused, diverged, error) show at once.
   */
  private update(patch: Partial<SessionState<ViewOf<K>>>): void {
    const urgent = patch.phase !== undefined && patch.phase !== this.state.phase;
    this.state = { ...this.state, ...patch };
    if (this.disposed) return;
    if (urgent) {
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.lastNotify = performance.now();
      this.listeners.forEach((l) => l());
      return;
    }
    if (this.timer !== null) return;
    const wait = Math.max(0, NOTIFY_INTERVAL_MS - (performance.now() - this.lastNotify));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastNotify = performance.now();
      this.listeners.forEach((l) => l());
    }, wait);
  }

  /**
   * Every engine event as it arrives (not coalesced), for lessons that keep their
   * own histories, e.g. the optimiser race's paths. Called before the store updates.
   */
  subscribeEvents = (l: (e: EngineEvent<K>) => void): (() => void) => {
    this.eventListeners.add(l);
    return () => this.eventListeners.delete(l);
  };

  private onEvent(e: EngineEvent<K>): void {
    this.eventListeners.forEach((l) => l(e));
    switch (e.type) {
      case 'backend':
        setBackendStatus({ info: e.info, fallbackReason: e.fallbackReason ?? null });
        this.update({ backend: e.info, fallbackReason: e.fallbackReason ?? null });
        break;
      case 'ready':
        this.update({ view: e.view, step: e.step, phase: this.state.phase === 'running' ? 'running' : 'ready' });
        break;
      case 'view':
        this.update({ view: e.view });
        break;
      case 'metrics': {
        const b = e.batch;
        this.loss.pushRun(b.firstStep, b.losses);
        const last = b.losses.length > 0 ? b.losses[b.losses.length - 1]! : this.state.loss;
        this.update({
          step: b.firstStep + b.losses.length - 1,
          loss: last,
          stepsPerSec: b.stepsPerSec,
          examplesPerSec: b.examplesPerSec,
          view: b.view,
          seriesVersion: this.loss.version,
        });
        break;
      }
      case 'diverged':
        this.update({ phase: 'diverged', divergence: e.divergence, view: e.view, step: e.divergence.step });
        break;
      case 'running':
        if (e.running) this.update({ phase: 'running', divergence: null });
        else if (this.state.phase === 'running') this.update({ phase: 'paused' });
        break;
      case 'snapshot':
        this.lastSnapshot = { weights: e.weights, step: e.step };
        break;
      case 'error':
        this.update({ phase: 'error', error: e.message });
        break;
    }
  }

  private async run(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.update({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  }

  init(spec: SpecOf<K>, hyper: HyperOf<K>, backend: BackendChoice): Promise<void> {
    this.lastInit = { spec, hyper, backend };
    this.lastSnapshot = null;
    this.startWatchdog();
    this.loss.clear();
    this.update({ phase: 'starting', step: 0, loss: null, divergence: null, error: null, seriesVersion: this.loss.version });
    const calledAt = performance.now();
    return this.run(async () => {
      const api = await this.client.api();
      await api.init({ spec, hyper, backend });
      this.update({ phase: 'ready' });
      // Pages rebuild the model a moment after a setting changes (debounced); a Train click in
      // that moment, or while this rebuild was in flight, reached the old model and was lost
      // with it. Honour it on the new one. Pause, Step and Reset clear the request.
      const clickedAt = this.trainRequestedAt;
      if (clickedAt !== null && clickedAt > calledAt - TRAIN_CARRY_MS) await api.start();
    });
  }

  /** When Train was last pressed (null after Pause/Step/Reset): see init(). */
  private trainRequestedAt: number | null = null;

  train(): Promise<void> {
    this.trainRequestedAt = performance.now();
    return this.run(async () => (await this.client.api()).start());
  }

  pause(): Promise<void> {
    this.trainRequestedAt = null;
    return this.run(async () => (await this.client.api()).pause());
  }

  step(n = 1): Promise<void> {
    this.trainRequestedAt = null;
    return this.run(async () => {
      await (await this.client.api()).step(n);
      if (this.state.phase !== 'diverged') this.update({ phase: 'paused' });
    });
  }

  reset(spec?: SpecOf<K>): Promise<void> {
    this.trainRequestedAt = null;
    this.lastSnapshot = null;
    if (spec && this.lastInit) this.lastInit = { ...this.lastInit, spec };
    return this.run(async () => {
      const api = await this.client.api();
      await api.pause();
      this.loss.clear();
      this.update({ phase: 'ready', step: 0, loss: null, divergence: null, seriesVersion: this.loss.version });
      await api.reset(spec);
    });
  }

  /** Change what the task's views compute (e.g. the test image whose feature maps are shown). */
  setViewOptions(o: Partial<OptionsOf<K>>): Promise<void> {
    return this.run(async () => (await this.client.api()).setViewOptions(o));
  }

  /**
   * The model's output for `input` with the current weights (MNIST: n·784 pixels in [0, 1]
   * → n·10 probabilities). Rejects instead of putting the session in its error phase: a
   * failed prediction (e.g. before the model is built) is the caller's to handle.
   */
  async predict(input: Float32Array): Promise<Float32Array> {
    return (await this.client.api()).predict(input);
  }

  /** What the worker was last asked to build (its kind and configuration), if anything. */
  currentSpec(): SpecOf<K> | null {
    return this.lastInit?.spec ?? null;
  }

  /** The current weights and step (for a model file). Rejects if there is no model yet. */
  async exportModel(): Promise<{ weights: WeightSnapshot; step: number }> {
    return (await this.client.api()).exportModel();
  }

  /**
   * Load weights from a model file. Resolves with the mismatch when they do not fit
   * the current model (nothing changes then); the loss history restarts.
   */
  async importModel(weights: WeightSnapshot, step: number): Promise<{ ok: true } | { ok: false; detail: string }> {
    const api = await this.client.api();
    await api.pause();
    const r = await api.importModel(weights, step);
    if (r.ok) {
      this.lastSnapshot = { weights, step };
      this.loss.clear();
      this.update({ phase: 'paused', step, loss: null, divergence: null, seriesVersion: this.loss.version });
    }
    return r;
  }

  private checkpoints = false;

  /** Ask the worker for sparse 'checkpoint' events while training (a run history keeps them). */
  setCheckpoints(on: boolean): Promise<void> {
    this.checkpoints = on;
    return this.run(async () => (await this.client.api()).setCheckpoints(on));
  }

  /**
   * Pause and put a checkpoint back: every view shows that step, and the status line says that
   * step and the batch loss recorded there (none when it is not in the history). The loss
   * history is kept; branchFrom() cuts it when training continues from here.
   */
  async rewind(weights: WeightSnapshot, step: number): Promise<{ ok: true } | { ok: false; detail: string }> {
    this.trainRequestedAt = null;
    const r = await (await this.client.api()).rewind(weights, step);
    if (r.ok) {
      this.lastSnapshot = { weights, step };
      const at = this.loss.nearest(step);
      this.update({ phase: 'paused', step, loss: at && at.x === step ? at.y : null, divergence: null });
    }
    return r;
  }

  /** Training goes on from `step` (after a rewind): the loss history past it is dropped. */
  branchFrom(step: number): void {
    this.loss.truncateAfter(step);
    this.update({ seriesVersion: this.loss.version });
  }

  /** Slow motion: at most this many steps a second (Infinity: as fast as it goes). */
  setMaxStepsPerSec(v: number): Promise<void> {
    this.maxStepsPerSec = v;
    return this.run(async () => (await this.client.api()).setMaxStepsPerSec(v));
  }

  setHyper(h: Partial<HyperOf<K>>): Promise<void> {
    if (this.lastInit) this.lastInit = { ...this.lastInit, hyper: { ...this.lastInit.hyper, ...h } };
    return this.run(async () => (await this.client.api()).setHyperparameters(h));
  }

  /** Undo dispose() (React strict mode unmounts and remounts once). */
  attach(): void {
    this.disposed = false;
    if (this.lastInit) this.startWatchdog();
  }

  dispose(): void {
    this.disposed = true;
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.client.terminate();
  }
}
