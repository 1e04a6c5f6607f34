import type { TokenVocab } from '../../datasets/token-tasks';

/** A token's name: 0–9, then A, B, …; [MASK] for the mask token (as datasets/token-tasks names them). */
export function tokenLabel(vocab: Pick<TokenVocab, 'maskToken'> | null, id: number): string {
  if (vocab?.maskToken !== null && vocab?.maskToken !== undefined && id === vocab.maskToken) return '[MASK]';
  if (!Number.isInteger(id) || id < 0) return '?';
  return id < 10 ? String(id) : String.fromCharCode(65 + id - 10);
}

/**
 * The same, one character wide for heatmap ticks: [MASK] becomes M (content tokens stop at J,
 * since the vocabulary has at most 20 symbols, so M is never a content token).
 */
export function shortTokenLabel(vocab: Pick<TokenVocab, 'maskToken'> | null, id: number): string {
  const l = tokenLabel(vocab, id);
  return l === '[MASK]' ? 'M' : l;
}
