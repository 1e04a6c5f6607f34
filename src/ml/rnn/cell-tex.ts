/**
 * The cells' equations as KaTeX strings for the RNN page (pure strings; this module imports no
 * KaTeX). Column-vector notation, as textbooks write it: W_{x·} x_t is x_t W_· of cells.ts with the
 * gate block transposed. The same conventions as the code:
 * - LSTM: gates i, f, g, o; c_t = f ⊙ c_{t−1} + i ⊙ g; h_t = o ⊙ tanh c_t; forget bias starts at 1.
 * - GRU (Cho et al. 2014, PyTorch's form): reset r, update z, candidate n; the reset gate multiplies
 *   the recurrent term after the matrix product; h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, so z → 1 keeps the
 *   old state and z → 0 replaces it. (Keras's default "reset_after" GRU writes h_t = z ⊙ h_{t−1} +
 *   (1 − z) ⊙ n too; some texts swap z and 1 − z: same family, mirrored gate.)
 */
import type { CellKind } from './cell-params';

export const CELL_TEX_LINES: Record<CellKind, readonly string[]> = {
  simple: ['h_t = \\tanh\\left(W_{x} x_t + W_{h} h_{t-1} + b\\right)'],
  lstm: [
    'i_t = \\sigma\\left(W_{xi} x_t + W_{hi} h_{t-1} + b_i\\right)',
    'f_t = \\sigma\\left(W_{xf} x_t + W_{hf} h_{t-1} + b_f\\right)',
    'g_t = \\tanh\\left(W_{xg} x_t + W_{hg} h_{t-1} + b_g\\right)',
    'o_t = \\sigma\\left(W_{xo} x_t + W_{ho} h_{t-1} + b_o\\right)',
    'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t',
    'h_t = o_t \\odot \\tanh(c_t)',
  ],
  gru: [
    'r_t = \\sigma\\left(W_{xr} x_t + W_{hr} h_{t-1} + b_r\\right)',
    'z_t = \\sigma\\left(W_{xz} x_t + W_{hz} h_{t-1} + b_z\\right)',
    'n_t = \\tanh\\left(W_{xn} x_t + b_n + r_t \\odot \\left(W_{hn} h_{t-1} + b_{hn}\\right)\\right)',
    'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}',
  ],
};

/** All lines of a cell in one `aligned` block, aligned at the `=`. */
export function cellTex(kind: CellKind): string {
  const rows = CELL_TEX_LINES[kind].map((l) => l.replace(' = ', ' &= '));
  return `\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}`;
}

/** Names of the gates the page plots, with their symbols and what they do. */
export const GATE_INFO: Record<'lstm' | 'gru', readonly { key: string; tex: string; label: string }[]> = {
  lstm: [
    { key: 'i', tex: 'i_t', label: 'input gate: how much of the candidate g_t is written' },
    { key: 'f', tex: 'f_t', label: 'forget gate: how much of c_{t−1} is kept' },
    { key: 'o', tex: 'o_t', label: 'output gate: how much of tanh(c_t) is shown as h_t' },
  ],
  gru: [
    { key: 'z', tex: 'z_t', label: 'update gate: 1 keeps h_{t−1}, 0 takes the candidate n_t' },
    { key: 'r', tex: 'r_t', label: 'reset gate: how much of h_{t−1} feeds the candidate' },
  ],
};

/** The probe trick of bptt-grad.ts, for the gradient-through-time plot. */
export const GRAD_PROBE_TEX =
  "\\left\\|\\frac{\\partial L}{\\partial h_t}\\right\\| = " +
  "\\left\\|\\frac{\\partial L}{\\partial \\varepsilon_t}\\right\\|_{\\varepsilon = 0},\\quad h_t' = h_t + \\varepsilon_t";
