/**
 * The parameters of a small encoder-only Transformer as tf.variables, initialised from the
 * project's seeded Rng (not tfjs's initialisers), so a config + seed gives the same model on
 * every backend.
 *
 * Initialisation (as in PyTorch's nn.Transformer / the tensor2tensor reference):
 * - token embedding [V_in, d] and learned positions [T, d]: N(0, 1) — the same scale as the
 *   sinusoidal encoding's entries, so the three positional choices start comparable;
 * - every weight matrix (W_Q, W_K, W_V, W_O, W_1, W_2, W_out): Glorot uniform,
 *   U(±√(6 / (fan_in + fan_out)));
 * - biases 0; LayerNorm γ = 1, β = 0.
 * Q, K, V and O projections have no bias, as in the paper's formulas (q = x W_Q). A bias on K
 * would change nothing anyway: it adds the same q·b to every score of a row, which softmax ignores.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../datasets/rng';
import type { WeightSnapshot } from '../tasks/task';
import { sinusoidalEncoding, type PositionalEncoding } from './positional';

export const LAYERS_RANGE = [1, 2] as const;
export const HEADS_RANGE = [1, 4] as const;
export const D_MODEL_RANGE = [16, 64] as const;
/** The feed-forward block's hidden width is FF_MULTIPLIER · d (4 · d, as in the paper). */
export const FF_MULTIPLIER = 4;

export interface TransformerConfig {
  /** Rows of the token embedding (content tokens plus any special tokens). */
  inputVocab: number;
  /** Output classes at every position. */
  outputVocab: number;
  seqLen: number;
  layers: number;
  heads: number;
  /** d_model; d_k = d_model / heads. */
  dModel: number;
  positional: PositionalEncoding;
  /** false (default): bidirectional self-attention (an encoder); true: causal mask (decoder-style). */
  causal?: boolean;
}

/** One Transformer block (post-norm: x ← LN(x + Sublayer(x)) twice). */
export interface BlockParams {
  /** [d, d]; head j uses columns j·d_k … (j+1)·d_k − 1 of W_Q, W_K, W_V and rows of W_O. */
  wq: tf.Variable<tf.Rank.R2>;
  wk: tf.Variable<tf.Rank.R2>;
  wv: tf.Variable<tf.Rank.R2>;
  wo: tf.Variable<tf.Rank.R2>;
  ln1Gamma: tf.Variable<tf.Rank.R1>;
  ln1Beta: tf.Variable<tf.Rank.R1>;
  /** Feed-forward: ReLU(x W_1 + b_1) W_2 + b_2, W_1 [d, 4d], W_2 [4d, d]. */
  w1: tf.Variable<tf.Rank.R2>;
  b1: tf.Variable<tf.Rank.R1>;
  w2: tf.Variable<tf.Rank.R2>;
  b2: tf.Variable<tf.Rank.R1>;
  ln2Gamma: tf.Variable<tf.Rank.R1>;
  ln2Beta: tf.Variable<tf.Rank.R1>;
}

export interface TransformerParams {
  config: TransformerConfig;
  dK: number;
  dFF: number;
  embed: tf.Variable<tf.Rank.R2>;
  /** Learned positions [T, d] (positional = 'learned'), else null. */
  pos: tf.Variable<tf.Rank.R2> | null;
  /** The fixed sinusoidal encoding [T, d] (positional = 'sinusoidal'), else null. Not trained. */
  fixedPos: tf.Tensor2D | null;
  blocks: BlockParams[];
  outW: tf.Variable<tf.Rank.R2>;
  outB: tf.Variable<tf.Rank.R1>;
}

/** Throws a RangeError naming the first field out of range. */
export function validateConfig(c: TransformerConfig): void {
  const int = (name: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`${name} must be an integer in ${lo} … ${hi}, got ${v}`);
  };
  int('layers', c.layers, LAYERS_RANGE[0], LAYERS_RANGE[1]);
  int('heads', c.heads, HEADS_RANGE[0], HEADS_RANGE[1]);
  int('dModel', c.dModel, D_MODEL_RANGE[0], D_MODEL_RANGE[1]);
  if (c.dModel % c.heads !== 0) throw new RangeError(`dModel (${c.dModel}) must be divisible by heads (${c.heads})`);
  int('inputVocab', c.inputVocab, 1, 1024);
  int('outputVocab', c.outputVocab, 1, 1024);
  int('seqLen', c.seqLen, 1, 256);
}

