import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digitAt, parseMnistPack } from './mnist';
import { inkFromRgba, preprocessDigit, type GreyImage } from './mnist-preprocess';

/**
 * Convention (same as the module, and as the MNIST data itself): pixel-index coordinates, the
 * centre of mass is Σ v·(col, row) / Σ v and the target is pixel (14, 14). (In "pixel c spans
 * [c, c+1)" coordinates that is (14.5, 14.5); the data test below checks MNIST really does this.)
 */
function centreOfMass(px: ArrayLike<number>, size = 28): { x: number; y: number } {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = px[r * size + c]!;
      m += v;
      sx += v * c;
      sy += v * r;
    }
  }
  return { x: sx / m, y: sy / m };
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Bounding box of the pixels above `t` (width, height in pixels). */
function inkBox(px: Float32Array, size = 28, t = 0): { w: number; h: number; cx: number; cy: number } {
  let x0 = size;
  let y0 = size;
  let x1 = -1;
  let y1 = -1;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (px[r * size + c]! > t) {
        x0 = Math.min(x0, c);
        x1 = Math.max(x1, c);
        y0 = Math.min(y0, r);
        y1 = Math.max(y1, r);
      }
    }
  }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

/** A canvas with round-capped strokes (segments of radius `rad`), soft 1-px edge, values 0..1. */
function strokes(n: number, segs: Array<[number, number, number, number]>, rad: number): GreyImage {
  const data = new Float32Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let best = Infinity;
      for (const [ax, ay, bx, by] of segs) {
        const px = x + 0.5 - ax;
        const py = y + 0.5 - ay;
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy || 1)));
        best = Math.min(best, Math.hypot(px - t * dx, py - t * dy));
      }
      data[y * n + x] = Math.max(0, Math.min(1, rad + 0.5 - best));
    }
  }
  return { data, width: n, height: n };
}

