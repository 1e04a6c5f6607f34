import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { logTicks, formatTicks } from '../../charts/ticks';
import { useElementWidth } from '../../components/charts/useElementWidth';
import { useThrottled } from '../../components/charts/useThrottled';
import { themeColors } from '../../components/viz/theme-colors';
import { fmt } from '../../format';
import { useThemeVersion } from '../../state/theme';

interface Props {
  norms: Float32Array | null;
  label: string;
  height?: number;
}

/** Whole decades around the positive values (at least one, at most twelve). */
function decades(vals: number[]): [number, number] {
  let lo = Math.floor(Math.log10(Math.min(...vals)));
  const hi = Math.ceil(Math.log10(Math.max(...vals)));
  if (hi - lo < 1) lo -= 1;
  return [Math.max(lo, hi - 12), hi];
}

/**
 * ‖∂L/∂h_t‖ against t as bars on a log scale, on recharts: powers of ten on the
 * axis, the exact norm of each step in the tooltip, redrawn at most five times a second.
 */
export const GradNormChart = memo(function GradNormChart({ norms: incoming, label, height = 150 }: Props) {
  const norms = useThrottled(incoming, 200);
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  useThemeVersion();
  const c = themeColors();
  const view = useMemo(() => {
    if (!norms || norms.length === 0) return null;
    const rows = Array.from(norms, (v, i) => ({ t: i + 1, norm: Number.isFinite(v) && v > 0 ? v : null }));
    const vals = rows.flatMap((r) => (r.norm === null ? [] : [r.norm]));
    if (vals.length === 0) return null;
    const [lo, hi] = decades(vals);
    const domain: [number, number] = [10 ** lo, 10 ** hi];
    const ticks = logTicks(domain[0], domain[1], 5);
    const labels = new Map(ticks.map((t, i) => [t, formatTicks(ticks, 'log')[i]!]));
    return { rows, domain, ticks, labels, T: norms.length };
  }, [norms]);
  const tick = { fill: c.muted, fontSize: 11 };
  return (
    <div ref={wrapRef} className="rnn-canvas" role="img" aria-label={label} style={{ height }}>
      {width > 0 && (
        <BarChart width={width} height={height} data={view?.rows ?? []} margin={{ top: 6, right: 8, bottom: 2, left: 2 }} accessibilityLayer={false} barCategoryGap="20%">
          <CartesianGrid stroke={c.grid} vertical={false} />
          <XAxis
            dataKey="t"
            type="category"
            ticks={view ? [1, view.T] : []}
            interval={0}
            tickFormatter={(t: number) => `t = ${t}`}
            stroke={c.grid}
            tick={tick}
            tickLine={false}
            height={20}
          />
          <YAxis
            type="number"
            scale="log"
            domain={view?.domain ?? [0.1, 1]}
            ticks={view?.ticks ?? []}
            interval={0}
            allowDataOverflow
            tickFormatter={(v: number) => view?.labels.get(v) ?? String(v)}
            width={44}
            stroke={c.grid}
            tick={tick}
            tickLine={false}
          />
          <Bar dataKey="norm" name="‖∂L/∂hₜ‖" fill={c.series[0] ?? c.accent} isAnimationActive={false} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ fill: c.grid, opacity: 0.4 }}
            formatter={(v) => (typeof v === 'number' ? fmt(v, 6) : '—')}
            labelFormatter={(t) => `t = ${String(t)}`}
            contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', fontSize: 12 }}
          />
        </BarChart>
      )}
    </div>
  );
});
