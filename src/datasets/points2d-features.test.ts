import { describe, expect, it } from 'vitest';
import { FEATURES, featureMatrix, isFeatureName } from './points2d-features';

describe('input features', () => {
  it('maps points to the chosen features, row by row in the given order', () => {
    const pts = new Float32Array([2, -3, 0.5, 1]);
    const all = featureMatrix(pts, FEATURES);
    const expected = [2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3), 0.5, 1, 0.25, 1, 0.5, Math.sin(0.5), Math.sin(1)];
    all.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    expect([...featureMatrix(pts, ['x1x2', 'x1'])]).toEqual([-6, 2, 0.5, 0.5]);
    expect(featureMatrix(pts, [])).toHaveLength(0);
  });

  it('recognises feature names', () => {
    expect(isFeatureName('sinx2')).toBe(true);
    expect(isFeatureName('x3')).toBe(false);
  });
});
