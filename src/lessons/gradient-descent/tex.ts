/**
 * The lesson's formulas, written once and shared by the English and Chinese
 * prose (Explanation.tsx / Explanation.zh.tsx, ExplorerProse*, LiveMath*).
 * Functions take the page's live numbers.
 */
import { LINEAR_TRUTH } from '../../datasets/linear';
import { signedTex } from '../../components/math/signed';
import { tex } from '../../format';
import type { LinRegView } from '../../ml/tasks/linear-regression';

const T = LINEAR_TRUTH;

// ── The model ──────────────────────────────────────────────────────────────
export const DATA_RULE = `y = ${T.w}x + ${T.b} + \\varepsilon`;
export const sigmaIs = (noise: number) => `\\sigma = ${tex(noise, 3)}`;
export const MODEL = `\\hat y = w\\,x + b.`;

// ── The loss ───────────────────────────────────────────────────────────────
export const MSE = `\\begin{aligned} L(w, b) &= \\frac{1}{m}\\sum_{i=1}^{m}\\left(\\hat y_i - y_i\\right)^2 \\\\ &= \\frac{1}{m}\\sum_{i=1}^{m}\\left(w x_i + b - y_i\\right)^2. \\end{aligned}`;
export const TRUE_PARAMS = `w = ${T.w}, b = ${T.b}`;

// ── The gradient ───────────────────────────────────────────────────────────
export const ERROR_I = `\\hat y_i - y_i`;
export const GRADIENT = `\\nabla L = \\begin{pmatrix} \\dfrac{\\partial L}{\\partial w} \\\\[6pt] \\dfrac{\\partial L}{\\partial b} \\end{pmatrix} = \\begin{pmatrix} \\dfrac{2}{m}\\sum_i (\\hat y_i - y_i)\\,x_i \\\\[6pt] \\dfrac{2}{m}\\sum_i (\\hat y_i - y_i) \\end{pmatrix}.`;
export const DL_DB = `\\partial L/\\partial b`;

// ── The update and the optimisers ──────────────────────────────────────────
export const THETA = `\\theta = (w, b)`;
export const UPDATE = `\\theta \\leftarrow \\theta - \\alpha\\,\\nabla L(\\theta).`;
export const G_T = `g_t = \\nabla L(\\theta_{t-1})`;
export const MOMENTUM_RULE = `\\begin{array}{l} \\textbf{Momentum: } \\\\ \\begin{aligned} v_t &= \\beta\\, v_{t-1} + g_t, \\\\ \\theta_t &= \\theta_{t-1} - \\alpha\\, v_t \\\\ & (\\beta = 0.9,\\ v_0 = 0) \\end{aligned} \\end{array}`;
export const ADAM_RULE = `\\begin{array}{l} \\textbf{Adam: } \\\\ \\begin{aligned} m_t &= \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t, \\\\ v_t &= \\beta_2 v_{t-1} + (1-\\beta_2)\\, g_t^2, \\\\ \\theta_t &= \\theta_{t-1} - \\alpha\\,\\frac{m_t/(1-\\beta_1^t)}{\\sqrt{v_t/(1-\\beta_2^t)} + \\epsilon} \\\\ & (\\beta_1 = 0.9,\\ \\beta_2 = 0.999,\\ \\epsilon = 10^{-7}) \\end{aligned} \\end{array}`;
/** The same rules with the name in Chinese (the formula itself is unchanged). */
export const MOMENTUM_RULE_ZH = MOMENTUM_RULE.replace('\\textbf{Momentum: }', '\\textbf{动量法：}');
export const ADAM_RULE_ZH = ADAM_RULE.replace('\\textbf{Adam: }', '\\textbf{Adam：}');

// ── Batch sizes ────────────────────────────────────────────────────────────
export const mIs = (m: number | string) => `m = ${m}`;
export const miniBatchRange = (n: number) => `1 < m < ${n}`;
export const stepsPerEpoch = (n: number) => `\\lceil ${n}/m \\rceil`;

// ── Learning rate and curvature ────────────────────────────────────────────
export const lambdaMaxIs = (l: number) => `\\lambda_{\\max} = ${tex(l, 3)}`;
export const lambdaMinIs = (l: number) => `\\lambda_{\\min} = ${tex(l, 3)}`;
export const smoothRange = (lambdaMax: number) => `\\alpha < 1/\\lambda_{\\max} \\approx ${tex(1 / lambdaMax, 3)}`;
export const zigzagRange = (lambdaMax: number) =>
  `1/\\lambda_{\\max} < \\alpha < 2/\\lambda_{\\max} \\approx ${tex(2 / lambdaMax, 3)}`;
