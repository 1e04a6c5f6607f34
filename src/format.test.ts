import { describe, expect, it } from 'vitest';
import { fmt, fmtInt, fmtRate, tex } from './format';

describe('formatting', () => {
  it('never prints NaN or Infinity', () => {
    for (const v of [NaN, Infinity, -Infinity, null, undefined]) {
      expect(fmt(v)).toBe('—');
      expect(tex(v)).not.toMatch(/NaN|Infinity/);
    }
    expect(fmtInt(NaN)).toBe('—');
    expect(fmtRate(Infinity)).toBe('—');
  });
  it('formats ordinary, tiny and huge numbers', () => {
    expect(fmt(3.14159)).toBe('3.142');
    expect(fmt(0.00001234)).toBe('1.23e-5');
    expect(tex(0.00001234)).toBe('1.23\\times 10^{-5}');
    expect(tex(-2, 4, true)).toBe('(-2)');
    expect(fmt(123456789)).toBe('1.23e8');
  });
});
