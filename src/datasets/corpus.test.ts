import { describe, expect, it } from 'vitest';
import { BUILTIN_CORPUS, buildVocab, decode, encode, PASTE_LIMITS, quickPasteCheck, trainingText, validatePastedText } from './corpus';

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

  it('removes bidi embedding/override/isolate controls (a sample would show reversed), keeps RTL marks and emoji', () => {
    const raw = `${prose(300)} \u05e9\u05dc\u05d5\u05dd\u200F \u202Ereversed\u202C \u2067iso\u2069 \u{1F469}\u200D\u{1F4BB}`;
    const r = validatePastedText(raw);
    expect(r.ok).toBe(true);
    expect(r.text).toBe(`${prose(300)} \u05e9\u05dc\u05d5\u05dd\u200F reversed iso \u{1F469}\u200D\u{1F4BB}`);
    expect(r.vocab).toEqual(expect.arrayContaining(['\u200F', '\u200D', '\u{1F469}', '\u{1F4BB}']));
    expect(r.message).toMatch(/4 control or odd characters removed/);
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

  it('quickPasteCheck: a 10 MB paste is refused from counts alone', () => {
    expect(quickPasteCheck(prose(10_485_000))).toEqual({
      kind: 'tooLong',
      n: 10_485_000,
      max: 20_000,
      message: 'The text is too long: 10,485,000 characters, the limit is 20,000. Paste a shorter part of it.',
    });
    // \r\n counts as one character, an emoji as one.
    expect(quickPasteCheck('ab\r\n'.repeat(30_000))).toMatchObject({ kind: 'tooLong', n: 90_000 });
    expect(quickPasteCheck('\u{1F600}'.repeat(100_000))).toMatchObject({ kind: 'tooLong', n: 100_000 });
    // Binary and blank input say so, as they do when short.
    expect(quickPasteCheck('\u0000\uD800ab\uDFFF\uFFFD\uE000\u0001'.repeat(200_000))).toMatchObject({ kind: 'binary', pct: '75', max: 2 });
    expect(quickPasteCheck(' \n\t\u00a0'.repeat(30_000))).toMatchObject({ kind: 'empty', min: 200 });
    // Unusual Unicode that is not binary (Hebrew, an RTL mark, emoji, a ZWJ sequence) is text:
    // 18 code points a repeat; the one NUL, lone surrogate and RTL override are not counted.
    const odd = `${'Hello \u05e9\u05dc\u05d5\u05dd \u200F \u{1F600}\u{1F469}\u200D\u{1F4BB} '.repeat(200_000)}\u0000\uD800\u202E`;
    expect(quickPasteCheck(odd)).toMatchObject({ kind: 'tooLong', n: 3_600_000 });
  });

  it('quickPasteCheck: leaves anything not far over the limit to the full check, and agrees with it', () => {
    expect(quickPasteCheck(prose(80_000))).toBeNull(); // 4 × the limit
    expect(quickPasteCheck(prose(25_000))).toBeNull();
    // Long in UTF-16 units, but 30,000 + 15,000 characters after NFC ('e' + combining acute → 'é'):
    // the full check must count it.
    expect(quickPasteCheck('e\u0301'.repeat(30_000) + '\u{1F600}'.repeat(15_000))).toBeNull();
    for (const raw of [
      prose(90_000),
      'line one\r\nline two\r\n'.repeat(5000),
      `${prose(85_000)}\u0000\uFFFD`,
      '\u0001\u0002abcdefgh'.repeat(10_000),
      '\u{1F600} \u05e9\u200F'.repeat(25_000),
      '\n \t'.repeat(30_000),
    ]) {
      const quick = quickPasteCheck(raw);
      expect(quick).not.toBeNull();
      expect(quick!.message).toBe(validatePastedText(raw).message);
    }
  });

  it('trainingText: pasted text if valid, the built-in corpus if none, else the message', () => {
    expect(trainingText()).toBe(BUILTIN_CORPUS);
    expect(trainingText(prose(250))).toBe(prose(250));
    expect(() => trainingText('short')).toThrow(/too short/);
  });
});
