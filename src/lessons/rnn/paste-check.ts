/**
 * The pasted-text check as data, so the page can say it in either language. validatePastedText
 * (datasets/corpus.ts) decides and normalises; it explains in English only, so this re-derives
 * which rule failed, with its numbers, in the same order as it does. Should the two ever disagree
 * (a new rule there), the page falls back to validatePastedText's own English sentence.
 */
import { PASTE_LIMITS, validatePastedText, type QuickPasteRejection } from '../../datasets/corpus';

export type PasteCheck =
  | { kind: 'empty'; min: number }
  | { kind: 'binary'; pct: string; max: number }
  | { kind: 'tooLong'; n: number; max: number }
  | { kind: 'tooShort'; n: number; min: number }
  | { kind: 'vocab'; n: number; max: number }
  | { kind: 'ok'; n: number; vocab: number; removed: number }
  /** Not one of the above: show the validator's own sentence. */
  | { kind: 'other'; ok: boolean; message: string };

export interface PasteOutcome {
  ok: boolean;
  /** The normalised text to train on (when ok). */
  text: string;
  check: PasteCheck;
}

/** Code points as `[...s].length` counts them (a lone surrogate is one), without building an array. */
export function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export function checkPaste(raw: string): PasteOutcome {
  const r = validatePastedText(raw);
  const L = PASTE_LIMITS;
  const all = countCodePoints(raw.normalize('NFC').replace(/\r\n?/g, '\n'));
  const kept = countCodePoints(r.text);
  const odd = all - kept;
  let check: PasteCheck;
  if (r.text.trim().length === 0) check = { kind: 'empty', min: L.minChars };
  else if (odd > L.maxOddFraction * all) {
    check = { kind: 'binary', pct: ((100 * odd) / all).toFixed(odd / all < 0.1 ? 1 : 0), max: 100 * L.maxOddFraction };
  } else if (kept > L.maxChars) check = { kind: 'tooLong', n: kept, max: L.maxChars };
  else if (kept < L.minChars) check = { kind: 'tooShort', n: kept, min: L.minChars };
  else if (r.vocab.length > L.maxVocab) check = { kind: 'vocab', n: r.vocab.length, max: L.maxVocab };
  else check = { kind: 'ok', n: kept, vocab: r.vocab.length, removed: odd };
  if ((check.kind === 'ok') !== r.ok) check = { kind: 'other', ok: r.ok, message: r.message };
  return { ok: r.ok, text: r.text, check };
}

/** quickPasteCheck's verdict on a huge paste, in the same form. */
export function fromQuickCheck(q: QuickPasteRejection): PasteCheck {
  switch (q.kind) {
    case 'empty':
      return { kind: 'empty', min: q.min };
    case 'binary':
      return { kind: 'binary', pct: q.pct, max: q.max };
    case 'tooLong':
      return { kind: 'tooLong', n: q.n, max: q.max };
  }
}

/** Thousands with commas, as the validator writes them. */
const num = (n: number): string => n.toLocaleString('en-US');

type T = (key: string, opts: Record<string, unknown>) => string;

/** The check as a sentence in the current language (keys of the 'rnn' namespace). */
export function pasteMessage(check: PasteCheck, t: T): string {
  switch (check.kind) {
    case 'empty':
      return t('paste.empty', { min: num(check.min) });
    case 'binary':
      return t('paste.binary', { pct: check.pct, max: check.max });
    case 'tooLong':
      return t('paste.tooLong', { n: num(check.n), max: num(check.max) });
    case 'tooShort':
      return t('paste.tooShort', { n: num(check.n), min: num(check.min) });
    case 'vocab':
      return t('paste.vocab', { n: num(check.n), max: num(check.max) });
    case 'ok': {
      const removed = check.removed > 0 ? t('paste.removed', { count: check.removed, n: num(check.removed) }) : '';
      return t('paste.ok', { n: num(check.n), v: check.vocab, removed });
    }
    case 'other':
      return check.message;
  }
}
