import * as tf from '@tensorflow/tfjs';

/** The optimisers a learner can pick. One registry; lessons choose a subset. */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  adam: 'Adam',
};

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

/** The learning rate the optimiser will really use at its next step (read back, not our copy). */
export function readLearningRate(opt: tf.Optimizer): number {
  return (opt as unknown as { learningRate: number }).learningRate;
}
