import { describe, expect, it } from 'vitest';
import { BUILTIN_CORPUS, buildVocab, decode, encode, PASTE_LIMITS, trainingText, validatePastedText } from './corpus';

const prose = (n: number): string => 'the quick brown fox jumps over the lazy dog. '.repeat(Math.ceil(n / 45)).slice(0, n);

describe('built-in corpus', () => {
  it('is 3–6 KB of plain text that passes its own checks', () => {
    expect(BUILTIN_CORPUS.length).toBeGreaterThan(3000);
    expect(BUILTIN_CORPUS.length).toBeLessThan(6000);
    const r = validatePastedText(BUILTIN_CORPUS);
    expect(r.ok).toBe(true);
    expect(r.text).toBe(BUILTIN_CORPUS);
    expect(r.vocab.length).toBeLessThan(60);
  });
});

describe('vocabulary', () => {
  it('encodes and decodes by code point', () => {
    const v = buildVocab('ba é😀');
    expect(v.chars).toEqual([' ', 'a', 'b', 'é', '😀']);
    const ids = encode('😀 ab', v);
    expect(Array.from(ids)).toEqual([4, 0, 1, 2]);
    expect(decode(ids, v)).toBe('😀 ab');
    expect(() => encode('z', v)).toThrow(/not in the vocabulary/);
  });
});

describe('validatePastedText', () => {
  it('normalises: NFC, \\r\\n → \\n, control characters stripped except newline and tab', () => {
    const raw = `${prose(300)}\r\nCafe\u0301\tok\u0007\u0000`;
    const r = validatePastedText(raw);
    expect(r.ok).toBe(true);
    expect(r.text.endsWith('\nCafé\tok')).toBe(true);
    expect(r.text).not.toContain('\r');
    expect(r.message).toMatch(/2 control or odd characters removed/);
  });

  it('says the limit and the length when too long', () => {
    const r = validatePastedText(prose(25_310));
    expect(r.ok).toBe(false);
    expect(r.message).toBe('The text is too long: 25,310 characters, the limit is 20,000. Paste a shorter part of it.');
    expect(validatePastedText(prose(500), { maxChars: 400 }).message).toMatch(/500 characters, the limit is 400/);
  });

  it('says how much is needed when too short or empty', () => {
    expect(validatePastedText(prose(120)).message).toBe(
      'The text is too short: 120 characters, at least 200 are needed to learn from.',
    );
    expect(validatePastedText('  \n ').message).toMatch(/Paste some text/);
  });

  it('rejects binary-looking input', () => {
    const binary = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? '\uFFFD' : i % 3 === 1 ? '\u0001' : 'a')).join('');
    const r = validatePastedText(binary);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/does not look like plain text: 67% .* Was it a binary file\?/);
    // A few odd characters in real text are only removed.
    expect(validatePastedText(`${prose(400)}\uFFFD`).ok).toBe(true);
  });

  it('rejects too many distinct characters, naming the count and the limit', () => {
    const many = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + (i % 120))).join('');
    const r = validatePastedText(many);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^The text uses 120 different characters, the limit is 96 /);
    expect(PASTE_LIMITS.maxVocab).toBe(96);
  });

  it('trainingText: pasted text if valid, the built-in corpus if none, else the message', () => {
    expect(trainingText()).toBe(BUILTIN_CORPUS);
    expect(trainingText(prose(250))).toBe(prose(250));
    expect(() => trainingText('short')).toThrow(/too short/);
  });
});
