import { describe, expect, it } from 'vitest';
import { EpochSampler } from './epoch-sampler';
import { createRng } from './rng';

/** Epoch and position after each call of a sampler driven with these batch sizes. */
function drive(n: number, sizes: number[]): { epochs: number[]; sampler: EpochSampler } {
  const s = new EpochSampler(n, createRng(3));
  const epochs = [0];
  for (const m of sizes) {
    s.next(m);
    epochs.push(s.epoch);
  }
  return { epochs, sampler: s };
}

describe('EpochSampler.rewindTo', () => {
  const sizes = [...Array(37).fill(10), ...Array(20).fill(7), ...Array(5).fill(100), ...Array(40).fill(10)];
  const n = 50;

  it('recounts the epoch exactly after any number of calls, batch sizes changed on the way included', () => {
    const { epochs } = drive(n, sizes);
    for (let k = 0; k <= sizes.length; k++) {
      const { sampler } = drive(n, sizes);
      sampler.rewindTo(k, 10);
      expect(sampler.epoch, `after ${k} calls`).toBe(epochs[k]);
    }
  });

  it('after a rewind, epochs go on turning at the same calls as the first time', () => {
    const { epochs } = drive(n, sizes);
    const { sampler } = drive(n, sizes);
    sampler.rewindTo(45, 10);
    for (let k = 45; k < sizes.length; k++) {
      sampler.next(sizes[k]!);
      expect(sampler.epoch, `call ${k + 1}`).toBe(epochs[k + 1]);
    }
  });

  it('calls it never saw (weights loaded at a later step) are counted at the batch size given', () => {
    const { epochs } = drive(n, Array(30).fill(8));
    const fresh = new EpochSampler(n, createRng(9));
    fresh.rewindTo(30, 8);
    expect(fresh.epoch).toBe(epochs[30]);
  });

  it('every example is still visited once per epoch after a rewind', () => {
    const { sampler } = drive(n, sizes);
    sampler.rewindTo(3, 10);
    // 3 calls of 10: 30 of 50 used, 2 more batches finish the epoch, then a full epoch of 5.
    sampler.next(10);
    sampler.next(10);
    const seen = new Set<number>();
    for (let i = 0; i < 5; i++) for (const x of sampler.next(10)) seen.add(x);
    expect(seen.size).toBe(50);
  });
});
