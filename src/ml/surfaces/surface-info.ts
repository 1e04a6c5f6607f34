import { generateLinear, leastSquares } from '../../datasets/linear';

/**
 * Two-dimensional loss surfaces f(x, y) for the "optimisers race" lesson: the
 * plain-JS half (formula, view box, start, critical points, evaluate, gradient),
 * with no tfjs import so the page can draw heatmaps without loading tfjs.
 * The tfjs half, which the optimisers differentiate, is in surfaces.ts.
 *
 * Each surface comes three ways, and a test keeps them in agreement:
 * - `lossXY(x, y)`: tfjs ops, elementwise, so tfjs autodiff gives the gradient the
 *   optimisers use (and a whole grid can be evaluated in one call);
 * - `evaluate(x, y)`: plain JS, for heatmaps drawn on the main thread;
 * - `gradient(x, y)`: the analytic gradient in plain JS (arrows, tests).
 *
 * Every surface here but the regression loss has minimum value 0; the regression's minimum
 * is the noise's mean square (> 0), so a loss axis can be logarithmic for all.
 */

export const SURFACES = ['bowl', 'rosenbrock', 'himmelblau', 'saddle', 'regression'] as const;
export type SurfaceId = (typeof SURFACES)[number];

export const SURFACE_LABELS: Record<SurfaceId, string> = {
  bowl: 'Quadratic bowl',
  rosenbrock: 'Rosenbrock valley',
  himmelblau: 'Himmelblau (four minima)',
  saddle: 'Saddle point',
  regression: 'Linear regression loss L(w, b)',
};

export interface Point {
  x: number;
  y: number;
}

export interface ViewBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export type CriticalKind = 'saddle' | 'max';

/** Everything about a surface except its tfjs form: safe to import on the page. */
export interface SurfaceInfo {
  id: SurfaceId;
  label: string;
  /** The formula in KaTeX, for the page. */
  tex: string;
  evaluate(x: number, y: number): number;
  /** ∇f = [∂f/∂x, ∂f/∂y], analytic. */
  gradient(x: number, y: number): [number, number];
  box: ViewBox;
  start: Point;
  /** Global (and, where marked by the surface, local) minima, all with f = 0 here. */
  minima: readonly Point[];
  /** The other points where ∇f = 0: saddles and local maxima (for drawing). */
  critical: readonly (Point & { kind: CriticalKind })[];
  /**
   * A learning rate that works from `start`, for two families: `gradient` is for SGD,
   * Momentum and Nesterov (their step is α·g, so it must stay below 2/λmax of the
   * Hessian near the minimum); `adaptive` is for RMSProp and Adam (their step is
   * roughly α in each coordinate, whatever the gradient's size).
   */
  suggestedLearningRate: { gradient: number; adaptive: number };
}

export interface SurfaceParams {
  /** Bowl only: κ = λmax/λmin of the Hessian, 1…100. */
  condition: number;
  /** Regression only: the data set of the regression lab (σ of the noise and its seed). */
  noise: number;
  seed: number;
}

export const DEFAULT_SURFACE_PARAMS: SurfaceParams = { condition: 10, noise: 0.5, seed: 1 };
export const CONDITION_RANGE = { min: 1, max: 100 } as const;

export function createSurfaceInfo(id: SurfaceId, params: Partial<SurfaceParams> = {}): SurfaceInfo {
  switch (id) {
    case 'bowl':
      return bowl({ ...DEFAULT_SURFACE_PARAMS, ...params });
    case 'rosenbrock':
      return rosenbrock();
    case 'himmelblau':
      return himmelblau();
    case 'saddle':
      return saddle();
    case 'regression':
      return regression({ ...DEFAULT_SURFACE_PARAMS, ...params });
  }
}

/**
 * The regression lab's own loss as a surface over (x, y) = (w, b):
 * L(w, b) = (1/N) Σ (w·xᵢ + b − yᵢ)² on the same 200 points (same noise and seed),
 * so full-batch optimisers race on the very bowl the regression descends.
 */
