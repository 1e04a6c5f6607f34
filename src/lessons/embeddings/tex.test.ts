import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { PairView } from '../../ml/tasks/word2vec';
import { pairGradient, sigmoid } from '../../ml/embeddings/sgns';
import { liveTex } from './tex';

/** A pair view built the way the worker builds it, from real vectors. */
function pairOf(center: string, context: string, negatives: string[]): PairView {
  const vc = [0.3, -0.2, 0.5, 0.1, 0.7];
  const uo = [0.4, 0.1, -0.3, 0.2, 0.05];
  const uNeg = negatives.map((_, k) => vc.map((_x, d) => ((k + 1) * 0.1 - d * 0.07) * (d % 2 ? -1 : 1)));
  const g = pairGradient(vc, uo, uNeg);
  return {
    centerId: 7,
    center,
    context,
    negatives,
    dotPositive: g.dotPositive,
    sigmaPositive: sigmoid(g.dotPositive),
    dotNegatives: g.dotNegatives,
    sigmaNegatives: g.dotNegatives.map(sigmoid),
    loss: g.loss,
    vc: vc.slice(0, 4),
    uo: uo.slice(0, 4),
    grad: [...g.dCenter.slice(0, 4)],
    gradNorm: Math.hypot(...g.dCenter),
  };
}

describe('the worked example', () => {
  for (const p of [pairOf('monday', 'tuesday', ['the', "don't", 'well-known']), pairOf('酒', '醉', ['人', '风'])]) {
    it(`renders every formula for ${p.center} (KaTeX, errors thrown)`, () => {
      for (const [k, math] of Object.entries(liveTex(p, 50))) {
        expect(() => katex.renderToString(math, { throwOnError: true, strict: 'ignore', displayMode: true }), k).not.toThrow();
      }
      expect(liveTex(p, 50).vc).toContain(`\\text{${p.center}}`);
    });

    it(`prints a loss that adds up from its printed terms for ${p.center}`, () => {
      // −log σ(u_o·v_c) − Σ log(1 − σ(u_k·v_c)) is −log σ(x) − Σ log σ(−x): the same loss.
      const fromTerms = -Math.log(p.sigmaPositive) - p.sigmaNegatives.reduce((s, x) => s + Math.log(1 - x), 0);
      expect(fromTerms).toBeCloseTo(p.loss, 9);
      const printed = liveTex(p, 50).loss;
      const m = /= ([-\d.]+) \\end\{aligned\}$/.exec(printed);
      expect(Number(m?.[1])).toBeCloseTo(p.loss, 3);
    });
  }

  it('shows "…" only when the vectors have more components than printed', () => {
    const p = pairOf('a', 'b', []);
    expect(liveTex(p, 50).vc).toContain('\\dots');
    expect(liveTex(p, 4).vc).not.toContain('\\dots');
    expect(liveTex(p, 4).negatives).toBe('\\text{—}');
  });
});