describe('preprocessDigit', () => {
  // A "7" in the top-left corner of a 280×280 canvas: a top bar and a diagonal, so its centre of
  // mass is well away from its bounding-box centre.
  const seven = strokes(
    280,
    [
      [20, 20, 110, 20],
      [110, 20, 50, 150],
    ],
    6,
  );

  it('centres the ink by mass at (14, 14) within 0.5 px, not by bounding box', () => {
    const out = preprocessDigit(seven);
    expect(out).not.toBeNull();
    const com = centreOfMass(out!.pixels);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    // The test is meaningful: the ink's bounding-box centre is not at the field centre.
    const box = inkBox(out!.pixels);
    expect(Math.abs(box.cy - 14)).toBeGreaterThan(1);
    expect(out!.bbox.x).toBeLessThan(20); // it came from the corner
    // …and all of it is still on the field.
    expect(Math.max(inkBox(out!.pixels).w, inkBox(out!.pixels).h)).toBe(20);
  });

  it('clamps the shift rather than push ink off the field when the mass is very lopsided', () => {
    // A heavy block on top of a thin stem: centring by mass would push the stem off the bottom.
    const img = strokes(
      200,
      [
        [20, 20, 180, 20],
        [20, 40, 180, 40],
        [20, 60, 180, 60],
        [100, 60, 100, 190],
      ],
      10,
    );
    const out = preprocessDigit(img)!;
    expect(out.offset.y).toBe(28 - out.scaled.height);
    expect(inkBox(out.pixels).h).toBe(20); // no ink row lost
    expect(centreOfMass(out.pixels).y).toBeLessThan(13.4); // centring was compromised, by design
  });

  it('fits the longer side of the ink box to 20 px and keeps the aspect ratio', () => {
    const out = preprocessDigit(seven)!;
    const box = inkBox(out.pixels);
    expect(Math.max(box.w, box.h)).toBeGreaterThanOrEqual(19);
    expect(Math.max(box.w, box.h)).toBeLessThanOrEqual(20);
    expect(Math.max(out.scaled.width, out.scaled.height)).toBe(20);

    // A tall bar 24 px wide, 200 px tall → 20 px tall, 24/200·20 = 2.4 → 2 px wide.
    const bar = new Float32Array(300 * 300);
    for (let y = 50; y < 250; y++) for (let x = 200; x < 224; x++) bar[y * 300 + x] = 1;
    const b = preprocessDigit({ data: bar, width: 300, height: 300 })!;
    expect(b.scaled).toEqual({ width: 2, height: 20 });
    const bb = inkBox(b.pixels);
    expect([bb.w, bb.h]).toEqual([2, 20]);
    // A solid block stays solid (area averaging of 1s is 1).
    expect(Math.max(...b.pixels)).toBeCloseTo(1, 6);
  });

  it('returns null for an empty drawing or one below the threshold', () => {
    expect(preprocessDigit({ data: new Float32Array(64 * 64), width: 64, height: 64 })).toBeNull();
    const faint = new Float32Array(64 * 64).fill(0.05);
    expect(preprocessDigit({ data: faint, width: 64, height: 64 })).toBeNull();
  });

  it('handles a one-pixel drawing: finite values, centred, in [0, 1]', () => {
    const dot = new Float32Array(100 * 100);
    dot[3 * 100 + 97] = 0.8;
    const out = preprocessDigit({ data: dot, width: 100, height: 100 })!;
    expect(out).not.toBeNull();
    expect(out.pixels.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
    expect(out.scaled).toEqual({ width: 20, height: 20 });
    // An even-sized uniform square cannot sit centred on a pixel: the best is exactly 0.5 px off.
    const com = centreOfMass(out.pixels);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(Math.max(...out.pixels)).toBeCloseTo(0.8, 6);
  });

  it('keeps output values in [0, 1] even for out-of-range input', () => {
    const img = strokes(120, [[30, 30, 90, 90]], 5);
    for (let i = 0; i < img.data.length; i += 7) img.data[i] = img.data[i]! * 3 - 0.5;
    const out = preprocessDigit(img)!;
    expect(out.pixels.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('reads Uint8ClampedArray input as 0..255 and agrees with the float version', () => {
    const bytes = new Uint8ClampedArray(seven.data.length);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round(seven.data[i]! * 255);
    const a = preprocessDigit(seven)!;
    const b = preprocessDigit({ data: bytes, width: 280, height: 280 })!;
    expect(b.offset).toEqual(a.offset);
    for (let i = 0; i < 784; i++) expect(Math.abs(a.pixels[i]! - b.pixels[i]!)).toBeLessThan(0.01);
  });

  describe('against the real MNIST digits', () => {
    const pack = parseMnistPack(
      new Uint8Array(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'mnist-10k.bin'))),
    );

    it('MNIST itself uses this convention: every digit has its centre of mass within 0.5 px of pixel (14, 14)', () => {
      for (let i = 0; i < pack.count; i++) {
        const com = centreOfMass(digitAt(pack, i).pixels);
        if (Math.abs(com.x - 14) > 0.5 || Math.abs(com.y - 14) > 0.5) {
          throw new Error(`digit ${i}: centre of mass (${com.x}, ${com.y})`);
        }
      }
    });

    it('rebuilds MNIST digits from 10× enlarged copies (same pixels, up to rare 1-px shifts)', () => {
      const n = 200;
      let close = 0;
      for (let idx = 0; idx < n; idx++) {
        const a = Array.from(digitAt(pack, idx).pixels, (v) => v / 255);
        const big = new Float32Array(280 * 280);
        for (let y = 0; y < 280; y++) {
          for (let x = 0; x < 280; x++) big[y * 280 + x] = a[((y / 10) | 0) * 28 + ((x / 10) | 0)]!;
        }
        const b = preprocessDigit({ data: big, width: 280, height: 280 })!.pixels;
        const r = correlation(a, b);
        expect(r).toBeGreaterThan(0.4); // even a shifted copy is clearly the same digit
        if (r > 0.99) close++;
      }
      expect(close / n).toBeGreaterThanOrEqual(0.97);
    });
  });

  it('validates sizes', () => {
    expect(() => preprocessDigit({ data: new Float32Array(10), width: 4, height: 4 })).toThrow(RangeError);
  });
});

describe('inkFromRgba', () => {
  it('reads ink from alpha, dark-on-light and light-on-dark canvases', () => {
    // Two pixels: opaque black, transparent.
    const px = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 0]);
    expect(Array.from(inkFromRgba(px, 2, 1, 'alpha'))).toEqual([1, 0]);
    expect(Array.from(inkFromRgba(px, 2, 1, 'dark'))).toEqual([1, 0]);
    const white = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]);
    const light = inkFromRgba(white, 2, 1, 'light');
    expect(light[0]).toBeCloseTo(1, 6);
    expect(light[1]).toBe(0);
    expect(() => inkFromRgba(px, 3, 1)).toThrow(RangeError);
  });
});
