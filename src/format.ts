/**
 * Number formatting for everything shown on screen. A non-finite number is
 * never printed as "NaN" or "Infinity": it reads as an em dash.
 */
export function fmt(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(Math.max(1, digits - 2)).replace('e+', 'e');
  return Number(v.toPrecision(digits)).toString();
}

/** The same number for KaTeX: exponents as ×10^k, and negatives in parentheses when asked. */
export function tex(v: number | null | undefined, digits = 4, paren = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '\\text{—}';
  const s = fmt(v, digits);
  const m = /^(-?[\d.]+)e(-?\d+)$/.exec(s);
  const body = m ? `${m[1]}\\times 10^{${m[2]}}` : s;
  return paren && v < 0 ? `(${body})` : body;
}

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function fmtInt(v: number): string {
  return Number.isFinite(v) ? INT.format(Math.round(v)) : '—';
}

export function fmtRate(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return '—';
  if (v >= 1e4) return `${(v / 1000).toFixed(0)}k`;
  if (v >= 100) return v.toFixed(0);
  return v.toFixed(1);
}
