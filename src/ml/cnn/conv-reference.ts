/**
 * Convolution written out in plain JS, straight from the formula — the yardstick the
 * tests hold tf.conv2d to, and the source of the numbers the page's step-by-step
 * convolution explainer writes out. Slow on purpose: one loop per symbol.
 *
 * What deep-learning libraries call convolution is cross-correlation (the kernel is not
 * flipped). For output position (i, j) and filter f, with stride s and the zeros of
 * 'same' padding added before the input (p_top, p_left, see paddingAmounts):
 *
 *   y[i, j, f] = Σ_m Σ_n Σ_c  x[i·s + m − p_top, j·s + n − p_left, c] · w[m, n, c, f]  +  b[f]
 *
 * where x outside the input reads as 0. With 'valid' padding and s = 1 this is the
 * textbook y_{i,j} = Σ_m Σ_n Σ_c x_{i+m, j+n, c} w_{m,n,c} + b.
 *
 * Layouts are TensorFlow's, so tensors' data can be passed as is:
 *   image  [height, width, channels]            (HWC, row-major)
 *   kernel [kh, kw, inChannels, outChannels]    (HWIO)
 */
import { outputSize, paddingAmounts, type Padding } from './architecture';

export interface Volume {
  height: number;
  width: number;
  channels: number;
  /** height·width·channels values, HWC row-major: x[r, c, ch] at (r·width + c)·channels + ch. */
  data: ArrayLike<number>;
}

export interface ConvKernel {
  height: number;
  width: number;
  inChannels: number;
  outChannels: number;
  /** HWIO row-major: w[m, n, c, f] at ((m·width + n)·inChannels + c)·outChannels + f. */
  data: ArrayLike<number>;
}

export interface ConvOptions {
  padding: Padding;
  /** The same stride along both axes. */
  stride: number;
}

export interface ConvTerm {
  /** Kernel row, column and input channel of this term. */
  m: number;
  n: number;
  c: number;
  /** Input row and column it reads; outside the image when it is padding. */
  row: number;
  col: number;
  /** True when (row, col) lies in the zero padding (then x = 0). */
  padding: boolean;
  x: number;
  w: number;
  /** x · w */
  product: number;
}

export interface ConvTerms {
  terms: ConvTerm[];
  bias: number;
  /** Σ products + bias: the output value y[i, j, f]. */
  sum: number;
}

function checkShapes(x: Volume, w: ConvKernel, bias: ArrayLike<number> | null): void {
  if (x.data.length !== x.height * x.width * x.channels) throw new RangeError('image data does not match its shape');
  if (w.data.length !== w.height * w.width * w.inChannels * w.outChannels) {
    throw new RangeError('kernel data does not match its shape');
  }
  if (w.inChannels !== x.channels) {
    throw new RangeError(`kernel expects ${w.inChannels} input channels, image has ${x.channels}`);
  }
  if (bias && bias.length !== w.outChannels) throw new RangeError(`bias has ${bias.length} values for ${w.outChannels} filters`);
}

/** Output height and width, and the zeros padded before the input (top, left). */
export function convGeometry(
  x: Pick<Volume, 'height' | 'width'>,
  w: Pick<ConvKernel, 'height' | 'width'>,
  o: ConvOptions,
): { outHeight: number; outWidth: number; top: number; left: number } {
  return {
    outHeight: outputSize(x.height, w.height, o.padding, o.stride),
    outWidth: outputSize(x.width, w.width, o.padding, o.stride),
    top: paddingAmounts(x.height, w.height, o.padding, o.stride).before,
    left: paddingAmounts(x.width, w.width, o.padding, o.stride).before,
  };
}

/** The whole output volume [outHeight, outWidth, outChannels], computed term by term. */
export function conv2dReference(x: Volume, w: ConvKernel, bias: ArrayLike<number> | null, o: ConvOptions): Volume {
  checkShapes(x, w, bias);
  const { outHeight, outWidth, top, left } = convGeometry(x, w, o);
  const F = w.outChannels;
  const out = new Float64Array(outHeight * outWidth * F);
  for (let i = 0; i < outHeight; i++) {
    for (let j = 0; j < outWidth; j++) {
      for (let f = 0; f < F; f++) {
        let y = bias ? bias[f]! : 0;
        for (let m = 0; m < w.height; m++) {
          const r = i * o.stride + m - top;
          if (r < 0 || r >= x.height) continue; // padding: x = 0
          for (let n = 0; n < w.width; n++) {
            const c0 = j * o.stride + n - left;
            if (c0 < 0 || c0 >= x.width) continue;
            for (let c = 0; c < x.channels; c++) {
              y += x.data[(r * x.width + c0) * x.channels + c]! * w.data[((m * w.width + n) * w.inChannels + c) * F + f]!;
            }
          }
        }
        out[(i * outWidth + j) * F + f] = y;
      }
    }
  }
  return { height: outHeight, width: outWidth, channels: F, data: out };
}

/**
 * The multiply-adds behind one output value y[i, j, f], in the order m, n, c — for the
 * explainer to write out "x·w + x·w + … + b = y". Padding positions are included (x = 0,
 * flagged) so the sum has k·k·c terms whatever the position.
 */
export function convTerms(
  x: Volume,
  w: ConvKernel,
  bias: ArrayLike<number> | null,
  o: ConvOptions,
  i: number,
  j: number,
  f: number,
): ConvTerms {
  checkShapes(x, w, bias);
  const { outHeight, outWidth, top, left } = convGeometry(x, w, o);
  if (!(i >= 0 && i < outHeight && j >= 0 && j < outWidth && f >= 0 && f < w.outChannels)) {
    throw new RangeError(`output position (${i}, ${j}, ${f}) outside ${outHeight}×${outWidth}×${w.outChannels}`);
  }
  const terms: ConvTerm[] = [];
  let sum = 0;
  for (let m = 0; m < w.height; m++) {
    for (let n = 0; n < w.width; n++) {
      const row = i * o.stride + m - top;
      const col = j * o.stride + n - left;
      const padding = row < 0 || row >= x.height || col < 0 || col >= x.width;
      for (let c = 0; c < x.channels; c++) {
        const xv = padding ? 0 : x.data[(row * x.width + col) * x.channels + c]!;
        const wv = w.data[((m * w.width + n) * w.inChannels + c) * w.outChannels + f]!;
        terms.push({ m, n, c, row, col, padding, x: xv, w: wv, product: xv * wv });
        sum += xv * wv;
      }
    }
  }
  const b = bias ? bias[f]! : 0;
  return { terms, bias: b, sum: sum + b };
}
