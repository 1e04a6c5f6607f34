import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { COMMON } from '../i18n/common';
import { stringLeaves } from '../i18n/strings-check';

/**
 * Guards for issue 14 (2, 5): plain labels never carry TeX (they are not rendered, so
 * "c_{t−1}" or "h_t" would show as typed), and no formula renders stray text such as
 * the "[t]" of an \begin{aligned}[t] that KaTeX does not understand.
 */

/** TeX that shows as typed outside a formula: _{ ^{ \command, or a one-letter subscript h_t. */
export const RAW_TEX = /_\{|\^\{|\\[A-Za-z]|(?<![A-Za-z])[A-Za-z]_[A-Za-z0-9](?![A-Za-z0-9])/;
/** Text a formula should never show: an optional argument KaTeX printed, a command it did not know. */
export const STRAY_IN_FORMULA = /\[[a-z]\]|\\/;

type Table = { en: object; zh: object };
const tables = import.meta.glob<Table>('./*/strings.ts', { eager: true });
const texModules = import.meta.glob<Record<string, unknown>>('./*/tex.ts', { eager: true });

/** Every string in a module export, nested objects and arrays included. */
function strings(v: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof v === 'string') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${path}.${k}`, out);
  return out;
}

/** The text a reader sees in KaTeX's HTML (its MathML copy, which holds the source, left out). */
function visibleText(math: string): string {
  const html = katex.renderToString(math, { throwOnError: true, strict: 'ignore', output: 'html', displayMode: true });
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe('no raw TeX in plain text', () => {
  it('finds the string tables of every lesson', () => {
    expect(Object.keys(tables).length).toBeGreaterThanOrEqual(5);
  });

  for (const [file, t] of Object.entries({ ...tables, common: COMMON })) {
    it(`${file}: no label in English or Chinese carries TeX`, () => {
      for (const lang of ['en', 'zh'] as const) {
        for (const [k, v] of stringLeaves(t[lang])) expect(RAW_TEX.test(v) ? `${lang}.${k}: ${v}` : '').toBe('');
      }
    });
  }

  it('the pattern catches what the reviewer saw, and not what is fine', () => {
    for (const bad of ['how much of c_{t−1} is kept', 'the candidate g_t', 'Hidden state h_t', 'x^{2}', '\\alpha']) {
      expect(RAW_TEX.test(bad), bad).toBe(true);
    }
    for (const ok of ['Hidden state hₜ', 'd_model', 'cₜ₋₁', 'θ ← θ − α ∂L/∂θ', 'h₁ = φ(z₁)']) expect(RAW_TEX.test(ok), ok).toBe(false);
  });
});

describe('no stray text in rendered formulas', () => {
  const fixed = Object.entries(texModules).flatMap(([file, m]) => strings(m, file));

  it('finds the formulas of every lesson', () => {
    expect(fixed.length).toBeGreaterThan(100);
  });

  it('every fixed formula renders without "[t]"-like leftovers or unknown commands', () => {
    for (const [name, math] of fixed) {
      const seen = visibleText(math);
      expect(STRAY_IN_FORMULA.test(seen) ? `${name}: ${seen}` : '').toBe('');
    }
  });

  it('the check would have caught \\begin{aligned}[t]', () => {
    expect(STRAY_IN_FORMULA.test(visibleText('\\textbf{Adam: } \\begin{aligned}[t] m_t &= 1 \\end{aligned}'))).toBe(true);
  });
});
