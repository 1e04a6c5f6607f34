/**
 * The lattice a heatmap is drawn from: size × size cell centres over [−range, range]², row-major
 * with row 0 at the top (largest x2) and column 0 at the left (smallest x1), so value i of a
 * prediction grid is pixel (i mod size, ⌊i / size⌋) of an image.
 */
import { POINTS2D_RANGE } from './points2d';

/** Interleaved (x1, x2) of the size² cell centres. */
export function latticePoints(size: number, range = POINTS2D_RANGE): Float32Array {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`grid size must be a positive integer, got ${size}`);
  const out = new Float32Array(2 * size * size);
  const h = (2 * range) / size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      out[2 * i] = -range + (c + 0.5) * h;
      out[2 * i + 1] = range - (r + 0.5) * h;
    }
  }
  return out;
}
