import { fmt, tex } from '../../format';

/**
 * A number written as the next term of a sum: "+ 2", "− 48" (a true minus sign), so a
 * line reads ŷ = 3x − 48, never "3x + -48". A non-finite number reads "+ —".
 */
export function signedTerm(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return `+ ${fmt(v, digits)}`;
  return v < 0 ? `\u2212 ${fmt(-v, digits)}` : `+ ${fmt(v, digits)}`;
}

/** The same for KaTeX: "+ 2", "- 48" (KaTeX sets the binary minus). */
export function signedTex(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return `+ ${tex(v, digits)}`;
  return v < 0 ? `- ${tex(-v, digits)}` : `+ ${tex(v, digits)}`;
}
