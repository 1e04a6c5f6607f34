import { decimateMinMax, type Point } from './decimate';

/**
 * A bounded history of (step, value) pairs for one streaming series. When it
 * fills up it compacts itself with min–max decimation to half its capacity, so
 * an hour-long run keeps its whole shape (start, spikes, end) in bounded memory.
 * Non-finite values are refused: nothing that is not a number reaches a chart.
 */
export class SeriesBuffer {
  private xs: Float64Array;
  private ys: Float32Array;
  private n = 0;
  /** Bumped on every change, so views can memoise on it. */
  version = 0;

  constructor(readonly capacity = 100_000) {
    this.xs = new Float64Array(capacity);
    this.ys = new Float32Array(capacity);
  }

  get length(): number {
    return this.n;
  }

  /** Append values for consecutive steps firstStep, firstStep + 1, … */
  pushRun(firstStep: number, values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.push(firstStep + i, values[i]!);
  }

  push(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (this.n === this.capacity) this.compact();
    this.xs[this.n] = x;
    this.ys[this.n] = y;
    this.n++;
    this.version++;
  }

  clear(): void {
    this.n = 0;
    this.version++;
  }

  /** Drop every point after step x (training continues from an earlier step). */
  truncateAfter(x: number): void {
    let n = this.n;
    while (n > 0 && this.xs[n - 1]! > x) n--;
    if (n === this.n) return;
    this.n = n;
    this.version++;
  }

  last(): Point | null {
    return this.n === 0 ? null : { x: this.xs[this.n - 1]!, y: this.ys[this.n - 1]! };
  }

  /** The stored point whose step is nearest to x (for a chart's hover readout), or null when empty. */
  nearest(x: number): Point | null {
    if (this.n === 0) return null;
    let lo = 0;
    let hi = this.n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.xs[mid]! < x) lo = mid;
      else hi = mid;
    }
    const i = Math.abs(this.xs[lo]! - x) <= Math.abs(this.xs[hi]! - x) ? lo : hi;
    return { x: this.xs[i]!, y: this.ys[i]! };
  }

  /** The series reduced to at most maxPoints points for drawing. */
  decimated(maxPoints: number): Point[] {
    return decimateMinMax(this.xs.subarray(0, this.n), this.ys.subarray(0, this.n), maxPoints);
  }

  /** Every stored point (for CSV export). */
  points(): Point[] {
    return decimateMinMax(this.xs.subarray(0, this.n), this.ys.subarray(0, this.n), Infinity);
  }

  private compact(): void {
    const kept = decimateMinMax(this.xs.subarray(0, this.n), this.ys.subarray(0, this.n), this.capacity / 2);
    this.n = kept.length;
    kept.forEach((p, i) => {
      this.xs[i] = p.x;
      this.ys[i] = p.y;
    });
  }
}
