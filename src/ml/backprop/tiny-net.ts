/**
 * Backprop, one number at a time: a 2 → 2 → 1 network on one example, as an explicit
 * computational graph in plain JavaScript (float64), so every forward value, every local
 * derivative and every chain-rule product can be shown with its real number.
 *
 *   z₁ = w₁₁x₁ + w₁₂x₂ + b₁      h₁ = φ(z₁)
 *   z₂ = w₂₁x₁ + w₂₂x₂ + b₂      h₂ = φ(z₂)        φ = sigmoid or tanh
 *   ŷ  = v₁h₁ + v₂h₂ + c                            (linear output)
 *   L  = ½ (ŷ − t)²                                 (one example, squared error)
 *
 * w_jk is the weight from input k into hidden unit j (row j of W in z = Wx + b).
 * Choices: a linear output keeps ∂ŷ/∂h_j = v_j and ∂ŷ/∂v_j = h_j free of an extra σ′ factor,
 * and the ½ makes ∂L/∂ŷ = ŷ − t. The autodiff twin (tiny-net-autodiff.ts) and the finite
 * differences below use exactly the same L.
 */

export type TinyActivation = 'sigmoid' | 'tanh';

export const TINY_PARAMS = ['w11', 'w12', 'b1', 'w21', 'w22', 'b2', 'v1', 'v2', 'c'] as const;
export type TinyParamName = (typeof TINY_PARAMS)[number];
export type TinyParams = Record<TinyParamName, number>;

export interface TinyInput {
  x1: number;
  x2: number;
}

/** Every node, in a topological order: each node comes after all nodes it is computed from. */
export const TINY_NODES = [
  'x1', 'x2', 'w11', 'w12', 'b1', 'w21', 'w22', 'b2', 'v1', 'v2', 'c', 't',
  'z1', 'h1', 'z2', 'h2', 'yhat', 'L',
] as const; // prettier-ignore
export type TinyNodeId = (typeof TINY_NODES)[number];

export type TinyNodeKind = 'input' | 'param' | 'target' | 'pre' | 'act' | 'output' | 'loss';

export interface TinyNodeInfo {
  id: TinyNodeId;
  /** KaTeX. */
  label: string;
  kind: TinyNodeKind;
}

const info = (id: TinyNodeId, label: string, kind: TinyNodeKind): TinyNodeInfo => ({ id, label, kind });

export const TINY_NODE_INFO: Record<TinyNodeId, TinyNodeInfo> = {
  x1: info('x1', 'x_1', 'input'),
  x2: info('x2', 'x_2', 'input'),
  w11: info('w11', 'w_{11}', 'param'),
  w12: info('w12', 'w_{12}', 'param'),
  b1: info('b1', 'b_1', 'param'),
  w21: info('w21', 'w_{21}', 'param'),
  w22: info('w22', 'w_{22}', 'param'),
  b2: info('b2', 'b_2', 'param'),
  v1: info('v1', 'v_1', 'param'),
  v2: info('v2', 'v_2', 'param'),
  c: info('c', 'c', 'param'),
  t: info('t', 't', 'target'),
  z1: info('z1', 'z_1', 'pre'),
  h1: info('h1', 'h_1', 'act'),
  z2: info('z2', 'z_2', 'pre'),
  h2: info('h2', 'h_2', 'act'),
  yhat: info('yhat', '\\hat{y}', 'output'),
  L: info('L', 'L', 'loss'),
};

export type TinyValues = Record<TinyNodeId, number>;

/** An edge parent → child of the graph with its local derivative ∂child/∂parent. */
export interface TinyEdge {
  from: TinyNodeId;
  to: TinyNodeId;
  /** KaTeX of the derivative's name, e.g. \frac{\partial z_1}{\partial w_{11}}. */
  label: string;
  /** KaTeX of what it equals symbolically, e.g. x_1, or h_1(1-h_1) for a sigmoid. */
  expr: string;
  /** Its value at the current forward pass. */
  value: number;
}

interface EdgeDef {
  from: TinyNodeId;
  to: TinyNodeId;
  expr: (a: TinyActivation) => string;
  local: (v: TinyValues, a: TinyActivation) => number;
}

const k = (s: string) => () => s;
const one = () => 1;

/** φ′(z) written with h = φ(z): sigmoid′ = h(1 − h), tanh′ = 1 − h². */
const actDeriv = (h: number, a: TinyActivation): number => (a === 'sigmoid' ? h * (1 - h) : 1 - h * h);

