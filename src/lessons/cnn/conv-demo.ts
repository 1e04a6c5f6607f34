/**
 * The convolution explainer's small world: a 6×6 one-channel image with a corner (a
 * vertical and a horizontal edge), 3×3 kernel presets, and the KaTeX for one output
 * cell with its real numbers — every number from conv-reference.ts, the same
 * arithmetic the model's layers are tested against.
 */
import { convGeometry, conv2dReference, convTerms, type ConvKernel, type Volume } from '../../ml/cnn/conv-reference';
import { paddingAmounts, type Padding } from '../../ml/cnn/architecture';
import { tex } from '../../format';

export const DEMO_SIZE = 6;

/** Dark top-left, bright bottom-right block: a vertical edge between columns 2 and 3, a horizontal one between rows 1 and 2. */
export const DEMO_IMAGE: Volume = {
  height: DEMO_SIZE,
  width: DEMO_SIZE,
  channels: 1,
  data: [
    0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0,
    0, 0, 0, 1, 1, 1,
    0, 0, 0, 1, 1, 1,
    0, 0, 0, 1, 1, 1,
    0, 0, 0, 1, 1, 1,
  ],
};

export const KERNEL_PRESETS = ['vedge', 'hedge', 'blur', 'sharpen'] as const;
export type KernelPreset = (typeof KERNEL_PRESETS)[number];

const NINTH = 1 / 9;
const KERNELS: Record<KernelPreset, number[]> = {
  // Dark on the left, bright on the right → positive.
  vedge: [-1, 0, 1, -1, 0, 1, -1, 0, 1],
  // Dark above, bright below → positive.
  hedge: [-1, -1, -1, 0, 0, 0, 1, 1, 1],
  blur: [NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH],
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
};

export function demoKernel(preset: KernelPreset): ConvKernel {
  return { height: 3, width: 3, inChannels: 1, outChannels: 1, data: KERNELS[preset] };
}

export const DEMO_BIAS = [0];

export interface DemoConv {
  kernel: ConvKernel;
  padding: Padding;
  stride: number;
  outHeight: number;
  outWidth: number;
  /** Zeros padded before / after along each axis (the image is square, so rows and columns agree). */
  before: number;
  after: number;
  /** The whole output, row-major. */
  output: number[];
}

export function demoConv(preset: KernelPreset, padding: Padding, stride: number): DemoConv {
  const kernel = demoKernel(preset);
  const o = { padding, stride };
  const g = convGeometry(DEMO_IMAGE, kernel, o);
  const { before, after } = paddingAmounts(DEMO_SIZE, 3, padding, stride);
  const out = conv2dReference(DEMO_IMAGE, kernel, DEMO_BIAS, o);
  return { kernel, padding, stride, outHeight: g.outHeight, outWidth: g.outWidth, before, after, output: Array.from(out.data, clean) };
}

/** Round off float noise (1/9 · 9 = 0.9999…) so the page prints what the arithmetic means. */
export function clean(v: number): number {
  const r = Math.round(v * 1e9) / 1e9;
  return Object.is(r, -0) ? 0 : r;
}

/** The multiply-add for output (i, j), three terms per kernel row, then the sum. */
export function windowTex(c: DemoConv, i: number, j: number): string {
  const t = convTerms(DEMO_IMAGE, c.kernel, DEMO_BIAS, { padding: c.padding, stride: c.stride }, i, j, 0);
  const term = (x: number, w: number, pad: boolean) => {
    const xs = pad ? `\\textcolor{gray}{0}` : tex(x, 3, true);
    return `${xs}\\cdot ${tex(clean(w), 3, true)}`;
  };
  const rows: string[] = [];
  for (let m = 0; m < 3; m++) {
    rows.push(
      t.terms
        .filter((u) => u.m === m)
        .map((u) => term(u.x, u.w, u.padding))
        .join(' + '),
    );
  }
  return (
    `\\begin{aligned} y_{${i},${j}} &= ${rows[0]} \\\\ &\\quad + ${rows[1]} \\\\ &\\quad + ${rows[2]} \\\\ ` +
    `&\\quad + b \\;=\\; ${tex(clean(t.sum - t.bias), 4)} + ${tex(t.bias, 3, true)} \\;=\\; ${tex(clean(t.sum), 4)} \\end{aligned}`
  );
}

/** n_out = ⌊(n + p_before + p_after − k)/s⌋ + 1, evaluated. */
export function outputSizeTex(n: number, k: number, before: number, after: number, s: number): string {
  const out = Math.floor((n + before + after - k) / s) + 1;
  return (
    `\\begin{aligned} n_{\\text{out}} &= \\left\\lfloor \\frac{n + p_{\\text{before}} + p_{\\text{after}} - k}{s} \\right\\rfloor + 1 \\\\` +
    ` &= \\left\\lfloor \\frac{${n} + ${before} + ${after} - ${k}}{${s}} \\right\\rfloor + 1 = ${out} \\end{aligned}`
  );
}

/** Max-pool 2×2, stride 2 ('valid': a leftover row or column is dropped) of a h×w map. */
export function pool2x2(values: readonly number[], h: number, w: number): { outHeight: number; outWidth: number; max: number[]; avg: number[] } {
  const outHeight = Math.floor((h - 2) / 2) + 1;
  const outWidth = Math.floor((w - 2) / 2) + 1;
  const max: number[] = [];
  const avg: number[] = [];
  for (let i = 0; i < outHeight; i++) {
    for (let j = 0; j < outWidth; j++) {
      const win = poolWindow(values, w, i, j);
      max.push(Math.max(...win));
      avg.push(clean(win.reduce((a, b) => a + b, 0) / 4));
    }
  }
  return { outHeight: Math.max(0, outHeight), outWidth: Math.max(0, outWidth), max, avg };
}

/** The four values of pooling window (i, j), row by row. */
export function poolWindow(values: readonly number[], w: number, i: number, j: number): number[] {
  const r = 2 * i;
  const c = 2 * j;
  return [values[r * w + c]!, values[r * w + c + 1]!, values[(r + 1) * w + c]!, values[(r + 1) * w + c + 1]!];
}
