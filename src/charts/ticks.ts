/**
 * Axis ticks and their labels for the charts. Tick values are round numbers
 * (1, 2, 5 × 10^k steps; powers of ten on a log axis) and every label shows just
 * enough digits for the visible range: a loss that moves between 1.3861 and
 * 1.3867 is labelled 1.3862, 1.3864, 1.3866, never "1.4" five times.
 */

export type AxisKind = 'linear' | 'log';

export interface Axis {
  domain: [number, number];
  ticks: number[];
  labels: string[];
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

const MINUS = '\u2212';
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function power(e: number): string {
  return `10${[...String(e)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** A typographic minus, and never "−0". */
function signed(label: string): string {
  if (/^-0(\.0*)?$/.test(label)) return label.slice(1);
  return label.startsWith('-') ? MINUS + label.slice(1) : label;
}

function distinct(labels: string[]): boolean {
  return new Set(labels).size === labels.length;
}

/** The smallest gap between neighbouring distinct values (or a scale of the values when there is one). */
function smallestGap(values: number[]): number {
  const s = [...new Set(values)].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < s.length; i++) gap = Math.min(gap, s[i]! - s[i - 1]!);
  if (Number.isFinite(gap)) return gap;
  return Math.abs(s[0] ?? 1) || 1;
}

/**
 * Labels for tick values on a linear axis: one number of decimals for all of
 * them, the fewest that keeps every label distinct and within 1/20 of the tick
 * spacing of its value. Very large or very small magnitudes read as m×10ᵏ with
 * one shared exponent.
 */
export function formatLinearTicks(values: number[]): string[] {
  if (values.length === 0) return [];
  const maxAbs = Math.max(...values.map(Math.abs));
  if (maxAbs === 0) return values.map(() => '0');
  const tolerance = smallestGap(values) / 20;
  const sci = maxAbs >= 1e6 || maxAbs < 1e-3;
  const e = sci ? Math.floor(Math.log10(maxAbs)) : 0;
  const unit = 10 ** e;
  for (let d = 0; d <= 15; d++) {
    const labels: string[] = [];
    let ok = true;
    for (const v of values) {
      const m = v / unit;
      const text = m.toFixed(d);
      if (Math.abs(Number(text) * unit - v) > tolerance) ok = false;
      labels.push(text);
    }
    if (!ok || !distinct(labels)) continue;
    if (sci) return labels.map((l) => (Number(l) === 0 ? '0' : `${signed(l)}×${power(e)}`));
    if (d === 0 && maxAbs >= 1e4) return values.map((v) => signed(GROUPED.format(v)));
    return labels.map(signed);
  }
  return values.map((v) => signed(v.toPrecision(17)));
}

/** One tick of a log axis as written: 0.02, 5, 20,000, or 2×10⁻⁵ for far-off decades. */
function formatLogTick(v: number): string {
  if (v >= 1e-3 && v < 1e6) {
    const s = String(Number(v.toPrecision(12)));
    return v >= 1e4 ? GROUPED.format(Number(s)) : s;
  }
  const e = Math.floor(Math.log10(v) + 1e-9);
  const m = Number((v / 10 ** e).toPrecision(6));
  return m === 1 ? power(e) : `${m}×${power(e)}`;
}

/**
 * Labels for tick values: on a log axis each tick is written exactly (they are
 * 1, 2 or 5 times a power of ten); when that would not give distinct labels, or
 * on a linear axis, the shared-decimals rule of formatLinearTicks applies.
 */
export function formatTicks(values: number[], kind: AxisKind = 'linear'): string[] {
  if (kind === 'log' && values.every((v) => v > 0)) {
    const exps = values.map((v) => Math.log10(v));
    const powers = exps.every((e) => Math.abs(e - Math.round(e)) < 1e-9);
    const far = values.some((v) => v < 1e-3 || v >= 1e6);
    // Decades reaching far from 1 read best all alike: 10⁻⁴, 10⁻³, 10⁻², 10⁻¹, 1, 10, 10².
    const labels = powers && far ? exps.map((e) => Math.round(e)).map((e) => (e === 0 ? '1' : e === 1 ? '10' : power(e))) : values.map(formatLogTick);
    if (distinct(labels)) return labels;
  }
  return formatLinearTicks(values);
}

/** About `count` round ticks (1, 2, 5 × 10^k apart) inside [lo, hi]. */
export function roundTicks(lo: number, hi: number, count = 5, integer = false): number[] {
  if (!(hi > lo)) return [lo];
  return ticksEvery(lo, hi, tickStep(lo, hi, count, integer));
}

function tickStep(lo: number, hi: number, count: number, integer: boolean): number {
  const step = niceStep((hi - lo) / Math.max(1, count));
  return integer ? Math.max(1, Math.round(step)) : step;
}

/** The multiples of `step` inside [lo, hi], rounded to the digits the step has. */
function ticksEvery(lo: number, hi: number, step: number): number[] {
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const digits = Math.min(17, Math.max(1, Math.ceil(Math.log10(Math.max(Math.abs(lo), Math.abs(hi)) / step + 1)) + 2));
  const out: number[] = [];
  for (let k = first; k <= last; k++) {
    const t = Number((k * step).toPrecision(digits));
    if (out.at(-1) !== t) out.push(t);
  }
  return out;
}

/** The nearest 1, 2 or 5 × 10^k at or below (dir −1) or above (dir +1) a positive v. */
function round125(v: number, dir: -1 | 1): number {
  const e = Math.floor(Math.log10(v));
  const cands = [-1, 0, 1].flatMap((d) => [1, 2, 5].map((m) => Number((m * 10 ** (e + d)).toPrecision(6))));
  return dir < 0 ? Math.max(...cands.filter((c) => c <= v * (1 + 1e-9))) : Math.min(...cands.filter((c) => c >= v * (1 - 1e-9)));
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  // Nearest of 1, 2, 5, 10 in ratio terms (thresholds at their geometric means).
  return (m >= 7.07 ? 10 : m >= 3.16 ? 5 : m >= 1.41 ? 2 : 1) * p;
}

/** Powers of ten (with 2 and 5 between them when the range is short) inside [lo, hi], at most maxTicks of them. */
export function logTicks(lo: number, hi: number, maxTicks = 6): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const inRange = (t: number) => t >= lo * 0.999 && t <= hi * 1.001;
  const mult = b - a <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let e = a; e <= b; e++) for (const m of mult) if (inRange(m * 10 ** e)) out.push(Number((m * 10 ** e).toPrecision(6)));
  if (out.length <= maxTicks) return out;
  // Too many for the height: powers of ten only, every k-th of them.
  const pure = out.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const k = Math.ceil(pure.length / maxTicks);
  return pure.filter((t) => Math.round(Math.log10(t)) % k === 0);
}

/**
 * Domain, ticks and labels of one axis over the data range [lo, hi]. A flat
 * series gets a unit-wide (or, on a log axis, a factor-of-four) range around its
 * value; a linear axis is padded by `pad` of its span on each side. With `nice`
 * the domain ends on round values (a tick step, or 1, 2, 5 × 10^k on a log
 * axis), so a streaming chart's axes change only when the data leave them. On a
 * log axis (lo > 0 required) a range inside one decade falls back to round
 * linear ticks.
 */
export function makeAxis(
  lo: number,
  hi: number,
  opts: { kind?: AxisKind; count?: number; integer?: boolean; pad?: number; nice?: boolean; bounds?: [number, number] } = {},
): Axis {
  const axis = makeAxisUnbounded(lo, hi, opts);
  if (!opts.bounds) return axis;
  // Values that cannot leave [b0, b1] (an accuracy) get no axis beyond it.
  const [b0, b1] = opts.bounds;
  const domain: [number, number] = [Math.max(axis.domain[0], b0), Math.min(axis.domain[1], b1)];
  const keep = axis.ticks.map((t) => t >= domain[0] - 1e-12 && t <= domain[1] + 1e-12);
  return { domain, ticks: axis.ticks.filter((_, i) => keep[i]), labels: axis.labels.filter((_, i) => keep[i]) };
}

function makeAxisUnbounded(
  lo: number,
  hi: number,
  opts: { kind?: AxisKind; count?: number; integer?: boolean; pad?: number; nice?: boolean },
): Axis {
  const kind = opts.kind ?? 'linear';
  const count = opts.count ?? 4;
  let [a, b] = [lo, hi];
  if (kind === 'log') {
    if (b <= a * (1 + 1e-6)) {
      a /= 2;
      b *= 2;
    }
    if (opts.nice) {
      a = round125(a, -1);
      b = round125(b, 1);
    }
    const lt = logTicks(a, b, count + 2);
    if (lt.length >= 2) return { domain: [a, b], ticks: lt, labels: formatTicks(lt, 'log') };
    const ticks = roundTicks(a, b, count).filter((t) => t > 0);
    return { domain: [a, b], ticks, labels: formatTicks(ticks, 'linear') };
  }
  // Float32 histories resolve about 7 digits: a narrower span is shown as flat.
  const minSpan = Math.max(Math.abs(a), Math.abs(b)) * 1e-6;
  if (b - a <= minSpan) {
    const mid = (a + b) / 2;
    const half = opts.integer ? 1 : Math.max(0.5, Math.abs(mid) * 1e-3);
    a = mid - half;
    b = mid + half;
  } else if (opts.pad) {
    const m = (b - a) * opts.pad;
    a -= m;
    b += m;
  }
  const step = tickStep(a, b, count, opts.integer ?? false);
  if (opts.nice) {
    const a2 = Math.floor(a / step + 1e-9) * step;
    const b2 = Math.ceil(b / step - 1e-9) * step;
    // Rounding may not cross zero for data that do not (a loss never shows a negative axis).
    a = lo >= 0 && a2 < 0 ? 0 : a2;
    b = b2;
  }
  const ticks = ticksEvery(a, b, step);
  // A nice domain ends on its first and last ticks (rounded as they are).
  const domain: [number, number] = opts.nice && ticks.length >= 2 ? [ticks[0]!, ticks.at(-1)!] : [a, b];
  return { domain, ticks, labels: formatTicks(ticks, 'linear') };
}
