import * as tf from '@tensorflow/tfjs';
import type { TrainTask, WeightSnapshot } from '../tasks/task';

/** The part of a task the loop drives. */
export type LoopTask<V> = Pick<TrainTask<unknown, V>, 'step' | 'view' | 'exportWeights' | 'importWeights' | 'examplesPerStep'> &
  Pick<Partial<TrainTask<unknown, V>>, 'stepBatch'>;
import { DivergenceWatch, suggestLearningRate, type Divergence } from './divergence';

/** One message's worth of progress: many steps' losses read back in a single GPU sync. */
export interface MetricsBatch<V> {
  /** 1-based index of the step whose loss is losses[0]. */
  firstStep: number;
  losses: Float32Array;
  stepsPerSec: number;
  examplesPerSec: number;
  view: V;
}

export type LoopEvent<V> =
  | { type: 'metrics'; batch: MetricsBatch<V> }
  | { type: 'diverged'; divergence: Divergence; view: V }
  | { type: 'running'; running: boolean }
  /** The weights exactly as they are after `step` steps (asked for by LoopOptions.checkpointDue). */
  | { type: 'checkpoint'; step: number; weights: WeightSnapshot }
  | { type: 'failed'; error: unknown };

export interface LoopOptions<V> {
  emit: (e: LoopEvent<V>) => void;
  now: () => number;
  /** Lets queued messages (pause, new learning rate) in between steps. */
  yieldToEvents: () => Promise<void>;
  /** The learning rate in force, for the divergence advice. */
  learningRate: () => number;
  /** Minimum time between metric messages (50 ms → at most 20 messages a second). */
  flushIntervalMs?: number;
  /** Dispatch steps for at most this long before yielding. */
  sliceMs?: number;
  /** Steps per second cap (slow motion); Infinity runs flat out. */
  maxStepsPerSec?: number;
  /** Waits ms milliseconds (a timer): how a rate-capped host loop idles. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Duty cycle: after this much busy time the loop sleeps restMs, so a worker training flat
   * out leaves the page's main thread, compositor and GPU process a core's worth of slack on
   * a 2-core laptop (about 80 % busy at 16 / 4 ms).
   */
  busyMs?: number;
  restMs?: number;
  /**
   * Asked before a run starts and after every report: true takes a copy of the weights as they
   * are after that step and emits a 'checkpoint' (run histories keep a sparse series of these).
   */
  checkpointDue?: (step: number) => boolean;
}

/**
 * The training loop shared by every lesson. It dispatches steps without reading
 * anything back, keeps their loss scalars on the device, and every flush interval
 * reads all of them in one `await data()` — so the GPU is synced ≤ 20 times a
 * second, not once per step. A generation counter ends a superseded run.
 */
export class TrainingLoop<V> {
  private generation = 0;
  private chain: Promise<void> = Promise.resolve();
  private running = false;
  private steps = 0;
  private best = Infinity;
  private measuredStepsPerSec = 0;
  private good: WeightSnapshot | null = null;
  /** When `good` was last taken (opts.now() time). */
  private goodAt = -Infinity;
  /** Decides when the losses run away, and when the weights are calm enough to keep as good. */
  private readonly watch = new DivergenceWatch();
  private readonly opts: Required<LoopOptions<V>>;

  constructor(
    private task: LoopTask<V>,
    opts: LoopOptions<V>,
  ) {
    this.opts = {
      flushIntervalMs: 50,
      sliceMs: 10,
      maxStepsPerSec: Infinity,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      busyMs: 16,
      restMs: 4,
      checkpointDue: () => false,
      ...opts,
    };
  }

  private lastRest = 0;

  /** Between slices: let messages in, and every busyMs of work rest restMs (see LoopOptions). */
  private async breathe(): Promise<void> {
    const t = this.opts.now();
    if (t - this.lastRest >= this.opts.busyMs) {
      await this.opts.sleep(this.opts.restMs);
      this.lastRest = this.opts.now();
    } else {
      await this.opts.yieldToEvents();
    }
  }

  get stepCount(): number {
    return this.steps;
  }
  get isRunning(): boolean {
    return this.running;
  }
  /** Weights after the last batch whose losses were all finite (what a fallback restores). */
  get lastGoodWeights(): WeightSnapshot | null {
    return this.good;
  }

  /** Continue numbering steps from n (after the model was rebuilt on another backend). */
  resumeCountFrom(n: number): void {
    this.steps = n;
  }

  setMaxStepsPerSec(v: number): void {
    this.opts.maxStepsPerSec = v > 0 ? v : Infinity;
  }

