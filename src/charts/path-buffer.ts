/**
 * A growing 2-D path (an optimiser's trajectory) with bounded memory: when full
 * it keeps every other point (always the first and the newest), so a long run
 * still draws its whole shape.
 */
export class PathBuffer {
  xs: Float32Array;
  ys: Float32Array;
  length = 0;

  constructor(readonly capacity = 20_000) {
    this.xs = new Float32Array(capacity);
    this.ys = new Float32Array(capacity);
  }

  push(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (this.length === this.capacity) this.halve();
    this.xs[this.length] = x;
    this.ys[this.length] = y;
    this.length++;
  }

  last(): { x: number; y: number } | null {
    return this.length === 0 ? null : { x: this.xs[this.length - 1]!, y: this.ys[this.length - 1]! };
  }

  clear(): void {
    this.length = 0;
  }

  private halve(): void {
    let j = 0;
    for (let i = 0; i < this.length; i += 2) {
      this.xs[j] = this.xs[i]!;
      this.ys[j] = this.ys[i]!;
      j++;
    }
    if ((this.length - 1) % 2 !== 0) {
      this.xs[j] = this.xs[this.length - 1]!;
      this.ys[j] = this.ys[this.length - 1]!;
      j++;
    }
    this.length = j;
  }
}
