import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../datasets/rng';
import { createSurface, type Point, type Surface, type SurfaceId, type SurfaceParams } from '../surfaces/surfaces';
import {
  createRaceOptimizer,
  RACE_OPTIMIZER_LABELS,
  RACE_OPTIMIZERS,
  validateRaceSettings,
  type RaceOptimizer,
  type RaceOptimizerName,
  type RaceOptimizerSettings,
} from '../train/optimizers';
import type { TrainTask, WeightSnapshot } from './task';

/**
 * What defines a race. Changing any of it (surface, κ, the set of racers, the start
 * point, the seed) means building a new task: the racers restart together.
 */
export interface SurfaceRaceSpec {
  kind: 'surface-race';
  surface: SurfaceId;
  /** Bowl: the condition number κ. Other surfaces ignore it. */
  surfaceParams?: Partial<SurfaceParams>;
  /** Distinct optimisers, in the order the view lists them. */
  racers: readonly RaceOptimizerName[];
  /** Defaults to the surface's own start point. */
  start?: Point;
  /** Seeds the gradient noise (each racer draws from its own stream). */
  seed: number;
}

/** What may change while the race runs; it applies from the next step. */
export interface SurfaceRaceHyper extends RaceOptimizerSettings {
  /** Per-racer learning rates; a racer without one uses `learningRate`. */
  learningRates?: Partial<Record<RaceOptimizerName, number>>;
  /** σ of the N(0, σ²) noise added to each gradient component; 0 for exact gradients. */
  noise: number;
}

export interface RacerView {
  id: RaceOptimizerName;
  label: string;
  x: number;
  y: number;
  /** f(x, y) at the racer's current position. */
  loss: number;
  /** True once it left the finite world (see RACER_BOUND); it then stays where it last was finite. */
  diverged: boolean;
  /** The learning rate its optimiser will use at the next step (read back from it). */
  learningRate: number;
}

/**
 * Every step since the previous view, so the page can draw complete paths and
 * loss curves however many steps ran between two views.
 * data[(t · racers + r) · 3 + k], k = 0, 1, 2 → x, y after step firstStep + t, and f
 * at the position that step started from (+∞ for a racer that has stopped).
 */
export interface RaceTrail {
  firstStep: number;
  steps: number;
  racers: number;
  data: Float32Array;
}

export interface SurfaceRaceView {
  surface: SurfaceId;
  /** step() calls since the task was built. */
  step: number;
  racers: RacerView[];
  start: Point;
  trail: RaceTrail;
}

/** At most this many unviewed steps are kept on the device; older ones are dropped. */
export const TRAIL_CAPACITY = 4096;

/** A racer whose |x| or |y| would exceed this (or whose loss is not finite) has diverged. */
export const RACER_BOUND = 1e6;

interface Racer {
  name: RaceOptimizerName;
  pos: tf.Variable<tf.Rank.R1>;
  /** 1 while the racer moves, 0 once it diverged; on the device so step() never reads back. */
  alive: tf.Variable<tf.Rank.R0>;
  opt: RaceOptimizer;
  rng: Rng;
  /** Set by view()/importWeights once `alive` was read as 0: step() then skips the racer. */
  stopped: boolean;
}

/**
 * Several optimisers racing on one 2-D surface f(x, y), all from the same start.
 * Each racer is a tf.Variable [x, y] with its own real tf.train optimiser; one step()
 * advances every racer by one optimiser step, with ∇f from tfjs autodiff.
 *
 * Divergence is per racer and decided on the device: after its update a racer whose
 * position is not finite or beyond ±RACER_BOUND, or whose loss was not finite, is put
 * back where it was (`tf.where`) and its `alive` flag drops to 0, so positions never
 * hold NaN and nothing is read back during step().
 *
 * step() returns the *lowest* pre-step loss among racers still moving (the leader's
 * loss), not the mean: one racer blowing up must not pause a race the others are still
 * running, and the loop's explosion check (loss ≫ best so far) would trip on a mean.
 * Once every racer has diverged it returns +Infinity, so the training loop reports the
 * divergence and pauses, as it does for any other lesson.
 */
export class SurfaceRaceTask implements TrainTask<SurfaceRaceHyper, SurfaceRaceView> {
  readonly surface: Surface;
  readonly start: Point;
  private readonly racers: Racer[];
  private hyper: SurfaceRaceHyper;
  private steps = 0;
  /** One [racers, 3] tensor per step not yet viewed. */
  private trail: tf.Tensor2D[] = [];

