/**
 * Parameters of the recurrent cells (SimpleRNN, LSTM, GRU) and their seeded initialisation.
 * No tf.layers: raw arrays → tf.variables, so the custom loop in cells.ts can expose every gate.
 *
 * One weight set per gate (row-vector convention, as tfjs computes: x_t [B, I] · W_k [I, H]):
 *   W_k [I, H] input weights, U_k [H, H] recurrent weights, b_k [H] bias, for the gates k of
 *   GATE_ORDER:  simple: a (the tanh pre-activation) · lstm: i, f, g, o · gru: r, z, n,
 *   plus, for the GRU, b_hn [H], the recurrent bias of n (PyTorch's form, see cells.ts).
 *   Separate tensors per gate rather than one fused [I, G·H] matrix: splitting a fused product
 *   along its columns costs a strided copy per step (3–4 ms each on tfjs's CPU backend), and the
 *   names (W_f, U_f, b_f …) are the ones the page shows. The KaTeX in cell-tex.ts uses the column
 *   convention W_{x·} x_t: W_{x·} there is W_· here, transposed.
 *
 * Initialisation (seeded with the project's Rng, not tfjs's own initialisers):
 * - W_k: Glorot uniform, U(−a, a) with a = √(6 / (I + H)) (fan-in I, fan-out H of one gate).
 * - U_k, by `recurrent` (default 'uniform'):
 *   'uniform': U(−1/√H, 1/√H), PyTorch's default. Its spectral radius is about 1/√3 ≈ 0.58, so
 *     through a tanh a SimpleRNN's memory, and its gradient ∂h_t/∂h_{t−k}, shrink like 0.58^k:
 *     the vanishing gradient the lesson is about.
 *   'orthogonal': Gram–Schmidt on a Gaussian H × H matrix (the Q of its QR factorisation with R's
 *     diagonal positive, uniform over orthogonal matrices; Keras's default). ‖h U‖ = ‖h‖, so only
 *     the tanh shrinks the signal. Measured: with it even a SimpleRNN solves the recall task at gap
 *     30 (16 units, 400 steps): a near-linear orthogonal reservoir keeps the first symbol and the
 *     readout only has to decode it. A good "why initialisation matters" experiment, but not the
 *     default, because it hides the plain cell's weakness the lesson shows.
 *   `recurrentGain` scales either.
 * - b_k: 0, except the LSTM forget gate b_f = 1: f_t = σ(1) ≈ 0.73 at the start, so the cell state
 *   is mostly kept and gradients flow through c_t from the first step (Jozefowicz et al. 2015;
 *   Keras's unit_forget_bias). GRU biases start at 0 (z ≈ 0.5: half keep, half update), as in
 *   PyTorch and Keras. `memoryBias` overrides b_f (LSTM) or b_z (GRU). Measured on the recall task
 *   (gap 20, K = 4, H = 16, Adam 0.01, 4 seeds): with b_f = 1 the LSTM stalls at 50–78 % for 200
 *   steps (our reading: it stores one bit of the symbol at a time, and each further unit must first
 *   learn f ≈ 1 through a gradient shrunk by ≈ 0.73^20); with b_f = 2 (f ≈ 0.88) it reaches 100 % within 50 steps. The
 *   GRU with b_z = 0 needs 250 to 400+ steps; with b_z = 1, 100–150; with b_z = 2, 75.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../datasets/rng';

export const CELL_KINDS = ['simple', 'lstm', 'gru'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export const CELL_LABELS: Record<CellKind, string> = { simple: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' };

/** The gates of each cell, in order. */
export const GATE_ORDER = {
  simple: ['a'],
  lstm: ['i', 'f', 'g', 'o'],
  gru: ['r', 'z', 'n'],
} as const satisfies Record<CellKind, readonly string[]>;

export const gateCount = (kind: CellKind): number => GATE_ORDER[kind].length;

/** One gate's weights: W [I, H], U [H, H], b [H]. */
export interface GateParams {
  W: tf.Tensor2D;
  U: tf.Tensor2D;
  b: tf.Tensor1D;
}

/** One layer's parameters as tensors (variables when training, constants in tests). */
export interface LayerParams {
  kind: CellKind;
  inputSize: number;
  hidden: number;
  /** One entry per gate, in GATE_ORDER. */
  gates: GateParams[];
  /** GRU only: [H], the bias inside r ⊙ (h U_n + b_hn). */
  bhn?: tf.Tensor1D;
}

type Values = Float32Array | Float64Array;

/** The same parameters as plain row-major arrays (what init produces and the JS reference reads). */
export interface LayerArrays {
  kind: CellKind;
  inputSize: number;
  hidden: number;
  gates: { W: Values; U: Values; b: Values }[];
  bhn?: Values;
}

export const RECURRENT_INITS = ['uniform', 'orthogonal'] as const;
export type RecurrentInit = (typeof RECURRENT_INITS)[number];

export interface InitOptions {
  /** How U_k starts (default DEFAULT_RECURRENT_INIT). */
  recurrent?: RecurrentInit;
  /** Multiplies the recurrent matrices (default 1). */
  recurrentGain?: number;
  /**
   * Initial bias of the gate that keeps the state: the LSTM forget gate b_f, the GRU update gate
   * b_z (z = 1 keeps h_{t−1}). Default DEFAULT_MEMORY_BIAS: 1 and 0, the Keras / PyTorch choices.
   * Ignored by the SimpleRNN.
   */
  memoryBias?: number;
}

