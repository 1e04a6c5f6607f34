import { describe, expect, it } from 'vitest';
import { stringTableTests } from '../../i18n/string-table-tests';
import { en, zh } from './strings';

/** Names and example words that stay as they are in Chinese text. */
const KEEP = /log X|n-gram|word2vec|skip-gram|GloVe|FastText|PCA|monday|tuesday|sunday|city|two|king|man|woman|his|she|the|and|Brown|Corpus/g;

describe('embeddings strings', () => {
  stringTableTests(en, zh, KEEP);

  it('keeps the accessible names the end-to-end tests rely on', () => {
    expect(en.lab.region).toBe('Embedding lab');
    expect(en.word.label).toBe('Word');
    expect(en.word.list).toBe('Nearest neighbours');
  });
});
