import { describe, expect, it } from 'vitest';
import { quickPasteCheck, validatePastedText } from '../../datasets/corpus';
import { i18next, registerStrings } from '../../i18n';
import { checkPaste, countCodePoints, fromQuickCheck, pasteMessage } from './paste-check';
import { RNN_STRINGS } from './strings';

registerStrings('rnn', RNN_STRINGS);
const en = i18next.getFixedT('en', 'rnn') as unknown as (k: string, o: Record<string, unknown>) => string;
const zh = i18next.getFixedT('zh', 'rnn') as unknown as (k: string, o: Record<string, unknown>) => string;

const prose = (n: number): string => 'the quick brown fox jumps over the lazy dog. '.repeat(Math.ceil(n / 45)).slice(0, n);

const CASES: [string, string][] = [
  ['empty', '  \n '],
  ['binary', Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? '\uFFFD' : i % 3 === 1 ? '\u0001' : 'a')).join('')],
  ['binary (a few percent)', `${prose(400)}${'\u0000'.repeat(20)}`],
  ['binary (lone surrogates, private use)', '\u0000\uD800ab\uDFFF\uFFFD\uE000\u0001'.repeat(200)],
  ['tooLong', prose(25_310)],
  ['tooShort', prose(120)],
  ['vocab', Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + (i % 120))).join('')],
  ['ok', prose(300)],
  ['ok, one removed', `${prose(400)}\uFFFD`],
  ['ok, odd ones removed', `${prose(300)}\r\nCafe\u0301\tok\u0007\u0000`],
  [
    'ok, RTL marks, emoji and a lone surrogate',
    'Hello world, \u05e9\u05dc\u05d5\u05dd \u200F\u202E reversed? \u{1F600}\u{1F469}\u200D\u{1F4BB} fine. '.repeat(12) + '\u0000\uD800',
  ],
];

describe('pasted-text check in both languages', () => {
  it('counts code points as the spread operator does', () => {
    for (const s of ['', 'abc', '😀a', '\uD800', '\uDFFF\uD800', 'a\uD83D\uDE00\uD800b']) expect(countCodePoints(s)).toBe([...s].length);
  });

  for (const [name, raw] of CASES) {
    it(`${name}: the English sentence is the validator's, the Chinese one is filled in`, () => {
      const r = validatePastedText(raw);
      const o = checkPaste(raw);
      expect(o.ok).toBe(r.ok);
      expect(o.text).toBe(r.text);
      expect(o.check.kind).not.toBe('other');
      expect(pasteMessage(o.check, en)).toBe(r.message);
      const z = pasteMessage(o.check, zh);
      expect(z).toMatch(/[\u4e00-\u9fff]/);
      expect(z).not.toMatch(/\{\{|\}\}|paste\./);
      expect(z).not.toMatch(/[a-z]{3,}/i);
    });
  }

  it('names the failed rule', () => {
    expect(checkPaste(prose(25_310)).check).toEqual({ kind: 'tooLong', n: 25_310, max: 20_000 });
    expect(pasteMessage(checkPaste(prose(25_310)).check, zh)).toBe('文本太长：共 25,310 个字符，上限是 20,000 个。请只粘贴其中一段。');
    expect(checkPaste(prose(300)).check).toEqual({ kind: 'ok', n: 300, vocab: 28, removed: 0 });
  });

  it('a huge paste refused before it reaches the box reads the same', () => {
    for (const raw of [prose(1_000_000), ' \n'.repeat(300_000), '\u0000\uD800ab\uDFFF\uFFFD\uE000\u0001'.repeat(30_000)]) {
      const q = quickPasteCheck(raw);
      expect(q).not.toBeNull();
      expect(pasteMessage(fromQuickCheck(q!), en)).toBe(q!.message);
      expect(pasteMessage(fromQuickCheck(q!), zh)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(pasteMessage(fromQuickCheck(quickPasteCheck(prose(1_000_000))!), zh)).toBe('文本太长：共 1,000,000 个字符，上限是 20,000 个。请只粘贴其中一段。');
  });
});
