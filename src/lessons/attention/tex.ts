/**
 * The lesson's formulas, written once and shared by the English and the Chinese prose
 * (Explanation.tsx, Explanation.zh.tsx). Formulas that carry the settings are functions.
 */
import type { TokenTaskName } from '../../datasets/token-tasks';

/** Each task's rule as a formula; the masked task is described in words instead (null). */
export function taskRule(task: TokenTaskName, k: number): string | null {
  switch (task) {
    case 'reverse':
      return '\\mathrm{out}_t = \\mathrm{in}_{T-1-t}';
    case 'sort':
      return '\\mathrm{out} = \\operatorname{sort}(\\mathrm{in})';
    case 'copy':
      return `\\mathrm{out}_t = \\mathrm{in}_{(t-${k}) \\bmod T}`;
    case 'masked':
      return null;
  }
}

export const T_EQ = (T: number) => `T = ${T}`;
export const V_EQ = (V: number) => `V = ${V}`;
export const DK_EQ = (dK: number) => `d_k = ${dK}`;
export const SQRT_DK_APPROX = (dK: number) => `\\sqrt{${dK}} \\approx ${Math.sqrt(dK).toFixed(1)}`;
export const D_MODEL_EQ = (d: number) => `d_{\\text{model}} = ${d}`;
export const H_EQ = (h: number) => `h = ${h}`;
export const DK_SPLIT = (dK: number) => `d_k = d_{\\text{model}}/h = ${dK}`;

export const X_T = '\\mathbf x_t';
export const Q_T = '\\mathbf q_t = \\mathbf x_t W_Q';
export const K_T = '\\mathbf k_t = \\mathbf x_t W_K';
export const V_T = '\\mathbf v_t = \\mathbf x_t W_V';
export const QKV = 'Q, K, V';
export const ATTENTION = '\\operatorname{Attention}(Q, K, V) = \\operatorname{softmax}\\!\\left(\\frac{QK^{\\top}}{\\sqrt{d_k}}\\right) V';
export const QK_T = 'QK^\\top';
export const WEIGHTS_NONNEG = 'a_{t,i} \\ge 0';
export const WEIGHTS_SUM = '\\sum_i a_{t,i} = 1';
export const WEIGHTED_AVG = '\\sum_i a_{t,i} \\mathbf v_i';

export const QC_KC = 'q_c k_c';
export const VARIANCE =
  '\\begin{gathered} \\operatorname{Var}(\\mathbf q\\cdot\\mathbf k) = \\sum_{c=1}^{d_k} \\operatorname{Var}(q_c k_c) = d_k, \\\\ \\operatorname{Var}\\!\\left(\\frac{\\mathbf q\\cdot\\mathbf k}{\\sqrt{d_k}}\\right) = 1. \\end{gathered}';
export const SQRT_DK = '\\sqrt{d_k}';

export const MULTI_HEAD =
  '\\begin{aligned} \\text{head}_j &= \\operatorname{Attention}(X W_Q^{(j)},\\, X W_K^{(j)},\\, X W_V^{(j)}) \\\\ \\operatorname{MultiHead}(X) &= \\operatorname{Concat}(\\text{head}_1, \\dots, \\text{head}_h)\\, W_O \\end{aligned}';
export const HEAD_WEIGHTS = 'W_Q^{(j)}, W_K^{(j)}, W_V^{(j)} \\in \\mathbb R^{d_{\\text{model}} \\times d_k}';
export const FULL_MATRIX = 'd_{\\text{model}} \\times d_{\\text{model}}';
export const W_O_SHAPE = 'W_O \\in \\mathbb R^{d_{\\text{model}} \\times d_{\\text{model}}}';

export const PERMUTED_SCORES = '(PQ)(PK)^\\top = P\\,QK^\\top P^\\top';
export const PERMUTATION =
  '\\begin{aligned} \\operatorname{Attention}(PX) &= P \\operatorname{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right) P^\\top P V \\\\ &= P\\,\\operatorname{Attention}(X). \\end{aligned}';
export const SINUSOIDS =
  '\\begin{aligned} PE_{(pos,\\,2i)} &= \\sin\\!\\left(pos / 10000^{2i/d_{\\text{model}}}\\right) \\\\ PE_{(pos,\\,2i+1)} &= \\cos\\!\\left(pos / 10000^{2i/d_{\\text{model}}}\\right) \\end{aligned}';
export const PE_SHIFT = 'PE_{pos+k}';
export const PE_POS = 'PE_{pos}';

export const INPUT_SUM = '\\mathbf x_t = E[\\text{token}_t] + PE_t';
export const BLOCK =
  '\\begin{aligned} X &\\leftarrow \\operatorname{LayerNorm}\\big(X + \\operatorname{MultiHead}(X)\\big) \\\\ X &\\leftarrow \\operatorname{LayerNorm}\\big(X + \\operatorname{ReLU}(X W_1 + b_1) W_2 + b_2\\big) \\end{aligned}';
export const FFN_WIDTH = '4\\,d_{\\text{model}}';
export const LAYER_NORM = '\\operatorname{LayerNorm}(\\mathbf z) = \\gamma \\odot (\\mathbf z - \\mu)/\\sqrt{\\sigma^2 + \\varepsilon} + \\beta';
/** Step n counts from 1 (the first step is step 1, as on the status line): transformer-spec.ts warmupRate. */
export const WARMUP = '\\alpha_n = \\alpha\\,\\min(1,\\ n/n_{\\text{warm-up}}), \\quad n = 1, 2, 3, \\dots';

export const CAUSAL =
  '\\begin{gathered} a_{t,\\cdot} = \\operatorname{softmax}\\!\\left(\\frac{\\mathbf q_t K^\\top}{\\sqrt{d_k}} + \\mathbf m_t\\right), \\\\ m_{t,i} = \\begin{cases} 0 & i \\le t \\\\ -\\infty & i > t \\end{cases} \\end{gathered}';
export const MIRROR = 'T-1-t';

export const RNN_STATE = '\\mathbf h_t = f(W_{hh}\\mathbf h_{t-1} + W_{xh}\\mathbf x_t + \\mathbf b_h)';
export const GAP = '|t - i|';
export const O_T = 'O(T)';
export const O_1 = 'O(1)';
export const T_BY_T = 'T \\times T';
export const ATTN_COST = 'O(T^2 d)';
export const RNN_COST = 'O(T d^2)';
