/** Loss (and other) histories as CSV: one row per recorded step, one column per series. */
export interface CsvSeries {
  label: string;
  points: { x: number; y: number }[];
}

/**
 * The shortest decimal that reads back as the same float32 (losses are float32
 * on the GPU): 0.27, not 0.27000001072883606, and still exact.
 */
export function float32Text(y: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = Number(y.toPrecision(p));
    if (Math.fround(s) === Math.fround(y)) return String(s);
  }
  return String(y);
}

function cell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(series: CsvSeries[], xLabel = 'step'): string {
  const rows = new Map<number, (number | undefined)[]>();
  series.forEach((s, i) => {
    for (const p of s.points) {
      let r = rows.get(p.x);
      if (!r) rows.set(p.x, (r = new Array<number | undefined>(series.length)));
      r[i] = p.y;
    }
  });
  const xs = [...rows.keys()].sort((a, b) => a - b);
  const lines = [[xLabel, ...series.map((s) => s.label)].map(cell).join(',')];
  for (const x of xs) {
    const r = rows.get(x)!;
    lines.push([String(x), ...series.map((_, i) => (r[i] === undefined ? '' : float32Text(r[i])))].join(','));
  }
  return lines.join('\n') + '\n';
}
