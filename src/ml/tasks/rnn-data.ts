/**
 * The three data sources of the RNN lesson, as plain arrays (a batch is uploaded at each step):
 * - series: one long seeded sum-of-sines series. Training windows start in the first
 *   SERIES_TRAIN_LEN values; the evaluation windows, the probe and the forecast's truth come from
 *   the values after them (never trained on).
 * - recall: fresh sequences every batch (an endless supply); a fixed evaluation set and probe.
 * - chars: random windows of the text; the evaluation windows are fixed, evenly spaced windows of
 *   the same text (a small corpus has no room for a held-out part: the number is a smoothed
 *   training loss), and the probe is the text's first window.
 */
import { buildVocab, encode, trainingText, type Vocab } from '../../datasets/corpus';
import { createRng, type Rng } from '../../datasets/rng';
import {
  randomStarts,
  recallBatch,
  recallInputSize,
  recallLength,
  seriesWindows,
  sumOfSines,
  type RecallSpec,
  type SinesSeries,
} from '../../datasets/sequences';
import type { RnnTaskName } from './rnn-model';

/** A batch as arrays: inputs are dense values [B, T, I] or token ids [B, T] (one-hot on the device). */
export interface BatchArrays {
  B: number;
  T: number;
  x: { kind: 'dense'; values: Float32Array } | { kind: 'tokens'; ids: Int32Array };
  /** Next values [B·T] (series), answers [B] (recall), next characters [B·T] (chars). */
  y: { kind: 'values'; values: Float32Array } | { kind: 'classes'; ids: Int32Array };
}

export interface RnnData {
  task: RnnTaskName;
  inputSize: number;
  outputSize: number;
  T: number;
  nextBatch(B: number, rng: Rng): BatchArrays;
  evalSet: BatchArrays;
  /** One sequence (B = 1) whose states, gates and gradients the page draws. */
  probe: BatchArrays;
  /** Values or characters in the training data (for epochs), or null for endless fresh data. */
  dataSize: number | null;
  /** A loss to beat: ln K (recall), ln V (chars), the MSE of "next = current" on the eval windows (series). */
  baselineLoss: number;
  series?: { data: SinesSeries; probeStart: number; noise: number };
  recall?: RecallSpec;
  chars?: { text: string; vocab: Vocab; ids: Int32Array };
}

export const SERIES_TRAIN_LEN = 2000;
export const EVAL_SEQUENCES = { series: 64, recall: 256, chars: 32 } as const;

export interface DataSpec {
  task: RnnTaskName;
  seqLen: number;
  seed: number;
  series?: { periods: number[]; noise: number };
  recall?: RecallSpec;
  chars?: { text?: string };
  /** Forecast length of the series probe. */
  forecast: number;
}

export function createRnnData(s: DataSpec): RnnData {
  const evalRng = createRng((s.seed ^ 0x85ebca6b) >>> 0);
  switch (s.task) {
    case 'series':
      return seriesData(s, evalRng);
    case 'recall':
      return recallData(s, evalRng);
    case 'chars':
      return charsData(s);
  }
}

function seriesData(s: DataSpec, evalRng: Rng): RnnData {
  const T = s.seqLen;
  const cfg = s.series ?? { periods: [20, 7], noise: 0.05 };
  const tail = 2 * (T + s.forecast) + 2;
  const data = sumOfSines({ ...cfg, length: SERIES_TRAIN_LEN + tail, seed: s.seed });
  const x = data.values;
  const window = (starts: ArrayLike<number>): BatchArrays => {
    const w = seriesWindows(x, starts, T);
    return { B: starts.length, T, x: { kind: 'dense', values: w.inputs }, y: { kind: 'values', values: w.targets } };
  };
  const evalStarts = randomStarts(EVAL_SEQUENCES.series, SERIES_TRAIN_LEN, SERIES_TRAIN_LEN + tail - T - 2, evalRng);
  const evalSet = window(evalStarts);
  // MSE of the naive forecast x̂_{t+1} = x_t on the evaluation windows.
  let persistence = 0;
  for (let b = 0; b < evalStarts.length; b++) {
    for (let t = 0; t < T; t++) persistence += (x[evalStarts[b]! + t + 1]! - x[evalStarts[b]! + t]!) ** 2;
  }
  persistence /= evalStarts.length * T;
  return {
    task: 'series',
    inputSize: 1,
    outputSize: 1,
    T,
    nextBatch: (B, rng) => window(randomStarts(B, 0, SERIES_TRAIN_LEN - T - 1, rng)),
    evalSet,
    probe: window([SERIES_TRAIN_LEN]),
    dataSize: SERIES_TRAIN_LEN,
    baselineLoss: persistence,
    series: { data, probeStart: SERIES_TRAIN_LEN, noise: cfg.noise },
  };
}

function recallData(s: DataSpec, evalRng: Rng): RnnData {
  const spec = s.recall ?? { gap: 10, symbols: 4 };
  const batch = (B: number, rng: Rng): BatchArrays => {
    const r = recallBatch(spec, B, rng);
    return { B, T: r.T, x: { kind: 'tokens', ids: r.tokens }, y: { kind: 'classes', ids: r.answers } };
  };
  return {
    task: 'recall',
    inputSize: recallInputSize(spec),
    outputSize: spec.symbols,
    T: recallLength(spec),
    nextBatch: batch,
    evalSet: batch(EVAL_SEQUENCES.recall, evalRng),
    probe: batch(1, createRng((s.seed ^ 0xc2b2ae35) >>> 0)),
    dataSize: null,
    baselineLoss: Math.log(spec.symbols),
    recall: spec,
  };
}

function charsData(s: DataSpec): RnnData {
  const T = s.seqLen;
  const text = trainingText(s.chars?.text);
  const vocab = buildVocab(text);
  const ids = encode(text, vocab);
  if (ids.length < T + 2) throw new RangeError(`the text has ${ids.length} characters; sequences of ${T} need at least ${T + 2}`);
  const window = (starts: ArrayLike<number>): BatchArrays => {
    const B = starts.length;
    const x = new Int32Array(B * T);
    const y = new Int32Array(B * T);
    for (let b = 0; b < B; b++) {
      x.set(ids.subarray(starts[b]!, starts[b]! + T), b * T);
      y.set(ids.subarray(starts[b]! + 1, starts[b]! + T + 1), b * T);
    }
    return { B, T, x: { kind: 'tokens', ids: x }, y: { kind: 'classes', ids: y } };
  };
  const last = ids.length - T - 1;
  const n = EVAL_SEQUENCES.chars;
  const evalStarts = Array.from({ length: n }, (_, i) => Math.floor((i * last) / Math.max(1, n - 1)));
  return {
    task: 'chars',
    inputSize: vocab.chars.length,
    outputSize: vocab.chars.length,
    T,
    nextBatch: (B, rng) => window(randomStarts(B, 0, last, rng)),
    evalSet: window(evalStarts),
    probe: window([0]),
    dataSize: ids.length,
    baselineLoss: Math.log(vocab.chars.length),
    chars: { text, vocab, ids },
  };
}
