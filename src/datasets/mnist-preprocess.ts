/**
 * MNIST-style preprocessing of a user-drawn digit, so the CNN sees what it was trained on.
 *
 * LeCun et al. size-normalised each NIST digit to fit a 20×20 box (keeping its aspect ratio,
 * anti-aliased, hence grey levels), then "centered [it] in a 28x28 image by computing the center of
 * mass of the pixels, and translating the image so as to position this point at the center of the
 * 28x28 field". This module does the same, in pure functions (no DOM):
 *
 *   1. bounding box of the pixels whose ink exceeds `threshold`;       empty drawing → null
 *   2. resample the box so its longer side is 20 px, aspect ratio kept (shorter side rounded, ≥ 1),
 *      by AREA AVERAGING (a box filter: each output pixel is the mean of the source area it covers,
 *      partial pixels weighted by their overlap). This is the right anti-aliasing filter when
 *      shrinking a big canvas; when enlarging (a tiny drawing) it degrades to blocky nearest-like
 *      output, and a one-pixel drawing becomes a uniform 20×20 square: no division by zero;
 *   3. paste it into a 28×28 field at the integer offset that puts its centre of mass closest to
 *      pixel (14, 14) (so within 0.5 px per axis), unless that would push ink off the field, in
 *      which case the offset is clamped to keep all ink (rare: very lopsided strokes).
 *
 * Coordinate convention: pixel INDEX coordinates, the centre of mass being Σ v·(col, row) / Σ v, so
 * the target is the centre of pixel (row 14, col 14). That is what the MNIST data actually does:
 * over the 10,000 shipped digits, Σ v·col / Σ v is within 0.5 of 14 for every one (90 % in
 * [13.55, 14.45], mean 14.00; in "pixel c spans [c, c+1)" coordinates that is 14.5, right of / below
 * the geometric centre of the 28×28 field). Matching it keeps drawn digits where the CNN expects them.
 *
 * Values: ink in [0, 1], 1 = full ink (MNIST convention: white digit on black). Float32Array inputs
 * are read as 0..1 (clamped); Uint8ClampedArray inputs as 0..255 bytes (divided by 255).
 */

