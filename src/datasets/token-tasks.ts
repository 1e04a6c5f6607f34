/**
 * Seeded toy sequence tasks for the attention lesson. Each example is an input sequence of
 * `seqLen` tokens and a target token at every position (an encoder used as a sequence
 * transducer: one output per input position, as in most attention tutorials). Every task has a
 * known "ideal" attention pattern, which is what makes the heatmaps worth looking at.
 *
 * Tokens 0 … vocab−1 are content tokens ("digits"); the masked task adds one special input token
 * [MASK] = vocab. Outputs are always content tokens (vocab classes).
 *
 * - reverse:  out_t = in_{T−1−t}                         ideal attention: the anti-diagonal.
 * - sort:     out = the inputs sorted ascending           attention: to the t-th smallest token.
 * - copy:     out_t = in_{(t−k) mod T}, k = offset       a cyclic shift right by k: the diagonal
 *             (k = 0 is the identity)                     moved k places (wrapping round).
 * - masked:   BERT's pre-training objective (masked-language modelling) at toy scale. Random tokens
 *             carry no information about a hidden one, so the "language" has one rule: every
 *             sequence is a palindrome. For each mirror pair (i, T−1−i), with probability
 *             `maskRate` one of the two (chosen at random) is replaced by [MASK] — never both, so
 *             every hidden token is recoverable from its mirror; at least one pair per sequence;
 *             the middle token of an odd-length sequence is never hidden. The loss and the
 *             accuracies count only the hidden positions (weights = 1 there, 0 elsewhere). Unlike
 *             BERT there is no pre-training corpus, no fine-tuning, and a chosen token is always
 *             replaced by [MASK] (BERT's 80 % [MASK] / 10 % random / 10 % unchanged is not used).
 *             Ideal attention: a masked position looks at its mirror.
 *
 * Training batches are drawn fresh every step (an endless supply), so train and held-out data
 * come from the same distribution; a held-out batch is simply another seed's draw and may
 * repeat a sequence seen in training when vocab^T is small.
 */
import type { Rng } from './rng';

export const TOKEN_TASKS = ['reverse', 'sort', 'copy', 'masked'] as const;
export type TokenTaskName = (typeof TOKEN_TASKS)[number];

export const TOKEN_TASK_LABELS: Record<TokenTaskName, string> = {
  reverse: 'Reverse',
  sort: 'Sort',
  copy: 'Copy with offset',
  masked: 'Masked token (BERT-style)',
};

/** Inclusive ranges of the controls. */
export const SEQ_LEN_RANGE = [4, 12] as const;
export const VOCAB_RANGE = [5, 20] as const;

export interface TokenTaskSpec {
  task: TokenTaskName;
  /** Sequence length T. */
  seqLen: number;
  /** Number of content tokens V. */
  vocab: number;
  /** Copy task: shift k in 0 … T−1 (default 1). */
  offset?: number;
  /** Masked task: probability that a mirror pair has one token hidden (default 0.3). */
  maskRate?: number;
}

export interface TokenVocab {
  /** Content tokens V. */
  content: number;
  /** Rows of the input embedding: V, plus one for [MASK] in the masked task. */
  inputVocab: number;
  /** Output classes: always V. */
  outputVocab: number;
  /** Id of [MASK] (= V) in the masked task, otherwise null. */
  maskToken: number | null;
}

/** n sequences of T tokens, row-major [n, T]. */
export interface TokenBatch {
  n: number;
  seqLen: number;
  inputs: Int32Array;
  /** The correct output at every position (for the masked task: the original, unmasked tokens). */
  targets: Int32Array;
  /** 1 where the position counts in loss and accuracy, else 0 (all 1 except in the masked task). */
  weights: Float32Array;
}

export function tokenVocab(spec: TokenTaskSpec): TokenVocab {
  const masked = spec.task === 'masked';
  return {
    content: spec.vocab,
    inputVocab: spec.vocab + (masked ? 1 : 0),
    outputVocab: spec.vocab,
    maskToken: masked ? spec.vocab : null,
  };
}