  constructor(spec: SurfaceRaceSpec, hyper: SurfaceRaceHyper) {
    if (spec.racers.length === 0) throw new RangeError('a race needs at least one optimiser');
    if (new Set(spec.racers).size !== spec.racers.length) {
      throw new RangeError(`each optimiser may race once, got ${spec.racers.join(', ')}`);
    }
    validateHyper(hyper);
    this.surface = createSurface(spec.surface, spec.surfaceParams);
    this.start = { ...(spec.start ?? this.surface.start) };
    this.hyper = { ...hyper, learningRates: { ...hyper.learningRates } };
    // Variable names are global in tfjs; a unique id lets an old and a new race coexist.
    const id = nextId++;
    this.racers = spec.racers.map((name) => {
      // Inside tidy: a variable shares its initial tensor's data, and that tensor must go.
      const pos = tf.tidy(() =>
        tf.variable(tf.tensor1d([this.start.x, this.start.y]), true, `race_${id}_${name}`),
      ) as tf.Variable<tf.Rank.R1>;
      const alive = tf.tidy(() => tf.variable(tf.scalar(1), false, `race_${id}_${name}_alive`)) as tf.Variable<tf.Rank.R0>;
      return { name, pos, alive, opt: this.makeOptimizer(name), rng: racerRng(spec.seed, name), stopped: false };
    });
  }

  /** One gradient evaluation per racer. */
  examplesPerStep(): number {
    return this.racers.length;
  }

  /** The learning rate racer `name` uses: its own if set, else the shared one. */
  learningRateOf(name: RaceOptimizerName): number {
    return this.hyper.learningRates?.[name] ?? this.hyper.learningRate;
  }

