import { describe, expect, it } from 'vitest';
import { analogy, cosine, nearestTo, neighboursOf, unitRows } from './neighbours';

// 5 words in 2-D: a king/queen/man/woman square and a far-off word.
const table = Float32Array.from([
  /* king  */ 3, 3,
  /* queen */ 1, 3,
  /* man   */ 3, 0.5,
  /* woman */ 1, 0.5,
  /* xyz   */ -4, 0.1,
]);

describe('cosine neighbours', () => {
  const unit = unitRows(table, 5, 2);

  it('scales rows to length 1 and leaves a zero row zero', () => {
    expect(Math.hypot(unit[0]!, unit[1]!)).toBeCloseTo(1, 6);
    expect([...unitRows(new Float32Array(2), 1, 2)]).toEqual([0, 0]);
  });

  it('ranks by cosine similarity, not distance, and leaves the word itself out', () => {
    const n = neighboursOf(unit, 5, 2, 0, 4);
    expect(n.map((s) => s.id)).not.toContain(0);
    for (let i = 1; i < n.length; i++) expect(n[i - 1]!.sim).toBeGreaterThanOrEqual(n[i]!.sim);
    n.forEach((s) => expect(s.sim).toBeCloseTo(cosine(unit, 2, 0, s.id), 6));
    // Cosine: woman (1, 0.5) is 18° from king (3, 3) and 3.2 away; man (3, 0.5) is nearer (2.5) but 35° off.
    expect(n[0]!.id).toBe(3);
    expect(n.findIndex((s) => s.id === 3)).toBeLessThan(n.findIndex((s) => s.id === 2));
    expect(n[n.length - 1]!.id).toBe(4);
  });

  it('a query of any length gives the same ranking', () => {
    expect(nearestTo(unit, 5, 2, [10, 10], 2).map((s) => s.id)).toEqual(nearestTo(unit, 5, 2, [1, 1], 2).map((s) => s.id));
  });

  it('answers a − b + c with a, b and c left out', () => {
    // king − man + woman → queen.
    const r = analogy(unit, 5, 2, 0, 2, 3, 2);
    expect(r[0]!.id).toBe(1);
    expect(r.map((s) => s.id)).not.toContain(0);
    expect(r.map((s) => s.id)).not.toContain(2);
    expect(r.map((s) => s.id)).not.toContain(3);
  });
});
