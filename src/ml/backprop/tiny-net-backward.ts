/**
 * The backward pass of the tiny network (tiny-net.ts) node by node, the chain-rule paths
 * behind each gradient, and the stepper's sequence of states (forward → loss → backward → update).
 */
import {
  TINY_NODE_INFO,
  TINY_NODES,
  TINY_PARAMS,
  type TinyEdge,
  type TinyForward,
  type TinyNodeId,
  type TinyParamName,
} from './tiny-net';

/** One factor of a chain-rule product: a local derivative ∂to/∂from with its value. */
export interface ChainFactor {
  from: TinyNodeId;
  to: TinyNodeId;
  /** KaTeX name, e.g. \frac{\partial \hat{y}}{\partial h_1}. */
  label: string;
  /** KaTeX of what it equals, e.g. v_1. */
  expr: string;
  value: number;
}

/** One path from L down to a node: factors ordered from L, e.g. [∂L/∂ŷ, ∂ŷ/∂h₁, ∂h₁/∂z₁, ∂z₁/∂w₁₁]. */
export type ChainPath = ChainFactor[];

export interface TinyBackward {
  /** The order in which the gradients were computed (BACKWARD_ORDER). */
  order: readonly TinyNodeId[];
  /** ∂L/∂node for every node (∂L/∂L = 1). */
  grads: Record<TinyNodeId, number>;
  /** ∂L/∂θ for the nine parameters. */
  params: Record<TinyParamName, number>;
  /**
   * Every path from L down to each node. ∂L/∂node is the sum over paths of the product of
   * the factors. Parameters and hidden units have exactly one path in this net; each input
   * x_k has two (through z₁ and through z₂), so its gradient is a sum of two products.
   */
  paths: Record<TinyNodeId, ChainPath[]>;
  /**
   * The one-step form used while stepping: ∂L/∂node = Σ over its children of
   * ∂L/∂child · ∂child/∂node, with the children's gradients already known.
   */
  local: Record<TinyNodeId, { child: TinyNodeId; childGrad: number; factor: ChainFactor }[]>;
}

/**
 * The stepper's backward order: a reverse topological order (every node after all the nodes
 * it feeds), arranged so the learner meets the output layer first, then the hidden layer,
 * then the first layer's weights, then the inputs (whose gradient needs both paths).
 */
export const BACKWARD_ORDER: readonly TinyNodeId[] = [
  'L', 'yhat', 'v1', 'v2', 'c', 'h1', 'h2', 'z1', 'z2',
  'w11', 'w12', 'b1', 'w21', 'w22', 'b2', 'x1', 'x2', 't',
] as const; // prettier-ignore

/** The computed nodes, in the order the forward stepper reveals them. */
export const FORWARD_ORDER: readonly TinyNodeId[] = ['z1', 'h1', 'z2', 'h2', 'yhat'];

const factorOf = (e: TinyEdge): ChainFactor => ({ ...e });

/** ∂L/∂node for every node, computed in BACKWARD_ORDER from the forward pass's local derivatives. */
export function backward(fwd: TinyForward): TinyBackward {
  const out = new Map<TinyNodeId, TinyEdge[]>();
  for (const e of fwd.edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);

  const grads = {} as Record<TinyNodeId, number>;
  const local = {} as TinyBackward['local'];
  for (const id of BACKWARD_ORDER) {
    if (id === 'L') {
      grads.L = 1;
      local.L = [];
      continue;
    }
    const terms = (out.get(id) ?? []).map((e) => {
      const childGrad = grads[e.to];
      if (childGrad === undefined) throw new Error(`backward order: ${e.to} must come before ${id}`);
      return { child: e.to, childGrad, factor: factorOf(e) };
    });
    local[id] = terms;
    grads[id] = terms.reduce((s, t) => s + t.childGrad * t.factor.value, 0);
  }

  const paths = {} as Record<TinyNodeId, ChainPath[]>;
  // Reverse of TINY_NODES is reverse-topological, so each child's paths exist when needed.
  for (const id of [...TINY_NODES].reverse()) {
    paths[id] = id === 'L' ? [[]] : (out.get(id) ?? []).flatMap((e) => paths[e.to].map((p) => [...p, factorOf(e)]));
  }

  const params = {} as Record<TinyParamName, number>;
  for (const n of TINY_PARAMS) params[n] = grads[n];
  return { order: BACKWARD_ORDER, grads, params, paths, local };
}

export type TinyStep =
  | { phase: 'forward'; node: TinyNodeId }
  | { phase: 'loss'; node: 'L' }
  | { phase: 'backward'; node: TinyNodeId }
  | { phase: 'update' };

/** The stepper's states in order: forward node by node, the loss, backward node by node, the update. */
export function tinySteps(): TinyStep[] {
  return [
    ...FORWARD_ORDER.map((node): TinyStep => ({ phase: 'forward', node })),
    { phase: 'loss', node: 'L' },
    // ∂L/∂L = 1 is shown with the loss step; ∂L/∂t is not a learning signal.
    ...BACKWARD_ORDER.filter((n) => n !== 'L' && n !== 't').map((node): TinyStep => ({ phase: 'backward', node })),
    { phase: 'update' },
  ];
}

export interface Revealed {
  /** Nodes whose forward value is shown (leaves always). */
  values: Set<TinyNodeId>;
  /** Nodes whose ∂L/∂node is shown. */
  grads: Set<TinyNodeId>;
  /** Whether the update θ ← θ − α∇L has been shown. */
  updated: boolean;
}

/** What the graph shows after steps[0..k] have been taken (k = −1: nothing computed yet). */
export function revealedAt(steps: readonly TinyStep[], k: number): Revealed {
  const values = new Set<TinyNodeId>(TINY_NODES.filter((id) => !isComputed(id)));
  const grads = new Set<TinyNodeId>();
  let updated = false;
  for (const s of steps.slice(0, Math.max(0, k + 1))) {
    if (s.phase === 'forward') values.add(s.node);
    else if (s.phase === 'loss') {
      values.add('L');
      grads.add('L');
    } else if (s.phase === 'backward') grads.add(s.node);
    else updated = true;
  }
  return { values, grads, updated };
}

function isComputed(id: TinyNodeId): boolean {
  const kind = TINY_NODE_INFO[id].kind;
  return kind === 'pre' || kind === 'act' || kind === 'output' || kind === 'loss';
}
