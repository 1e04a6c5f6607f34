/**
 * What the stepper says at each step of the tiny network, with the real numbers: the forward
 * formula of a node, the loss, and the update. (The backward steps use chainRuleTex from the
 * core, ml/backprop/tiny-net-tex.ts.) Pure strings; the page renders them with <Tex>.
 */
import { TINY_NODE_INFO, TINY_PARAMS, type TinyActivation, type TinyNodeId, type TinyParamName, type TinyValues } from '../../ml/backprop/tiny-net';
import type { TinyStep } from '../../ml/backprop/tiny-net-backward';
import { texNumber } from '../../ml/backprop/tiny-net-tex';
import { t } from '../../i18n';

const DIGITS = 4;
const n = (v: number) => texNumber(v, DIGITS);
/** A number as a factor: negatives in parentheses. */
const f = (v: number) => (v < 0 ? `(${n(v)})` : n(v));
/** A number added to a sum: "+ 0.3" or "- 0.3". */
const plus = (v: number) => (v < 0 ? `- ${n(-v)}` : `+ ${n(v)}`);

/** Plain-text names for headings and aria labels (x₁, w₁₁, ŷ …). */
export const NODE_TEXT: Record<TinyNodeId, string> = {
  x1: 'x₁',
  x2: 'x₂',
  w11: 'w₁₁',
  w12: 'w₁₂',
  b1: 'b₁',
  w21: 'w₂₁',
  w22: 'w₂₂',
  b2: 'b₂',
  v1: 'v₁',
  v2: 'v₂',
  c: 'c',
  t: 't',
  z1: 'z₁',
  h1: 'h₁',
  z2: 'z₂',
  h2: 'h₂',
  yhat: 'ŷ',
  L: 'L',
};

/** The forward formula of a computed node with the numbers substituted. */
export function forwardTex(node: TinyNodeId, v: TinyValues, a: TinyActivation): string {
  switch (node) {
    case 'z1':
    case 'z2': {
      const j = node === 'z1' ? 1 : 2;
      const w1 = v[`w${j}1` as TinyParamName];
      const w2 = v[`w${j}2` as TinyParamName];
      const b = v[`b${j}` as TinyParamName];
      return `z_${j} = w_{${j}1}x_1 + w_{${j}2}x_2 + b_${j} = ${f(w1)}\\cdot ${f(v.x1)} + ${f(w2)}\\cdot ${f(v.x2)} ${plus(b)} = ${n(v[node])}`;
    }
    case 'h1':
    case 'h2': {
      const j = node === 'h1' ? 1 : 2;
      const z = v[`z${j}` as TinyNodeId];
      return a === 'sigmoid'
        ? `h_${j} = \\sigma(z_${j}) = \\frac{1}{1 + e^{-z_${j}}} = \\frac{1}{1 + e^{${n(-z)}}} = ${n(v[node])}`
        : `h_${j} = \\tanh(z_${j}) = \\tanh(${n(z)}) = ${n(v[node])}`;
    }
    case 'yhat':
      return `\\hat{y} = v_1 h_1 + v_2 h_2 + c = ${f(v.v1)}\\cdot ${f(v.h1)} + ${f(v.v2)}\\cdot ${f(v.h2)} ${plus(v.c)} = ${n(v.yhat)}`;
    case 'L':
      return `L = \\tfrac{1}{2}(\\hat{y} - t)^2 = \\tfrac{1}{2}(${n(v.yhat)} ${plus(-v.t)})^2 = ${n(v.L)}`;
    default:
      return `${TINY_NODE_INFO[node].label} = ${n(v[node])}`;
  }
}

/** θ ← θ − α ∂L/∂θ for all nine parameters, as an aligned block. */
export function updateTex(params: Record<TinyParamName, number>, grads: Record<TinyParamName, number>, lr: number, next: Record<TinyParamName, number>): string {
  const rows = TINY_PARAMS.map(
    (p) => `${TINY_NODE_INFO[p].label} &\\leftarrow ${n(params[p])} - ${n(lr)}\\cdot ${f(grads[p])} = ${n(next[p])}`,
  );
  return `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;
}

/** A short heading for a step, e.g. "Forward: z₁" or "Backward: ∂L/∂w₁₁" (in the current language). */
export function stepTitle(s: TinyStep | undefined): string {
  if (!s) return t('bp:tiny.stepReady');
  switch (s.phase) {
    case 'forward':
      return t('bp:tiny.stepForward', { node: NODE_TEXT[s.node] });
    case 'loss':
      return t('bp:tiny.stepLoss');
    case 'backward':
      return t('bp:tiny.stepBackward', { node: NODE_TEXT[s.node] });
    case 'update':
      return t('bp:tiny.stepUpdate');
  }
}