function hiddenEdges(j: 1 | 2): EdgeDef[] {
  const z = `z${j}` as TinyNodeId;
  const h = `h${j}` as TinyNodeId;
  const w1 = `w${j}1` as TinyParamName;
  const w2 = `w${j}2` as TinyParamName;
  const v = `v${j}` as TinyParamName;
  return [
    { from: 'x1', to: z, expr: k(`w_{${j}1}`), local: (s) => s[w1] },
    { from: 'x2', to: z, expr: k(`w_{${j}2}`), local: (s) => s[w2] },
    { from: w1, to: z, expr: k('x_1'), local: (s) => s.x1 },
    { from: w2, to: z, expr: k('x_2'), local: (s) => s.x2 },
    { from: `b${j}` as TinyParamName, to: z, expr: k('1'), local: one },
    {
      from: z,
      to: h,
      expr: (a) => (a === 'sigmoid' ? `h_${j}(1-h_${j})` : `1-h_${j}^2`),
      local: (s, a) => actDeriv(s[h], a),
    },
    { from: h, to: 'yhat', expr: k(`v_${j}`), local: (s) => s[v] },
    { from: v, to: 'yhat', expr: k(`h_${j}`), local: (s) => s[h] },
  ];
}

const EDGE_DEFS: readonly EdgeDef[] = [
  ...hiddenEdges(1),
  ...hiddenEdges(2),
  { from: 'c', to: 'yhat', expr: k('1'), local: one },
  { from: 'yhat', to: 'L', expr: k('\\hat{y}-t'), local: (s) => s.yhat - s.t },
  { from: 't', to: 'L', expr: k('-(\\hat{y}-t)'), local: (s) => -(s.yhat - s.t) },
];

export const derivLabel = (of: TinyNodeId, wrt: TinyNodeId): string =>
  `\\frac{\\partial ${TINY_NODE_INFO[of].label}}{\\partial ${TINY_NODE_INFO[wrt].label}}`;

export interface TinyForward {
  activation: TinyActivation;
  values: TinyValues;
  /** Nodes in TINY_NODES order, with their values. */
  nodes: (TinyNodeInfo & { value: number })[];
  edges: TinyEdge[];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const phi = (z: number, a: TinyActivation): number => (a === 'sigmoid' ? sigmoid(z) : Math.tanh(z));

/** Every node's value (the forward pass), in float64. */
export function evaluate(p: TinyParams, x: TinyInput, target: number, a: TinyActivation): TinyValues {
  const z1 = p.w11 * x.x1 + p.w12 * x.x2 + p.b1;
  const z2 = p.w21 * x.x1 + p.w22 * x.x2 + p.b2;
  const h1 = phi(z1, a);
  const h2 = phi(z2, a);
  const yhat = p.v1 * h1 + p.v2 * h2 + p.c;
  const L = 0.5 * (yhat - target) ** 2;
  return { ...p, x1: x.x1, x2: x.x2, t: target, z1, h1, z2, h2, yhat, L };
}

/** The loss L = ½(ŷ − t)² alone. */
export const tinyLoss = (p: TinyParams, x: TinyInput, target: number, a: TinyActivation): number =>
  evaluate(p, x, target, a).L;

/** The forward pass as a graph: every node's value and every edge's local derivative. */
export function forward(p: TinyParams, x: TinyInput, target: number, activation: TinyActivation): TinyForward {
  const values = evaluate(p, x, target, activation);
  return {
    activation,
    values,
    nodes: TINY_NODES.map((id) => ({ ...TINY_NODE_INFO[id], value: values[id] })),
    edges: EDGE_DEFS.map((e) => ({
      from: e.from,
      to: e.to,
      label: derivLabel(e.to, e.from),
      expr: e.expr(activation),
      value: e.local(values, activation),
    })),
  };
}

/** θ ← θ − α·∂L/∂θ for every parameter (plain gradient descent). */
export function update(p: TinyParams, grads: Record<TinyParamName, number>, lr: number): TinyParams {
  const next = { ...p };
  for (const n of TINY_PARAMS) next[n] = p[n] - lr * grads[n];
  return next;
}

/** Central differences (L(θ + ε) − L(θ − ε)) / 2ε per parameter, in float64. */
export function finiteDifference(
  p: TinyParams,
  x: TinyInput,
  target: number,
  a: TinyActivation,
  eps = 1e-6,
): Record<TinyParamName, number> {
  const out = {} as Record<TinyParamName, number>;
  for (const n of TINY_PARAMS) {
    const up = tinyLoss({ ...p, [n]: p[n] + eps }, x, target, a);
    const down = tinyLoss({ ...p, [n]: p[n] - eps }, x, target, a);
    out[n] = (up - down) / (2 * eps);
  }
  return out;
}

/** A worked example with easy numbers (sigmoid: h₁ ≈ 0.593, h₂ ≈ 0.597, ŷ ≈ 0.606 against t = 1). */
export const DEFAULT_TINY_PARAMS: TinyParams = {
  w11: 0.15, w12: 0.2, b1: 0.35, w21: 0.25, w22: 0.3, b2: 0.35, v1: 0.4, v2: 0.45, c: 0.1,
}; // prettier-ignore
export const DEFAULT_TINY_INPUT: TinyInput = { x1: 0.05, x2: 0.1 };
export const DEFAULT_TINY_TARGET = 1;