export function regression(params: SurfaceParams): SurfaceInfo {
  const data = generateLinear({ n: REGRESSION_POINTS, noise: params.noise, seed: params.seed });
  const { xs, ys } = data;
  const n = xs.length;
  const best = leastSquares(data);
  return {
    id: 'regression',
    label: SURFACE_LABELS.regression,
    tex: 'L(w,b) = \\frac{1}{N}\\sum_{i=1}^{N}\\left(w x_i + b - y_i\\right)^2',
    evaluate: (w, b) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const e = w * xs[i]! + b - ys[i]!;
        s += e * e;
      }
      return s / n;
    },
    gradient: (w, b) => {
      let gw = 0;
      let gb = 0;
      for (let i = 0; i < n; i++) {
        const e = w * xs[i]! + b - ys[i]!;
        gw += e * xs[i]!;
        gb += e;
      }
      return [(2 * gw) / n, (2 * gb) / n];
    },
    box: { xMin: -1, xMax: 7, yMin: -3, yMax: 7 },
    start: { x: 0, y: 0 },
    minima: [{ x: best.w, y: best.b }],
    critical: [],
    // λmax of the Hessian is ≈ 4.4 for x uniform on [0, 2]: GD needs α < 0.45.
    suggestedLearningRate: { gradient: 0.2, adaptive: 0.1 },
  };
}

/** The regression lab's data size (its points are regenerated here from the seed). */
export const REGRESSION_POINTS = 200;

/**
 * f = ½(λ₁x² + λ₂y²) with λ₁ = 1, λ₂ = κ. The Hessian is diag(1, κ), so plain
 * gradient descent is stable only for α < 2/κ, and with such an α it crawls
 * along x at the rate (1 − α) per step: an ill-conditioned valley in its
 * simplest form. The gradient is (x, κy).
 */
export function bowl(params: SurfaceParams): SurfaceInfo {
  const k = clampCondition(params.condition);
  return {
    id: 'bowl',
    label: SURFACE_LABELS.bowl,
    tex: `f(x,y) = \\tfrac12\\left(x^2 + ${fmt(k)}\\,y^2\\right)`,
    evaluate: (x, y) => 0.5 * (x * x + k * y * y),
    gradient: (x, y) => [x, k * y],
    box: { xMin: -5, xMax: 5, yMin: -3, yMax: 3 },
    start: { x: -4, y: 2 },
    minima: [{ x: 0, y: 0 }],
    critical: [],
    // ½ of the stability limit 2/κ; κ = 10 gives 0.05.
    suggestedLearningRate: { gradient: 0.5 / k, adaptive: 0.1 },
  };
}

/**
 * The classic Rosenbrock function (a = 1, b = 100): f = (1 − x)² + 100(y − x²)².
 * A curved, flat-bottomed valley along y = x²; finding the valley is easy,
 * following it to the minimum at (1, 1) is slow. The Hessian at the minimum,
 * [[802, −400], [−400, 200]], has λmax ≈ 1001.6 and λmin ≈ 0.4, so GD needs
 * α < 0.002. ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²)).
 */
export function rosenbrock(): SurfaceInfo {
  return {
    id: 'rosenbrock',
    label: SURFACE_LABELS.rosenbrock,
    tex: 'f(x,y) = (1 - x)^2 + 100\\,(y - x^2)^2',
    evaluate: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    box: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
    // The customary start of the Rosenbrock benchmark.
    start: { x: -1.2, y: 1 },
    minima: [{ x: 1, y: 1 }],
    critical: [],
    // Adam at 0.05 reaches the minimum from the usual starts within ~1,000 steps; SGD at 0.001 is still crawling.
    suggestedLearningRate: { gradient: 0.001, adaptive: 0.05 },
  };
}

/**
 * Himmelblau's function f = (x² + y − 11)² + (x + y² − 7)²: four global minima
 * (all f = 0), one local maximum near (−0.27, −0.92) and four saddles. Which
 * minimum a racer ends in depends on its path, so optimisers started together
 * can finish apart. Critical points below were found by Newton's method to 1e-9.
 * ∇f = (4x(x² + y − 11) + 2(x + y² − 7), 2(x² + y − 11) + 4y(x + y² − 7)).
 */