  setHyper(h: Partial<SurfaceRaceHyper>): void {
    validateHyper(h);
    // Keys given as undefined leave the setting alone (a plain spread would erase it).
    const given = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined));
    this.hyper = {
      ...this.hyper,
      ...given,
      learningRates: { ...(h.learningRates ?? this.hyper.learningRates) },
    };
    for (const r of this.racers) r.opt.update({ ...this.optimizerSettings(), learningRate: this.learningRateOf(r.name) });
  }

  step(): tf.Scalar {
    this.steps++;
    const losses: tf.Scalar[] = [];
    const perRacer = this.racers.map((r) => {
      if (r.stopped) return null;
      const l = this.stepRacer(r);
      losses.push(l);
      return l;
    });
    const leader = tf.tidy(() => {
      this.trail.push(
        tf.keep(
          tf.stack(
            this.racers.map((r, i) => tf.concat([r.pos, tf.reshape(perRacer[i] ?? tf.scalar(Infinity), [1])])),
          ) as tf.Tensor2D,
        ),
      );
      return losses.length > 0 ? tf.min(tf.stack(losses)) : tf.scalar(Infinity);
    });
    if (this.trail.length > TRAIL_CAPACITY) this.trail.shift()?.dispose();
    tf.dispose(losses);
    return leader as tf.Scalar;
  }

  /** Read and clear the steps recorded since the last call. */
  private async takeTrail(): Promise<RaceTrail> {
    const pending = this.trail;
    this.trail = [];
    const racers = this.racers.length;
    if (pending.length === 0) return { firstStep: this.steps + 1, steps: 0, racers, data: new Float32Array(0) };
    const stacked = tf.stack(pending);
    tf.dispose(pending);
    const data = (await stacked.data()) as Float32Array;
    stacked.dispose();
    return { firstStep: this.steps - pending.length + 1, steps: pending.length, racers, data };
  }

  /** One optimiser step of one racer; returns its pre-step loss, or +∞ if it has diverged. */
  private stepRacer(r: Racer): tf.Scalar {
    const { value, grads } = r.opt.optimizer.computeGradients(() => this.surface.loss(r.pos), [r.pos]);
    const sigma = this.hyper.noise;
    if (sigma > 0) {
      const g = grads[r.pos.name]!;
      grads[r.pos.name] = tf.tidy(() => tf.add(g, tf.tensor1d([sigma * r.rng.normal(), sigma * r.rng.normal()])));
      g.dispose();
    }
    const prev = tf.clone(r.pos);
    r.opt.applyGradients(grads);
    const masked = tf.tidy(() => {
      const inBounds = tf.all(tf.lessEqual(tf.abs(r.pos), RACER_BOUND)); // false for NaN too
      const ok = tf.logicalAnd(inBounds, tf.isFinite(value));
      const alive = tf.mul<tf.Scalar>(r.alive, tf.cast(ok, 'float32'));
      const moving = tf.greater(alive, 0);
      r.pos.assign(tf.where(moving, r.pos, prev));
      r.alive.assign(alive);
      return tf.where(moving, value, Infinity);
    });
    tf.dispose([prev, value]);
    tf.dispose(grads);
    return masked as tf.Scalar;
  }

  async view(): Promise<SurfaceRaceView> {
    const steps = this.steps;
    const [rows, trail] = await Promise.all([this.readRacers(), this.takeTrail()]);
    return {
      surface: this.surface.id,
      step: steps,
      start: this.start,
      trail,
      racers: this.racers.map((r, i) => {
        const row = rows[i]!;
        return {
          id: r.name,
          label: RACE_OPTIMIZER_LABELS[r.name],
          x: row.x,
          y: row.y,
          loss: row.loss,
          diverged: !row.alive,
          learningRate: r.opt.learningRate,
        };
      }),
    };
  }

  /**
   * Each racer's [x, y] under `position/<name>` and its alive flag (1 or 0) under
   * `alive/<name>`. Optimiser state is not part of a snapshot.
   */
  async exportWeights(): Promise<WeightSnapshot> {
    const rows = await this.readRacers();
    const out: WeightSnapshot = {};
    this.racers.forEach((r, i) => {
      const row = rows[i]!;
      out[`position/${r.name}`] = { shape: [2], values: Float32Array.of(row.x, row.y) };
      out[`alive/${r.name}`] = { shape: [], values: Float32Array.of(row.alive ? 1 : 0) };
    });
    return out;
  }

  /**
   * Put racers at the snapshot's positions (racers missing from it stay put) and
   * restart their optimisers: velocities and moment estimates go back to zero. The
   * loop restores a snapshot after a divergence, and the blown-up velocity kept
   * with an old position would throw the racer straight back out.
   */
  importWeights(s: WeightSnapshot): void {
    for (const r of this.racers) {
      const p = s[`position/${r.name}`]?.values;
      const a = s[`alive/${r.name}`]?.values[0];
      tf.tidy(() => {
        if (p && p.length >= 2) r.pos.assign(tf.tensor1d([p[0]!, p[1]!]));
        if (a !== undefined) r.alive.assign(tf.scalar(a > 0 ? 1 : 0));
      });
      if (a !== undefined) r.stopped = !(a > 0);
      r.opt.dispose();
      r.opt = this.makeOptimizer(r.name);
    }
  }

  /** f at the points (x₀, y₀, x₁, y₁, …) given interleaved; returns one value per point. */
  async predict(input: Float32Array): Promise<Float32Array> {
    if (input.length % 2 !== 0) throw new RangeError('predict expects interleaved (x, y) pairs');
    const out = tf.tidy(() => {
      const xy = tf.tensor2d(input, [input.length / 2, 2]);
      const [x, y] = tf.unstack(xy, 1) as [tf.Tensor1D, tf.Tensor1D];
      return this.surface.lossXY(x, y);
    });
    const data = (await out.data()) as Float32Array;
    out.dispose();
    return data;
  }

  dispose(): void {
    tf.dispose(this.trail);
    this.trail = [];
    for (const r of this.racers) {
      r.opt.dispose();
      tf.dispose([r.pos, r.alive]);
    }
  }

  /** Positions, current losses and alive flags of all racers in one readback. */
  private async readRacers(): Promise<{ x: number; y: number; loss: number; alive: boolean }[]> {
    const packed = tf.tidy(() =>
      tf.stack(
        this.racers.map((r) => tf.concat([r.pos, tf.reshape(this.surface.loss(r.pos), [1]), tf.reshape(r.alive, [1])])),
      ),
    );
    const d = await packed.data();
    packed.dispose();
    return this.racers.map((r, i) => {
      const alive = d[i * 4 + 3]! > 0;
      // Once seen dead, a racer is skipped by step() instead of being computed and put back.
      if (!alive) r.stopped = true;
      return { x: d[i * 4]!, y: d[i * 4 + 1]!, loss: d[i * 4 + 2]!, alive };
    });
  }

  private optimizerSettings(): RaceOptimizerSettings {
    const { learningRate, momentum, rmsDecay, beta1, beta2 } = this.hyper;
    return { learningRate, momentum, rmsDecay, beta1, beta2 };
  }

  private makeOptimizer(name: RaceOptimizerName): RaceOptimizer {
    return createRaceOptimizer(name, { ...this.optimizerSettings(), learningRate: this.learningRateOf(name) });
  }
}

let nextId = 0;

function validateHyper(h: Partial<SurfaceRaceHyper>): void {
  validateRaceSettings(h);
  for (const lr of Object.values(h.learningRates ?? {})) validateRaceSettings({ learningRate: lr });
  if (h.noise !== undefined && !(Number.isFinite(h.noise) && h.noise >= 0)) {
    throw new RangeError(`noise σ must be ≥ 0, got ${h.noise}`);
  }
}

/**
 * Each racer draws its noise from its own stream, seeded by the race seed and the
 * optimiser's place in RACE_OPTIMIZERS: a racer's path does not change when others
 * join or leave the race.
 */
function racerRng(seed: number, name: RaceOptimizerName): Rng {
  const k = RACE_OPTIMIZERS.indexOf(name) + 1;
  return createRng((seed ^ Math.imul(k, 0x9e3779b9)) >>> 0);
}
