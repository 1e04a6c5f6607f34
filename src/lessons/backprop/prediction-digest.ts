/**
 * A short fingerprint of the MLP's predictions: FNV-1a (32 bit) over the decision-map grid the
 * worker reports (size, channels, then every value rounded to 1e-5). Two models that predict the
 * same on the whole square give the same digest; it is exposed for tests (model export/import).
 */
export function predictionDigest(grid: { size: number; channels: number; values: Float32Array } | null | undefined): string {
  if (!grid || grid.values.length === 0) return '';
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    // Four bytes of a 32-bit integer, low first.
    for (let b = 0; b < 4; b++) {
      h ^= (n >>> (8 * b)) & 0xff;
      h = Math.imul(h, 0x01000193);
    }
  };
  mix(grid.size);
  mix(grid.channels);
  for (const v of grid.values) mix(Number.isFinite(v) ? Math.round(v * 1e5) | 0 : 0x7fffffff);
  return (h >>> 0).toString(16).padStart(8, '0');
}
