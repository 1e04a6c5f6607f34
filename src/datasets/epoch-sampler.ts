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
}
