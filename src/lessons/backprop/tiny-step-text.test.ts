import { describe, expect, it } from 'vitest';
import { i18next, registerStrings } from '../../i18n';
import { DEFAULT_TINY_INPUT, DEFAULT_TINY_PARAMS, forward, update } from '../../ml/backprop/tiny-net';
import { backward, tinySteps } from '../../ml/backprop/tiny-net-backward';
import { BP_STRINGS } from './strings';
import { forwardTex, stepTitle, updateTex } from './tiny-step-text';

registerStrings('bp', BP_STRINGS);

describe('tiny stepper text', () => {
  it('writes each forward formula with its numbers', () => {
    const v = forward(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, 1, 'sigmoid').values;
    expect(forwardTex('z1', v, 'sigmoid')).toBe('z_1 = w_{11}x_1 + w_{12}x_2 + b_1 = 0.15\\cdot 0.05 + 0.2\\cdot 0.1 + 0.35 = 0.3775');
    expect(forwardTex('h1', v, 'sigmoid')).toContain('\\frac{1}{1 + e^{-0.3775}} = 0.5933');
    expect(forwardTex('h1', v, 'tanh')).toContain('\\tanh(0.3775)');
    expect(forwardTex('L', v, 'sigmoid')).toMatch(/^L = \\tfrac\{1\}\{2\}\(\\hat\{y\} - t\)\^2 = \\tfrac\{1\}\{2\}\(0\.\d+ - 1\)\^2 = 0\.\d+$/);
    const neg = forward({ ...DEFAULT_TINY_PARAMS, w11: -2, b1: -0.5 }, { x1: -1, x2: 0.1 }, 1, 'tanh').values;
    expect(forwardTex('z1', neg, 'tanh')).toBe('z_1 = w_{11}x_1 + w_{12}x_2 + b_1 = (-2)\\cdot (-1) + 0.2\\cdot 0.1 - 0.5 = 1.52');
  });

  it('writes the update and step titles', () => {
    const p = DEFAULT_TINY_PARAMS;
    const bw = backward(forward(p, DEFAULT_TINY_INPUT, 1, 'sigmoid'));
    const next = update(p, bw.params, 0.5);
    const t = updateTex(p, bw.params, 0.5, next);
    expect(t).toContain('w_{11} &\\leftarrow 0.15 - 0.5\\cdot (-0.001902) = 0.151');
    const steps = tinySteps();
    expect(steps.map(stepTitle)).toContain('Backward: ∂L/∂w₁₁');
    expect(stepTitle(undefined)).toMatch(/nothing computed/);
  });

  it('titles the steps in Chinese too', async () => {
    await i18next.changeLanguage('zh');
    try {
      expect(tinySteps().map(stepTitle)).toContain('反向：∂L/∂w₁₁');
      expect(stepTitle(undefined)).toMatch(/还没有计算/);
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
