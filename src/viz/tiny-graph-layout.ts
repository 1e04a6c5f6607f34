/**
 * Where the tiny network's computational graph (ml/backprop/tiny-net.ts) puts each node and
 * each edge's derivative label, in SVG user units. Left to right: inputs, the first layer's
 * weights (above and below), pre-activations, activations, the output layer's weights, ŷ, L.
 */
import type { TinyNodeId } from '../ml/backprop/tiny-net';

export const TINY_GRAPH_SIZE = { width: 860, height: 460 } as const;
export const TINY_NODE_RADIUS = 27;

export const TINY_NODE_POS: Record<TinyNodeId, { x: number; y: number }> = {
  x1: { x: 50, y: 170 },
  x2: { x: 50, y: 270 },
  w11: { x: 130, y: 48 },
  w12: { x: 230, y: 48 },
  b1: { x: 330, y: 48 },
  w21: { x: 130, y: 412 },
  w22: { x: 230, y: 412 },
  b2: { x: 330, y: 412 },
  z1: { x: 330, y: 165 },
  z2: { x: 330, y: 275 },
  h1: { x: 470, y: 165 },
  h2: { x: 470, y: 275 },
  v1: { x: 560, y: 48 },
  v2: { x: 560, y: 412 },
  c: { x: 680, y: 412 },
  yhat: { x: 650, y: 220 },
  t: { x: 800, y: 412 },
  L: { x: 800, y: 220 },
};

/**
 * Where along an edge (0 = its source, 1 = its target) its label sits. The four input edges cross
 * in the middle, and the weights' edges converge on z, so those labels sit apart from one another.
 */
const LABEL_AT: Partial<Record<`${TinyNodeId}>${TinyNodeId}`, number>> = {
  'w11>z1': 0.45,
  'w12>z1': 0.45,
  'b1>z1': 0.45,
  'w21>z2': 0.45,
  'w22>z2': 0.45,
  'b2>z2': 0.45,
  'x1>z1': 0.62,
  'x2>z1': 0.62,
  'x1>z2': 0.62,
  'x2>z2': 0.62,
};

/** The two ends of an edge, trimmed to the node circles, and the point for its label. */
export function edgeGeometry(from: TinyNodeId, to: TinyNodeId) {
  const a = TINY_NODE_POS[from];
  const b = TINY_NODE_POS[to];
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const r = TINY_NODE_RADIUS;
  const t = LABEL_AT[`${from}>${to}`] ?? 0.5;
  return {
    x1: a.x + ux * r,
    y1: a.y + uy * r,
    x2: b.x - ux * (r + 4),
    y2: b.y - uy * (r + 4),
    lx: a.x + (b.x - a.x) * t,
    ly: a.y + (b.y - a.y) * t,
  };
}
