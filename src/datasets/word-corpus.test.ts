import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWordCorpus, restrictVocabulary, WORD_CORPUS_PATH } from './word-corpus';

const bytes = readFileSync(`public/${WORD_CORPUS_PATH.brown}`);

describe('the packed Brown Corpus', () => {
  const c = parseWordCorpus(bytes);

  it('holds the real corpus: "the" 69,971 times, as in Kučera and Francis (1967)', () => {
    expect(c.words[0]).toBe('the');
    expect(c.counts[0]).toBe(69_971);
    expect(c.words.slice(0, 6)).toEqual(['the', 'of', 'and', 'to', 'a', 'in']);
    // About a million running words of letters, cut to words seen at least 5 times.
    expect(c.rawTokens).toBeGreaterThan(950_000);
    expect(c.minCount).toBe(5);
    expect(c.counts[c.counts.length - 1]).toBeGreaterThanOrEqual(5);
  });

  it('is consistent: counts add up to the running text, ids are frequency ranks', () => {
    const seen = new Uint32Array(c.words.length);
    for (const t of c.tokens) seen[t]!++;
    expect([...seen]).toEqual([...c.counts]);
    for (let i = 1; i < c.counts.length; i++) expect(c.counts[i - 1]!).toBeGreaterThanOrEqual(c.counts[i]!);
    expect(c.index.get('monday')).toBeDefined();
  });

  it('rejects a damaged file with a clear message', () => {
    expect(() => parseWordCorpus(bytes.subarray(0, 100))).toThrow(/Not a valid word corpus/);
    const bad = Uint8Array.from(bytes);
    bad[0] = 0x58;
    expect(() => parseWordCorpus(bad)).toThrow(/magic/);
  });

  it('cuts the vocabulary to the most frequent words and drops the rest from the text', () => {
    const small = restrictVocabulary(c, 100);
    expect(small.words).toEqual(c.words.slice(0, 100));
    expect(small.tokens.every((t) => t < 100)).toBe(true);
    expect(small.tokens.length).toBe([...c.counts.slice(0, 100)].reduce((a, b) => a + b, 0));
  });
});

describe('the packed Song ci (Chinese characters)', () => {
  const c = parseWordCorpus(readFileSync(`public/${WORD_CORPUS_PATH.songci}`));

  it('holds single Han characters, most frequent first, each seen at least 5 times', () => {
    expect(c.words.every((w) => /^[\u4e00-\u9fff]$/u.test(w))).toBe(true);
    expect(c.words.slice(0, 6)).toEqual(['人', '风', '花', '一', '不', '春']);
    expect(c.minCount).toBe(5);
    expect(c.counts[c.counts.length - 1]).toBeGreaterThanOrEqual(5);
    expect(c.rawTokens).toBeGreaterThan(1_400_000);
  });

  it('is consistent: counts add up to the running text', () => {
    const seen = new Uint32Array(c.words.length);
    for (const t of c.tokens) seen[t]!++;
    expect([...seen]).toEqual([...c.counts]);
  });
});
