/**
 * The formulas of the embeddings lesson, written once for the English and the Chinese text, and
 * the worked example's formulas filled with the model's own numbers (liveTex). Notation follows
 * ml/embeddings/sgns.ts: v = input (centre) vectors, u = output (context) vectors.
 */
import { tex } from '../../format';
import type { PairView } from '../../ml/tasks/word2vec';

export const TEX = {
  oneHot: '\\mathbf{x}_c = (0,\\dots,0,\\underbrace{1}_{c},0,\\dots,0) \\in \\{0,1\\}^{V}',
  lookup: 'v_c = W^{\\top}\\mathbf{x}_c = W_{c,:}',
  W: 'W \\in \\mathbb{R}^{V \\times D}',
  softmax: 'p(o \\mid c) = \\frac{\\exp(u_o^{\\top} v_c)}{\\sum_{w=1}^{V} \\exp(u_w^{\\top} v_c)}',
  objective: '\\max \\; \\frac{1}{T}\\sum_{t=1}^{T} \\sum_{\\substack{-b \\le j \\le b \\\\ j \\ne 0}} \\log p(w_{t+j} \\mid w_t)',
  sgns: 'L = -\\log \\sigma(u_o^{\\top} v_c) - \\sum_{k=1}^{K} \\log \\sigma(-u_k^{\\top} v_c), \\qquad w_k \\sim P_n(w) \\propto \\operatorname{count}(w)^{3/4}',
  sigma: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
  grad:
    '\\begin{aligned} \\frac{\\partial L}{\\partial v_c} &= \\big(\\sigma(u_o^{\\top} v_c) - 1\\big)\\,u_o + \\sum_{k=1}^{K} \\sigma(u_k^{\\top} v_c)\\,u_k \\\\ \\frac{\\partial L}{\\partial u_o} &= \\big(\\sigma(u_o^{\\top} v_c) - 1\\big)\\,v_c, \\qquad \\frac{\\partial L}{\\partial u_k} = \\sigma(u_k^{\\top} v_c)\\,v_c \\end{aligned}',
  update: 'v_c \\leftarrow v_c - \\alpha \\frac{\\partial L}{\\partial v_c}',
  keep: 'P_{\\text{keep}}(w) = \\min\\!\\left(1,\\; \\left(\\sqrt{\\tfrac{f(w)}{t}} + 1\\right)\\frac{t}{f(w)}\\right)',
  glove: 'J = \\sum_{i,j} f(X_{ij})\\,\\big(w_i^{\\top}\\tilde w_j + b_i + \\tilde b_j - \\log X_{ij}\\big)^2',
  fasttext: 'v_w = \\frac{1}{|G_w|}\\sum_{g \\in G_w} z_g',
  cosine: '\\cos(a, b) = \\frac{a^{\\top} b}{\\lVert a \\rVert\\,\\lVert b \\rVert}',
  analogy: '\\arg\\max_{w \\notin \\{a,b,c\\}} \\cos\\big(v_w,\\; \\hat v_a - \\hat v_b + \\hat v_c\\big)',
  sigmaK: '\\sigma(u_k^{\\top} v_c)',
  vc: 'v_c',
  uo: 'u_o',
  uk: 'u_k',
  K: 'K',
  b: 'b',
  t: 't',
  X: 'X_{ij}',
};

/** A vocabulary word (letters, ' and -, or Han characters) as TeX text; anything else is dropped. */
const word = (w: string) => `\\text{${w.replace(/[^a-z'\-\u4e00-\u9fff]/giu, '')}}`;
const vec = (xs: number[], more: boolean) => `(${xs.map((x) => tex(x, 3)).join(',\\ ')}${more ? ',\\ \\dots' : ''})`;

/** Terms split into lines of `per`, as the rows of an aligned block (so a phone need not scroll far). */
function rows(first: string, terms: string[], per: number): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += per) lines.push(terms.slice(i, i + per).join(' '));
  return `\\begin{aligned} ${first} ${lines.map((l, i) => (i === 0 ? l : `&\\quad ${l}`)).join(' \\\\ ')} \\end{aligned}`;
}

/** The worked example's formulas with the last step's first pair. */
export function liveTex(p: PairView, dim: number) {
  const more = dim > p.vc.length;
  const negTerms = p.dotNegatives.map((x, k) => `\\sigma(u_{${word(p.negatives[k]!)}}^{\\top} v_c) = \\sigma(${tex(x, 3)}) = ${tex(p.sigmaNegatives[k]!, 3)}`);
  const lossTerms = [`-\\log ${tex(p.sigmaPositive, 4)}`, ...p.sigmaNegatives.map((s) => `- \\log(1 - ${tex(s, 4)})`)];
  return {
    pair: `\\begin{aligned} c &= ${word(p.center)}, \\quad o = ${word(p.context)} \\\\ \\{w_k\\} &= \\{${p.negatives.map(word).join(',\\,')}\\} \\end{aligned}`,
    vc: `v_{${word(p.center)}} = ${vec(p.vc, more)}`,
    uo: `u_{${word(p.context)}} = ${vec(p.uo, more)}`,
    positive: `\\sigma(u_o^{\\top} v_c) = \\sigma(${tex(p.dotPositive, 3)}) = ${tex(p.sigmaPositive, 4)}`,
    negatives: negTerms.length ? `\\begin{aligned} ${negTerms.map((t) => t.replace(' = ', ' &= ')).join(' \\\\ ')} \\end{aligned}` : '\\text{—}',
    loss: rows('L &=', [...lossTerms, `= ${tex(p.loss, 4)}`], 2),
    coef: `\\sigma(u_o^{\\top} v_c) - 1 = ${tex(p.sigmaPositive - 1, 4)}`,
    grad: `\\begin{aligned} \\frac{\\partial L}{\\partial v_c} &= ${vec(p.grad, more)} \\\\ \\Big\\lVert \\frac{\\partial L}{\\partial v_c} \\Big\\rVert &= ${tex(p.gradNorm, 3)} \\end{aligned}`,
  };
}
