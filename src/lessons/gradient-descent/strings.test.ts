import { describe, expect, it } from 'vitest';
import { en, zh } from './strings';

type Tree = { [k: string]: string | Tree };

function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Latin words a Chinese string may keep: names of optimisers, functions, symbols. */
const ALLOWED = new Set(['SGD', 'Adam', 'RMSProp', 'Nesterov', 'Rosenbrock', 'Himmelblau', 'log', 'f', 'w', 'b', 'x', 'y', 'v', 'm', 'L', 'ŷ', 'max']);

describe('gradient-descent strings', () => {
  const E = leaves(en as unknown as Tree);
  const Z = leaves(zh as unknown as Tree);

  it('Chinese has exactly the English keys', () => {
    expect([...Z.keys()].sort()).toEqual([...E.keys()].sort());
  });

  it('every string keeps the same interpolation values', () => {
    for (const [k, v] of E) expect(placeholders(Z.get(k)!), k).toEqual(placeholders(v));
  });

  it('Chinese strings keep no English words but names and symbols', () => {
    for (const [k, v] of Z) {
      const words = v.replace(/\{\{\w+\}\}/g, '').match(/[A-Za-z][A-Za-z]*/g) ?? [];
      for (const w of words) expect(ALLOWED.has(w), `${k}: "${w}" in "${v}"`).toBe(true);
    }
  });

  it('English accessible names the end-to-end tests rely on are unchanged', () => {
    expect(en.lab.region).toBe('Linear regression lab');
    expect(en.explorer.region).toBe('Loss-surface explorer');
    expect(en.control.lr).toBe('Learning rate');
    expect(en.control.optimizer).toBe('Optimizer');
    expect(en.explorer.surface).toBe('Surface');
    expect(en.explorer.kappa).toBe('Condition number κ');
    expect(en.phase.diverged).toBe('diverged');
  });
});
