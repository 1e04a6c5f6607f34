/**
 * SimpleRNN, LSTM and GRU cells as pure functions of tf tensors, one time step on a batch, and an
 * unrolled loop over time (a custom loop: no tf.layers, so every gate is visible). Conventions and
 * formulas: cell-tex.ts; parameter layout and initialisation: cell-params.ts. Row vectors:
 *
 *   simple  h_t = tanh(x_t W_a + h_{t−1} U_a + b_a)
 *   lstm    k_t = act(x_t W_k + h_{t−1} U_k + b_k) for k = i, f, o (act = σ) and g (act = tanh)
 *           c_t = f ⊙ c_{t−1} + i ⊙ g;          h_t = o ⊙ tanh(c_t)
 *   gru     [r z n]: r = σ(x W_r + h U_r + b_r), z = σ(x W_z + h U_z + b_z),
 *           n = tanh(x W_n + b_n + r ⊙ (h U_n + b_hn)),  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 *           (Cho et al. 2014 gates in PyTorch's "reset after" form; z = 1 keeps the old state.)
 *
 * All functions create tensors: call them inside tf.tidy (or a gradient function).
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerParams } from './cell-params';

/** The recurrent state: h for every cell, plus the cell state c for the LSTM. */
export interface CellState {
  h: tf.Tensor2D;
  c?: tf.Tensor2D;
}

/** Gate activations of one step, [B, H] each (for the visuals). */
export type Gates =
  | { kind: 'lstm'; i: tf.Tensor2D; f: tf.Tensor2D; g: tf.Tensor2D; o: tf.Tensor2D }
  | { kind: 'gru'; r: tf.Tensor2D; z: tf.Tensor2D; n: tf.Tensor2D };

export interface StepResult {
  state: CellState;
  /** The output of the step, = state.h. */
  h: tf.Tensor2D;
  /** Only when asked for (and null for the SimpleRNN, which has no gates). */
  gates: Gates | null;
}

/** The zero state for a batch of B. */
export function zeroState(p: LayerParams, batch: number): CellState {
  const h = tf.zeros([batch, p.hidden]) as tf.Tensor2D;
  return p.kind === 'lstm' ? { h, c: tf.zeros([batch, p.hidden]) as tf.Tensor2D } : { h };
}

/** x W_k + b_k for every gate k: [N, I] → G tensors [N, H]. */
export function projectInput(p: LayerParams, x: tf.Tensor2D): tf.Tensor2D[] {
  return p.gates.map((g) => tf.add(tf.matMul(x, g.W), g.b) as tf.Tensor2D);
}

/**
 * One time step: `step(params, x_t [B, I], state) → { state, h, gates }`.
 * `collectGates` returns the gate activations as well (they are computed anyway; this only keeps them).
 */
export function step(p: LayerParams, x: tf.Tensor2D, state: CellState, collectGates = false): StepResult {
  return stepProjected(p, projectInput(p, x), state, collectGates);
}

/** One step from the precomputed input projections xw_k = x_t W_k + b_k [B, H] (unroll does all t at once). */
export function stepProjected(p: LayerParams, xw: readonly tf.Tensor2D[], state: CellState, collectGates = false): StepResult {
  const hPrev = state.h;
  const pre = (k: number): tf.Tensor2D => tf.add(xw[k]!, tf.matMul(hPrev, p.gates[k]!.U));
  switch (p.kind) {
    case 'simple': {
      const h = tf.tanh(pre(0));
      return { state: { h }, h, gates: null };
    }
    case 'lstm': {
      const cPrev = state.c;
      if (!cPrev) throw new Error('LSTM step: the state has no cell state c');
      const i = tf.sigmoid(pre(0));
      const f = tf.sigmoid(pre(1));
      const g = tf.tanh(pre(2));
      const o = tf.sigmoid(pre(3));
      const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D;
      const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
      return { state: { h, c }, h, gates: collectGates ? { kind: 'lstm', i, f, g, o } : null };
    }
    case 'gru': {
      const r = tf.sigmoid(pre(0));
      const z = tf.sigmoid(pre(1));
      const hu = tf.matMul(hPrev, p.gates[2]!.U);
      const n = tf.tanh(tf.add(xw[2]!, tf.mul(r, p.bhn ? tf.add(hu, p.bhn) : hu))) as tf.Tensor2D;
      // (1 − z) ⊙ n + z ⊙ h_{t−1}, written as n + z ⊙ (h_{t−1} − n): the same number, one op fewer.
      const h = tf.add(n, tf.mul(z, tf.sub(hPrev, n))) as tf.Tensor2D;
      return { state: { h }, h, gates: collectGates ? { kind: 'gru', r, z, n } : null };
    }
  }
}

