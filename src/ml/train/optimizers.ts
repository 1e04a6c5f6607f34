import * as tf from '@tensorflow/tfjs';

import type { OptimizerName, RaceOptimizerName } from './optimizer-names';

export {
  OPTIMIZERS,
  OPTIMIZER_LABELS,
  RACE_OPTIMIZERS,
  RACE_OPTIMIZER_LABELS,
  type OptimizerName,
  type RaceOptimizerName,
} from './optimizer-names';

export interface OptimizerSettings {
  learningRate: number;
  /** Momentum coefficient β (Momentum only). */
  momentum: number;
  beta1: number;
  beta2: number;
}

export const DEFAULT_OPTIMIZER_SETTINGS: OptimizerSettings = {
  learningRate: 0.1,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
};

const ADAM_EPSILON = 1e-7;

export function createOptimizer(name: OptimizerName, s: OptimizerSettings): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(s.learningRate);
    case 'momentum':
      return tf.train.momentum(s.learningRate, s.momentum);
    case 'adam':
      return tf.train.adam(s.learningRate, s.beta1, s.beta2, ADAM_EPSILON);
  }
}

/**
 * Change the learning rate of a live optimiser so it applies at the next step.
 * SGD (and Momentum, its subclass) caches −α as a kept scalar: assigning
 * `learningRate` is silently ignored, only setLearningRate() works. Adam reads
 * `this.learningRate` on every applyGradients, so assignment is the way there.
 */
export function setLearningRate(opt: tf.Optimizer, lr: number): void {
  // Not `instanceof`: tfjs's Optimizer overrides Symbol.hasInstance so that every
  // optimiser is an "instance" of every optimiser class.
  if (hasSetLearningRate(opt)) {
    opt.setLearningRate(lr);
    return;
  }
  // `learningRate` is declared protected on AdamOptimizer; it is read on each step.
  (opt as unknown as { learningRate: number }).learningRate = lr;
}

function hasSetLearningRate(opt: tf.Optimizer): opt is tf.SGDOptimizer {
  return typeof (opt as Partial<tf.SGDOptimizer>).setLearningRate === 'function';
}

/**
 * Free an optimiser completely. tfjs 4.22's MomentumOptimizer.dispose() does not
 * call super.dispose(), so the −α scalar it inherits from SGD would leak one
 * tensor per optimiser; disposing a tensor twice is harmless.
 */
export function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  (opt as unknown as { c?: tf.Scalar }).c?.dispose();
}

/** The learning rate the optimiser will really use at its next step (read back, not our copy). */
export function readLearningRate(opt: tf.Optimizer): number {
  return (opt as unknown as { learningRate: number }).learningRate;
}

/* ------------------------------------------------------------------------------------------
 * Optimisers for the loss-surface race. A separate list from OPTIMIZERS so lessons that
 * offer only SGD/Momentum/Adam are unaffected. Every one is a real tf.train optimiser;
 * RaceOptimizer only adds live changes of β, ρ, β₁, β₂ that tfjs 4.22 does not get right
 * by itself (see `update`).
 *
 * The exact tfjs 4.22 update rules (read from tfjs-core/dist/optimizers/*.js, checked
 * step by step in src/ml/tasks/surface-race.test.ts), g = ∇f(θ_t), slots start at 0:
 *   sgd       θ ← θ − α g
 *   momentum  v ← β v + g;            θ ← θ − α v
 *   nesterov  v ← β v + g;            θ ← θ − α (g + β v)          (v already updated)
 *   rmsprop   s ← ρ s + (1 − ρ) g²;   θ ← θ − α g / √(s + ε)       (ε inside the root;
 *             tfjs's momentum term is kept at 0 and `centered` off)
 *   adam      m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
 *             θ ← θ − α · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)   (ε outside the root,
 *             after bias correction; t counts from 1)
 * ---------------------------------------------------------------------------------------- */

export interface RaceOptimizerSettings {
  learningRate: number;
  /** β of Momentum and Nesterov, in [0, 1). */
  momentum: number;
  /** ρ of RMSProp: decay of the running mean of g², in [0, 1). */
  rmsDecay: number;
  /** Adam's β₁ and β₂, in [0, 1). */
  beta1: number;
  beta2: number;
}

export const DEFAULT_RACE_SETTINGS: RaceOptimizerSettings = {
  learningRate: 0.05,
  momentum: 0.9,
  rmsDecay: 0.9,
  beta1: 0.9,
  beta2: 0.999,
};

/**
 * ε of RMSProp and Adam. Passed explicitly: tfjs's default is the backend's epsilon,
 * which is 1e-7 on float32 backends but 1e-4 on WebGL devices with only float16
 * textures, and the race should not change with the backend.
 */
export const RACE_EPSILON = 1e-7;

/** Throws a RangeError naming the first setting that is out of range. */
export function validateRaceSettings(s: Partial<RaceOptimizerSettings>): void {
  if (s.learningRate !== undefined && !(Number.isFinite(s.learningRate) && s.learningRate > 0)) {
    throw new RangeError(`learning rate must be a positive number, got ${s.learningRate}`);
  }
  for (const k of ['momentum', 'rmsDecay', 'beta1', 'beta2'] as const) {
    const v = s[k];
    if (v !== undefined && !(v >= 0 && v < 1)) throw new RangeError(`${k} must be in [0, 1), got ${v}`);
  }
}