/** Throws a RangeError naming the first field out of range. */
export function validateTokenTask(spec: TokenTaskSpec): void {
  const int = (name: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`${name} must be an integer in ${lo} … ${hi}, got ${v}`);
  };
  if (!TOKEN_TASKS.includes(spec.task)) throw new RangeError(`unknown token task ${String(spec.task)}`);
  int('seqLen', spec.seqLen, SEQ_LEN_RANGE[0], SEQ_LEN_RANGE[1]);
  int('vocab', spec.vocab, VOCAB_RANGE[0], VOCAB_RANGE[1]);
  if (spec.offset !== undefined) int('offset', spec.offset, 0, spec.seqLen - 1);
  const r = spec.maskRate;
  if (r !== undefined && !(r >= 0 && r <= 1)) throw new RangeError(`maskRate must be in [0, 1], got ${r}`);
}

/** Writes the target of one (unmasked) input row for reverse / sort / copy. */
function transduce(spec: TokenTaskSpec, x: Int32Array, out: Int32Array): void {
  const T = x.length;
  if (spec.task === 'reverse') for (let t = 0; t < T; t++) out[t] = x[T - 1 - t]!;
  else if (spec.task === 'sort') out.set(Int32Array.from(x).sort());
  else if (spec.task === 'copy') {
    const k = spec.offset ?? 1;
    for (let t = 0; t < T; t++) out[t] = x[(((t - k) % T) + T) % T]!;
  } else out.set(x);
}

/** n fresh examples drawn with `rng`. */
export function generateTokenBatch(spec: TokenTaskSpec, n: number, rng: Rng): TokenBatch {
  validateTokenTask(spec);
  const T = spec.seqLen;
  const V = spec.vocab;
  const inputs = new Int32Array(n * T);
  const targets = new Int32Array(n * T);
  const weights = new Float32Array(n * T);
  for (let i = 0; i < n; i++) {
    const x = inputs.subarray(i * T, (i + 1) * T);
    const y = targets.subarray(i * T, (i + 1) * T);
    const w = weights.subarray(i * T, (i + 1) * T);
    if (spec.task !== 'masked') {
      for (let t = 0; t < T; t++) x[t] = rng.int(V);
      transduce(spec, x, y);
      w.fill(1);
      continue;
    }
    // A palindrome; then hide one token of some mirror pairs.
    for (let t = 0; t < Math.ceil(T / 2); t++) x[t] = x[T - 1 - t] = rng.int(V);
    y.set(x);
    const pairs = Math.floor(T / 2);
    const rate = spec.maskRate ?? 0.3;
    let hidden = 0;
    for (let p = 0; p < pairs; p++) {
      if (rng.next() >= rate) continue;
      const pos = rng.next() < 0.5 ? p : T - 1 - p;
      x[pos] = V;
      w[pos] = 1;
      hidden += 1;
    }
    if (hidden === 0) {
      const p = rng.int(pairs);
      const pos = rng.next() < 0.5 ? p : T - 1 - p;
      x[pos] = V;
      w[pos] = 1;
    }
  }
  return { n, seqLen: T, inputs, targets, weights };
}

/**
 * Targets for a hand-made input of one sequence, −1 where there is nothing to score. For the
 * masked task only the [MASK] positions are scored, and their target is the mirror token
 * (the palindrome rule), or −1 if the mirror is hidden too.
 */
export function targetsFor(spec: TokenTaskSpec, input: Int32Array): Int32Array {
  const T = input.length;
  const out = new Int32Array(T).fill(-1);
  if (spec.task !== 'masked') {
    transduce(spec, input, out);
    return out;
  }
  const mask = spec.vocab;
  for (let t = 0; t < T; t++) {
    const mirror = input[T - 1 - t]!;
    if (input[t] === mask && mirror !== mask) out[t] = mirror;
  }
  return out;
}

/** Display name of a token: 0–9, then A, B, …; [MASK] for the mask token. */
export function tokenName(spec: TokenTaskSpec, id: number): string {
  if (spec.task === 'masked' && id === spec.vocab) return '[MASK]';
  return id < 10 ? String(id) : String.fromCharCode(65 + id - 10);
}
