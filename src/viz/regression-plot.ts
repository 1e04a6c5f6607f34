import { linearScale, niceTicks } from './axes';

export interface RegressionPlotInput {
  width: number;
  height: number;
  xs: Float32Array;
  ys: Float32Array;
  /** The model's current line ŷ = w·x + b. */
  w: number;
  b: number;
  /** The line the data was generated from. */
  truth: { w: number; b: number };
  xDomain: [number, number];
  colors: { point: string; fit: string; truth: string; axis: string; grid: string; text: string };
}

const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/** y-range that shows all the data with a margin. */
export function dataYDomain(ys: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < ys.length; i++) {
    const v = ys[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const m = (hi - lo) * 0.08 || 1;
  return [lo - m, hi + m];
}

/** Scatter of the data, the generating line (dashed) and the model's fit (solid). Pure drawing. */
export function drawRegression(ctx: CanvasRenderingContext2D, p: RegressionPlotInput): void {
  const { width, height, colors } = p;
  ctx.clearRect(0, 0, width, height);
  const yDomain = dataYDomain(p.ys);
  const sx = linearScale(p.xDomain, [PAD.left, width - PAD.right]);
  const sy = linearScale(yDomain, [height - PAD.bottom, PAD.top]);

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.text;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(p.xDomain[0], p.xDomain[1], 5)) {
    const x = sx(t);
    ctx.beginPath();
    ctx.moveTo(x, PAD.top);
    ctx.lineTo(x, height - PAD.bottom);
    ctx.stroke();
    ctx.fillText(String(t), x, height - PAD.bottom + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(yDomain[0], yDomain[1], 5)) {
    const y = sy(t);
    ctx.beginPath();
    ctx.moveTo(PAD.left, y);
    ctx.lineTo(width - PAD.right, y);
    ctx.stroke();
    ctx.fillText(String(t), PAD.left - 6, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText('x', width - PAD.right - 4, height - 2);

  ctx.fillStyle = colors.point;
  for (let i = 0; i < p.xs.length; i++) {
    ctx.beginPath();
    ctx.arc(sx(p.xs[i]!), sy(p.ys[i]!), 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(PAD.left, PAD.top, width - PAD.left - PAD.right, height - PAD.top - PAD.bottom);
  ctx.clip();
  const line = (w: number, b: number, color: string, dash: number[], lw: number) => {
    if (!Number.isFinite(w) || !Number.isFinite(b)) return;
    const [x0, x1] = p.xDomain;
    ctx.strokeStyle = color;
    ctx.lineWidth = lw;
    ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.moveTo(sx(x0), sy(w * x0 + b));
    ctx.lineTo(sx(x1), sy(w * x1 + b));
    ctx.stroke();
  };
  line(p.truth.w, p.truth.b, colors.truth, [6, 4], 1.5);
  line(p.w, p.b, colors.fit, [], 2.5);
  ctx.restore();
}
