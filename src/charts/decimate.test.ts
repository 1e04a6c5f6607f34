import { describe, expect, it } from 'vitest';
import { createRng } from '../datasets/rng';
import { decimateMinMax } from './decimate';
import { SeriesBuffer } from './series-buffer';

function noisySeries(n: number) {
  const rng = createRng(1);
  const xs = new Float64Array(n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = i + 1;
    ys[i] = Math.exp(-i / 5000) + 0.05 * rng.normal();
  }
  return { xs, ys };
}

describe('min–max decimation', () => {
  it('returns short series unchanged', () => {
    expect(decimateMinMax([1, 2, 3], [5, 6, 7], 10)).toEqual([
      { x: 1, y: 5 },
      { x: 2, y: 6 },
      { x: 3, y: 7 },
    ]);
  });

  it('keeps the first, last, global minimum and global maximum, within the point budget', () => {
    const { xs, ys } = noisySeries(50_000);
    ys[12_345] = 99; // a spike
    ys[33_333] = -99; // a dip
    const out = decimateMinMax(xs, ys, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out.length).toBeGreaterThan(900);
    expect(out[0]).toEqual({ x: 1, y: ys[0] });
    expect(out.at(-1)).toEqual({ x: 50_000, y: ys[49_999] });
    expect(out.some((p) => p.x === 12_346 && p.y === 99)).toBe(true);
    expect(out.some((p) => p.x === 33_334 && p.y === -99)).toBe(true);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });
});

describe('series buffer', () => {
  it('stays within capacity and keeps the shape when it compacts', () => {
    const buf = new SeriesBuffer(1000);
    const { ys } = noisySeries(10_000);
    ys[7777] = 50;
    buf.pushRun(1, ys);
    expect(buf.length).toBeLessThanOrEqual(1000);
    const pts = buf.points();
    expect(pts[0]!.x).toBe(1);
    expect(buf.last()!.x).toBe(10_000);
    expect(pts.some((p) => p.y === 50)).toBe(true);
  });

  it('refuses NaN and Infinity', () => {
    const buf = new SeriesBuffer(10);
    buf.pushRun(1, [1, NaN, Infinity, -Infinity, 2]);
    expect(buf.points()).toEqual([
      { x: 1, y: 1 },
      { x: 5, y: 2 },
    ]);
  });
});
