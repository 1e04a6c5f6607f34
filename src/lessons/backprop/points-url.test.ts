import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerStrings } from '../../i18n';
import { BP_STRINGS } from './strings';
import { MAX_ADDED_POINTS, MAX_REMOVED_POINTS, encodeAddedPoints, encodeRemoved, parseEdits } from './points-url';

registerStrings('bp', BP_STRINGS);

describe('learner points in the URL', () => {
  it('round-trips added points (two decimals) and removed indices', () => {
    const pts = [
      { x1: 1.234, x2: -5, y: 1 },
      { x1: -0.001, x2: 6, y: 0.25 },
    ];
    const p = new URLSearchParams({ pts: encodeAddedPoints(pts), rm: encodeRemoved([3, 7]) });
    expect(p.get('pts')).toBe('1.23,-5,1;0,6,0.25');
    const e = parseEdits(p, 10);
    expect(e.added).toEqual([
      { x1: 1.23, x2: -5, y: 1 },
      { x1: 0, x2: 6, y: 0.25 },
    ]);
    expect(e.removed).toEqual([3, 7]);
    expect(e.notices).toEqual([]);
  });

  it('skips garbage with a notice and never throws', () => {
    const e = parseEdits(new URLSearchParams({ pts: '1,2,0;;abc;1,2;NaN,1,1;3,4,1,9;<b>,1,1;1e308,0,0;5,5,1', rm: '1,x,99,1,-2' }), 50);
    expect(e.added).toEqual([
      { x1: 1, x2: 2, y: 0 },
      { x1: 5, x2: 5, y: 1 },
    ]);
    expect(e.removed).toEqual([1]);
    expect(e.notices.join(' ')).toMatch(/Ignored 6 malformed points in pts/);
    expect(e.notices.join(' ')).toMatch(/Ignored 3 entries in rm/);
  });

  it('keeps at most MAX_ADDED_POINTS and says so', () => {
    const many = Array.from({ length: MAX_ADDED_POINTS + 5 }, (_, i) => ({ x1: i / 100, x2: 0, y: 0 }));
    const e = parseEdits(new URLSearchParams({ pts: encodeAddedPoints(many) }), 10);
    expect(e.added).toHaveLength(MAX_ADDED_POINTS);
    expect(e.notices[0]).toMatch(/first 100 added points/);
  });

  it('turns any strings into finite points and in-range indices, and round-trips what it produces', () => {
    const piece = fc.oneof(fc.string(), fc.double().map(String), fc.integer({ min: -5, max: 700 }).map(String), fc.constantFrom(',', ';', 'NaN', 'Infinity', '1e309', '-0'));
    const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 600 }), (pts, rm, n) => {
        const e = parseEdits(new URLSearchParams({ pts, rm }), n);
        expect(e.added.length).toBeLessThanOrEqual(MAX_ADDED_POINTS);
        expect(e.removed.length).toBeLessThanOrEqual(MAX_REMOVED_POINTS);
        for (const p of e.added) expect([p.x1, p.x2, p.y].every(Number.isFinite)).toBe(true);
        for (const i of e.removed) expect(Number.isInteger(i) && i >= 0 && i < n).toBe(true);
        const again = parseEdits(new URLSearchParams({ pts: encodeAddedPoints(e.added), rm: encodeRemoved(e.removed) }), n);
        expect(again.added).toEqual(e.added);
        expect(again.removed).toEqual(e.removed);
        expect(again.notices).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
