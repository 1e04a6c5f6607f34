/**
 * FNV-1a over the bit patterns of float32 values, as 8 hex digits: changing a single
 * value changes it (with overwhelming probability). The filter grid carries it as a
 * data attribute so a test can tell that training changed the weights.
 */
export function hashFloats(values: ArrayLike<number>): string {
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  let h = 0x811c9dc5;
  for (let i = 0; i < values.length; i++) {
    f[0] = values[i]!;
    const bits = u[0]!;
    for (let s = 0; s < 32; s += 8) {
      h ^= (bits >>> s) & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}
