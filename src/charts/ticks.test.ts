import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLinearTicks, formatTicks, logTicks, makeAxis, roundTicks } from './ticks';

const distinct = (labels: string[]) => new Set(labels).size === labels.length;
/** A label read back as a number (typographic minus, thousands commas and m×10ᵏ understood). */
function parse(label: string): number {
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const s = label.replace(/\u2212/g, '-').replace(/,/g, '');
  const m = /^(-?[\d.]+)?×?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(s);
  if (!m) return Number(s);
  const e = Number([...m[2]!].map((c) => (c === '⁻' ? '-' : String(sup.indexOf(c)))).join(''));
  return Number(m[1] ?? 1) * 10 ** e;
}

describe('tick labels', () => {
  it('a loss moving between 1.3861 and 1.3867 gets distinct labels with the digits that differ', () => {
    const axis = makeAxis(1.3861, 1.3867, { pad: 0.05 });
    expect(axis.ticks.length).toBeGreaterThanOrEqual(3);
    expect(distinct(axis.labels)).toBe(true);
    expect(axis.labels).toEqual(['1.3862', '1.3864', '1.3866']);
  });

  it('the attention chart case: 2.6 five times becomes 2.5960 … 2.6040', () => {
    const axis = makeAxis(2.5962, 2.6038);
    expect(axis.labels).toEqual(['2.598', '2.600', '2.602']);
    expect(distinct(makeAxis(2.59, 2.61).labels)).toBe(true);
  });

  it('uses no more digits than the range needs', () => {
    expect(formatLinearTicks([0, 0.5, 1, 1.5, 2])).toEqual(['0.0', '0.5', '1.0', '1.5', '2.0']);
    expect(formatLinearTicks([0, 1, 2, 3])).toEqual(['0', '1', '2', '3']);
    expect(formatLinearTicks([2000, 4000, 6000])).toEqual(['2000', '4000', '6000']);
    expect(formatLinearTicks([20_000, 40_000])).toEqual(['20,000', '40,000']);
  });

  it('writes negatives with a minus sign and zero without one', () => {
    expect(formatLinearTicks([-0.2, -0.1, 0, 0.1])).toEqual(['−0.2', '−0.1', '0.0', '0.1']);
    const axis = makeAxis(-1.0004, -1.0001);
    expect(distinct(axis.labels)).toBe(true);
    expect(axis.labels.every((l) => l.startsWith('−'))).toBe(true);
  });

  it('huge and tiny ranges read as m×10ᵏ', () => {
    expect(formatLinearTicks([2e6, 4e6, 6e6])).toEqual(['2×10⁶', '4×10⁶', '6×10⁶']);
    expect(formatLinearTicks([1e-5, 2e-5, 3e-5])).toEqual(['1×10⁻⁵', '2×10⁻⁵', '3×10⁻⁵']);
    const narrowHuge = makeAxis(3.5501e9, 3.5507e9);
    expect(distinct(narrowHuge.labels)).toBe(true);
    const tiny = makeAxis(1.2e-7, 1.25e-7);
    expect(distinct(tiny.labels)).toBe(true);
  });

  it('log axes: exact powers of ten, or 1-2-5 within two decades, thinned to fit', () => {
    expect(logTicks(0.003, 40)).toEqual([0.01, 0.1, 1, 10]);
    expect(logTicks(0.15, 3)).toEqual([0.2, 0.5, 1, 2]);
    expect(formatTicks([0.01, 0.1, 1, 10], 'log')).toEqual(['0.01', '0.1', '1', '10']);
    expect(formatTicks([1e-8, 1e-4, 1, 1e4, 1e8], 'log')).toEqual(['10⁻⁸', '10⁻⁴', '1', '10⁴', '10⁸']);
    expect(formatTicks([1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10], 'log')).toEqual(['10⁻⁵', '10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '1', '10']);
    const wide = logTicks(1e-12, 1e3);
    expect(wide.length).toBeLessThanOrEqual(6);
    expect(wide.length).toBeGreaterThanOrEqual(2);
    expect(formatTicks([2e-7, 5e-7], 'log')).toEqual(['2×10⁻⁷', '5×10⁻⁷']);
  });

  it('a log axis inside one decade falls back to round linear ticks, distinct', () => {
    const axis = makeAxis(1.3861, 1.3867, { kind: 'log' });
    expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
    expect(distinct(axis.labels)).toBe(true);
    expect(axis.ticks.every((t) => t >= axis.domain[0] && t <= axis.domain[1])).toBe(true);
  });

  it('integer axes (training steps) get whole-number ticks', () => {
    expect(roundTicks(1, 3, 5, true)).toEqual([1, 2, 3]);
    expect(makeAxis(1, 12_345, { integer: true, count: 4 }).labels).toEqual(['2,000', '4,000', '6,000', '8,000', '10,000', '12,000']);
  });

  it('a flat series still gets a readable axis', () => {
    const axis = makeAxis(0.25, 0.25);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
    expect(distinct(axis.labels)).toBe(true);
    expect(makeAxis(3, 3, { kind: 'log' }).ticks.length).toBeGreaterThanOrEqual(2);
  });

  it('property: every finite range gives ≥ 2 ticks inside the domain, with distinct labels that read back close to their ticks', () => {
    const value = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(value, fc.double({ min: 1e-6, max: 1, noNaN: true }), (lo, frac) => {
        const hi = lo + Math.max(Math.abs(lo), 1e-9) * frac;
        const axis = makeAxis(lo, hi, { pad: 0.05 });
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        expect(distinct(axis.labels)).toBe(true);
        const gap = axis.ticks[1]! - axis.ticks[0]!;
        axis.labels.forEach((l, i) => expect(Math.abs(parse(l) - axis.ticks[i]!)).toBeLessThanOrEqual(gap / 20 + 1e-12));
        for (const t of axis.ticks) {
          expect(t).toBeGreaterThanOrEqual(axis.domain[0]);
          expect(t).toBeLessThanOrEqual(axis.domain[1]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: log axes over any positive range give ≥ 2 distinct labels', () => {
    fc.assert(
      fc.property(fc.double({ min: -15, max: 10, noNaN: true }), fc.double({ min: 0, max: 14, noNaN: true }), (e0, span) => {
        const axis = makeAxis(10 ** e0, 10 ** (e0 + span), { kind: 'log' });
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        expect(distinct(axis.labels)).toBe(true);
        expect(axis.ticks.every((t) => t > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('nice domains', () => {
  it('end on round values, so a streaming axis only moves when the data leave it', () => {
    expect(makeAxis(1.3861, 1.3867, { nice: true }).domain).toEqual([1.386, 1.3868]);
    const a = makeAxis(0.123, 0.987, { pad: 0.05, nice: true });
    expect(a.domain[0]).toBe(0);
    expect(a.ticks[0]).toBe(a.domain[0]);
    expect(a.ticks.at(-1)).toBe(a.domain[1]);
    expect(makeAxis(0.013, 7.4, { kind: 'log', nice: true }).domain).toEqual([0.01, 10]);
    expect(makeAxis(0.15, 3, { kind: 'log', nice: true }).domain).toEqual([0.1, 5]);
    expect(makeAxis(1.3861, 1.3867, { kind: 'log', nice: true }).domain).toEqual([1, 2]);
  });

  it('property: nice domains contain the data and keep distinct labels', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 1e-5, max: 10, noNaN: true }), (lo, frac) => {
        const hi = lo + Math.max(Math.abs(lo), 1e-6) * frac;
        const axis = makeAxis(lo, hi, { pad: 0.05, nice: true });
        expect(axis.domain[0]).toBeLessThanOrEqual(lo);
        expect(axis.domain[1]).toBeGreaterThanOrEqual(hi);
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        expect(distinct(axis.labels)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bounded axes', () => {
  it('an accuracy axis stops at 0 and 1 however the padding rounds', () => {
    const axis = makeAxis(0.02, 1, { pad: 0.05, nice: true, count: 2, bounds: [0, 1] });
    expect(axis.domain).toEqual([0, 1]);
    expect(axis.labels).toEqual(['0.0', '0.5', '1.0']);
    expect(makeAxis(0.61, 0.97, { pad: 0.05, nice: true, bounds: [0, 1] }).domain[1]).toBeLessThanOrEqual(1);
  });
});
