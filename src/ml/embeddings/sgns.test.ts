import { describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { pairGradient, negLogSigmoid, SgnsModel } from './sgns';

const D = 6;
function randomVec(seed: number, scale = 0.8): Float32Array {
  const r = createRng(seed);
  return Float32Array.from({ length: D }, () => r.normal() * scale);
}

/** The pair loss computed directly, in float64, from plain arrays. */
function loss(vc: number[], uo: number[], uNeg: number[][]): number {
  const dot = (u: number[]) => u.reduce((s, x, d) => s + x * vc[d]!, 0);
  return -Math.log(1 / (1 + Math.exp(-dot(uo)))) - uNeg.reduce((s, u) => s + Math.log(1 / (1 + Math.exp(dot(u)))), 0);
}

describe('SGNS pair gradient', () => {
  const vc = randomVec(1);
  const uo = randomVec(2);
  const uNeg = [randomVec(3), randomVec(4), randomVec(5)];
  const g = pairGradient(vc, uo, uNeg);
  const base = () => ({ vc: [...vc], uo: [...uo], uNeg: uNeg.map((u) => [...u]) });
  const h = 1e-5;

  it('has the loss −log σ(u_o·v_c) − Σ log σ(−u_k·v_c)', () => {
    const b = base();
    expect(g.loss).toBeCloseTo(loss(b.vc, b.uo, b.uNeg), 6);
  });

  it('matches central finite differences for v_c, u_o and every u_k', () => {
    for (let d = 0; d < D; d++) {
      const fd = (mutate: (x: ReturnType<typeof base>, s: number) => void) => {
        const p = base();
        const m = base();
        mutate(p, h);
        mutate(m, -h);
        return (loss(p.vc, p.uo, p.uNeg) - loss(m.vc, m.uo, m.uNeg)) / (2 * h);
      };
      expect(g.dCenter[d]).toBeCloseTo(fd((x, s) => (x.vc[d]! += s)), 5);
      expect(g.dContext[d]).toBeCloseTo(fd((x, s) => (x.uo[d]! += s)), 5);
      for (let k = 0; k < uNeg.length; k++) expect(g.dNegatives[k]![d]).toBeCloseTo(fd((x, s) => (x.uNeg[k]![d]! += s)), 5);
    }
  });

  it('the in-place SGD step moves every row by −lr × that gradient', () => {
    const V = 5;
    const m = new SgnsModel(V, D);
    // c = 0, o = 1, negatives 2, 3, 4.
    m.input.set(vc, 0);
    m.output.set(uo, 1 * D);
    uNeg.forEach((u, k) => m.output.set(u, (2 + k) * D));
    const lr = 0.1;
    const l = m.trainPair(0, 1, [2, 3, 4], lr);
    expect(l).toBeCloseTo(g.loss, 5);
    for (let d = 0; d < D; d++) {
      expect(m.input[d]).toBeCloseTo(vc[d]! - lr * g.dCenter[d]!, 6);
      expect(m.output[D + d]).toBeCloseTo(uo[d]! - lr * g.dContext[d]!, 6);
      for (let k = 0; k < 3; k++) expect(m.output[(2 + k) * D + d]).toBeCloseTo(uNeg[k]![d]! - lr * g.dNegatives[k]![d]!, 6);
    }
  });

  it('skips a negative that is the context word itself, as word2vec does', () => {
    const m = new SgnsModel(3, D);
    m.input.set(vc, 0);
    m.output.set(uo, D);
    const l = m.trainPair(0, 1, [1, 1], 0.1);
    expect(l).toBeCloseTo(pairGradient(vc, uo, []).loss, 5);
  });

  it('−log σ stays finite and accurate far out', () => {
    expect(negLogSigmoid(800)).toBeGreaterThanOrEqual(0);
    expect(negLogSigmoid(800)).toBeLessThan(1e-300);
    expect(negLogSigmoid(-800)).toBeCloseTo(800, 9);
    expect(negLogSigmoid(0)).toBeCloseTo(Math.log(2), 12);
  });
});
