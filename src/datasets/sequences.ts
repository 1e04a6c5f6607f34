/**
 * Seeded sequence data for the RNN lesson: a noisy sum of sines (next-value prediction) and the
 * "recall the first symbol" task (a long-range dependency with the gap as the control).
 * Pure arrays, no tfjs: the task uploads what it needs.
 */
import { createRng, type Rng } from './rng';

/* ---------------------------------------- sum of sines ---------------------------------------- */

export interface SinesSpec {
  /** Periods in time steps, e.g. [20, 7]; 1–4 of them, each ≥ 2. */
  periods: readonly number[];
  /** Standard deviation of the Gaussian noise added to each value (0 … 1). */
  noise: number;
  /** Number of values. */
  length: number;
  seed: number;
}

export interface SinesSeries {
  /** x_t = (1/K) Σ_k sin(2π t / P_k + φ_k) + noise · N(0, 1): what the model reads and predicts. */
  values: Float32Array;
  /** The same without noise (the "truth" the page can draw under the noisy points). */
  clean: Float32Array;
}

/** Phases φ_k are uniform in [0, 2π) from the seed; the amplitude 1/K keeps |clean| ≤ 1. */
export function sumOfSines(spec: SinesSpec): SinesSeries {
  const K = spec.periods.length;
  if (K < 1 || K > 4) throw new RangeError(`1 to 4 periods, got ${K}`);
  for (const p of spec.periods) if (!(p >= 2)) throw new RangeError(`a period is at least 2 steps, got ${p}`);
  if (!(spec.noise >= 0)) throw new RangeError(`noise must be ≥ 0, got ${spec.noise}`);
  const rng = createRng(spec.seed);
  const phases = spec.periods.map(() => 2 * Math.PI * rng.next());
  const values = new Float32Array(spec.length);
  const clean = new Float32Array(spec.length);
  for (let t = 0; t < spec.length; t++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.sin((2 * Math.PI * t) / spec.periods[k]! + phases[k]!);
    clean[t] = s / K;
    values[t] = s / K + spec.noise * rng.normal();
  }
  return { values, clean };
}

/**
 * Windows for next-value prediction: window b starts at starts[b]; inputs[b, t] = x[s + t] and
 * targets[b, t] = x[s + t + 1] for t = 0 … T−1 (the target is the next value at every step).
 * Row-major [B, T].
 */
export function seriesWindows(
  series: Float32Array,
  starts: ArrayLike<number>,
  T: number,
): { inputs: Float32Array; targets: Float32Array } {
  const B = starts.length;
  const inputs = new Float32Array(B * T);
  const targets = new Float32Array(B * T);
  for (let b = 0; b < B; b++) {
    const s = starts[b]!;
    if (s < 0 || s + T >= series.length) throw new RangeError(`window ${s}…${s + T} outside 0…${series.length - 1}`);
    for (let t = 0; t < T; t++) {
      inputs[b * T + t] = series[s + t]!;
      targets[b * T + t] = series[s + t + 1]!;
    }
  }
  return { inputs, targets };
}

/** B window starts uniform in [lo, hi] (inclusive). */
export function randomStarts(B: number, lo: number, hi: number, rng: Rng): Int32Array {
  if (hi < lo) throw new RangeError(`no room for a window: ${lo} > ${hi}`);
  return Int32Array.from({ length: B }, () => lo + rng.int(hi - lo + 1));
}

/* ------------------------------------------ recall ------------------------------------------- */

/**
 * "Recall the first symbol". A sequence has T = gap + 2 tokens:
 *   t = 0:          the target, one of K symbols            (tokens 0 … K−1)
 *   t = 1 … gap:    distractors, K other symbols at random  (tokens K … 2K−1)
 *   t = gap + 1:    the query marker                        (token 2K)
 * The answer, read at the last step, is the target. Chance accuracy is 1/K; a model that predicts
 * the marginal distribution has loss ln K.
 *
 * Why this task: one input gives the answer, so accuracy is all-or-nothing memory over exactly
 * `gap` steps (the adding problem mixes in arithmetic and its MSE is harder to read). The
 * distractors come from their own alphabet, so the rule is simply "latch the first token, ignore
 * the noise". Measured at gap 20, K = 4, 16 units, Adam 0.01, batch 32: the SimpleRNN stays at
 * chance (its gradient from the answer back to t = 0 vanishes across the gap); an LSTM with its
 * forget bias at 2, or a GRU with its update bias at 2, reaches 100 % within 50–75 steps; with the
 * standard biases (1 and 0) they need hundreds of steps or stall part-way (ml/rnn/cell-params.ts).
 */
export interface RecallSpec {
  /** Distractor steps between the target and the query, ≥ 0. */
  gap: number;
  /** Alphabet size K ≥ 2 (also the number of distractor symbols). */
  symbols: number;
}

export const recallLength = (s: RecallSpec): number => s.gap + 2;
/** One-hot width of a recall token: K targets + K distractors + the marker. */
export const recallInputSize = (s: RecallSpec): number => 2 * s.symbols + 1;

export interface RecallBatch {
  /** Tokens, row-major [B, T]. */
  tokens: Int32Array;
  /** The answer of each sequence, [B]. */
  answers: Int32Array;
  T: number;
}

export function recallBatch(spec: RecallSpec, B: number, rng: Rng): RecallBatch {
  const K = spec.symbols;
  if (!(Number.isInteger(K) && K >= 2)) throw new RangeError(`at least 2 symbols, got ${K}`);
  if (!(Number.isInteger(spec.gap) && spec.gap >= 0)) throw new RangeError(`the gap is a whole number ≥ 0, got ${spec.gap}`);
  const T = recallLength(spec);
  const tokens = new Int32Array(B * T);
  const answers = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const target = rng.int(K);
    answers[b] = target;
    tokens[b * T] = target;
    for (let t = 1; t <= spec.gap; t++) tokens[b * T + t] = K + rng.int(K);
    tokens[b * T + T - 1] = 2 * K;
  }
  return { tokens, answers, T };
}

/** A token as the page shows it: A, B, C … for targets, digits for distractors, ? for the query. */
export function recallTokenLabel(token: number, K: number): string {
  if (token < K) return String.fromCharCode(65 + token);
  if (token < 2 * K) return String(token - K);
  return '?';
}

/* ----------------------------------------- encoding ------------------------------------------ */

/** One-hot rows: indices [n] → [n, depth] row-major. Throws on an index outside 0 … depth−1. */
export function oneHot(indices: ArrayLike<number>, depth: number): Float32Array {
  const out = new Float32Array(indices.length * depth);
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i]!;
    if (!(Number.isInteger(k) && k >= 0 && k < depth)) throw new RangeError(`index ${k} outside 0…${depth - 1}`);
    out[i * depth + k] = 1;
  }
  return out;
}

/** The arg-max of each row of a row-major [n, depth] array. */
export function argMaxRows(values: ArrayLike<number>, depth: number): Int32Array {
  const n = Math.floor(values.length / depth);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < depth; k++) if (values[i * depth + k]! > values[i * depth + best]!) best = k;
    out[i] = best;
  }
  return out;
}
