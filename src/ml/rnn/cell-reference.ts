/**
 * Plain-JS float64 versions of the cells in cells.ts, written loop by loop from the formulas (no
 * fused tricks), as the reference the tf cells are checked against. Not used for training.
 * Vectors are one example's; parameters are the row-major arrays of cell-params.ts.
 */
import type { LayerArrays } from './cell-params';

export interface RefState {
  h: Float64Array;
  c?: Float64Array;
}

export interface RefStep {
  state: RefState;
  /** Gate activations by name (i, f, g, o / r, z, n); empty for the SimpleRNN. */
  gates: Record<string, Float64Array>;
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** Pre-activation of gate k for one example: Σ_i x_i W_k[i, j] + b_k[j] ('x'), Σ_m h_m U_k[m, j] ('h'), or both. */
function preact(p: LayerArrays, x: ArrayLike<number>, h: ArrayLike<number>, k: number, part: 'both' | 'x' | 'h'): Float64Array {
  const H = p.hidden;
  const g = p.gates[k]!;
  const out = new Float64Array(H);
  for (let j = 0; j < H; j++) {
    let s = 0;
    if (part !== 'h') {
      s += g.b[j]!;
      for (let i = 0; i < p.inputSize; i++) s += x[i]! * g.W[i * H + j]!;
    }
    if (part !== 'x') for (let m = 0; m < H; m++) s += h[m]! * g.U[m * H + j]!;
    out[j] = s;
  }
  return out;
}

const map = (a: Float64Array, f: (v: number, j: number) => number): Float64Array => a.map((v, j) => f(v, j));

export function refZeroState(p: LayerArrays): RefState {
  const h = new Float64Array(p.hidden);
  return p.kind === 'lstm' ? { h, c: new Float64Array(p.hidden) } : { h };
}

/** One step of one example. */
export function refStep(p: LayerArrays, x: ArrayLike<number>, s: RefState): RefStep {
  switch (p.kind) {
    case 'simple':
      return { state: { h: map(preact(p, x, s.h, 0, 'both'), Math.tanh) }, gates: {} };
    case 'lstm': {
      const i = map(preact(p, x, s.h, 0, 'both'), sigmoid);
      const f = map(preact(p, x, s.h, 1, 'both'), sigmoid);
      const g = map(preact(p, x, s.h, 2, 'both'), Math.tanh);
      const o = map(preact(p, x, s.h, 3, 'both'), sigmoid);
      const cPrev = s.c ?? new Float64Array(p.hidden);
      const c = map(f, (fj, j) => fj * cPrev[j]! + i[j]! * g[j]!);
      const h = map(o, (oj, j) => oj * Math.tanh(c[j]!));
      return { state: { h, c }, gates: { i, f, g, o } };
    }
    case 'gru': {
      const r = map(preact(p, x, s.h, 0, 'both'), sigmoid);
      const z = map(preact(p, x, s.h, 1, 'both'), sigmoid);
      const xn = preact(p, x, s.h, 2, 'x');
      const hn = preact(p, x, s.h, 2, 'h');
      const n = map(xn, (v, j) => Math.tanh(v + r[j]! * (hn[j]! + (p.bhn?.[j] ?? 0))));
      const h = map(n, (nj, j) => (1 - z[j]!) * nj + z[j]! * s.h[j]!);
      return { state: { h }, gates: { r, z, n } };
    }
  }
}

/**
 * Unrolls a stack over one sequence xs[t] (time-major, as a learner would by hand). `perturb(t, h)`
 * may change the last layer's h_t in place before it is used further (finite differences of ∂L/∂h_t).
 * Returns the last layer's h_t for every t, and every layer's gates per t.
 */
export function refUnroll(
  layers: readonly LayerArrays[],
  xs: readonly ArrayLike<number>[],
  perturb?: (t: number, h: Float64Array) => void,
): { hs: Float64Array[]; gates: Record<string, Float64Array>[][] } {
  const states = layers.map(refZeroState);
  const hs: Float64Array[] = [];
  const gates: Record<string, Float64Array>[][] = layers.map(() => []);
  xs.forEach((x, t) => {
    let input: ArrayLike<number> = x;
    layers.forEach((p, l) => {
      const r = refStep(p, input, states[l]!);
      if (l === layers.length - 1) perturb?.(t, r.state.h);
      states[l] = r.state;
      gates[l]!.push(r.gates);
      input = r.state.h;
    });
    hs.push(Float64Array.from(states[layers.length - 1]!.h));
  });
  return { hs, gates };
}
