/**
 * From a data spec to the train and test sets: generate (seeded), split (seeded), drop the
 * generated points the learner removed, append the points the learner added to the training set.
 */
import { createRng, permutation } from './rng';
import { clampCoord, clampTarget, generatePoints2D, subsetPoints2D, type Points2D, type Points2DName } from './points2d';

/** A point placed by the learner: y is a class index (classification) or a target value (regression). */
export interface LearnerPoint {
  x1: number;
  x2: number;
  y: number;
}

export interface Points2DSpec {
  dataset: Points2DName;
  n: number;
  /** In [0, 1]; see points2d.ts for what it does to each set. */
  noise: number;
  /** Fraction of the generated points held out for testing, in [0, 1). */
  testRatio: number;
  seed: number;
  /**
   * Points the learner added. They join the training set (not the test set), clamped into the
   * square; a regression target is clamped into ±LEARNER_TARGET_RANGE.
   */
  extraPoints?: LearnerPoint[];
  /** Indices (0 … n − 1) of generated points the learner removed, from whichever set they were in. */
  removed?: number[];
}

export interface Points2DSplit {
  train: Points2D;
  test: Points2D;
  /** For each training / test point, its index among the generated points (−1 for a learner point). */
  trainSource: Int32Array;
  testSource: Int32Array;
}

/** The seeded stream of the split, kept apart from the generator's so changing one leaves the other. */
const SPLIT_SALT = 0x5bd1e995;

/**
 * Indices of the test and training points: round(n · ratio) test points drawn by a seeded
 * shuffle, the rest training, at least one training point when n ≥ 1. Both in ascending order.
 */
export function splitIndices(n: number, testRatio: number, seed: number): { train: Int32Array; test: Int32Array } {
  const ratio = Math.min(Math.max(Number.isFinite(testRatio) ? testRatio : 0, 0), 1);
  const nTest = Math.min(Math.round(n * ratio), Math.max(0, n - 1));
  const p = permutation(n, createRng((seed ^ SPLIT_SALT) >>> 0));
  return { test: p.slice(0, nTest).sort(), train: p.slice(nTest).sort() };
}

/** The training and test sets a spec describes, reproducible from its seed. */
export function buildPoints2D(spec: Points2DSpec): Points2DSplit {
  const all = generatePoints2D(spec.dataset, spec.n, spec.noise, spec.seed);
  const split = splitIndices(spec.n, spec.testRatio, spec.seed);
  const gone = new Set(spec.removed ?? []);
  const keep = (idx: Int32Array) => idx.filter((i) => !gone.has(i));
  const trainIdx = keep(split.train);
  const testIdx = keep(split.test);
  const generated = subsetPoints2D(all, trainIdx);
  const extra = spec.extraPoints ?? [];
  const train: Points2D = {
    ...generated,
    xs: Float32Array.from([...generated.xs, ...extra.flatMap((p) => [clampCoord(p.x1), clampCoord(p.x2)])]),
    // Clamped here too, not only where a point is added: a link's pts go straight into the spec.
    ys: Float32Array.from([...generated.ys, ...extra.map((p) => (generated.kind === 'regression' ? clampTarget(p.y) : p.y))]),
  };
  const trainSource = Int32Array.from([...trainIdx, ...extra.map(() => -1)]);
  return { train, test: subsetPoints2D(all, testIdx), trainSource, testSource: testIdx };
}