/** Fields the tfjs optimisers read on every applyGradients; TypeScript declares them private. */
interface TfjsOptimizerFields {
  learningRate: number;
  /** RMSProp. */
  decay: number;
  /** Adam. */
  beta1: number;
  beta2: number;
  /** Adam: β₁ᵗ⁺¹ and β₂ᵗ⁺¹ as kept variables, multiplied by β after each step. */
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  /** Momentum/Nesterov: β as a kept scalar made once in the constructor. */
  m: tf.Scalar;
  setMomentum(m: number): void;
}

/** One tf.train optimiser for one racer, with its settings changeable between steps. */
export class RaceOptimizer {
  readonly optimizer: tf.Optimizer;
  private readonly s: RaceOptimizerSettings;
  /** Π β₁ and Π β₂ over the steps taken so far: Adam's exact bias correction when β changes. */
  private beta1Product = 1;
  private beta2Product = 1;

  constructor(
    readonly name: RaceOptimizerName,
    settings: RaceOptimizerSettings,
  ) {
    validateRaceSettings(settings);
    this.s = { ...settings };
    this.optimizer = makeRaceOptimizer(name, this.s);
  }

  get settings(): Readonly<RaceOptimizerSettings> {
    return this.s;
  }

  /** The learning rate the optimiser will really use at its next step (read back from it). */
  get learningRate(): number {
    return readLearningRate(this.optimizer);
  }

  applyGradients(grads: tf.NamedTensorMap): void {
    this.optimizer.applyGradients(grads);
    this.beta1Product *= this.s.beta1;
    this.beta2Product *= this.s.beta2;
  }

  /**
   * Change settings live; they apply from the next step, and the slots (velocity,
   * moment estimates) carry on. Settings that this optimiser does not use are stored
   * but ignored. What tfjs 4.22 needs for each:
   * - α: SGD/Momentum cache −α as a scalar, so `setLearningRate`; RMSProp and Adam read
   *   the field on each step.
   * - β (Momentum/Nesterov): tfjs's `setMomentum` only updates the config field; the
   *   update uses the scalar `m` made in the constructor, so that is replaced too.
   * - ρ (RMSProp), β₁/β₂ (Adam): the fields are read on each step. Adam's bias-correction
   *   accumulators hold Πβ·β_next and are multiplied by the *new* β from then on, so they
   *   are reset to (Π of the β's used so far)·β_new: the correction stays exact, because
   *   with a time-varying β the mean of m after t steps of a constant g is (1 − Π βₛ)·g.
   */
  update(next: Partial<RaceOptimizerSettings>): void {
    validateRaceSettings(next);
    const o = this.optimizer as unknown as TfjsOptimizerFields;
    if (next.learningRate !== undefined && next.learningRate !== this.s.learningRate) {
      this.s.learningRate = next.learningRate;
      setLearningRate(this.optimizer, next.learningRate);
    }
    if (next.momentum !== undefined && next.momentum !== this.s.momentum) {
      this.s.momentum = next.momentum;
      if (this.name === 'momentum' || this.name === 'nesterov') {
        if (!(o.m instanceof tf.Tensor)) throw new Error('tfjs MomentumOptimizer internals changed: no `m`');
        o.m.dispose();
        o.m = tf.keep(tf.scalar(next.momentum));
        o.setMomentum(next.momentum);
      }
    }
    if (next.rmsDecay !== undefined) {
      this.s.rmsDecay = next.rmsDecay;
      if (this.name === 'rmsprop') o.decay = next.rmsDecay;
    }
    for (const [key, acc, product] of [
      ['beta1', 'accBeta1', this.beta1Product],
      ['beta2', 'accBeta2', this.beta2Product],
    ] as const) {
      const beta = next[key];
      if (beta === undefined || beta === this.s[key]) continue;
      this.s[key] = beta;
      if (this.name !== 'adam') continue;
      if (!(o[acc] instanceof tf.Variable)) throw new Error(`tfjs AdamOptimizer internals changed: no \`${acc}\``);
      o[key] = beta;
      tf.tidy(() => o[acc].assign(tf.scalar(product * beta)));
    }
  }

  dispose(): void {
    disposeOptimizer(this.optimizer);
  }
}

export function createRaceOptimizer(name: RaceOptimizerName, settings: RaceOptimizerSettings): RaceOptimizer {
  return new RaceOptimizer(name, settings);
}

function makeRaceOptimizer(name: RaceOptimizerName, s: RaceOptimizerSettings): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(s.learningRate);
    case 'momentum':
      return tf.train.momentum(s.learningRate, s.momentum);
    case 'nesterov':
      return tf.train.momentum(s.learningRate, s.momentum, true);
    case 'rmsprop':
      // momentum 0, not centered: the textbook RMSProp.
      return tf.train.rmsprop(s.learningRate, s.rmsDecay, 0, RACE_EPSILON, false);
    case 'adam':
      return tf.train.adam(s.learningRate, s.beta1, s.beta2, RACE_EPSILON);
  }
}
