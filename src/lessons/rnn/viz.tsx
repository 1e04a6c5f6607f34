import { useCanvas } from '../../components/viz/useCanvas';
import { themeColors } from '../../components/viz/theme-colors';
import { viridis } from '../../viz/colormap';

/** Blue (−1) – white (0) – red (+1), for tanh values. */
export function diverging(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  if (t < 0) {
    const a = -t;
    return [Math.round(255 - a * (255 - 33)), Math.round(255 - a * (255 - 102)), Math.round(255 - a * (255 - 172))];
  }
  return [Math.round(255 - t * (255 - 178)), Math.round(255 - t * (255 - 24)), Math.round(255 - t * (255 - 43))];
}

const PAD_L = 34;
const PAD_B = 16;

/**
 * Units × time heatmap of a row-major [T, H] array (row t is the vector at time t): time runs left
 * to right, unit h is row h. `scale` picks the colour map: diverging for −1 … 1, viridis for 0 … 1.
 */
export function Heatmap({
  data,
  T,
  H,
  scale,
  label,
  unitLabel,
  height = 140,
}: {
  data: Float32Array | null;
  T: number;
  H: number;
  scale: 'diverging' | 'unit';
  /** Text alternative of the canvas. */
  label: string;
  /** The vertical axis' name drawn on the canvas ("unit"). */
  unitLabel: string;
  height?: number;
}) {
  const { wrapRef, canvasRef } = useCanvas(height, (ctx, width) => {
    const c = themeColors();
    ctx.clearRect(0, 0, width, height);
    const w = width - PAD_L - 4;
    const h = height - PAD_B - 2;
    // A frame around the cells, so a state near zero (all white) still reads as a panel, not a gap.
    ctx.strokeStyle = c.muted;
    ctx.lineWidth = 1;
    ctx.strokeRect(PAD_L - 0.5, 1.5, w + 1, h + 1);
    if (!data || T === 0 || H === 0 || data.length < T * H) return;
    const cw = w / T;
    const ch = h / H;
    for (let t = 0; t < T; t++) {
      for (let u = 0; u < H; u++) {
        const v = data[t * H + u]!;
        const [r, g, b] = scale === 'diverging' ? diverging(v) : viridis(Math.max(0, Math.min(1, v)));
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        ctx.fillRect(PAD_L + t * cw, 2 + u * ch, Math.ceil(cw), Math.ceil(ch));
      }
    }
    ctx.strokeRect(PAD_L - 0.5, 1.5, w + 1, h + 1);
    ctx.fillStyle = c.muted;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.fillText(unitLabel, PAD_L - 4, 12);
    ctx.fillText(`${H}`, PAD_L - 4, 2 + h);
    ctx.textAlign = 'left';
    ctx.fillText('t = 1', PAD_L, height - 3);
    ctx.textAlign = 'right';
    ctx.fillText(`t = ${T}`, width - 4, height - 3);
  });
  return (
    <div ref={wrapRef} className="rnn-canvas">
      <canvas ref={canvasRef} role="img" aria-label={label} style={{ width: '100%', height }} />
    </div>
  );
}

/** A colour key for the heatmaps. */
export function ColorKey({ scale }: { scale: 'diverging' | 'unit' }) {
  const stops = Array.from({ length: 11 }, (_, i) => {
    const x = i / 10;
    const [r, g, b] = scale === 'diverging' ? diverging(2 * x - 1) : viridis(x);
    return `rgb(${r},${g},${b}) ${x * 100}%`;
  });
  return (
    <div className="rnn-key" aria-hidden="true">
      <span>{scale === 'diverging' ? '−1' : '0'}</span>
      <span className="rnn-key-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <span>{scale === 'diverging' ? '+1' : '1'}</span>
    </div>
  );
}

/** ‖∂L/∂h_t‖ against t, on a log scale, as bars. */
export function GradNormChart({ norms, label, height = 150 }: { norms: Float32Array | null; label: string; height?: number }) {
  const { wrapRef, canvasRef } = useCanvas(height, (ctx, width) => {
    const c = themeColors();
    ctx.clearRect(0, 0, width, height);
    const left = 44;
    const w = width - left - 6;
    const h = height - PAD_B - 6;
    const vals = norms ? Array.from(norms).filter((v) => Number.isFinite(v) && v > 0) : [];
    ctx.strokeStyle = c.grid;
    ctx.strokeRect(left, 4, w, h);
    if (!norms || vals.length === 0) return;
    let lo = Math.floor(Math.log10(Math.min(...vals)));
    let hi = Math.ceil(Math.log10(Math.max(...vals)));
    if (hi - lo < 1) {
      lo -= 1;
      hi += 0;
    }
    lo = Math.max(lo, hi - 12);
    const y = (v: number) => 4 + h - ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * h;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'right';
    for (let e = lo; e <= hi; e++) {
      const yy = y(10 ** e);
      ctx.strokeStyle = c.grid;
      ctx.beginPath();
      ctx.moveTo(left, yy);
      ctx.lineTo(left + w, yy);
      ctx.stroke();
      ctx.fillText(`1e${e}`, left - 4, yy + 4);
    }
    const T = norms.length;
    const bw = w / T;
    ctx.fillStyle = c.series[0] ?? c.accent;
    for (let t = 0; t < T; t++) {
      const v = norms[t]!;
      if (!Number.isFinite(v) || v <= 0) continue;
      const top = y(v);
      ctx.fillRect(left + t * bw + bw * 0.1, top, Math.max(1, bw * 0.8), 4 + h - top);
    }
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'left';
    ctx.fillText('t = 1', left, height - 3);
    ctx.textAlign = 'right';
    ctx.fillText(`t = ${T}`, left + w, height - 3);
  });
  return (
    <div ref={wrapRef} className="rnn-canvas">
      <canvas ref={canvasRef} role="img" aria-label={label} style={{ width: '100%', height }} />
    </div>
  );
}

