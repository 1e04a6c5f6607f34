import { describe, expect, it } from 'vitest';
import {
  POINTS2D,
  POINTS2D_DATASETS,
  POINTS2D_RANGE,
  generatePoints2D,
  multiGaussianTarget,
  planeTarget,
  type Points2D,
} from './points2d';
import { buildPoints2D, splitIndices } from './points2d-split';
import { latticePoints } from './points2d-grid';

const counts = (d: Points2D) => {
  const c = new Array<number>(d.classes).fill(0);
  for (const y of d.ys) c[y] = (c[y] ?? 0) + 1;
  return c;
};

describe('2-D point sets', () => {
  it.each(POINTS2D_DATASETS.map((n) => [n]))('%s: seeded, in range, with the right labels', (name) => {
    const a = generatePoints2D(name, 120, 0.3, 5);
    const b = generatePoints2D(name, 120, 0.3, 5);
    const c = generatePoints2D(name, 120, 0.3, 6);
    expect(a.xs).toEqual(b.xs);
    expect(a.ys).toEqual(b.ys);
    expect(a.xs).not.toEqual(c.xs);
    expect(a.xs).toHaveLength(240);
    expect(a.kind).toBe(POINTS2D[name].kind);
    expect(a.classes).toBe(POINTS2D[name].classes);
    for (const v of a.xs) expect(Math.abs(v)).toBeLessThanOrEqual(POINTS2D_RANGE);
    if (a.kind === 'classification') {
      // Balanced classes (120 is divisible by 2 and 3).
      expect(counts(a)).toEqual(new Array(a.classes).fill(120 / a.classes));
    } else {
      for (const y of a.ys) expect(Number.isFinite(y)).toBe(true);
    }
  });

  it('noise 0 gives clean sets: circle radii, XOR quadrants, exact regression targets', () => {
    const circle = generatePoints2D('circle', 200, 0, 1);
    for (let i = 0; i < 200; i++) {
      const r = Math.hypot(circle.xs[2 * i]!, circle.xs[2 * i + 1]!);
      if (circle.ys[i] === 0) expect(r).toBeLessThanOrEqual(2.5 + 1e-6);
      else expect(r).toBeGreaterThanOrEqual(3.5 - 1e-6);
    }
    const xor = generatePoints2D('xor', 200, 0, 1);
    for (let i = 0; i < 200; i++) {
      const prod = xor.xs[2 * i]! * xor.xs[2 * i + 1]!;
      expect(xor.ys[i]).toBe(prod > 0 ? 1 : 0);
      expect(Math.abs(xor.xs[2 * i]!)).toBeGreaterThanOrEqual(0.3 - 1e-6);
    }
    const plane = generatePoints2D('plane', 50, 0, 1);
    const bumps = generatePoints2D('multi-gaussian', 50, 0, 1);
    for (let i = 0; i < 50; i++) {
      expect(plane.ys[i]).toBeCloseTo(planeTarget(plane.xs[2 * i]!, plane.xs[2 * i + 1]!), 5);
      expect(bumps.ys[i]).toBeCloseTo(multiGaussianTarget(bumps.xs[2 * i]!, bumps.xs[2 * i + 1]!), 5);
    }
  });

  it('noise moves classification points and perturbs regression targets', () => {
    const clean = generatePoints2D('plane', 400, 0, 2);
    const noisy = generatePoints2D('plane', 400, 1, 2);
    let sq = 0;
    for (let i = 0; i < 400; i++) sq += (noisy.ys[i]! - planeTarget(noisy.xs[2 * i]!, noisy.xs[2 * i + 1]!)) ** 2;
    // σ = 0.5 at noise 1.
    expect(Math.sqrt(sq / 400)).toBeGreaterThan(0.4);
    expect(Math.sqrt(sq / 400)).toBeLessThan(0.6);
    expect(clean.ys).not.toEqual(noisy.ys);
  });
});

describe('train/test split', () => {
  it('splits by ratio, seeded, disjoint and covering', () => {
    const s = splitIndices(100, 0.3, 9);
    expect(s.test).toHaveLength(30);
    expect(s.train).toHaveLength(70);
    expect(new Set([...s.test, ...s.train]).size).toBe(100);
    expect(splitIndices(100, 0.3, 9)).toEqual(s);
    expect(splitIndices(100, 0.3, 10).test).not.toEqual(s.test);
    expect(splitIndices(5, 1, 1).train).toHaveLength(1);
    expect(splitIndices(10, 0, 1).test).toHaveLength(0);
  });

  it('builds train and test sets, dropping removed points and adding learner points to train', () => {
    const spec = { dataset: 'spiral3' as const, n: 90, noise: 0.1, testRatio: 0.2, seed: 4 };
    const base = buildPoints2D(spec);
    expect(base.train.ys).toHaveLength(72);
    expect(base.test.ys).toHaveLength(18);
    expect(base.train.classes).toBe(3);
    const removedTest = base.testSource[0]!;
    const removedTrain = base.trainSource[3]!;
    const edited = buildPoints2D({
      ...spec,
      removed: [removedTest, removedTrain],
      extraPoints: [{ x1: 1, x2: 2, y: 2 }, { x1: 9, x2: -1, y: 0 }],
    });
    expect(edited.test.ys).toHaveLength(17);
    expect(edited.train.ys).toHaveLength(73);
    expect([...edited.trainSource.slice(-2)]).toEqual([-1, -1]);
    expect([...edited.train.xs.slice(-4)]).toEqual([1, 2, 6, -1]); // clamped into [−6, 6]
    expect(edited.testSource).not.toContain(removedTest);
    expect(edited.trainSource).not.toContain(removedTrain);
  });
});

describe('lattice', () => {
  it('lists cell centres row by row from the top left', () => {
    const g = latticePoints(4, 6);
    expect(g).toHaveLength(32);
    expect([g[0], g[1]]).toEqual([-4.5, 4.5]);
    expect([g[2], g[3]]).toEqual([-1.5, 4.5]);
    expect([g[30], g[31]]).toEqual([4.5, -4.5]);
  });
});
