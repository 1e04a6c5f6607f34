import { describe, expect, it } from 'vitest';
import { en, zh } from './strings';

type Tree = { [k: string]: string | Tree };

function leaves(o: Tree, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** English words left in a Chinese string, once symbols, code-like names and {{placeholders}} are taken out. */
function englishWords(s: string): string[] {
  const stripped = s
    .replace(/\{\{\w+\}\}/g, '')
    .replace(/SimpleRNN|RNN|LSTM|GRU|SGD|Adam|RMSProp|Momentum|BPTT|Glorot|tanh|sigmoid|softmax/g, '');
  return stripped.match(/[A-Za-z]{3,}/g) ?? [];
}

describe('RNN strings', () => {
  const enLeaves = leaves(en);
  const zhLeaves = new Map(leaves(zh));

  it('Chinese has every English key, and no other', () => {
    expect([...zhLeaves.keys()].sort()).toEqual(enLeaves.map(([k]) => k).sort());
  });

  it('keeps the interpolation placeholders of each string', () => {
    const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of enLeaves) expect(names(zhLeaves.get(k)!), k).toEqual(names(v));
  });

  it('leaves no English prose in the Chinese strings', () => {
    for (const [k, v] of zhLeaves) expect(englishWords(v), k).toEqual([]);
  });
});
