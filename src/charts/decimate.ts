/** A point as the charts draw it. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Min–max decimation (the M4 idea): split the range into buckets and keep each
 * bucket's lowest and highest point, in x order, plus the very first and last
 * point. Spikes survive — a divergence blip or the best loss is never averaged
 * away, as it would be by plain striding — and the result has ≤ maxPoints points.
 */
export function decimateMinMax(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints: number): Point[] {
  const n = Math.min(xs.length, ys.length);
  const out: Point[] = [];
  if (n === 0) return out;
  if (n <= maxPoints) {
    for (let i = 0; i < n; i++) out.push({ x: xs[i]!, y: ys[i]! });
    return out;
  }
  const inner = Math.max(1, Math.floor((maxPoints - 2) / 2));
  out.push({ x: xs[0]!, y: ys[0]! });
  const span = n - 2;
  for (let b = 0; b < inner; b++) {
    const lo = 1 + Math.floor((b * span) / inner);
    const hi = 1 + Math.floor(((b + 1) * span) / inner);
    if (hi <= lo) continue;
    let iMin = lo;
    let iMax = lo;
    for (let i = lo + 1; i < hi; i++) {
      if (ys[i]! < ys[iMin]!) iMin = i;
      if (ys[i]! > ys[iMax]!) iMax = i;
    }
    const first = Math.min(iMin, iMax);
    const second = Math.max(iMin, iMax);
    out.push({ x: xs[first]!, y: ys[first]! });
    if (second !== first) out.push({ x: xs[second]!, y: ys[second]! });
  }
  out.push({ x: xs[n - 1]!, y: ys[n - 1]! });
  return out;
}
