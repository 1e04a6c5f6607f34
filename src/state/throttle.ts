/**
 * Pass values on at most once every `ms`: the first at once (or when the interval since the last
 * allows), later ones coalesced so the latest always arrives (a trailing update).
 */
export class Throttle<T> {
  private lastAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: T | undefined;

  constructor(
    private readonly ms: number,
    private readonly emit: (v: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(v: T): void {
    this.latest = v;
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastAt + this.ms - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastAt = this.now();
      this.emit(this.latest as T);
    }, wait);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
