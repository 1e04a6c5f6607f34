import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { fmt } from '../../format';
import { TINY_NODE_INFO, type TinyForward, type TinyNodeId } from '../../ml/backprop/tiny-net';
import type { Revealed } from '../../ml/backprop/tiny-net-backward';
import { TINY_GRAPH_SIZE, TINY_NODE_POS, TINY_NODE_RADIUS, edgeGeometry } from '../../viz/tiny-graph-layout';
import { NODE_TEXT } from './tiny-step-text';

interface Props {
  fwd: TinyForward;
  grads: Record<TinyNodeId, number>;
  revealed: Revealed;
  /** The node of the current step (highlighted), if any. */
  current: TinyNodeId | null;
  /** Edges to highlight: the local chain of the current backward step. */
  activeEdges: ReadonlySet<string>;
}

/**
 * Where a node's ∂L/∂node goes, clear of its arrows: above the top row and the lower hidden
 * nodes, to the upper right of ŷ and to the right of L, below everything else.
 */
function gradPos(id: TinyNodeId, p: { x: number; y: number }, r: number): { x: number; y: number } {
  if (id === 'w11' || id === 'w12' || id === 'b1' || id === 'v1' || id === 'z2' || id === 'h2') return { x: p.x, y: p.y - r - 7 };
  if (id === 'yhat') return { x: p.x + 38, y: p.y - r - 4 };
  if (id === 'L') return { x: p.x + r + 14, y: p.y + 4 };
  return { x: p.x, y: p.y + r + 14 };
}
const edgeKey = (from: string, to: string) => `${from}>${to}`;

/**
 * The tiny network as a computational graph: each node shows its forward value once the
 * stepper has computed it, and ∂L/∂node once the backward pass reaches it; each edge shows its
 * local derivative ∂to/∂from.
 */
export const TinyGraph = memo(function TinyGraph({ fwd, grads, revealed, current, activeEdges }: Props) {
  const { t } = useTranslation('bp');
  const { width, height } = TINY_GRAPH_SIZE;
  const r = TINY_NODE_RADIUS;
  return (
    <svg
      className="tiny-graph"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('tiny.graphLabel')}
    >
      <defs>
        <marker id="tg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="tg-arrowhead" />
        </marker>
      </defs>
      {fwd.edges.map((e) => {
        const g = edgeGeometry(e.from, e.to);
        const shown = revealed.values.has(e.to);
        const active = activeEdges.has(edgeKey(e.from, e.to));
        return (
          <g key={edgeKey(e.from, e.to)} className={active ? 'tg-edge active' : 'tg-edge'}>
            <title>{`∂${NODE_TEXT[e.to]}/∂${NODE_TEXT[e.from]}${shown ? ` = ${fmt(e.value)}` : ''}`}</title>
            <line x1={g.x1} y1={g.y1} x2={g.x2} y2={g.y2} markerEnd="url(#tg-arrow)" />
            {shown && (
              <g transform={`translate(${g.lx} ${g.ly})`} className="tg-edge-label">
                <rect x={-24} y={-9} width={48} height={17} rx={4} />
                <text textAnchor="middle" dominantBaseline="central" y={0}>
                  {fmt(e.value, 3)}
                </text>
              </g>
            )}
          </g>
        );
      })}
      {fwd.nodes.map((node) => {
        const p = TINY_NODE_POS[node.id];
        const shown = revealed.values.has(node.id);
        const grad = revealed.grads.has(node.id) ? grads[node.id] : null;
        const g = gradPos(node.id, p, r);
        return (
          <g
            key={node.id}
            className={`tg-node tg-${TINY_NODE_INFO[node.id].kind}${current === node.id ? ' current' : ''}`}
            data-node={node.id}
          >
            <title>{`${NODE_TEXT[node.id]}${shown ? ` = ${fmt(node.value, 6)}` : ` ${t('tiny.notComputed')}`}${grad !== null ? `; ∂L/∂${NODE_TEXT[node.id]} = ${fmt(grad, 6)}` : ''}`}</title>
            <circle cx={p.x} cy={p.y} r={r} />
            <text x={p.x} y={p.y - 6} textAnchor="middle" className="tg-name">
              {NODE_TEXT[node.id]}
            </text>
            <text x={p.x} y={p.y + 12} textAnchor="middle" className="tg-value">
              {shown ? fmt(node.value, 4) : '?'}
            </text>
            {grad !== null && (
              <text x={g.x} y={g.y} textAnchor="middle" className="tg-grad">
                {fmt(grad, 3)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
});
