import { describe, expect, it } from 'vitest';
import { signedTerm, signedTex } from './signed';

describe('a number as the next term of a sum', () => {
  it('writes its sign as the operator', () => {
    expect(signedTerm(-48)).toBe('\u2212 48');
    expect(signedTerm(2)).toBe('+ 2');
    expect(signedTerm(0)).toBe('+ 0');
    expect(signedTerm(-0.17681, 3)).toBe('\u2212 0.177');
    expect(signedTex(-48)).toBe('- 48');
    expect(signedTex(3.5e9)).toBe('+ 3.50\\times 10^{9}');
    expect(signedTerm(Number.NaN)).toBe('+ —');
  });
});
