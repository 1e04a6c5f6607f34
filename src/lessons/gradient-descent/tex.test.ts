import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { LinRegView } from '../../ml/tasks/linear-regression';
import * as X from './tex';

const render = (math: string) => katex.renderToString(math, { throwOnError: true, strict: 'ignore', displayMode: true });

describe('the lesson formulas (shared by the English and Chinese prose)', () => {
  it('every fixed formula is valid KaTeX', () => {
    const fixed = Object.entries(X).filter(([, v]) => typeof v === 'string') as [string, string][];
    expect(fixed.length).toBeGreaterThan(20);
    for (const [name, math] of fixed) expect(() => render(math), name).not.toThrow();
  });

  it('formulas with the page’s numbers are valid KaTeX, extreme values included', () => {
    for (const m of [X.sigmaIs(0.5), X.mIs(200), X.miniBatchRange(200), X.stepsPerEpoch(200)]) expect(() => render(m)).not.toThrow();
    for (const l of [4.27, 1e-9, 1e9]) {
      for (const m of [X.lambdaMaxIs(l), X.lambdaMinIs(l), X.smoothRange(l), X.zigzagRange(l), X.divergeRange(l), X.conditionIs(l, 0.3)]) {
        expect(() => render(m)).not.toThrow();
      }
    }
  });

  it('the live step formulas carry the engine’s numbers', () => {
    const view = { w: 1.5, b: 0.5, prevW: 1.2, prevB: 0.4, gradW: -3, gradB: -1, learningRate: 0.1, batchSize: 32, batchLoss: 2.5, optimizer: 'sgd' } as unknown as LinRegView & { batchLoss: number };
    const x = X.liveTex(view);
    for (const m of Object.values(x)) expect(() => render(m)).not.toThrow();
    expect(x.sgdUpdate).toContain('1.2 - 0.1\\times (-3) \\\\ &= 1.5');
    expect(x.m).toBe('m = 32');
  });

  it('the Chinese rule names change only the label, not the formula', () => {
    expect(X.MOMENTUM_RULE_ZH.replace('动量法：', 'Momentum: ')).toBe(X.MOMENTUM_RULE);
    expect(X.ADAM_RULE_ZH.replace('Adam：', 'Adam: ')).toBe(X.ADAM_RULE);
  });
});
