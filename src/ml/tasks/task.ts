import type * as tf from '@tensorflow/tfjs';

/** Plain copies of a model's weights: what survives a lost GPU, and what reset/restore use. */
export type WeightSnapshot = Record<string, { shape: number[]; values: Float32Array }>;

/**
 * One trainable thing a lesson shows. Pure tfjs: no DOM, no worker APIs, so the
 * same code runs in the worker and in Node tests.
 *
 * H is the set of hyperparameters that may change while training runs;
 * V is the view the page draws (weights, gradients, predictions …).
 */
export interface TrainTask<H, V, O = Record<string, never>> {
  /** Examples consumed by one step (for examples/s). */
  examplesPerStep(): number;
  /** Apply live hyperparameters; they take effect at the next step. */
  setHyper(h: Partial<H>): void;
  /**
   * One optimisation step. Returns the batch loss as a scalar the caller owns
   * (and disposes after reading it back, batched with others).
   */
  step(): tf.Scalar;
  /**
   * Optional, for tasks that train on the host (the fused engine): run n steps in one call and
   * return each step's loss. The loop prefers it to step(), so a millisecond holds hundreds of steps.
   */
  stepBatch?(n: number): Float32Array;
  /** Read what the page draws. Uses async readback only (never dataSync: it breaks WebGPU). */
  view(): Promise<V>;
  exportWeights(): Promise<WeightSnapshot>;
  importWeights(w: WeightSnapshot): void;
  /**
   * Optional: forget the optimiser's memory (momentum, Adam's moving averages, its step count).
   * A rewind calls it: snapshots keep weights only, and a later step's velocity must not push
   * weights it never saw.
   */
  resetOptimizer?(): void;
  /**
   * Optional: the weights just imported are those after `step` steps (a rewind, a restore). Tasks
   * whose schedule or view depends on their own step count (warm-up, "step" in the view, what is
   * due when) take it from here.
   */
  resumeAt?(step: number): void;
  /** Forward pass on raw inputs, e.g. a grid of x values. */
  predict(input: Float32Array): Promise<Float32Array>;
  /** Free every tensor and the optimiser's slots. */
  dispose(): void;
  /** Optional: change what view() computes beyond its cheap fields. */
  setViewOptions?(o: Partial<O>): void;
}
