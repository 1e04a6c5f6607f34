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
 * character or a noncharacter. Many of them mean binary data was pasted. Also the bidirectional
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): a model trained on
 * them emits them unbalanced, and one RIGHT-TO-LEFT OVERRIDE in the generated sample shows the
 * rest of it reversed. The marks U+200E/U+200F, which only set a direction, stay.
 */
function isOdd(c: string): boolean {
  return isOddCode(c.codePointAt(0)!);
}

function isOddCode(cp: number): boolean {
  if (cp === 0x0a || cp === 0x09) return false; // newline, tab
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return true;
  if (cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xe000 && cp <= 0xf8ff)) return true;
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return true;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return true; // bidi controls
  return cp >= 0xf0000; // supplementary private-use planes
}

/**
 * NFC composes at most 4 code points into one (U+1F87 ᾇ = α + 3 marks; Hangul: 3), so a text with
 * more than this many times the limit in characters is too long however it normalises.
 */
const MAX_NFC_SHRINK = 4;

/** The ECMAScript white space and line terminators that String.prototype.trim removes. */
function isSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff
  );
}

/**
 * One pass over the code points of `raw`, allocating nothing: how many there are (a \r\n pair
 * counts once, as it will after normalising line breaks), how many are odd, and how many of the
 * rest are not white space.
 */
function countChars(raw: string): { total: number; odd: number; visible: number } {
  let total = 0;
  let odd = 0;
  let visible = 0;
  for (let i = 0; i < raw.length; i++) {
    const u = raw.charCodeAt(i);
    total++;
    if (u > 0x20 && u < 0x7f) {
      visible++; // printable ASCII, the common case
      continue;
    }
    const cp = u >= 0xd800 && u <= 0xdbff ? raw.codePointAt(i)! : u;
    if (cp > 0xffff) i++; // the low half of a surrogate pair
    if (cp === 0x0d) {
      if (raw.charCodeAt(i + 1) === 0x0a) i++;
      continue; // a line break: kept (as \n), white space
    }
    if (isOddCode(cp)) odd++;
    else if (!isSpace(cp)) visible++;
  }
  return { total, odd, visible };
}

/** Why quickPasteCheck refused a text, with the numbers its English message quotes. */
export type QuickPasteRejection =
  | { kind: 'empty'; min: number; message: string }
  /** pct: the share of odd characters, as the message prints it; max: the allowed share in %. */
  | { kind: 'binary'; pct: string; max: number; message: string }
  | { kind: 'tooLong'; n: number; max: number; message: string };

/**
 * The verdict on a text far over the length limit (a 10 MB file pasted by mistake) from one
 * allocation-free pass over its code points: blank, binary or too long, in validatePastedText's
 * order and words; null when the text needs the full check (always for text up to 4 × maxChars
 * UTF-16 units). ~20 ms for 10 MB in Node where validatePastedText takes ~1 s (NFC, an array of
 * every character, the vocabulary), so a paste handler can refuse such a text before it reaches
 * the text box — Chromium needs ~10 s of main thread just to lay out a 10 MB <textarea>.
 * The count is taken before NFC, which only ever composes a few combining marks into one
 * character (for text without them it is exactly validatePastedText's).
 */
export function quickPasteCheck(raw: string, limits: PastedTextLimits = {}): QuickPasteRejection | null {
  const L = { ...PASTE_LIMITS, ...limits };
  // raw.length (UTF-16 units) ≥ the number of code points: shorter text cannot be far over.
  if (raw.length <= MAX_NFC_SHRINK * L.maxChars) return null;
  const { total, odd, visible } = countChars(raw);
  const kept = total - odd;
  if (visible === 0) return { kind: 'empty', min: L.minChars, message: emptyMessage(L) };
  if (odd > L.maxOddFraction * total) {
    return { kind: 'binary', pct: oddPercent(odd, total), max: 100 * L.maxOddFraction, message: binaryMessage(odd, total, L) };
  }
  if (kept > MAX_NFC_SHRINK * L.maxChars) return { kind: 'tooLong', n: kept, max: L.maxChars, message: tooLongMessage(kept, L) };
  return null;
}

/** Checks and normalises pasted text; see PastedTextResult. For megabytes, ask quickPasteCheck first. */
export function validatePastedText(raw: string, limits: PastedTextLimits = {}): PastedTextResult {
  const L = { ...PASTE_LIMITS, ...limits };
  const chars = [...raw.normalize('NFC').replace(/\r\n?/g, '\n')];
  const kept = chars.filter((c) => !isOdd(c));
  const odd = chars.length - kept.length;
  const text = kept.join('');
  const vocab = buildVocab(text).chars;
  const fail = (message: string): PastedTextResult => ({ ok: false, text, vocab, message });

  if (text.trim().length === 0) return fail(emptyMessage(L));
  if (odd > L.maxOddFraction * chars.length) return fail(binaryMessage(odd, chars.length, L));
  if (kept.length > L.maxChars) return fail(tooLongMessage(kept.length, L));
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

const emptyMessage = (L: Required<PastedTextLimits>): string =>
  `Paste some text to train on: at least ${fmt(L.minChars)} characters.`;

const oddPercent = (odd: number, total: number): string => ((100 * odd) / total).toFixed(odd / total < 0.1 ? 1 : 0);

function binaryMessage(odd: number, total: number, L: Required<PastedTextLimits>): string {
  const pct = oddPercent(odd, total);
  return (
    `This does not look like plain text: ${pct}% of its characters are control, replacement or private-use characters ` +
    `(at most ${100 * L.maxOddFraction}% allowed). Was it a binary file?`
  );
}

const tooLongMessage = (n: number, L: Required<PastedTextLimits>): string =>
  `The text is too long: ${fmt(n)} characters, the limit is ${fmt(L.maxChars)}. Paste a shorter part of it.`;

/** The text the model trains on: the pasted text if given and valid, else the built-in corpus. Throws the message otherwise. */
export function trainingText(pasted?: string, limits?: PastedTextLimits): string {
  if (pasted === undefined) return BUILTIN_CORPUS;
  const r = validatePastedText(pasted, limits);
  if (!r.ok) throw new RangeError(r.message);
  return r.text;
}
