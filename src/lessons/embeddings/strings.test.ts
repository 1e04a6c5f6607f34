import { describe, expect, it } from 'vitest';
import { englishWords, placeholders, stringLeaves } from '../../i18n/strings-check';
import { en, zh } from './strings';

/** Names and example words that stay as they are in Chinese text. */
const KEEP = /log X|n-gram|word2vec|skip-gram|GloVe|FastText|PCA|monday|tuesday|sunday|city|two|king|man|woman|his|she|the|and|Brown|Corpus/g;

describe('embeddings strings', () => {
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

  it('keeps the accessible names the end-to-end tests rely on', () => {
    expect(en.lab.region).toBe('Embedding lab');
    expect(en.word.label).toBe('Word');
    expect(en.word.list).toBe('Nearest neighbours');
  });
});
