import { describe, expect, it } from 'vitest';
import { englishWords, placeholders, stringLeaves } from '../../i18n/strings-check';
import { en, zh } from './strings';

/** Names that stay as they are in Chinese text. */
const KEEP = /\[MASK\]|d_model|d_k|SGD|Adam|Momentum|BERT|Dropout|Transformer|softmax|Q\/K\/V|out_t|in_|mod/g;

describe('attention strings', () => {
  const enLeaves = stringLeaves(en);
  const zhLeaves = new Map(stringLeaves(zh));

  it('Chinese has every English key, and no other', () => {
    expect([...zhLeaves.keys()].sort()).toEqual(enLeaves.map(([k]) => k).sort());
  });

  it('keeps the interpolation placeholders of each string', () => {
    for (const [k, v] of enLeaves) expect(placeholders(zhLeaves.get(k)!), k).toEqual(placeholders(v));
  });

  it('leaves no English prose in the Chinese strings', () => {
    for (const [k, v] of zhLeaves) expect(englishWords(v, KEEP), k).toEqual([]);
  });
});
