/**
 * Seeded 2-D point sets for the MLP playground, after TensorFlow Playground's dataset.ts.
 *
 * Coordinates: like TF Playground, points live in the square [−6, 6]² (POINTS2D_RANGE); the
 * generators place them within about ±5 and clamp any noisy point back into the square, so the
 * prediction grid over [−6, 6]² always covers the data.
 *
 * Noise is a number in [0, 1] (the Playground's 0–50 % slider maps to 0–0.5). For classification
 * it jitters each point's position with a Gaussian whose σ is `noise × jitter` (jitter per set,
 * below); the label stays the class that generated the point, so noise makes classes overlap.
 * For regression it adds N(0, (noise · 0.5)²) to the target (targets lie in about [−1.2, 1.2]).
 */
import { createRng, type Rng } from './rng';

/** Half-width of the data square: points lie in [−6, 6]². */
export const POINTS2D_RANGE = 6;

export const POINTS2D_DATASETS = ['circle', 'xor', 'gaussians', 'spiral', 'spiral3', 'plane', 'multi-gaussian'] as const;
export type Points2DName = (typeof POINTS2D_DATASETS)[number];
export type Points2DKind = 'classification' | 'regression';

/** A 2-D point set. */
export interface Points2D {
  kind: Points2DKind;
  /** n × 2, interleaved x1, x2. */
  xs: Float32Array;
  /** Class index 0 … classes − 1 (classification) or the target value (regression), one per point. */
  ys: Float32Array;
  /** Number of classes (2 or 3); 0 for regression. */
  classes: number;
}

export interface Points2DInfo {
  label: string;
  kind: Points2DKind;
  classes: number;
  generate: (n: number, noise: number, rng: Rng) => Points2D;
}

/** A coordinate clamped into [−6, 6]. */
export const clampCoord = (v: number): number => Math.max(-POINTS2D_RANGE, Math.min(POINTS2D_RANGE, v));

/**
 * The largest |target| a learner-added regression point may have: the generated targets lie in
 * about [−1.2, 1.2], and the page's "target value a click adds" spans the same ±1.5. Without a
 * bound a link could carry pts=0,0,1e39, which is Infinity in float32: the first step diverges.
 */
export const LEARNER_TARGET_RANGE = 1.5;

/** A learner point's regression target clamped into [−1.5, 1.5]. */
export const clampTarget = (v: number): number => Math.max(-LEARNER_TARGET_RANGE, Math.min(LEARNER_TARGET_RANGE, v));

/** Collects n points, clamping coordinates into the square. */
function builder(n: number, kind: Points2DKind, classes: number) {
  const xs = new Float32Array(2 * n);
  const ys = new Float32Array(n);
  return {
    set(i: number, x1: number, x2: number, y: number) {
      xs[2 * i] = clampCoord(x1);
      xs[2 * i + 1] = clampCoord(x2);
      ys[i] = y;
    },
    done: (): Points2D => ({ kind, xs, ys, classes }),
  };
}

/** Class 0 inside radius 2.5, class 1 in the ring 3.5 … 5 (jitter σ = 1.5 at noise 1). */
function circle(n: number, noise: number, rng: Rng): Points2D {
  const b = builder(n, 'classification', 2);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const r = cls === 0 ? 2.5 * Math.sqrt(rng.next()) : 3.5 + 1.5 * rng.next();
    const a = 2 * Math.PI * rng.next();
    b.set(i, r * Math.cos(a) + 1.5 * noise * rng.normal(), r * Math.sin(a) + 1.5 * noise * rng.normal(), cls);
  }
  return b.done();
}

/**
 * Uniform in [−5, 5]², pushed 0.3 away from the axes (as the Playground does); class 1 in the
 * quadrants where x1·x2 > 0. Quadrants are visited in turn, so the four are exactly balanced
 * when 4 divides n. Jitter σ = 1.5 at noise 1.
 */
function xor(n: number, noise: number, rng: Rng): Points2D {
  const b = builder(n, 'classification', 2);
  const pad = 0.3;
  for (let i = 0; i < n; i++) {
    const sx = i % 2 === 0 ? 1 : -1;
    const sy = i % 4 < 2 ? 1 : -1;
    const x1 = sx * (pad + (5 - pad) * rng.next());
    const x2 = sy * (pad + (5 - pad) * rng.next());
    b.set(i, x1 + 1.5 * noise * rng.normal(), x2 + 1.5 * noise * rng.normal(), sx * sy > 0 ? 1 : 0);
  }
  return b.done();
}

