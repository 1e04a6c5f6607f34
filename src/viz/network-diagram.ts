/**
 * Pure drawing of the MLP as TensorFlow Playground draws it: a column per layer, each unit a
 * small heatmap of what it computes over the input square, and each weight a line whose width
 * grows with |w| (colour: sign).
 */
export interface DiagramColumn {
  /** Shown above the column, e.g. "layer 1"; `short` (e.g. "1") when columns are too close for it. */
  title: string;
  short?: string;
  nodes: { label?: string; image: CanvasImageSource | null }[];
  /**
   * A step between the incoming weights and the units (e.g. "BN" for batch normalisation): drawn
   * as a narrow labelled bar just left of the column's units, where the weighted sums arrive.
   */
  marker?: string;
}

export interface DiagramWeights {
  /** Row-major [fanIn, fanOut]: W[i · fanOut + j] joins unit i of one column to unit j of the next. */
  W: ArrayLike<number>;
  shape: readonly [number, number];
}

export interface NetworkDiagramInput {
  width: number;
  height: number;
  columns: DiagramColumn[];
  /** weights[l] joins columns[l] and columns[l + 1]; missing (before the first view) draws no edges. */
  weights: DiagramWeights[] | null;
  colors: { positive: string; negative: string; text: string; frame: string; empty: string };
}

export interface NodeBox {
  x: number;
  y: number;
  size: number;
}

const TOP = 18;
const LABEL = 40;

/** Where each unit's box goes: columns evenly spaced, units centred vertically in each column. */
export function networkLayout(width: number, height: number, counts: readonly number[]): NodeBox[][] {
  const cols = counts.length;
  const rows = Math.max(1, ...counts);
  const usableW = Math.max(10, width - LABEL - 8);
  const gapX = cols > 1 ? usableW / (cols - 1 + 0.8) : usableW;
  const size = Math.max(8, Math.min(30, (height - TOP - 4) / rows - 6, gapX * 0.45));
  const pitch = Math.min(size + 12, (height - TOP - 4) / rows);
  return counts.map((n, c) => {
    const cx = LABEL + gapX * (0.4 + c);
    const y0 = TOP + (height - TOP - 4 - n * pitch) / 2 + (pitch - size) / 2;
    return Array.from({ length: n }, (_, i) => ({ x: cx - size / 2, y: y0 + i * pitch, size }));
  });
}

export function drawNetworkDiagram(ctx: CanvasRenderingContext2D, p: NetworkDiagramInput): NodeBox[][] {
  const { width, height, columns, colors } = p;
  ctx.clearRect(0, 0, width, height);
  const layout = networkLayout(width, height, columns.map((c) => c.nodes.length));

  if (p.weights) {
    let maxAbs = 0;
    for (const w of p.weights) for (let i = 0; i < w.W.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w.W[i] ?? 0));
    p.weights.forEach((w, l) => {
      const from = layout[l];
      const to = layout[l + 1];
      if (!from || !to || w.shape[0] !== from.length || w.shape[1] !== to.length) return;
      const [fanIn, fanOut] = w.shape;
      for (let i = 0; i < fanIn; i++) {
        for (let j = 0; j < fanOut; j++) {
          const v = w.W[i * fanOut + j] ?? 0;
          const a = maxAbs > 0 && Number.isFinite(v) ? Math.abs(v) / maxAbs : 0;
          const s = from[i]!;
          const t = to[j]!;
          ctx.beginPath();
          ctx.moveTo(s.x + s.size, s.y + s.size / 2);
          ctx.lineTo(t.x, t.y + t.size / 2);
          ctx.globalAlpha = 0.2 + 0.8 * a;
          ctx.lineWidth = 0.4 + 5 * a;
          ctx.strokeStyle = v >= 0 ? colors.positive : colors.negative;
          ctx.stroke();
        }
      }
    });
    ctx.globalAlpha = 1;
  }

  ctx.font = '10px system-ui, sans-serif';
  const pitch = layout.length > 1 && layout[0]![0] && layout[1]![0] ? layout[1]![0]!.x - layout[0]![0]!.x : width;
  const roomy = columns.every((col) => ctx.measureText(col.title).width + 6 <= pitch);
  columns.forEach((col, c) => {
    const boxes = layout[c]!;
    const first = boxes[0];
    ctx.fillStyle = colors.text;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    if (first) ctx.fillText(roomy ? col.title : (col.short ?? col.title), first.x + first.size / 2, 2);
    col.nodes.forEach((node, i) => {
      const b = boxes[i]!;
      if (node.image) {
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(node.image, b.x, b.y, b.size, b.size);
      } else {
        ctx.fillStyle = colors.empty;
        ctx.fillRect(b.x, b.y, b.size, b.size);
      }
      ctx.strokeStyle = colors.frame;
      ctx.lineWidth = 1;
      ctx.strokeRect(b.x + 0.5, b.y + 0.5, b.size - 1, b.size - 1);
      if (node.label) {
        ctx.fillStyle = colors.text;
        ctx.textAlign = 'right';
        ctx.textBaseline = 'middle';
        ctx.fillText(node.label, b.x - 4, b.y + b.size / 2);
      }
    });
    if (col.marker && first) drawMarker(ctx, col.marker, first, boxes[boxes.length - 1]!, colors);
  });
  return layout;
}

/** A bar from the column's first unit to its last, just left of them, with its label written upwards. */
function drawMarker(ctx: CanvasRenderingContext2D, label: string, first: NodeBox, last: NodeBox, colors: NetworkDiagramInput['colors']): void {
  const w = 11;
  const x = first.x - w - 2;
  const top = first.y;
  const h = last.y + last.size - top;
  ctx.fillStyle = colors.empty;
  ctx.fillRect(x, top, w, h);
  ctx.strokeStyle = colors.text;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, top + 0.5, w - 1, h - 1);
  ctx.save();
  ctx.translate(x + w / 2, top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillStyle = colors.text;
  ctx.font = '8px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, 0, 0.5);
  ctx.restore();
}
