/**
 * The formulas of the RNN lesson's prose, written once for the English and the Chinese text.
 * The cells' equations and the gradient probe come from ml/rnn/cell-tex.ts (the same
 * conventions as the code).
 */
export { cellTex, GRAD_PROBE_TEX } from '../../ml/rnn/cell-tex';

export const TEX = {
  // Long formulas as aligned lines, so they fit a phone's width.
  recurrence: '\\begin{aligned} h_t &= f\\left(W_{hh}\\,h_{t-1} + W_{xh}\\,x_t + b\\right) \\\\ y_t &= W_{hy}\\,h_t + b_y \\end{aligned}',
  ht: 'h_t',
  fTanh: 'f = \\tanh',
  h0: 'h_0 = 0',
  inputsSoFar: 'x_1, \\dots, x_{t}',
  minusOne: '-1',
  plusOne: '+1',
  tanh: '\\tanh',
  bptt:
    "\\begin{aligned} \\frac{\\partial L}{\\partial h_t} &= \\sum_{k \\ge t} \\frac{\\partial L_k}{\\partial h_k}\\prod_{j=t}^{k-1}\\frac{\\partial h_{j+1}}{\\partial h_j} \\\\ \\frac{\\partial h_{j+1}}{\\partial h_j} &= \\operatorname{diag}\\!\\big(f'(a_{j+1})\\big)\\,W_{hh} \\end{aligned}",
  preact: 'a_{j+1}',
  k: 'k',
  t: 't',
  distance: 'k - t',
  tanhPrime: "\\tanh' \\le 1",
  cellState: 'c_t',
  i: 'i_t',
  g: 'g_t',
  f: 'f_t',
  o: 'o_t',
  forgetPath: '\\partial c_t / \\partial c_{t-1} = \\operatorname{diag}(f_t)',
  forgetStart: 'f \\approx \\sigma(2) \\approx 0.88',
  z: 'z_t',
  n: 'n_t',
  zOne: 'z_t \\approx 1',
  gruPath: '\\partial h_t / \\partial h_{t-1}',
  r: 'r_t',
  zBias: 'z',
  theta: '\\theta',
  clip: 'g \\leftarrow g \\cdot \\min\\!\\left(1, \\frac{\\theta}{\\lVert g \\rVert}\\right)',
  chance: '1/K',
  tau: '\\tau',
  gradNorm: '\\lVert \\partial L / \\partial h_t \\rVert',
} as const;
