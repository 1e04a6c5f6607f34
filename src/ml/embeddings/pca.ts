/**
 * Principal component analysis of a few hundred D-dimensional rows, down to 2-D: the covariance
 * matrix and its two leading eigenvectors by power iteration with deflation. Pure: no DOM, no tfjs.
 */

export interface Pca2 {
  /** Projected coordinates, n each. */
  xs: Float32Array;
  ys: Float32Array;
  /** The two unit axes (D each). */
  axes: [Float64Array, Float64Array];
  /** Variance along each axis, and its share of the total variance. */
  variance: [number, number];
  explained: [number, number];
}

/** Leading eigenvector of the symmetric D×D matrix C (row-major), starting from `start`. */
function powerIteration(C: Float64Array, D: number, start: Float64Array, iters: number): { vec: Float64Array; value: number } {
  let v = Float64Array.from(start);
  let norm = Math.hypot(...v);
  if (!(norm > 0)) {
    v = new Float64Array(D).fill(1 / Math.sqrt(D));
    norm = 1;
  }
  for (let d = 0; d < D; d++) v[d]! /= norm;
  const w = new Float64Array(D);
  let value = 0;
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < D; i++) {
      let s = 0;
      for (let j = 0; j < D; j++) s += C[i * D + j]! * v[j]!;
      w[i] = s;
    }
    value = 0;
    for (let d = 0; d < D; d++) value += w[d]! * v[d]!;
    const n = Math.hypot(...w);
    if (!(n > 0)) break;
    for (let d = 0; d < D; d++) v[d] = w[d]! / n;
  }
  return { vec: v, value };
}

/**
 * Project n rows of `data` (row-major, D columns) onto their top two principal axes. `previous`
 * axes, when given, seed the iteration and fix each axis's sign, so that a plot redrawn as the
 * vectors change does not flip from one frame to the next.
 */
export function pca2(data: ArrayLike<number>, n: number, D: number, previous?: [Float64Array, Float64Array] | null, iters = 60): Pca2 {
  const mean = new Float64Array(D);
  for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) mean[d]! += data[i * D + d]!;
  for (let d = 0; d < D; d++) mean[d]! /= Math.max(1, n);
  const C = new Float64Array(D * D);
  const row = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < D; d++) row[d] = data[i * D + d]! - mean[d]!;
    for (let a = 0; a < D; a++) {
      const ra = row[a]!;
      if (ra === 0) continue;
      for (let b = a; b < D; b++) C[a * D + b]! += ra * row[b]!;
    }
  }
  let trace = 0;
  for (let a = 0; a < D; a++) {
    for (let b = a; b < D; b++) {
      const c = C[a * D + b]! / Math.max(1, n);
      C[a * D + b] = c;
      C[b * D + a] = c;
    }
    trace += C[a * D + a]!;
  }
  const seed = (k: number) => {
    const p = previous?.[k];
    if (p && p.length === D) return p;
    // A fixed, non-symmetric start (all-ones can be orthogonal to the answer by symmetry).
    return Float64Array.from({ length: D }, (_, d) => 1 + ((d * 7919) % 13) / 13);
  };
  const first = powerIteration(C, D, seed(0), iters);
  // Deflate: C − λ₁ e₁e₁ᵀ, then the second axis.
  for (let a = 0; a < D; a++) for (let b = 0; b < D; b++) C[a * D + b]! -= first.value * first.vec[a]! * first.vec[b]!;
  const second = powerIteration(C, D, seed(1), iters);
  const axes: [Float64Array, Float64Array] = [first.vec, second.vec];
  axes.forEach((ax, k) => {
    const p = previous?.[k];
    if (!p || p.length !== D) return;
    let dot = 0;
    for (let d = 0; d < D; d++) dot += ax[d]! * p[d]!;
    if (dot < 0) for (let d = 0; d < D; d++) ax[d] = -ax[d]!;
  });
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let x = 0;
    let y = 0;
    for (let d = 0; d < D; d++) {
      const r = data[i * D + d]! - mean[d]!;
      x += r * axes[0][d]!;
      y += r * axes[1][d]!;
    }
    xs[i] = x;
    ys[i] = y;
  }
  const variance: [number, number] = [Math.max(0, first.value), Math.max(0, second.value)];
  const explained: [number, number] = trace > 0 ? [variance[0] / trace, variance[1] / trace] : [0, 0];
  return { xs, ys, axes, variance, explained };
}