/** The probe window: truth and one-step predictions, then the free-running forecast after it. */
export function SeriesPlot({
  input,
  target,
  prediction,
  forecast,
  truth,
  label,
  height = 190,
}: {
  input: Float32Array;
  target: Float32Array;
  prediction: Float32Array;
  forecast: Float32Array;
  truth: Float32Array;
  label: string;
  height?: number;
}) {
  const { wrapRef, canvasRef } = useCanvas(height, (ctx, width) => {
    const c = themeColors();
    ctx.clearRect(0, 0, width, height);
    const T = target.length;
    const N = forecast.length;
    const total = T + Math.max(N, truth.length);
    if (T === 0) return;
    const all = [...target, ...prediction, ...forecast, ...truth, ...input].filter(Number.isFinite);
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    if (hi - lo < 1e-6) {
      lo -= 1;
      hi += 1;
    }
    const pad = 6;
    const x = (i: number) => pad + (i / Math.max(1, total - 1)) * (width - 2 * pad);
    const y = (v: number) => pad + (1 - (v - lo) / (hi - lo)) * (height - 2 * pad);
    // Where the forecast starts.
    ctx.strokeStyle = c.grid;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(x(T - 0.5), pad);
    ctx.lineTo(x(T - 0.5), height - pad);
    ctx.stroke();
    ctx.setLineDash([]);
    const line = (vals: ArrayLike<number>, offset: number, color: string, widthPx: number, dash: number[] = []) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = widthPx;
      ctx.setLineDash(dash);
      ctx.beginPath();
      let started = false;
      for (let i = 0; i < vals.length; i++) {
        const v = vals[i]!;
        if (!Number.isFinite(v)) continue;
        if (!started) ctx.moveTo(x(offset + i), y(v));
        else ctx.lineTo(x(offset + i), y(v));
        started = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.lineWidth = 1;
    };
    line(target, 0, c.truth, 2);
    line(truth, T, c.truth, 1.5, [2, 3]);
    line(prediction, 0, c.accent, 1.5);
    line(forecast, T, c.series[2] ?? c.accent, 2);
  });
  return (
    <div ref={wrapRef} className="rnn-canvas">
      <canvas ref={canvasRef} role="img" aria-label={label} style={{ width: '100%', height }} />
    </div>
  );
}

export interface GapPoint {
  cell: string;
  gap: number;
  accuracy: number;
}

/** Accuracy against gap, one line per cell; cell i is drawn in the theme's series colour i. */
export function GapChart({
  points,
  gaps,
  cells,
  chance,
  label,
  height = 200,
}: {
  points: GapPoint[];
  gaps: readonly number[];
  cells: readonly string[];
  chance: number;
  label: string;
  height?: number;
}) {
  const { wrapRef, canvasRef } = useCanvas(height, (ctx, width) => {
    const c = themeColors();
    ctx.clearRect(0, 0, width, height);
    const left = 40;
    const bottom = 20;
    const w = width - left - 10;
    const h = height - bottom - 8;
    const gmax = Math.max(...gaps);
    const gmin = Math.min(...gaps);
    const x = (g: number) => left + ((g - gmin) / Math.max(1, gmax - gmin)) * w;
    const y = (a: number) => 8 + (1 - a) * h;
    ctx.font = '11px system-ui, sans-serif';
    ctx.strokeStyle = c.grid;
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'right';
    for (const a of [0, 0.25, 0.5, 0.75, 1]) {
      ctx.beginPath();
      ctx.moveTo(left, y(a));
      ctx.lineTo(left + w, y(a));
      ctx.stroke();
      ctx.fillText(`${Math.round(a * 100)}%`, left - 4, y(a) + 4);
    }
    ctx.textAlign = 'center';
    for (const g of gaps) ctx.fillText(`${g}`, x(g), height - 5);
    ctx.setLineDash([4, 4]);
    ctx.strokeStyle = c.muted;
    ctx.beginPath();
    ctx.moveTo(left, y(chance));
    ctx.lineTo(left + w, y(chance));
    ctx.stroke();
    ctx.setLineDash([]);
    cells.forEach((cell, ci) => {
      const pts = points.filter((p) => p.cell === cell).sort((a, b) => a.gap - b.gap);
      const color = c.series[ci] ?? c.fg;
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = 2;
      ctx.beginPath();
      pts.forEach((p, i) => (i === 0 ? ctx.moveTo(x(p.gap), y(p.accuracy)) : ctx.lineTo(x(p.gap), y(p.accuracy))));
      ctx.stroke();
      for (const p of pts) {
        ctx.beginPath();
        ctx.arc(x(p.gap), y(p.accuracy), 3.5, 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.lineWidth = 1;
    });
  });
  return (
    <div ref={wrapRef} className="rnn-canvas">
      <canvas ref={canvasRef} role="img" aria-label={label} style={{ width: '100%', height }} />
    </div>
  );
}
