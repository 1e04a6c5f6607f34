import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle';

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes on at most one value per interval, in order, and always the latest last', async () => {
    const out: number[] = [];
    const t = new Throttle<number>(250, (v) => out.push(v), () => Date.now());
    for (let i = 1; i <= 20; i++) {
      t.push(i);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(300);
    // 20 values over 1 s at 250 ms: the first at once, then one per interval, then the last.
    expect(out[0]).toBe(1);
    expect(out.at(-1)).toBe(20);
    expect(out.length).toBeGreaterThanOrEqual(4);
    expect(out.length).toBeLessThanOrEqual(6);
    expect([...out].sort((a, b) => a - b)).toEqual(out);
    t.dispose();
  });

  it('a value after a quiet spell goes out at once; dispose drops a pending one', async () => {
    const out: string[] = [];
    const t = new Throttle<string>(250, (v) => out.push(v), () => Date.now());
    t.push('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(out).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1000);
    t.push('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(out).toEqual(['a', 'b']);
    t.push('c');
    t.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(out).toEqual(['a', 'b']);
  });
});
