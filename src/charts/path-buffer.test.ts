import { describe, expect, it } from 'vitest';
import { PathBuffer } from './path-buffer';

describe('path buffer', () => {
  it('keeps the first and newest points within capacity', () => {
    const p = new PathBuffer(100);
    for (let i = 0; i < 1000; i++) p.push(i, -i);
    expect(p.length).toBeLessThanOrEqual(100);
    expect(p.xs[0]).toBe(0);
    expect(p.last()).toEqual({ x: 999, y: -999 });
    for (let i = 1; i < p.length; i++) expect(p.xs[i]!).toBeGreaterThan(p.xs[i - 1]!);
  });
  it('ignores non-finite points', () => {
    const p = new PathBuffer(10);
    p.push(NaN, 1);
    p.push(1, Infinity);
    expect(p.length).toBe(0);
  });
});