/** Class 1 around (2, 2), class 0 around (−2, −2); σ² = 0.5 + 3.5·noise (the Playground's 0.5 … 4). */
function gaussians(n: number, noise: number, rng: Rng): Points2D {
  const b = builder(n, 'classification', 2);
  const sd = Math.sqrt(0.5 + 3.5 * noise);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const c = cls === 1 ? 2 : -2;
    b.set(i, c + sd * rng.normal(), c + sd * rng.normal(), cls);
  }
  return b.done();
}

/**
 * `arms` interleaved spiral arms, one class each: radius 0 … 5 over 1.75 turns, arm k rotated
 * by 2πk/arms. Jitter σ = 0.6 at noise 1 (about the Playground's uniform ±1).
 */
function spiral(arms: number) {
  return (n: number, noise: number, rng: Rng): Points2D => {
    const b = builder(n, 'classification', arms);
    const perArm = Math.ceil(n / arms);
    for (let i = 0; i < n; i++) {
      const cls = i % arms;
      const f = Math.floor(i / arms) / perArm;
      const r = 5 * f;
      const t = 1.75 * 2 * Math.PI * f + (2 * Math.PI * cls) / arms;
      b.set(i, r * Math.sin(t) + 0.6 * noise * rng.normal(), r * Math.cos(t) + 0.6 * noise * rng.normal(), cls);
    }
    return b.done();
  };
}

/** Uniform over [−6, 6]²; target (x1 + x2) / 10, in [−1.2, 1.2]. */
export const planeTarget = (x1: number, x2: number): number => (x1 + x2) / 10;

/** Six bumps of height ±1 and σ = 1.5 on a 3 × 2 grid (the Playground's centres), summed. */
const BUMPS: readonly [number, number, number][] = [
  [-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
  [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1],
]; // prettier-ignore
export function multiGaussianTarget(x1: number, x2: number): number {
  let s = 0;
  for (const [cx, cy, sign] of BUMPS) s += sign * Math.exp(-((x1 - cx) ** 2 + (x2 - cy) ** 2) / (2 * 1.5 ** 2));
  return s;
}

function regression(target: (x1: number, x2: number) => number) {
  return (n: number, noise: number, rng: Rng): Points2D => {
    const b = builder(n, 'regression', 0);
    for (let i = 0; i < n; i++) {
      const x1 = POINTS2D_RANGE * (2 * rng.next() - 1);
      const x2 = POINTS2D_RANGE * (2 * rng.next() - 1);
      b.set(i, x1, x2, target(x1, x2) + 0.5 * noise * rng.normal());
    }
    return b.done();
  };
}

/** The name → generator registry (the URL vocabulary). */
export const POINTS2D: Record<Points2DName, Points2DInfo> = {
  circle: { label: 'Circle', kind: 'classification', classes: 2, generate: circle },
  xor: { label: 'XOR', kind: 'classification', classes: 2, generate: xor },
  gaussians: { label: 'Two Gaussians', kind: 'classification', classes: 2, generate: gaussians },
  spiral: { label: 'Spiral', kind: 'classification', classes: 2, generate: spiral(2) },
  spiral3: { label: 'Spiral (3 classes)', kind: 'classification', classes: 3, generate: spiral(3) },
  plane: { label: 'Plane', kind: 'regression', classes: 0, generate: regression(planeTarget) },
  'multi-gaussian': { label: 'Multi-Gaussian', kind: 'regression', classes: 0, generate: regression(multiGaussianTarget) },
};

/** n points of the named set, reproducible from the seed. */
export function generatePoints2D(name: Points2DName, n: number, noise: number, seed: number): Points2D {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  return POINTS2D[name].generate(n, Math.max(0, noise), createRng(seed));
}

/** The points with the given indices, in that order. */
export function subsetPoints2D(d: Points2D, idx: ArrayLike<number>): Points2D {
  const xs = new Float32Array(2 * idx.length);
  const ys = new Float32Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    xs[2 * k] = d.xs[2 * i]!;
    xs[2 * k + 1] = d.xs[2 * i + 1]!;
    ys[k] = d.ys[i]!;
  }
  return { kind: d.kind, xs, ys, classes: d.classes };
}

export const countPoints2D = (d: Points2D): number => d.ys.length;