  /** Swap in a rebuilt task (after a backend change); the step count carries on. */
  replaceTask(task: LoopTask<V>): void {
    this.task = task;
  }

  start(): void {
    if (this.running) return;
    this.setRunning(true);
    const gen = ++this.generation;
    this.chain = this.chain.then(() => this.run(gen, Infinity));
  }

  /**
   * Stop after the steps already dispatched have been read back. "Not running" is
   * announced only then, so whoever waits for it sees a quiet worker (every loss
   * scalar read and freed).
   */
  async pause(): Promise<void> {
    if (!this.running) {
      await this.chain;
      return;
    }
    this.generation++;
    this.running = false;
    await this.chain;
    if (!this.running) this.opts.emit({ type: 'running', running: false });
  }

  /** Run exactly n steps (pausing a running loop first), then report once. */
  async step(n: number): Promise<void> {
    await this.pause();
    const gen = ++this.generation;
    this.chain = this.chain.then(() => this.run(gen, Math.max(1, Math.floor(n))));
    await this.chain;
  }

  /** Emit the weights as they are now, if a checkpoint is due at this step. */
  private async maybeCheckpoint(): Promise<void> {
    if (!this.opts.checkpointDue(this.steps)) return;
    const step = this.steps;
    this.opts.emit({ type: 'checkpoint', step, weights: await this.task.exportWeights() });
  }

  private setRunning(r: boolean): void {
    if (this.running === r) return;
    this.running = r;
    this.opts.emit({ type: 'running', running: r });
  }

  private async run(gen: number, limit: number): Promise<void> {
    if (this.task.stepBatch) return this.runHost(gen, limit, this.task.stepBatch.bind(this.task));
    const { now, sliceMs, flushIntervalMs } = this.opts;
    let pending: tf.Scalar[] = [];
    let done = 0;
    let lastFlush = now();
    const startedAt = lastFlush;
    // Speed is steps over the time from one report's start to the next, so it includes the
    // time spent reading back and building views (which can dominate for a large model).
    let lastReport = lastFlush;
    try {
      if (!this.good) this.good = await this.task.exportWeights();
      await this.maybeCheckpoint();
      while (gen === this.generation && done < limit) {
        const sliceStart = now();
        // Dispatch a slice of steps. On the GPU this only queues work; the cap keeps the
        // queue to about a tenth of a second so Pause answers quickly.
        const cap = Math.max(1, Math.min(512, Math.ceil(this.measuredStepsPerSec / 10) || 4));
        while (done < limit && pending.length < cap && now() - sliceStart < sliceMs) {
          if (this.allowedSteps(done, startedAt) <= 0) break;
          pending.push(this.task.step());
          done++;
        }
        const due = now() - lastFlush >= flushIntervalMs || pending.length >= cap || done >= limit;
        if (due && pending.length > 0) {
          const batch = pending;
          pending = [];
          const reportAt = now();
          const ok = await this.flush(batch, reportAt - lastReport);
          lastReport = reportAt;
          lastFlush = now();
          if (!ok) return;
        }
        await this.breathe();
      }
      if (pending.length > 0) await this.flush(pending, now() - lastReport);
      if (gen === this.generation && limit !== Infinity) this.setRunning(false);
    } catch (error) {
      tf.dispose(pending);
      this.generation++;
      this.setRunning(false);
      this.opts.emit({ type: 'failed', error });
    }
  }