export interface UnrollOptions {
  /** Keep every step's gates (per layer, per t). */
  collectGates?: boolean;
  /**
   * Tensors ε_t [B, H], one per time step, added to the LAST layer's h_t before anything downstream
   * reads it (the next step and the outputs): h_t' = h_t + ε_t. With ε = 0 the values are unchanged,
   * and ∂L/∂ε_t = ∂L/∂h_t (bptt-grad.ts).
   */
  probes?: readonly tf.Tensor2D[];
}

export interface LayerTrace {
  /** h_t [B, H] for t = 0 … T−1 (for the last layer: after the probe, i.e. what the outputs read). */
  hs: tf.Tensor2D[];
  /** Per t (when collected and the cell has gates). */
  gates: Gates[] | null;
  /** The state after the last step. */
  final: CellState;
}

export interface UnrollResult {
  layers: LayerTrace[];
  /** The last layer's h_t, t = 0 … T−1: what a readout head sees. */
  outputs: tf.Tensor2D[];
  /** Final state of every layer (to continue the sequence, e.g. when sampling). */
  finals: CellState[];
}

/**
 * Runs the stack over xs [B, T, I] from `init` (one state per layer; zeros when omitted), layer by
 * layer: each layer's input projections are one matMul per gate over all B·T inputs, then T
 * recurrent steps.
 * Layer-major order gives the same numbers as time-major order (layer l at t needs only layer l − 1
 * at t and itself at t − 1).
 */
export function unroll(
  layers: readonly LayerParams[],
  xs: tf.Tensor3D,
  init?: readonly (CellState | undefined)[],
  opts: UnrollOptions = {},
): UnrollResult {
  const [B, T, I] = xs.shape;
  if (layers.length === 0) throw new RangeError('unroll: no layers');
  if (opts.probes && opts.probes.length !== T) throw new RangeError(`unroll: ${opts.probes.length} probes for ${T} steps`);
  const traces: LayerTrace[] = [];
  // Time-major rows [T·B, I]: the rows of step t are contiguous, so splitting per step is a cheap
  // contiguous slice (a strided one costs a per-element copy on the CPU backend), and its gradient
  // is a concat rather than T zero-padded copies.
  let rows = tf.reshape(tf.transpose(xs, [1, 0, 2]), [T * B, I]) as tf.Tensor2D;
  layers.forEach((p, l) => {
    const last = l === layers.length - 1;
    // Per gate: one matMul over all T·B inputs, then T tensors [B, H].
    const perGate = projectInput(p, rows).map((x) => tf.unstack(tf.reshape(x, [T, B, p.hidden])) as tf.Tensor2D[]);
    let state = init?.[l] ?? zeroState(p, B);
    const hs: tf.Tensor2D[] = [];
    const gates: Gates[] = [];
    for (let t = 0; t < T; t++) {
      const r = stepProjected(p, perGate.map((g) => g[t]!), state, opts.collectGates);
      state = r.state;
      const probe = last ? opts.probes?.[t] : undefined;
      if (probe) state = { ...state, h: tf.add(state.h, probe) as tf.Tensor2D };
      hs.push(state.h);
      if (r.gates) gates.push(r.gates);
    }
    traces.push({ hs, gates: opts.collectGates && gates.length > 0 ? gates : null, final: state });
    if (!last) rows = tf.concat(hs, 0);
  });
  const top = traces[traces.length - 1]!;
  return { layers: traces, outputs: top.hs, finals: traces.map((t) => t.final) };
}

/**
 * One time step of the whole stack (free-running generation): x [B, I] feeds layer 0, each layer's
 * h feeds the next. Returns the new states and the last layer's h.
 */
export function stepStack(
  layers: readonly LayerParams[],
  x: tf.Tensor2D,
  states: readonly CellState[],
): { states: CellState[]; h: tf.Tensor2D } {
  let input = x;
  const next = layers.map((p, l) => {
    const s = states[l];
    if (!s) throw new RangeError(`stepStack: no state for layer ${l}`);
    const r = step(p, input, s);
    input = r.h;
    return r.state;
  });
  return { states: next, h: input };
}
