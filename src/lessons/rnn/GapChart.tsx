import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useElementWidth } from '../../components/charts/useElementWidth';
import { themeColors } from '../../components/viz/theme-colors';
import { formatTicks } from '../../charts/ticks';
import { useThemeVersion } from '../../state/theme';

export interface GapPoint {
  cell: string;
  gap: number;
  accuracy: number;
}

const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];
const percent = (v: number) => `${Math.round(v * 100)}%`;

interface Props {
  points: GapPoint[];
  gaps: readonly number[];
  cells: readonly string[];
  /** Display name of each cell, for the tooltip. */
  names: Record<string, string>;
  chance: number;
  label: string;
  /** The word for "gap" in the page's language, for the tooltip. */
  gapWord: string;
  height?: number;
}

/**
 * Accuracy against gap, one line per cell (cell i in the theme's series colour i), with the chance
 * level dashed, on recharts. At most a dozen measured points, so dots mark each measurement and the
 * tooltip gives the exact accuracy of each cell at the hovered gap.
 */
export const GapChart = memo(function GapChart({ points, gaps, cells, names, chance, label, gapWord, height = 200 }: Props) {
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  useThemeVersion();
  const c = themeColors();
  const rows = useMemo(
    () =>
      gaps.map((gap) => {
        const row: Record<string, number | null> = { gap };
        for (const cell of cells) row[cell] = points.find((p) => p.cell === cell && p.gap === gap)?.accuracy ?? null;
        return row;
      }),
    [points, gaps, cells],
  );
  const xLabels = useMemo(() => new Map(gaps.map((g, i) => [g, formatTicks([...gaps])[i]!])), [gaps]);
  const tick = { fill: c.muted, fontSize: 11 };
  return (
    <div ref={wrapRef} className="rnn-canvas" role="img" aria-label={label} style={{ height }}>
      {width > 0 && (
        <LineChart width={width} height={height} data={rows} margin={{ top: 8, right: 14, bottom: 2, left: 2 }} accessibilityLayer={false}>
          <CartesianGrid stroke={c.grid} vertical={false} />
          <XAxis
            type="number"
            dataKey="gap"
            domain={[Math.min(...gaps), Math.max(...gaps)]}
            allowDataOverflow
            ticks={[...gaps]}
            interval={0}
            tickFormatter={(g: number) => xLabels.get(g) ?? String(g)}
            stroke={c.grid}
            tick={tick}
            tickLine={false}
            height={22}
          />
          <YAxis type="number" domain={[0, 1]} allowDataOverflow ticks={Y_TICKS} interval={0} tickFormatter={percent} width={40} stroke={c.grid} tick={tick} tickLine={false} />
          <ReferenceLine y={chance} stroke={c.muted} strokeDasharray="4 4" ifOverflow="hidden" />
          {cells.map((cell, i) => (
            <Line
              key={cell}
              dataKey={cell}
              name={names[cell] ?? cell}
              stroke={c.series[i] ?? c.fg}
              strokeWidth={2}
              dot={{ r: 3.5, fill: c.series[i] ?? c.fg, strokeWidth: 0 }}
              activeDot={{ r: 5 }}
              isAnimationActive={false}
              connectNulls
            />
          ))}
          <Tooltip
            isAnimationActive={false}
            formatter={(v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v))}
            labelFormatter={(g) => `${gapWord} ${String(g)}`}
            contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', fontSize: 12 }}
          />
        </LineChart>
      )}
    </div>
  );
});
