import { describe, expect, it } from 'vitest';
import { idealKeys } from './ideal';

describe('idealKeys', () => {
  it('reverse: the anti-diagonal', () => {
    expect(idealKeys('reverse', [3, 1, 4, 1])).toEqual([[3], [2], [1], [0]]);
  });
  it('copy: the diagonal shifted by the offset, wrapping round', () => {
    expect(idealKeys('copy', [5, 6, 7, 8, 9], { offset: 2 })).toEqual([[3], [4], [0], [1], [2]]);
    expect(idealKeys('copy', [5, 6, 7], { offset: 0 })).toEqual([[0], [1], [2]]);
  });
  it('sort: every position holding the t-th smallest token', () => {
    expect(idealKeys('sort', [3, 1, 4, 1])).toEqual([[1, 3], [1, 3], [0], [2]]);
  });
  it('masked: a [MASK] looks at its mirror; other positions are not scored', () => {
    expect(idealKeys('masked', [2, 9, 5, 2], { maskToken: 9 })).toEqual([[], [2], [], []]);
  });
});