export interface GreyImage {
  /** width·height values, row-major. Float32Array: 0..1; Uint8ClampedArray: 0..255. 1/255 = ink. */
  data: Float32Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface PreprocessOptions {
  /** A pixel counts as ink for the bounding box when its value (0..1) is above this. Default 0.1. */
  threshold?: number;
  /** Side of the box the digit is fitted into. Default 20 (MNIST). */
  box?: number;
  /** Side of the output field. Default 28 (MNIST). */
  size?: number;
}

export interface PreprocessedDigit {
  /** size·size floats in [0, 1], row-major, 1 = ink. Shape [28, 28] (add a channel for a CNN). */
  pixels: Float32Array;
  /** Ink bounding box in the source image, in pixels. */
  bbox: { x: number; y: number; width: number; height: number };
  /** Size of the resampled box (longer side = `box`). */
  scaled: { width: number; height: number };
  /** Where the resampled box's top-left corner landed in the output field. */
  offset: { x: number; y: number };
}

/**
 * Preprocess a drawing into a 28×28 MNIST-like digit, or null when nothing is drawn (no pixel above
 * the threshold). Does not modify its input.
 */
export function preprocessDigit(
  image: GreyImage,
  options: PreprocessOptions = {},
): PreprocessedDigit | null {
  const { width, height, data } = image;
  const threshold = options.threshold ?? 0.1;
  const box = options.box ?? 20;
  const size = options.size ?? 28;
  if (data.length !== width * height) {
    throw new RangeError(`image data has ${data.length} values, expected ${width}×${height}`);
  }
  if (!(box >= 1 && box <= size)) throw new RangeError(`box ${box} must be in 1..${size}`);
  const scaleIn = data instanceof Uint8ClampedArray ? 1 / 255 : 1;
  const at = (x: number, y: number): number => {
    const v = data[y * width + x]! * scaleIn;
    return v > 0 ? (v < 1 ? v : 1) : 0; // clamps, and maps NaN to 0
  };

  // 1. Bounding box of the ink.
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (at(x, y) > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;

  // 2. Fit the longer side to `box`, keeping the aspect ratio; area-average resampling.
  const s = box / Math.max(bw, bh);
  const tw = Math.max(1, Math.min(box, Math.round(bw * s)));
  const th = Math.max(1, Math.min(box, Math.round(bh * s)));
  const wx = areaWeights(bw, tw);
  const wy = areaWeights(bh, th);
  const rowsX = new Float64Array(bh * tw); // horizontal pass: bh rows × tw columns
  for (let y = 0; y < bh; y++) {
    for (let j = 0; j < tw; j++) {
      const { start, w } = wx[j]!;
      let acc = 0;
      for (let k = 0; k < w.length; k++) acc += w[k]! * at(x0 + start + k, y0 + y);
      rowsX[y * tw + j] = acc;
    }
  }
  const patch = new Float64Array(th * tw); // vertical pass
  for (let i = 0; i < th; i++) {
    const { start, w } = wy[i]!;
    for (let j = 0; j < tw; j++) {
      let acc = 0;
      for (let k = 0; k < w.length; k++) acc += w[k]! * rowsX[(start + k) * tw + j]!;
      patch[i * tw + j] = acc;
    }
  }

  // 3. Centre of mass of the patch (pixel-index convention), then an integer shift to pixel size/2.
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < th; i++) {
    for (let j = 0; j < tw; j++) {
      const v = patch[i * tw + j]!;
      mass += v;
      mx += v * j;
      my += v * i;
    }
  }
  const cx = mass > 0 ? mx / mass : (tw - 1) / 2;
  const cy = mass > 0 ? my / mass : (th - 1) / 2;
  const ox = clamp(Math.round(size / 2 - cx), 0, size - tw);
  const oy = clamp(Math.round(size / 2 - cy), 0, size - th);

  const pixels = new Float32Array(size * size);
  for (let i = 0; i < th; i++) {
    for (let j = 0; j < tw; j++) pixels[(oy + i) * size + ox + j] = clamp(patch[i * tw + j]!, 0, 1);
  }
  return {
    pixels,
    bbox: { x: x0, y: y0, width: bw, height: bh },
    scaled: { width: tw, height: th },
    offset: { x: ox, y: oy },
  };
}

/**
 * Box-filter weights for resampling a line of `from` pixels to `to` pixels: output j averages the
 * source interval [j·from/to, (j+1)·from/to), each source pixel weighted by its overlap. The weights
 * of one output sum to 1, so outputs stay within the input range.
 */
function areaWeights(from: number, to: number): Array<{ start: number; w: Float64Array }> {
  const step = from / to;
  const out: Array<{ start: number; w: Float64Array }> = [];
  for (let j = 0; j < to; j++) {
    const a = j * step;
    const b = Math.min(from, (j + 1) * step);
    const start = Math.floor(a);
    const end = Math.min(from, Math.ceil(b)); // exclusive
    const w = new Float64Array(Math.max(1, end - start));
    for (let k = start; k < start + w.length; k++) {
      w[k - start] = Math.max(0, Math.min(b, k + 1) - Math.max(a, k)) / step;
    }
    out.push({ start, w });
  }
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Canvas RGBA bytes (ImageData.data) → ink 0..1 per pixel.
 * 'alpha': strokes on a transparent canvas (ink = alpha); 'dark': dark strokes on a light background
 * (ink = 1 − luminance, weighted by alpha); 'light': light strokes on a dark background (luminance).
 */
export function inkFromRgba(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  mode: 'alpha' | 'dark' | 'light' = 'alpha',
): Float32Array {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`RGBA data has ${rgba.length} bytes, expected ${width}×${height}×4`);
  }
  const out = new Float32Array(width * height);
  for (let p = 0; p < out.length; p++) {
    const r = rgba[4 * p]!;
    const g = rgba[4 * p + 1]!;
    const b = rgba[4 * p + 2]!;
    const a = rgba[4 * p + 3]! / 255;
    const lum = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    out[p] = mode === 'alpha' ? a : mode === 'dark' ? (1 - lum) * a : lum * a;
  }
  return out;
}
