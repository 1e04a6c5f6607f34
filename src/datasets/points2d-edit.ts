/**
 * Points the learner adds or removes by clicking. Pure functions: each returns new arrays (or a
 * new spec) and says in words why it changed nothing or what it had to adjust.
 */
import { LEARNER_TARGET_RANGE, POINTS2D, POINTS2D_RANGE, clampCoord, clampTarget, type Points2D, type Points2DKind } from './points2d';
import { buildPoints2D, type LearnerPoint, type Points2DSpec } from './points2d-split';

export interface EditResult<T> {
  value: T;
  changed: boolean;
  /** Why nothing changed, or what was adjusted (a point clamped into the square); null if neither. */
  reason: string | null;
}

/** Two decimals; a value too large to round that way (|v| > 1.8e306) in exponent form, never "Infinity". */
const fmt = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Number.isFinite(r) ? String(r) : v.toExponential(2);
};

/**
 * Checks a learner point: coordinates must be finite and are clamped into [−6, 6]²; the label
 * must be a class index (classification) or a finite number (regression), which is clamped
 * into ±LEARNER_TARGET_RANGE.
 */
export function checkLearnerPoint(
  p: LearnerPoint,
  kind: Points2DKind,
  classes: number,
): { point: LearnerPoint | null; reason: string | null } {
  if (!Number.isFinite(p.x1) || !Number.isFinite(p.x2)) return { point: null, reason: 'the point has no position' };
  if (kind === 'classification' && !(Number.isInteger(p.y) && p.y >= 0 && p.y < classes)) {
    return { point: null, reason: `class must be 0 … ${classes - 1}, got ${p.y}` };
  }
  if (kind === 'regression' && !Number.isFinite(p.y)) return { point: null, reason: 'the target must be a number' };
  const x1 = clampCoord(p.x1);
  const x2 = clampCoord(p.x2);
  const y = kind === 'regression' ? clampTarget(p.y) : p.y;
  const moved = x1 !== p.x1 || x2 !== p.x2;
  const r = POINTS2D_RANGE;
  const t = LEARNER_TARGET_RANGE;
  const reasons = [
    moved ? `(${fmt(p.x1)}, ${fmt(p.x2)}) is outside [−${r}, ${r}]²: moved to (${fmt(x1)}, ${fmt(x2)})` : null,
    y !== p.y ? `the target ${fmt(p.y)} is outside [−${t}, ${t}]: set to ${fmt(y)}` : null,
  ].filter((s) => s !== null);
  return { point: { x1, x2, y }, reason: reasons.length > 0 ? reasons.join('; ') : null };
}

/** The set with one more point appended (clamped into the square). */
export function addPoint(d: Points2D, p: LearnerPoint): EditResult<Points2D> {
  const { point, reason } = checkLearnerPoint(p, d.kind, d.classes);
  if (!point) return { value: d, changed: false, reason };
  const xs = new Float32Array(d.xs.length + 2);
  xs.set(d.xs);
  xs[d.xs.length] = point.x1;
  xs[d.xs.length + 1] = point.x2;
  const ys = new Float32Array(d.ys.length + 1);
  ys.set(d.ys);
  ys[d.ys.length] = point.y;
  return { value: { ...d, xs, ys }, changed: true, reason };
}

/** Index of the point nearest (x1, x2) within `radius`, or −1. */
export function nearestPoint(d: Points2D, x1: number, x2: number, radius: number): number {
  let best = -1;
  let bestD2 = radius * radius;
  for (let i = 0; i < d.ys.length; i++) {
    const d2 = (d.xs[2 * i]! - x1) ** 2 + (d.xs[2 * i + 1]! - x2) ** 2;
    if (d2 <= bestD2) {
      best = i;
      bestD2 = d2;
    }
  }
  return best;
}

/** The set without the point nearest (x1, x2), if one lies within `radius`. */
export function removeNearest(d: Points2D, x1: number, x2: number, radius: number): EditResult<Points2D> {
  const i = nearestPoint(d, x1, x2, radius);
  if (i < 0) return { value: d, changed: false, reason: `no point within ${fmt(radius)} of (${fmt(x1)}, ${fmt(x2)})` };
  const xs = new Float32Array(d.xs.length - 2);
  xs.set(d.xs.subarray(0, 2 * i));
  xs.set(d.xs.subarray(2 * i + 2), 2 * i);
  const ys = new Float32Array(d.ys.length - 1);
  ys.set(d.ys.subarray(0, i));
  ys.set(d.ys.subarray(i + 1), i);
  return { value: { ...d, xs, ys }, changed: true, reason: null };
}

/** The spec with a learner point added to `extraPoints` (clamped into the square). */
export function addPointToSpec(spec: Points2DSpec, p: LearnerPoint): EditResult<Points2DSpec> {
  const info = POINTS2D[spec.dataset];
  const { point, reason } = checkLearnerPoint(p, info.kind, info.classes);
  if (!point) return { value: spec, changed: false, reason };
  return { value: { ...spec, extraPoints: [...(spec.extraPoints ?? []), point] }, changed: true, reason };
}

/**
 * The spec without the point nearest (x1, x2) within `radius`, training or test: a learner
 * point is dropped from `extraPoints`, a generated one has its index added to `removed`.
 */
export function removePointFromSpec(spec: Points2DSpec, x1: number, x2: number, radius: number): EditResult<Points2DSpec> {
  const { train, test, trainSource, testSource } = buildPoints2D(spec);
  const iTrain = nearestPoint(train, x1, x2, radius);
  const iTest = nearestPoint(test, x1, x2, radius);
  const dist = (d: Points2D, i: number) => (i < 0 ? Infinity : Math.hypot(d.xs[2 * i]! - x1, d.xs[2 * i + 1]! - x2));
  if (iTrain < 0 && iTest < 0) {
    return { value: spec, changed: false, reason: `no point within ${fmt(radius)} of (${fmt(x1)}, ${fmt(x2)})` };
  }
  const source = dist(train, iTrain) <= dist(test, iTest) ? trainSource[iTrain]! : testSource[iTest]!;
  if (source >= 0) return { value: { ...spec, removed: [...(spec.removed ?? []), source] }, changed: true, reason: null };
  // A learner point: training points list the generated ones first, then extraPoints in order.
  const k = iTrain - (trainSource.length - (spec.extraPoints ?? []).length);
  const extraPoints = (spec.extraPoints ?? []).filter((_, j) => j !== k);
  return { value: { ...spec, extraPoints }, changed: true, reason: null };
}
