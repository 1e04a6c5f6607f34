import { describe, expect, it } from 'vitest';
import { en, zh } from './strings';

type Tree = { [k: string]: string | Tree };

function leaves(t: Tree, prefix = ''): [string, string][] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** Names that stay as they are in Chinese text: code, libraries, functions, keys, number formats. */
const KEEP = /\b(SGD|Adam|ReLU|tanh|sigmoid|softmax|logit|Dropout|Worker|tfjs|float32|float64|XOR|MLP|Shift|Enter|Delete|pts|rm|x1|x2|y|L1|L2|sin)\b/g;

describe('backprop strings', () => {
  const enLeaves = new Map(leaves(en as unknown as Tree));
  const zhLeaves = new Map(leaves(zh as unknown as Tree));

  it('has the same keys and the same placeholders in both languages', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}|<(\w+)\s*\/?>/g)].map((m) => m[1] ?? m[2]).sort();
    for (const [k, v] of enLeaves) expect(holes(zhLeaves.get(k)!), k).toEqual(holes(v));
  });

  it('leaves no English words in the Chinese strings', () => {
    for (const [k, v] of zhLeaves) {
      const rest = v.replace(/\{\{\w+\}\}/g, '').replace(/<\/?\w+\s*\/?>/g, '').replace(KEEP, '');
      expect(rest, k).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
