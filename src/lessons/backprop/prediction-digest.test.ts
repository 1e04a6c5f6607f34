import { describe, expect, it } from 'vitest';
import { predictionDigest } from './prediction-digest';

const grid = (values: number[], size = 2, channels = 1) => ({ size, channels, values: Float32Array.from(values) });

describe('prediction digest', () => {
  it('is empty with no predictions and a short hex string otherwise', () => {
    expect(predictionDigest(null)).toBe('');
    expect(predictionDigest(grid([]))).toBe('');
    expect(predictionDigest(grid([0.1, 0.2, 0.3, 0.4]))).toMatch(/^[0-9a-f]{8}$/);
  });

  it('is the same for the same predictions and differs when any one changes', () => {
    const a = [0.1, -0.2, 0.3, 0.4];
    expect(predictionDigest(grid(a))).toBe(predictionDigest(grid([...a])));
    for (let i = 0; i < a.length; i++) {
      const b = [...a];
      b[i]! += 0.01;
      expect(predictionDigest(grid(b))).not.toBe(predictionDigest(grid(a)));
    }
    expect(predictionDigest(grid(a, 2, 1))).not.toBe(predictionDigest(grid(a, 1, 4)));
  });
});