export const DEFAULT_MEMORY_BIAS = { lstm: 1, gru: 0 } as const;

/** The memory bias a layer starts with (see InitOptions.memoryBias). */
export function memoryBiasOf(kind: CellKind, memoryBias?: number): number | null {
  if (kind === 'simple') return null;
  return memoryBias ?? DEFAULT_MEMORY_BIAS[kind];
}

export const DEFAULT_RECURRENT_INIT: RecurrentInit = 'uniform';

/** Seeded initial parameters of one layer (see the file comment). */
export function initLayerArrays(
  kind: CellKind,
  inputSize: number,
  hidden: number,
  rng: Rng,
  opts: InitOptions = {},
): LayerArrays {
  const limit = Math.sqrt(6 / (inputSize + hidden));
  const gain = opts.recurrentGain ?? 1;
  const gates = GATE_ORDER[kind].map((name) => {
    const W = Float32Array.from({ length: inputSize * hidden }, () => limit * (2 * rng.next() - 1));
    const U =
      (opts.recurrent ?? DEFAULT_RECURRENT_INIT) === 'orthogonal'
        ? Float32Array.from(orthogonal(hidden, rng), (v) => gain * v)
        : Float32Array.from({ length: hidden * hidden }, () => (gain * (2 * rng.next() - 1)) / Math.sqrt(hidden));
    const keeps = (kind === 'lstm' && name === 'f') || (kind === 'gru' && name === 'z');
    const b = new Float32Array(hidden).fill(keeps ? memoryBiasOf(kind, opts.memoryBias)! : 0);
    return { W, U, b };
  });
  const out: LayerArrays = { kind, inputSize, hidden, gates };
  if (kind === 'gru') out.bhn = new Float32Array(hidden);
  return out;
}

/**
 * A uniformly random n × n orthogonal matrix, row-major: modified Gram–Schmidt on the columns of a
 * Gaussian matrix (that is the Q of its QR factorisation with R's diagonal positive).
 */
export function orthogonal(n: number, rng: Rng): Float64Array {
  const A = new Float64Array(n * n);
  for (let i = 0; i < A.length; i++) A[i] = rng.normal();
  for (let c = 0; c < n; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += A[r * n + c]! * A[r * n + p]!;
      for (let r = 0; r < n; r++) A[r * n + c]! -= dot * A[r * n + p]!;
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += A[r * n + c]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < n; r++) A[r * n + c]! /= norm;
  }
  return A;
}

/** Seeded initial arrays of a stack of `layers` cells (layer 0 reads the input, layer l > 0 layer l − 1). */
export function initStackArrays(
  kind: CellKind,
  inputSize: number,
  hidden: number,
  layers: number,
  seed: number,
  opts: InitOptions = {},
): LayerArrays[] {
  const rng = createRng(seed);
  return Array.from({ length: layers }, (_, l) => initLayerArrays(kind, l === 0 ? inputSize : hidden, hidden, rng, opts));
}

/** Constant tensors from arrays (tests, references). Call inside tf.tidy or dispose with disposeParams. */
export function paramsFromArrays(a: LayerArrays): LayerParams {
  const { inputSize: I, hidden: H } = a;
  const p: LayerParams = {
    kind: a.kind,
    inputSize: I,
    hidden: H,
    gates: a.gates.map((g) => ({
      W: tf.tensor2d(Float32Array.from(g.W), [I, H]),
      U: tf.tensor2d(Float32Array.from(g.U), [H, H]),
      b: tf.tensor1d(Float32Array.from(g.b)),
    })),
  };
  if (a.bhn) p.bhn = tf.tensor1d(Float32Array.from(a.bhn));
  return p;
}

/**
 * Trainable tf.variables holding the arrays, named `${prefix}_W_f` etc. (tfjs variable names are
 * global: give each model a unique prefix).
 */
export function variablesFromArrays(a: LayerArrays, prefix: string): LayerParams {
  const c = paramsFromArrays(a);
  const names = GATE_ORDER[a.kind];
  const p: LayerParams = {
    ...c,
    gates: c.gates.map((g, k) => ({
      W: tf.variable(g.W, true, `${prefix}_W_${names[k]}`),
      U: tf.variable(g.U, true, `${prefix}_U_${names[k]}`),
      b: tf.variable(g.b, true, `${prefix}_b_${names[k]}`),
    })),
  };
  if (c.bhn) p.bhn = tf.variable(c.bhn, true, `${prefix}_b_hn`);
  // A variable shares its initial tensor's data; the initial tensors themselves must go.
  disposeParams([c]);
  return p;
}

/** Named tensors of a layer: W_i, U_i, b_i, W_f, … (and b_hn for the GRU). */
export function layerTensors(p: LayerParams): [string, tf.Tensor][] {
  const names = GATE_ORDER[p.kind];
  const out: [string, tf.Tensor][] = p.gates.flatMap((g, k): [string, tf.Tensor][] => [
    [`W_${names[k]}`, g.W],
    [`U_${names[k]}`, g.U],
    [`b_${names[k]}`, g.b],
  ]);
  if (p.bhn) out.push(['b_hn', p.bhn]);
  return out;
}

export function disposeParams(ps: readonly LayerParams[]): void {
  for (const p of ps) tf.dispose(layerTensors(p).map(([, t]) => t));
}
