import { permutation, type Rng } from './rng';

/**
 * Mini-batches that visit every example once per epoch, in a fresh seeded
 * shuffle each epoch. A batch that would not fit in the rest of the epoch
 * starts the next one; a batch as large as the data set is the whole set.
 */
export class EpochSampler {
  private order: Int32Array;
  private cursor = 0;
  /** Epochs started so far (the first batch starts epoch 1 only when it is the whole set). */
  epoch = 0;
  /** The batch sizes asked for, as runs of equal sizes: enough to recount epochs for any call. */
  private history: { m: number; calls: number }[] = [];

  constructor(
    readonly size: number,
    private readonly rng: Rng,
  ) {
    this.order = permutation(size, rng);
  }

  /** Indices of the next mini-batch (a view: do not keep it past the next call). */
  next(batchSize: number): Int32Array {
    const n = this.order.length;
    const m = batchSize;
    const lastRun = this.history.at(-1);
    if (lastRun && lastRun.m === m) lastRun.calls++;
    else this.history.push({ m, calls: 1 });
    if (m >= n) {
      this.epoch += 1;
      return this.order;
    }
    if (this.cursor + m > n) {
      this.order = permutation(n, this.rng);
      this.cursor = 0;
      this.epoch += 1;
    }
    const idx = this.order.subarray(this.cursor, this.cursor + m);
    this.cursor += m;
    return idx;
  }

  /**
   * Go back to where the sampler stood after `calls` batches (a rewind to that step): the epoch
   * count and the position in the epoch are recounted exactly from the batch sizes used; calls
   * beyond those recorded (weights loaded at a later step) are counted at `batchSize`. The order
   * of the examples still to come is a fresh shuffle: weights are rewound, the data stream is not.
   */
  rewindTo(calls: number, batchSize: number): void {
    const n = this.order.length;
    const runs: { m: number; calls: number }[] = [];
    let left = Math.max(0, Math.floor(calls));
    for (const r of this.history) {
      if (left === 0) break;
      const c = Math.min(r.calls, left);
      runs.push({ m: r.m, calls: c });
      left -= c;
    }
    if (left > 0) runs.push({ m: batchSize, calls: left });
    let epoch = 0;
    let cursor = 0;
    for (const r of runs) {
      if (r.m >= n) {
        epoch += r.calls;
        continue;
      }
      // Per call: a batch that does not fit in the rest of the epoch starts the next one.
      let c = r.calls;
      const fit = Math.floor((n - cursor) / r.m);
      if (c <= fit) {
        cursor += c * r.m;
        continue;
      }
      c -= fit;
      const perEpoch = Math.floor(n / r.m);
      const epochs = Math.ceil(c / perEpoch);
      epoch += epochs;
      cursor = (c - (epochs - 1) * perEpoch) * r.m;
    }
    this.history = runs;
    this.epoch = epoch;
    this.cursor = cursor;
    this.order = permutation(n, this.rng);
  }
}
