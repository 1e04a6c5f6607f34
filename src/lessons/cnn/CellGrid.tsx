import { fmt } from '../../format';
import { divergingColor, type Rgb } from '../../viz/image-grid';

export interface CellWindow {
  row: number;
  col: number;
  height: number;
  width: number;
}

interface Props {
  rows: number;
  cols: number;
  /** Text of a cell ('' for none). */
  text: (r: number, c: number) => string;
  /** Fill of a cell; null for the card colour. */
  fill?: (r: number, c: number) => Rgb | null;
  /** Extra class of a cell: 'pad' (zero padding), 'dropped' (not covered by any window), 'current'. */
  kind?: (r: number, c: number) => 'pad' | 'dropped' | 'current' | null;
  window?: CellWindow | null;
  label: string;
  cell?: number;
}

/** A small grid of numbers as SVG (crisp text at any zoom), with an optional highlighted window. */
export function CellGrid({ rows, cols, text, fill, kind, window: win, label, cell = 32 }: Props) {
  const w = cols * cell + 4;
  const h = rows * cell + 4;
  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const f = fill?.(r, c) ?? null;
      const k = kind?.(r, c) ?? null;
      const dark = f !== null && 0.299 * f[0] + 0.587 * f[1] + 0.114 * f[2] < 140;
      cells.push(
        <g key={`${r}-${c}`} className={`cg-cell${k ? ` ${k}` : ''}${dark ? ' dark' : ''}`}>
          <rect x={2 + c * cell} y={2 + r * cell} width={cell} height={cell} style={f ? { fill: `rgb(${f[0]},${f[1]},${f[2]})` } : undefined} />
          <text x={2 + c * cell + cell / 2} y={2 + r * cell + cell / 2}>
            {text(r, c)}
          </text>
        </g>,
      );
    }
  }
  return (
    <svg className="cell-grid" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      {cells}
      {win && (
        <rect
          className="cg-window"
          x={2 + win.col * cell}
          y={2 + win.row * cell}
          width={win.width * cell}
          height={win.height * cell}
        />
      )}
    </svg>
  );
}

/** Short number for a cell. */
export const cellText = (v: number) => fmt(v, 2);

/** Blue–white–red fill for a signed value on a shared scale. */
export const signedFill = (v: number, scale: number): Rgb | null => (v === 0 ? null : divergingColor(v, scale));
