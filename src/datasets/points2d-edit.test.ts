import { describe, expect, it } from 'vitest';
import { generatePoints2D } from './points2d';
import { addPoint, addPointToSpec, removeNearest, removePointFromSpec } from './points2d-edit';
import { buildPoints2D, type Points2DSpec } from './points2d-split';

describe('learner points', () => {
  const d = generatePoints2D('circle', 10, 0, 3);

  it('adds a point as a new array, clamping far-out points with a reason', () => {
    const r = addPoint(d, { x1: 1, x2: 1, y: 1 });
    expect(r.changed).toBe(true);
    expect(r.reason).toBeNull();
    expect(r.value.ys).toHaveLength(11);
    expect(d.ys).toHaveLength(10); // the input is untouched
    const far = addPoint(d, { x1: 8.25, x2: -1, y: 0 });
    expect([...far.value.xs.slice(-2)]).toEqual([6, -1]);
    expect(far.reason).toMatch(/outside.*moved to \(6, -1\)/);
  });

  it('rejects labels that are not a class of the set', () => {
    const r = addPoint(d, { x1: 0, x2: 0, y: 2 });
    expect(r.changed).toBe(false);
    expect(r.reason).toMatch(/class must be 0 … 1/);
    expect(addPoint(d, { x1: NaN, x2: 0, y: 0 }).changed).toBe(false);
  });

  it('removes the nearest point within a radius, or says none is near', () => {
    const x1 = d.xs[4]!;
    const x2 = d.xs[5]!;
    const r = removeNearest(d, x1 + 0.01, x2, 0.5);
    expect(r.changed).toBe(true);
    expect(r.value.ys).toHaveLength(9);
    expect([...r.value.xs.slice(4, 6)]).toEqual([d.xs[6], d.xs[7]]);
    const none = removeNearest(d, 100, 100, 0.5);
    expect(none.changed).toBe(false);
    expect(none.reason).toMatch(/no point within 0.5/);
  });

  it('edits a spec: added points join train; removing a point records it, removing a learner point drops it', () => {
    const spec: Points2DSpec = { dataset: 'xor', n: 40, noise: 0, testRatio: 0.25, seed: 2 };
    const added = addPointToSpec(spec, { x1: 5.9, x2: 5.9, y: 1 }).value;
    expect(buildPoints2D(added).train.ys).toHaveLength(31);
    const back = removePointFromSpec(added, 5.9, 5.9, 0.05);
    expect(back.value.extraPoints).toEqual([]);
    const { test } = buildPoints2D(spec);
    const gone = removePointFromSpec(spec, test.xs[0]!, test.xs[1]!, 0.01);
    expect(gone.value.removed).toHaveLength(1);
    expect(buildPoints2D(gone.value).test.ys).toHaveLength(9);
  });
});
