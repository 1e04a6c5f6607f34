import { memo, useId } from 'react';
import { CartesianGrid, LineChart, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { Axis } from '../../charts/ticks';
import type { ChartFrame, FrameLine } from './chart-frame';

export const CHART_MARGIN = { top: 8, right: 14, bottom: 2, left: 2 };
/** Height of the x axis band (tick labels). */
export const X_AXIS_HEIGHT = 22;
const FONT_SIZE = 11;

/** Room for the widest y tick label at 11 px (about 6.5 px a character), plus the tick gap. */
export function yAxisWidth(labels: string[]): number {
  const chars = Math.max(1, ...labels.map((l) => [...l].length));
  return Math.max(30, Math.ceil(chars * 6.5 + 10));
}

/** recharts calls tick formatters with the tick value: look its label up (the axis chose them together). */
function labelOf(axis: Axis): (v: number) => string {
  const map = new Map(axis.ticks.map((t, i) => [t, axis.labels[i] ?? String(t)]));
  return (v) => map.get(v) ?? String(v);
}

interface Props {
  frame: ChartFrame;
  width: number;
  height: number;
  logY: boolean;
  grid: string;
  text: string;
  yWidth: number;
}

/** An SVG path through the points on recharts' scales; null values (off a log axis) break the line. */
export function pathOf(data: FrameLine['data'], x: (v: number) => number | undefined, y: (v: number) => number | undefined): string {
  let d = '';
  let pen = false;
  for (const p of data) {
    const px = p.y === null ? undefined : x(p.x);
    const py = p.y === null ? undefined : y(p.y);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/**
 * The series of a frame as one <path> each, placed with the chart's own x and y
 * scales and clipped to its plot area. recharts' <Line> measures its path with
 * getTotalLength (a forced layout) and remounts its curve on every data change
 * even with animation off; at ten redraws a second beside a training run that
 * is the cost to avoid, so the lines are drawn here and recharts keeps the
 * layout, scales, axes and grid.
 */
function SeriesPaths({ lines }: { lines: FrameLine[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  const clip = useId();
  if (!xScale || !yScale || !area) return null;
  const x = (v: number) => xScale(v);
  const y = (v: number) => yScale(v);
  return (
    <g className="chart-series">
      <defs>
        <clipPath id={clip}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        {lines.map((l) => (
          <path
            key={l.label}
            d={pathOf(l.data, x, y)}
            stroke={l.color}
            strokeWidth={1.5}
            strokeDasharray={l.dash}
            strokeLinejoin="round"
            fill="none"
            data-series={l.label}
          />
        ))}
      </g>
    </g>
  );
}

/**
 * One frame of a streaming chart as a recharts LineChart at a fixed size: our
 * own ticks and labels (see charts/ticks), no animation, no dots, no
 * interaction layer (the host draws the hover readout), and the decimated
 * lines drawn on recharts' scales (SeriesPaths).
 */
export const LinePlot = memo(function LinePlot({ frame, width, height, logY, grid, text, yWidth }: Props) {
  // What both axes share: our own ticks (every one drawn), the frame's colours, no tick marks.
  const axis = {
    type: 'number',
    interval: 0,
    allowDataOverflow: true,
    stroke: grid,
    tick: { fill: text, fontSize: FONT_SIZE },
    tickLine: false,
  } as const;
  return (
    <LineChart width={width} height={height} margin={CHART_MARGIN} accessibilityLayer={false} style={{ pointerEvents: 'none' }}>
      <CartesianGrid stroke={grid} strokeDasharray="" />
      <XAxis dataKey="x" {...axis} domain={frame.x.domain} ticks={frame.x.ticks} tickFormatter={labelOf(frame.x)} height={X_AXIS_HEIGHT} />
      <YAxis
        {...axis}
        scale={logY ? 'log' : 'linear'}
        domain={frame.y.domain}
        ticks={frame.y.ticks}
        tickFormatter={labelOf(frame.y)}
        width={yWidth}
      />
      <SeriesPaths lines={frame.lines} />
    </LineChart>
  );
});
