/**
 * Text for the character-level language model: the built-in corpus, checks on text a learner
 * pastes, the character vocabulary, and encode/decode. A "character" is a Unicode code point
 * (after NFC normalisation), so é is one character and an emoji is one, not two UTF-16 units.
 */
import { BUILTIN_CORPUS } from './corpus-text';

export { BUILTIN_CORPUS, BUILTIN_CORPUS_TITLE } from './corpus-text';

export interface Vocab {
  /** The distinct characters in code-point order; a character's id is its index here. */
  chars: string[];
  index: Map<string, number>;
}

export function buildVocab(text: string): Vocab {
  const chars = [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  return { chars, index: new Map(chars.map((c, i) => [c, i])) };
}

/** Character ids of `text`; throws on a character outside the vocabulary. */
export function encode(text: string, vocab: Vocab): Int32Array {
  const chars = [...text];
  return Int32Array.from(chars, (c) => {
    const i = vocab.index.get(c);
    if (i === undefined) throw new RangeError(`character ${JSON.stringify(c)} is not in the vocabulary`);
    return i;
  });
}

export function decode(ids: ArrayLike<number>, vocab: Vocab): string {
  let s = '';
  for (let i = 0; i < ids.length; i++) s += vocab.chars[ids[i]!] ?? '\uFFFD';
  return s;
}

export interface PastedTextLimits {
  /** At most this many characters after normalisation (default 20,000). */
  maxChars?: number;
  /** At least this many (default 200): less is too little to learn from. */
  minChars?: number;
  /** At most this many distinct characters (default 96): the output layer has one unit per character. */
  maxVocab?: number;
  /** Reject when more than this fraction of characters are control, replacement or private-use ones (default 0.02). */
  maxOddFraction?: number;
}

export const PASTE_LIMITS: Required<PastedTextLimits> = {
  maxChars: 20_000,
  minChars: 200,
  maxVocab: 96,
  maxOddFraction: 0.02,
};

export interface PastedTextResult {
  ok: boolean;
  /** The normalised text: NFC, line breaks as \n, control characters other than \n and \t removed. */
  text: string;
  vocab: string[];
  /** A sentence for the learner, saying what is wrong and the limit, or what was accepted. */
  message: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * A character that is not text: a control character other than newline and tab (C0, DEL, C1), the
 * replacement character U+FFFD (what undecodable bytes become), a lone surrogate, a private-use
 * character or a noncharacter. Many of them mean binary data was pasted.
 */
function isOdd(c: string): boolean {
  const cp = c.codePointAt(0)!;
  if (c === '\n' || c === '\t') return false;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return true;
  if (cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xe000 && cp <= 0xf8ff)) return true;
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return true;
  return cp >= 0xf0000; // supplementary private-use planes
}

/** Checks and normalises pasted text; see PastedTextResult. */
export function validatePastedText(raw: string, limits: PastedTextLimits = {}): PastedTextResult {
  const L = { ...PASTE_LIMITS, ...limits };
  const chars = [...raw.normalize('NFC').replace(/\r\n?/g, '\n')];
  const kept = chars.filter((c) => !isOdd(c));
  const odd = chars.length - kept.length;
  const text = kept.join('');
  const vocab = buildVocab(text).chars;
  const fail = (message: string): PastedTextResult => ({ ok: false, text, vocab, message });

  if (text.trim().length === 0) return fail(`Paste some text to train on: at least ${fmt(L.minChars)} characters.`);
  if (odd > L.maxOddFraction * chars.length) {
    const pct = ((100 * odd) / chars.length).toFixed(odd / chars.length < 0.1 ? 1 : 0);
    return fail(
      `This does not look like plain text: ${pct}% of its characters are control, replacement or private-use characters ` +
        `(at most ${100 * L.maxOddFraction}% allowed). Was it a binary file?`,
    );
  }
  if (kept.length > L.maxChars) {
    const n = fmt(kept.length);
    return fail(`The text is too long: ${n} characters, the limit is ${fmt(L.maxChars)}. Paste a shorter part of it.`);
  }
  if (kept.length < L.minChars) {
    return fail(`The text is too short: ${fmt(kept.length)} characters, at least ${fmt(L.minChars)} are needed to learn from.`);
  }
  if (vocab.length > L.maxVocab) {
    return fail(
      `The text uses ${fmt(vocab.length)} different characters, the limit is ${fmt(L.maxVocab)} ` +
        `(the model has one output per character). Try text in one language with fewer symbols.`,
    );
  }
  const removed = odd > 0 ? `, ${fmt(odd)} control or odd character${odd === 1 ? '' : 's'} removed` : '';
  return { ok: true, text, vocab, message: `${fmt(kept.length)} characters, ${vocab.length} different${removed}.` };
}

/** The text the model trains on: the pasted text if given and valid, else the built-in corpus. Throws the message otherwise. */
export function trainingText(pasted?: string, limits?: PastedTextLimits): string {
  if (pasted === undefined) return BUILTIN_CORPUS;
  const r = validatePastedText(pasted, limits);
  if (!r.ok) throw new RangeError(r.message);
  return r.text;
}