export function himmelblau(): SurfaceInfo {
  return {
    id: 'himmelblau',
    label: SURFACE_LABELS.himmelblau,
    tex: 'f(x,y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    evaluate: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    gradient: (x, y) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
    },
    box: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
    // From the origin, at the suggested rates, SGD, Nesterov, RMSProp and Adam settle
    // in (3, 2) while Momentum overshoots into (3.58, −1.85): same start, different ends.
    start: { x: 0, y: 0 },
    minima: [
      { x: 3, y: 2 },
      { x: -2.805118087, y: 3.131312518 },
      { x: -3.779310253, y: -3.283185991 },
      { x: 3.58442834, y: -1.848126527 },
    ],
    critical: [
      { x: -0.270844591, y: -0.923038556, kind: 'max' },
      { x: 0.086677505, y: 2.884254701, kind: 'saddle' },
      { x: -3.073025751, y: -0.081353044, kind: 'saddle' },
      { x: 3.385154184, y: 0.07385188, kind: 'saddle' },
      { x: -0.127961347, y: -1.95371498, kind: 'saddle' },
    ],
    // The steepest minimum, (−3.78, −3.28), has λmax ≈ 133: GD needs α < 0.015.
    suggestedLearningRate: { gradient: 0.005, adaptive: 0.05 },
  };
}

/**
 * A double well with a saddle between: f = ¼(x² − 1)² + ½y²
 * (= x⁴/4 − x²/2 + y²/2 + ¼, shifted so the minima are at f = 0).
 * Minima at (±1, 0); a saddle at the origin, f = ¼, with Hessian diag(−1, 1).
 *
 * Why this one teaches "plain GD stalls near a saddle": started at (ε, y₀) with
 * small ε, gradient descent first slides down y (the Hessian's +1 direction)
 * straight into the saddle, where the gradient is ≈ 0. Near it x grows only by
 * the factor (1 + α) per step, so leaving takes about ln(1/ε)/α steps: the loss
 * sits on a plateau at ¼ and the racer appears stuck. Momentum builds speed
 * along x and leaves sooner; Adam and RMSProp rescale the tiny x-gradient to a
 * full-size step and leave at once. Started with ε = 0 exactly, every optimiser
 * converges to the saddle, unless gradient noise is on. Unlike x² − y² it is
 * bounded below, so nobody runs off to −∞.
 * ∇f = (x(x² − 1), y).
 */
export function saddle(): SurfaceInfo {
  return {
    id: 'saddle',
    label: SURFACE_LABELS.saddle,
    tex: 'f(x,y) = \\tfrac14\\left(x^2 - 1\\right)^2 + \\tfrac12\\,y^2',
    evaluate: (x, y) => 0.25 * (x * x - 1) ** 2 + 0.5 * y * y,
    gradient: (x, y) => [x * (x * x - 1), y],
    box: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
    start: { x: 0.001, y: 1.5 },
    minima: [
      { x: -1, y: 0 },
      { x: 1, y: 0 },
    ],
    critical: [{ x: 0, y: 0, kind: 'saddle' }],
    // λmax at the minima is 2 (f_xx = 3x² − 1), so GD needs α < 1.
    suggestedLearningRate: { gradient: 0.1, adaptive: 0.05 },
  };
}

/**
 * f on an nx × ny grid spanning the box corners, row-major, ready for ImageData:
 * `values[j * nx + i] = f(x_i, y_j)` with x_i = xMin + i·(xMax − xMin)/(nx − 1)
 * and y_j = yMax − j·(yMax − yMin)/(ny − 1) — row 0 is the top edge (yMax),
 * as on a canvas. A single column or row sits at the box's centre line.
 */
export function gridValues(surface: SurfaceInfo, box: ViewBox, nx: number, ny: number): Float32Array {
  const cols = Math.max(1, Math.floor(nx));
  const rows = Math.max(1, Math.floor(ny));
  const out = new Float32Array(cols * rows);
  for (let j = 0; j < rows; j++) {
    const y = gridCoord(box.yMax, box.yMin, j, rows);
    for (let i = 0; i < cols; i++) {
      out[j * cols + i] = surface.evaluate(gridCoord(box.xMin, box.xMax, i, cols), y);
    }
  }
  return out;
}

/** The i-th of n evenly spaced values from `from` to `to` (both included); the middle if n = 1. */
export function gridCoord(from: number, to: number, i: number, n: number): number {
  return n === 1 ? (from + to) / 2 : from + (i * (to - from)) / (n - 1);
}

function clampCondition(k: number): number {
  if (!Number.isFinite(k)) return DEFAULT_SURFACE_PARAMS.condition;
  return Math.min(CONDITION_RANGE.max, Math.max(CONDITION_RANGE.min, k));
}

/** A number as short TeX: 10, 2.5, 33.33. */
function fmt(v: number): string {
  return String(Math.round(v * 100) / 100);
}