function glorot(rng: Rng, fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: fanIn * fanOut }, () => limit * (2 * rng.next() - 1));
}

const normal = (rng: Rng, n: number) => Float32Array.from({ length: n }, () => rng.normal());

let nextId = 0;

/** Fresh parameters for `config` from `seed`. Variable names are unique per call (tfjs names are global). */
export function createParams(config: TransformerConfig, seed: number): TransformerParams {
  validateConfig(config);
  const { dModel: d, seqLen: T, inputVocab, outputVocab } = config;
  const dFF = FF_MULTIPLIER * d;
  const rng = createRng(seed);
  const prefix = `transformer${nextId++}`;
  // Inside tidy: a variable copies its initial tensor, which must then be freed.
  const v2 = (name: string, values: Float32Array, shape: [number, number]) =>
    tf.tidy(() => tf.variable(tf.tensor2d(values, shape), true, `${prefix}/${name}`));
  const v1 = (name: string, n: number, fill: number) =>
    tf.tidy(() => tf.variable(tf.fill([n], fill) as tf.Tensor1D, true, `${prefix}/${name}`));
  const embed = v2('embed', normal(rng, inputVocab * d), [inputVocab, d]);
  const pos = config.positional === 'learned' ? v2('pos', normal(rng, T * d), [T, d]) : null;
  const fixedPos = config.positional === 'sinusoidal' ? tf.tensor2d(sinusoidalEncoding(T, d), [T, d]) : null;
  const blocks: BlockParams[] = [];
  for (let l = 0; l < config.layers; l++) {
    const p = `block${l}`;
    blocks.push({
      wq: v2(`${p}/wq`, glorot(rng, d, d), [d, d]),
      wk: v2(`${p}/wk`, glorot(rng, d, d), [d, d]),
      wv: v2(`${p}/wv`, glorot(rng, d, d), [d, d]),
      wo: v2(`${p}/wo`, glorot(rng, d, d), [d, d]),
      ln1Gamma: v1(`${p}/ln1Gamma`, d, 1),
      ln1Beta: v1(`${p}/ln1Beta`, d, 0),
      w1: v2(`${p}/w1`, glorot(rng, d, dFF), [d, dFF]),
      b1: v1(`${p}/b1`, dFF, 0),
      w2: v2(`${p}/w2`, glorot(rng, dFF, d), [dFF, d]),
      b2: v1(`${p}/b2`, d, 0),
      ln2Gamma: v1(`${p}/ln2Gamma`, d, 1),
      ln2Beta: v1(`${p}/ln2Beta`, d, 0),
    });
  }
  const outW = v2('outW', glorot(rng, d, outputVocab), [d, outputVocab]);
  const outB = v1('outB', outputVocab, 0);
  return { config, dK: d / config.heads, dFF, embed, pos, fixedPos, blocks, outW, outB };
}

/** Every trainable variable with its snapshot key ("embed", "pos", "block0/wq", …, "outW", "outB"). */
export function namedVariables(p: TransformerParams): [string, tf.Variable][] {
  const out: [string, tf.Variable][] = [['embed', p.embed]];
  if (p.pos) out.push(['pos', p.pos]);
  p.blocks.forEach((b, l) => {
    for (const [k, v] of Object.entries(b) as [string, tf.Variable][]) out.push([`block${l}/${k}`, v]);
  });
  out.push(['outW', p.outW], ['outB', p.outB]);
  return out;
}

export function disposeParams(p: TransformerParams): void {
  tf.dispose(namedVariables(p).map(([, v]) => v));
  p.fixedPos?.dispose();
}

export async function exportParams(p: TransformerParams): Promise<WeightSnapshot> {
  const vars = namedVariables(p);
  const values = await Promise.all(vars.map(([, v]) => v.data()));
  const out: WeightSnapshot = {};
  vars.forEach(([name, v], i) => (out[name] = { shape: [...v.shape], values: Float32Array.from(values[i]!) }));
  return out;
}

/** Assigns every variable found in `s`; a shape mismatch throws before anything is assigned. */
export function importParams(p: TransformerParams, s: WeightSnapshot): void {
  const vars = namedVariables(p);
  for (const [name, v] of vars) {
    const w = s[name];
    if (w && w.shape.join() !== v.shape.join()) throw new RangeError(`${name}: shape ${w.shape} ≠ ${v.shape}`);
  }
  tf.tidy(() => {
    for (const [name, v] of vars) {
      const w = s[name];
      if (w) v.assign(tf.tensor(w.values, v.shape));
    }
  });
}
