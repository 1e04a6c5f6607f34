/**
 * Input features of the MLP playground, as TensorFlow Playground offers them: the network sees
 * any subset of x1, x2, x1², x2², x1·x2, sin x1, sin x2 computed from each point (no rescaling,
 * as in the Playground: on [−6, 6]² the squares reach 36).
 */

export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type FeatureName = (typeof FEATURES)[number];

/** KaTeX labels for the feature picker. */
export const FEATURE_LABELS: Record<FeatureName, string> = {
  x1: 'x_1',
  x2: 'x_2',
  x1sq: 'x_1^2',
  x2sq: 'x_2^2',
  x1x2: 'x_1 x_2',
  sinx1: '\\sin x_1',
  sinx2: '\\sin x_2',
};

const FEATURE_FNS: Record<FeatureName, (x1: number, x2: number) => number> = {
  x1: (x1) => x1,
  x2: (_, x2) => x2,
  x1sq: (x1) => x1 * x1,
  x2sq: (_, x2) => x2 * x2,
  x1x2: (x1, x2) => x1 * x2,
  sinx1: (x1) => Math.sin(x1),
  sinx2: (_, x2) => Math.sin(x2),
};

export const isFeatureName = (s: string): s is FeatureName => (FEATURES as readonly string[]).includes(s);

/** The n × F feature matrix (row-major) of n interleaved points, features in the order given. */
export function featureMatrix(points: Float32Array, features: readonly FeatureName[]): Float32Array {
  if (points.length % 2 !== 0) throw new RangeError('points must be interleaved (x1, x2) pairs');
  const n = points.length / 2;
  const f = features.length;
  const fns = features.map((name) => FEATURE_FNS[name]);
  const out = new Float32Array(n * f);
  for (let i = 0; i < n; i++) {
    const x1 = points[2 * i]!;
    const x2 = points[2 * i + 1]!;
    for (let j = 0; j < f; j++) out[i * f + j] = fns[j]!(x1, x2);
  }
  return out;
}
