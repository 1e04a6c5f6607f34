/**
 * One attention head's weights on one input as a T×T heatmap: row t = query position t, column
 * i = key position i, colour = the weight a_{t,i} on the viridis scale from 0 (dark) to 1
 * (yellow). Every row of an attention matrix sums to 1, so a row that is one bright cell means
 * "this query copies that key". Rows and columns are labelled with the input's tokens.
 * Pure drawing: no React, no DOM beyond the context it is given.
 */
import { viridis } from './colormap';

export interface AttentionLayout {
  /** Left edge of the cells (after the row labels), CSS px. */
  left: number;
  /** Top edge of the cells (below the column labels). */
  top: number;
  /** Side of one cell. */
  cell: number;
  T: number;
  /** Total size of the drawing. */
  width: number;
  height: number;
  /** Label font size, px. */
  font: number;
}

const PAD = 2;
const MAX_CELL = 40;

/**
 * Cells as large as `width` allows (at most 40 px), after a gutter for labels of up to
 * `labelChars` characters on the left and one line of labels on top.
 */
export function attentionLayout(width: number, T: number, labelChars = 1): AttentionLayout {
  const n = Math.max(1, T);
  const font = 11;
  const left = Math.ceil(6 + 0.62 * font * Math.max(1, labelChars));
  const top = font + 6;
  const cell = Math.max(4, Math.min(MAX_CELL, Math.floor((Math.max(0, width) - left - PAD) / n)));
  return { left, top, cell, T: n, width: left + cell * n + PAD, height: top + cell * n + PAD, font };
}

/** The (query, key) cell under a point, or null outside the cells. */
export function attentionCellAt(l: AttentionLayout, x: number, y: number): { query: number; key: number } | null {
  const key = Math.floor((x - l.left) / l.cell);
  const query = Math.floor((y - l.top) / l.cell);
  if (key < 0 || query < 0 || key >= l.T || query >= l.T) return null;
  return { query, key };
}

export interface AttentionHeatmapInput {
  layout: AttentionLayout;
  /** T·T weights, row-major (row = query). Non-finite values are drawn as 0. */
  weights: ArrayLike<number>;
  /** Tick labels: the input's tokens (used for rows and columns). */
  labels: readonly string[];
  /** Query row to outline (the step-through's), or null. */
  selectedRow: number | null;
  /** For each query, the keys a perfect model would attend to (small rings), or null for none. */
  ideal: readonly (readonly number[])[] | null;
  colors: { text: string; highlight: string };
}

const rgb = (c: [number, number, number]) => `rgb(${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])})`;

export function drawAttentionHeatmap(ctx: CanvasRenderingContext2D, p: AttentionHeatmapInput): void {
  const { left, top, cell, T, width, height, font } = p.layout;
  ctx.clearRect(0, 0, width, height);
  for (let q = 0; q < T; q++) {
    for (let k = 0; k < T; k++) {
      const w = p.weights[q * T + k];
      ctx.fillStyle = rgb(viridis(w !== undefined && Number.isFinite(w) ? w : 0));
      ctx.fillRect(left + k * cell, top + q * cell, cell, cell);
    }
  }

  if (p.ideal) {
    const r = Math.max(1.5, cell * 0.16);
    for (let q = 0; q < T; q++) {
      for (const k of p.ideal[q] ?? []) {
        if (k < 0 || k >= T) continue;
        const cx = left + (k + 0.5) * cell;
        const cy = top + (q + 0.5) * cell;
        ctx.beginPath();
        ctx.arc(cx, cy, r, 0, 2 * Math.PI);
        ctx.lineWidth = 2.5;
        ctx.strokeStyle = 'rgba(0,0,0,0.75)';
        ctx.stroke();
        ctx.lineWidth = 1.25;
        ctx.strokeStyle = '#ffffff';
        ctx.stroke();
      }
    }
  }

  ctx.fillStyle = p.colors.text;
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  for (let k = 0; k < T; k++) ctx.fillText(p.labels[k] ?? '', left + (k + 0.5) * cell, top - 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let q = 0; q < T; q++) ctx.fillText(p.labels[q] ?? '', left - 4, top + (q + 0.5) * cell);

  if (p.selectedRow !== null && p.selectedRow >= 0 && p.selectedRow < T) {
    ctx.strokeStyle = p.colors.highlight;
    ctx.lineWidth = 2;
    ctx.strokeRect(left + 1, top + p.selectedRow * cell + 1, T * cell - 2, cell - 2);
  }
}

/**
 * A number that changes whenever any weight does (for tests and for skipping redraws): a
 * position-weighted sum, so moving weight between cells changes it too.
 */
export function attentionChecksum(matrices: readonly ArrayLike<number>[]): number {
  let s = 0;
  matrices.forEach((m, j) => {
    for (let i = 0; i < m.length; i++) {
      const w = m[i]!;
      if (Number.isFinite(w)) s += w * (((i * 31 + j * 17) % 97) + 1);
    }
  });
  return s;
}
