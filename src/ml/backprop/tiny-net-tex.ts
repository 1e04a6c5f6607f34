/**
 * KaTeX strings for the tiny network's chain rule with the real numbers, e.g.
 *   ∂L/∂w₁₁ = ∂L/∂ŷ · ∂ŷ/∂h₁ · ∂h₁/∂z₁ · ∂z₁/∂w₁₁ = (ŷ − t) · v₁ · h₁(1 − h₁) · x₁ = a · b · c · d = g
 * Pure strings: the page renders them with <Tex> (this module imports no KaTeX).
 */
import { derivLabel, type TinyNodeId } from './tiny-net';
import type { ChainFactor, TinyBackward } from './tiny-net-backward';

export interface TexOptions {
  /** Significant digits of the numbers (default 4). */
  digits?: number;
  /**
   * 'path': the full product along every path from L (default).
   * 'local': one step, ∂L/∂node = Σ ∂L/∂child · ∂child/∂node, as the stepper computes it.
   */
  form?: 'path' | 'local';
  /** Include the symbolic middle line, e.g. (ŷ − t)·v₁·h₁(1 − h₁)·x₁ (default true). */
  symbolic?: boolean;
}

/** A number for KaTeX: `digits` significant digits, trailing zeros dropped, ×10ⁿ for tiny/huge. */
export function texNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '\\text{NaN}' : x > 0 ? '\\infty' : '-\\infty';
  if (x === 0) return '0';
  const s = x.toPrecision(digits);
  const [mant = s, exp] = s.split('e');
  const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  return exp === undefined ? m : `${m}\\times 10^{${Number(exp)}}`;
}

/** A factor in a product: negatives and sums (a + or − outside any bracket) get parentheses. */
function inProduct(s: string): string {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if ((ch === '+' || ch === '-') && depth === 0) return `(${s})`;
  }
  return s;
}

const product = (parts: string[]): string =>
  parts.length === 0 ? '1' : parts.length === 1 ? parts[0]! : parts.map(inProduct).join(' \\cdot ');

const sum = (terms: string[], wrap: boolean): string =>
  terms.map((t) => (wrap && terms.length > 1 ? `\\left(${t}\\right)` : t)).join(' + ');

/** The chain rule for ∂L/∂node with the values of the current forward/backward pass. */
export function chainRuleTex(bw: TinyBackward, node: TinyNodeId, opts: TexOptions = {}): string {
  const digits = opts.digits ?? 4;
  const num = (v: number) => texNumber(v, digits);
  const lhs = derivLabel('L', node);
  if (node === 'L') return `${lhs} = 1`;

  let names: string[];
  let exprs: string[];
  let values: string[];
  if ((opts.form ?? 'path') === 'path') {
    const paths = bw.paths[node];
    names = paths.map((p) => product(p.map((f) => f.label)));
    exprs = paths.map((p) => product(p.map((f) => f.expr)));
    values = paths.map((p) => product(p.map((f: ChainFactor) => num(f.value))));
  } else {
    const terms = bw.local[node];
    names = terms.map((t) => product([derivLabel('L', t.child), t.factor.label]));
    exprs = terms.map((t) => product([derivLabel('L', t.child), t.factor.expr]));
    values = terms.map((t) => product([num(t.childGrad), num(t.factor.value)]));
  }
  const lines = [lhs, sum(names, false)];
  if (opts.symbolic ?? true) lines.push(sum(exprs, true));
  lines.push(sum(values, true), num(bw.grads[node]));
  // A one-factor chain (∂L/∂ŷ) would repeat itself: drop each line equal to the one before.
  return lines.filter((l, i) => i === 0 || l !== lines[i - 1]).join(' = ');
}
