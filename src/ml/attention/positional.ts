/**
 * Positional encodings. Self-attention on its own is permutation-equivariant: shuffle the input
 * positions and the outputs shuffle the same way, so the model cannot tell "first" from "last".
 * Adding a position-dependent vector to each token embedding breaks that symmetry.
 * No tfjs import: the page can draw the encoding without loading tfjs.
 */

export const POSITIONAL_ENCODINGS = ['sinusoidal', 'learned', 'none'] as const;
export type PositionalEncoding = (typeof POSITIONAL_ENCODINGS)[number];

export const POSITIONAL_LABELS: Record<PositionalEncoding, string> = {
  sinusoidal: 'Sinusoidal (fixed)',
  learned: 'Learned',
  none: 'None',
};

/**
 * The fixed encoding of "Attention Is All You Need", [T, d] row-major:
 *   PE(pos, 2i)   = sin(pos / 10000^(2i/d))
 *   PE(pos, 2i+1) = cos(pos / 10000^(2i/d))
 * Each pair of columns is a rotation at its own frequency, so PE(pos + k) is a linear function of
 * PE(pos) for every offset k — attention can learn relative offsets such as "the mirror position".
 */
export function sinusoidalEncoding(T: number, d: number): Float32Array {
  const pe = new Float32Array(T * d);
  for (let pos = 0; pos < T; pos++) {
    for (let c = 0; c < d; c++) {
      const i2 = c - (c % 2);
      const angle = pos / Math.pow(10000, i2 / d);
      pe[pos * d + c] = c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return pe;
}
