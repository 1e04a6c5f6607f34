/**
 * A 10×10 confusion matrix (row = true digit, column = predicted digit) drawn on a
 * canvas. Each cell's colour is its share of its row: correct answers on the diagonal
 * in one hue, mistakes in another, made brighter so that a handful of errors shows.
 * Pure drawing.
 */
export interface ConfusionLayout {
  left: number;
  top: number;
  cell: number;
  /** Total size, CSS px. */
  width: number;
  height: number;
}

const GUTTER_LEFT = 36;
const GUTTER_TOP = 30;
const MAX_CELL = 34;

export function confusionLayout(width: number, classes = 10): ConfusionLayout {
  const cell = Math.max(12, Math.min(MAX_CELL, Math.floor((width - GUTTER_LEFT - 2) / classes)));
  return {
    left: GUTTER_LEFT,
    top: GUTTER_TOP,
    cell,
    width: GUTTER_LEFT + cell * classes + 2,
    height: GUTTER_TOP + cell * classes + 2,
  };
}

/** The cell (true, predicted) under a point, or null. */
export function confusionCellAt(l: ConfusionLayout, x: number, y: number, classes = 10): { truth: number; predicted: number } | null {
  const c = Math.floor((x - l.left) / l.cell);
  const r = Math.floor((y - l.top) / l.cell);
  if (c < 0 || r < 0 || c >= classes || r >= classes) return null;
  return { truth: r, predicted: c };
}

/** The n largest off-diagonal counts, largest first (ties: smaller true digit first). */
export function topConfusions(m: ArrayLike<number>, n: number, classes = 10): { truth: number; predicted: number; count: number }[] {
  const out: { truth: number; predicted: number; count: number }[] = [];
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) {
      const count = m[t * classes + p] ?? 0;
      if (t !== p && count > 0) out.push({ truth: t, predicted: p, count });
    }
  }
  out.sort((a, b) => b.count - a.count || a.truth - b.truth || a.predicted - b.predicted);
  return out.slice(0, n);
}

/** Opacity of a cell: its share of the row; mistakes are boosted ×4 so a few show. */
export function cellAlpha(count: number, rowTotal: number, diagonal: boolean): number {
  if (count <= 0 || rowTotal <= 0) return 0;
  const share = count / rowTotal;
  return Math.min(1, diagonal ? 0.15 + 0.85 * share : 0.2 + 4 * share);
}

export interface ConfusionInput {
  layout: ConfusionLayout;
  matrix: ArrayLike<number>;
  colors: { text: string; grid: string; correct: string; wrong: string; highlight: string };
  highlight?: { truth: number; predicted: number } | null;
  classes?: number;
  /** Axis titles in the page's language. */
  labels?: { predicted: string; truth: string };
}

function rgba(hex: string, a: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${a.toFixed(3)})`;
}

export function drawConfusion(ctx: CanvasRenderingContext2D, p: ConfusionInput): void {
  const k = p.classes ?? 10;
  const { left, top, cell, width, height } = p.layout;
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${Math.max(9, Math.min(12, cell * 0.36))}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let t = 0; t < k; t++) {
    let row = 0;
    for (let q = 0; q < k; q++) row += p.matrix[t * k + q] ?? 0;
    for (let q = 0; q < k; q++) {
      const count = p.matrix[t * k + q] ?? 0;
      const x = left + q * cell;
      const y = top + t * cell;
      const a = cellAlpha(count, row, t === q);
      if (a > 0) {
        ctx.fillStyle = rgba(t === q ? p.colors.correct : p.colors.wrong, a);
        ctx.fillRect(x, y, cell, cell);
      }
      ctx.strokeStyle = p.colors.grid;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
      if (count > 0) {
        ctx.fillStyle = a > 0.6 ? '#fff' : p.colors.text;
        ctx.fillText(String(count), x + cell / 2, y + cell / 2 + 0.5, cell - 2);
      }
    }
  }
  if (p.highlight) {
    ctx.strokeStyle = p.colors.highlight;
    ctx.lineWidth = 2;
    ctx.strokeRect(left + p.highlight.predicted * cell + 1, top + p.highlight.truth * cell + 1, cell - 2, cell - 2);
  }
  // Axis labels: digits along both axes, and what each axis means.
  ctx.fillStyle = p.colors.text;
  ctx.font = '11px system-ui, sans-serif';
  for (let i = 0; i < k; i++) {
    ctx.fillText(String(i), left + i * cell + cell / 2, top - 8);
    ctx.fillText(String(i), left - 10, top + i * cell + cell / 2);
  }
  ctx.textAlign = 'left';
  ctx.fillText(p.labels?.predicted ?? 'predicted →', left, 8);
  // Row heading in the corner, above the row digits.
  ctx.fillText(p.labels?.truth ?? 'true ↓', 0, top - 8, left - 2);
}
