import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from './series-buffer';

/** A loss-like curve: falls, with noise, never exactly repeating. */
const lossAt = (step: number) => 2 / Math.sqrt(step) + 0.01 * Math.sin(step * 0.7);

describe('SeriesBuffer (the loss history)', () => {
  it('stays bounded over 1,000,000 points fed as the worker reports them, keeping the first and last', () => {
    const buf = new SeriesBuffer(); // the capacity a TrainingSession uses
    const N = 1_000_000;
    const BATCH = 512; // the most losses one metrics message carries
    const SPIKE = 654_321;
    let maxLen = 0;
    for (let first = 1; first <= N; first += BATCH) {
      const values = new Float32Array(Math.min(BATCH, N - first + 1));
      for (let i = 0; i < values.length; i++) values[i] = first + i === SPIKE ? 1e6 : lossAt(first + i);
      buf.pushRun(first, values);
      maxLen = Math.max(maxLen, buf.length);
    }
    expect(maxLen).toBeLessThanOrEqual(buf.capacity);
    expect(buf.length).toBeGreaterThan(buf.capacity / 4); // compaction halves; it does not wipe
    const pts = buf.points();
    expect(pts).toHaveLength(buf.length);
    expect(pts[0]).toEqual({ x: 1, y: Math.fround(lossAt(1)) });
    expect(pts.at(-1)).toEqual({ x: N, y: Math.fround(lossAt(N)) });
    expect(buf.last()).toEqual(pts.at(-1));
    // In step order, every value finite, and the one divergence spike survives every compaction.
    for (let i = 1; i < pts.length; i++) expect(pts[i]!.x).toBeGreaterThan(pts[i - 1]!.x);
    expect(pts.every((p) => Number.isFinite(p.y))).toBe(true);
    expect(pts.find((p) => p.x === SPIKE)?.y).toBe(1e6);
    // What a chart draws is bounded too, and still spans the whole run.
    const drawn = buf.decimated(1000);
    expect(drawn.length).toBeLessThanOrEqual(1000);
    expect(drawn[0]!.x).toBe(1);
    expect(drawn.at(-1)!.x).toBe(N);
  });

  it('stays bounded with a small capacity fed one point at a time', () => {
    const buf = new SeriesBuffer(64);
    for (let s = 1; s <= 1_000_000; s++) {
      buf.push(s, lossAt(s));
      if (buf.length > 64) throw new Error(`length ${buf.length} at step ${s}`);
    }
    expect(buf.points()[0]!.x).toBe(1);
    expect(buf.last()!.x).toBe(1_000_000);
  });

  it('refuses non-finite values, so nothing that is not a number reaches a chart', () => {
    const buf = new SeriesBuffer(10);
    buf.pushRun(1, [1, NaN, Infinity, -Infinity, 2]);
    buf.push(NaN, 1);
    expect(buf.points()).toEqual([
      { x: 1, y: 1 },
      { x: 5, y: 2 },
    ]);
  });

  it('nearest: the stored point closest to a step, for the hover readout', () => {
    const buf = new SeriesBuffer(10);
    expect(buf.nearest(3)).toBeNull();
    buf.pushRun(1, [0.5, 0.25, 0.125]);
    buf.push(10, 0.0625);
    expect(buf.nearest(-5)).toEqual({ x: 1, y: 0.5 });
    expect(buf.nearest(2.4)).toEqual({ x: 2, y: 0.25 });
    expect(buf.nearest(6)).toEqual({ x: 3, y: 0.125 });
    expect(buf.nearest(7)).toEqual({ x: 10, y: 0.0625 });
    expect(buf.nearest(1e9)).toEqual({ x: 10, y: 0.0625 });
  });
});