  /**
   * The loop for a task that runs many steps per call on the host (the fused engine): calls of
   * about a millisecond each, a slice of sliceMs between yields, a report every flush interval.
   */
  private async runHost(gen: number, limit: number, stepBatch: (n: number) => Float32Array): Promise<void> {
    const { now, sliceMs, flushIntervalMs } = this.opts;
    let pending: Float32Array[] = [];
    let pendingCount = 0;
    let done = 0;
    let lastFlush = now();
    const startedAt = lastFlush;
    let lastReport = lastFlush;
    /** Steps per millisecond, measured; sizes the next call to about a millisecond. */
    let perMs = 0.05;
    try {
      if (!this.good) this.good = await this.task.exportWeights();
      await this.maybeCheckpoint();
      while (gen === this.generation && done < limit) {
        const sliceStart = now();
        while (done < limit && now() - sliceStart < sliceMs) {
          const allowed = Math.min(limit - done, this.allowedSteps(done, startedAt));
          if (allowed <= 0) break;
          const n = Math.max(1, Math.min(allowed, Math.floor(perMs), 65536));
          const t0 = now();
          const losses = stepBatch(n);
          const dt = now() - t0;
          if (dt > 0.05) perMs = Math.max(0.05, 0.5 * perMs + 0.5 * (n / dt));
          else perMs *= 2;
          pending.push(losses);
          pendingCount += n;
          done += n;
        }
        const due = now() - lastFlush >= flushIntervalMs || done >= limit;
        if (due && pendingCount > 0) {
          const losses = concatLosses(pending, pendingCount);
          pending = [];
          pendingCount = 0;
          const reportAt = now();
          const ok = await this.report(losses, reportAt - lastReport);
          lastReport = reportAt;
          lastFlush = now();
          if (!ok) return;
        }
        if (done < limit && this.allowedSteps(done, startedAt) <= 0) {
          // Slow motion: sleep until the next step is due instead of spinning.
          await this.opts.sleep(Math.min(flushIntervalMs, 1000 / this.opts.maxStepsPerSec));
        } else {
          await this.breathe();
        }
      }
      if (pendingCount > 0) await this.report(concatLosses(pending, pendingCount), now() - lastReport);
      if (gen === this.generation && limit !== Infinity) this.setRunning(false);
    } catch (error) {
      this.generation++;
      this.setRunning(false);
      this.opts.emit({ type: 'failed', error });
    }
  }

  /** Steps the rate cap allows beyond `done` now (Infinity when uncapped). */
  private allowedSteps(done: number, startedAt: number): number {
    const rate = this.opts.maxStepsPerSec;
    if (!Number.isFinite(rate)) return Infinity;
    return Math.floor(((this.opts.now() - startedAt) / 1000) * rate + 1) - done;
  }

  /** Read back a batch of losses; returns false when the run diverged and was paused. */
  private async flush(batch: tf.Scalar[], elapsedMs: number): Promise<boolean> {
    const stacked = tf.stack(batch);
    tf.dispose(batch);
    let losses: Float32Array;
    try {
      losses = (await stacked.data()) as Float32Array;
    } finally {
      stacked.dispose();
    }
    return this.report(losses, elapsedMs);
  }

  /** Count, check and report a batch of losses; returns false when the run diverged and was paused. */
  private async report(losses: Float32Array, elapsedMs: number): Promise<boolean> {
    const firstStep = this.steps + 1;
    this.steps += losses.length;
    const div = this.watch.check(losses);
    const finite = div.index === -1 ? losses : losses.slice(0, div.index);
    for (const l of finite) if (l < this.best) this.best = l;
    const secs = Math.max(elapsedMs, 1) / 1000;
    this.measuredStepsPerSec = losses.length / secs;
    if (div.index !== -1) {
      // The weights are garbage now: put back the last good ones so nothing on
      // screen shows NaN, and the learner can resume from there with a smaller rate.
      if (this.good) this.task.importWeights(this.good);
      const view = await this.task.view();
      if (finite.length > 0) this.emitMetrics(firstStep, finite, secs, view);
      this.generation++;
      this.setRunning(false);
      const lr = this.opts.learningRate();
      this.opts.emit({
        type: 'diverged',
        view,
        divergence: {
          step: firstStep + div.index,
          lastFiniteLoss: finite.length > 0 ? finite[finite.length - 1]! : Number.isFinite(this.best) ? this.best : null,
          reason: div.reason,
          suggestedLearningRate: suggestLearningRate(lr),
        },
      });
      return false;
    }
    // Mid-climb weights are no point to go back to: keep the last ones taken while the loss was settled.
    // Copying every weight each report cost a CNN 5–10 % of its time and a large embedding
    // table tens of MB a report: keep a calm snapshot at most every GOOD_SNAPSHOT_MS.
    const t = this.opts.now();
    if (this.watch.calm && t - this.goodAt >= GOOD_SNAPSHOT_MS) {
      this.good = await this.task.exportWeights();
      this.goodAt = t;
    }
    const view = await this.task.view();
    this.emitMetrics(firstStep, losses, secs, view);
    await this.maybeCheckpoint();
    return true;
  }

  private emitMetrics(firstStep: number, losses: Float32Array, secs: number, view: V): void {
    const stepsPerSec = losses.length / secs;
    this.opts.emit({
      type: 'metrics',
      batch: {
        firstStep,
        losses,
        stepsPerSec,
        examplesPerSec: stepsPerSec * this.task.examplesPerStep(),
        view,
      },
    });
  }
}

/** The "last good weights" (what a divergence or a lost GPU restores) are at most this old when calm. */
const GOOD_SNAPSHOT_MS = 250;

function concatLosses(parts: Float32Array[], count: number): Float32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Float32Array(count);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
