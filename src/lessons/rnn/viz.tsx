import { useCanvas } from '../../components/viz/useCanvas';
import { themeColors } from '../../components/viz/theme-colors';
import { attentionChecksum } from '../../viz/attention-heatmap';
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
  // For tests: a position-weighted sum of the values drawn (equal values, equal picture).
  const checksum = data ? attentionChecksum([data]).toFixed(6) : '';
  return (
    <div ref={wrapRef} className="rnn-canvas" data-checksum={checksum}>
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