export const divergeRange = (lambdaMax: number) => `\\alpha > 2/\\lambda_{\\max} \\approx ${tex(2 / lambdaMax, 3)}`;
export const SLOW_RATE = `\\alpha\\lambda_{\\min}`;
export const conditionIs = (lambdaMax: number, lambdaMin: number) =>
  `\\lambda_{\\max}/\\lambda_{\\min} \\approx ${tex(lambdaMax / lambdaMin, 3)}`;

// ── The last step, with its numbers (LiveMath) ─────────────────────────────
export interface LiveTex {
  m: string;
  loss: string;
  gradient: string;
  alpha: string;
  /** Plain gradient descent's update, with the numbers (SGD only). */
  sgdUpdate: string;
  /** The step actually taken beside the one SGD would take (Momentum, Adam). */
  comparison: string;
}

export function liveTex(view: LinRegView & { batchLoss: number }): LiveTex {
  const a = view.learningRate;
  const dw = view.w - view.prevW;
  const db = view.b - view.prevB;
  return {
    m: `m = ${view.batchSize}`,
    loss: `L = ${tex(view.batchLoss)}`,
    // One line per partial derivative, so each fits a phone's column.
    gradient: `\\begin{aligned} \\frac{\\partial L}{\\partial w} &= \\frac{2}{m}\\sum_{i=1}^{m}(\\hat y_i - y_i)\\,x_i = ${tex(view.gradW)} \\\\ \\frac{\\partial L}{\\partial b} &= \\frac{2}{m}\\sum_{i=1}^{m}(\\hat y_i - y_i) = ${tex(view.gradB)} \\end{aligned}`,
    alpha: `\\alpha = ${tex(a)}`,
    // Short lines (the rule, the numbers, the result), so each fits a phone's column.
    sgdUpdate: `\\begin{aligned} w &\\leftarrow w - \\alpha\\frac{\\partial L}{\\partial w} \\\\ ${update(view.prevW, a, view.gradW, view.w)} \\\\[6pt] b &\\leftarrow b - \\alpha\\frac{\\partial L}{\\partial b} \\\\ ${update(view.prevB, a, view.gradB, view.b)} \\end{aligned}`,
    comparison: `\\begin{aligned} w &: ${tex(view.prevW)} \\to ${tex(view.w)} \\\\ &\\quad \\Delta w = ${tex(dw)} \\\\ &\\quad -\\alpha\\,\\partial L/\\partial w = ${tex(-a * view.gradW)} \\\\[6pt] b &: ${tex(view.prevB)} \\to ${tex(view.b)} \\\\ &\\quad \\Delta b = ${tex(db)} \\\\ &\\quad -\\alpha\\,\\partial L/\\partial b = ${tex(-a * view.gradB)} \\end{aligned}`,
  };
}

/**
 * "θ − α × g = θ′" with enough digits that the printed numbers add up: 4 significant digits,
 * and up to float32's 7 where a step is tiny beside θ (θ and θ′ need the digits that change)
 * or θ and α·g nearly cancel (they need the digits that survive).
 */
export function update(prev: number, alpha: number, grad: number, next: number): string {
  const step = alpha * grad;
  const more = (x: number, y: number) =>
    Math.min(3, Math.max(0, Math.ceil(Math.log10(Math.abs(x) / Math.max(Math.abs(y), 1e-30)))));
  const dPrev = 4 + Math.max(more(prev, next), more(prev, step));
  const dGrad = 4 + more(step, next);
  const dNext = 4 + more(next, step);
  // Two aligned rows: "= θ − α × g" and "= θ′".
  return `&= ${tex(prev, dPrev)} - ${tex(alpha)}\\times ${tex(grad, dGrad, true)} \\\\ &= ${tex(next, dNext)}`;
}

/** After a divergence pause: the weights the loop put back, and what they give. */
export interface RestoredTex {
  params: string;
  loss: string;
  line: string;
}

export function restoredTex(view: LinRegView): RestoredTex {
  return {
    params: `w = ${tex(view.w)},\\quad b = ${tex(view.b)}`,
    loss: `L = ${tex(view.fullLoss)}`,
    line: `\\hat y = ${tex(view.w)}\\,x ${signedTex(view.b)}`,
  };
}

// ── The loss-surface explorer ──────────────────────────────────────────────
export const POINT_XY = `(x, y)`;
export const BOWL = `f = \\tfrac12(x^2 + \\kappa y^2)`;
export const BOWL_GRAD = `(x,\\ \\kappa y)`;
export const STEEP_FACTOR = `1 - \\alpha\\kappa`;
export const FLAT_FACTOR = `1 - \\alpha`;
export const STABLE = `\\alpha < 2/\\kappa`;
export const KAPPA_50 = `\\kappa = 50`;
export const MOMENTUM_GAIN = `\\alpha/(1-\\beta)`;
export const BETA_09 = `\\beta = 0.9`;
export const SADDLE_GROWTH = `1 + \\alpha\\,|\\lambda_{-}|`;
export const LAMBDA_NEG = `\\lambda_{-}`;
