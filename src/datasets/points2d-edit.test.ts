import { describe, expect, it } from 'vitest';
import { LEARNER_TARGET_RANGE, generatePoints2D } from './points2d';
import { addPoint, addPointToSpec, checkLearnerPoint, removeNearest, removePointFromSpec } from './points2d-edit';
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

  it('clamps huge coordinates and regression targets (as a hostile link carries them) with a reason', () => {
    const far = checkLearnerPoint({ x1: 1e300, x2: -1.7e308, y: 1 }, 'classification', 2);
    expect(far.point).toEqual({ x1: 6, x2: -6, y: 1 });
    expect(far.reason).toBe('(1e+300, -1.70e+308) is outside [−6, 6]²: moved to (6, -6)');
    // 1e39 is Infinity in float32: unclamped, the first training step would diverge.
    const target = checkLearnerPoint({ x1: 0, x2: 0, y: 1e39 }, 'regression', 0);
    expect(target.point).toEqual({ x1: 0, x2: 0, y: LEARNER_TARGET_RANGE });
    expect(target.reason).toBe('the target 1e+39 is outside [−1.5, 1.5]: set to 1.5');
    expect(checkLearnerPoint({ x1: 7, x2: 0, y: -2 }, 'regression', 0).reason).toBe(
      '(7, 0) is outside [−6, 6]²: moved to (6, 0); the target -2 is outside [−1.5, 1.5]: set to -1.5',
    );
    expect(checkLearnerPoint({ x1: 1, x2: 1, y: 1.5 }, 'regression', 0)).toEqual({ point: { x1: 1, x2: 1, y: 1.5 }, reason: null });
    // A spec that holds such points straight from a link builds finite, clamped training data.
    const split = buildPoints2D({
      dataset: 'plane',
      n: 20,
      noise: 0,
      testRatio: 0.5,
      seed: 1,
      extraPoints: [{ x1: 1e300, x2: 0, y: 1e39 }, { x1: 0, x2: -1e300, y: -1e30 }],
    });
    expect([...split.train.xs.slice(-4)]).toEqual([6, 0, 0, -6]);
    expect([...split.train.ys.slice(-2)]).toEqual([1.5, -1.5]);
    expect([...split.train.ys].every(Number.isFinite)).toBe(true);
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
