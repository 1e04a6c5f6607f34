import { describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import {
  DEFAULT_TINY_INPUT,
  DEFAULT_TINY_PARAMS,
  DEFAULT_TINY_TARGET,
  TINY_NODES,
  TINY_PARAMS,
  finiteDifference,
  forward,
  tinyLoss,
  update,
  type TinyActivation,
  type TinyParams,
} from './tiny-net';
import { BACKWARD_ORDER, FORWARD_ORDER, backward, revealedAt, tinySteps } from './tiny-net-backward';
import { chainRuleTex, texNumber } from './tiny-net-tex';

const ACTS: TinyActivation[] = ['sigmoid', 'tanh'];

function randomParams(seed: number): TinyParams {
  const rng = createRng(seed);
  const p = {} as TinyParams;
  for (const n of TINY_PARAMS) p[n] = 1.4 * rng.normal();
  return p;
}

describe('tiny net forward', () => {
  it('computes the textbook numbers for the default example (sigmoid)', () => {
    const f = forward(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, DEFAULT_TINY_TARGET, 'sigmoid');
    const v = f.values;
    expect(v.z1).toBeCloseTo(0.15 * 0.05 + 0.2 * 0.1 + 0.35, 15);
    expect(v.h1).toBeCloseTo(1 / (1 + Math.exp(-v.z1)), 15);
    expect(v.yhat).toBeCloseTo(0.4 * v.h1 + 0.45 * v.h2 + 0.1, 15);
    expect(v.L).toBeCloseTo(0.5 * (v.yhat - 1) ** 2, 15);
    expect(f.nodes.map((n) => n.id)).toEqual([...TINY_NODES]);
  });

  it('lists nodes in topological order: every edge goes from an earlier node to a later one', () => {
    const f = forward(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, 1, 'tanh');
    const pos = (id: string) => TINY_NODES.indexOf(id as (typeof TINY_NODES)[number]);
    for (const e of f.edges) expect(pos(e.from)).toBeLessThan(pos(e.to));
    // 2 × (2 inputs + 2 weights + bias + activation + h→ŷ + v→ŷ) + c + ŷ→L + t→L
    expect(f.edges).toHaveLength(19);
  });

  it('gives each edge its local derivative (sigmoid′ = h(1 − h), tanh′ = 1 − h²)', () => {
    for (const a of ACTS) {
      const f = forward(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, 1, a);
      const edge = (from: string, to: string) => f.edges.find((e) => e.from === from && e.to === to)!;
      const h1 = f.values.h1;
      expect(edge('z1', 'h1').value).toBeCloseTo(a === 'sigmoid' ? h1 * (1 - h1) : 1 - h1 * h1, 15);
      expect(edge('w12', 'z1').value).toBe(DEFAULT_TINY_INPUT.x2);
      expect(edge('h2', 'yhat').value).toBe(DEFAULT_TINY_PARAMS.v2);
      expect(edge('yhat', 'L').value).toBeCloseTo(f.values.yhat - 1, 15);
      expect(edge('yhat', 'L').label).toBe('\\frac{\\partial L}{\\partial \\hat{y}}');
    }
  });
});

describe('tiny net backward', () => {
  it('equals central finite differences to 1e-6 in float64, for random weights and both activations', () => {
    for (const a of ACTS) {
      for (let seed = 1; seed <= 20; seed++) {
        const p = randomParams(seed);
        const x = { x1: p.w11 * 1.3, x2: -p.v1 };
        const t = p.c - 0.5;
        const bw = backward(forward(p, x, t, a));
        const fd = finiteDifference(p, x, t, a, 1e-6);
        for (const n of TINY_PARAMS) expect(Math.abs(bw.params[n] - fd[n])).toBeLessThan(1e-6);
      }
    }
  });

  it('sums the products along every path to each node, and each parameter and h_j has exactly one path', () => {
    const bw = backward(forward(randomParams(3), { x1: 0.7, x2: -1.1 }, 0.25, 'tanh'));
    for (const id of TINY_NODES) {
      const viaPaths = bw.paths[id].reduce((s, path) => s + path.reduce((q, f) => q * f.value, 1), 0);
      expect(viaPaths).toBeCloseTo(bw.grads[id], 14);
    }
    for (const n of [...TINY_PARAMS, 'h1', 'h2', 'z1', 'z2', 'yhat'] as const) expect(bw.paths[n]).toHaveLength(1);
    expect(bw.paths.x1).toHaveLength(2);
    expect(bw.paths.w11[0]!.map((f) => `${f.to}/${f.from}`)).toEqual(['L/yhat', 'yhat/h1', 'h1/z1', 'z1/w11']);
    expect(bw.paths.c[0]!.map((f) => f.from)).toEqual(['yhat', 'c']);
  });

  it('uses a reverse topological order that visits every node once', () => {
    expect([...BACKWARD_ORDER].sort()).toEqual([...TINY_NODES].sort());
    const f = forward(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, 1, 'sigmoid');
    for (const e of f.edges) expect(BACKWARD_ORDER.indexOf(e.to)).toBeLessThan(BACKWARD_ORDER.indexOf(e.from));
  });

  it('an update step with a small learning rate lowers the loss by about α‖∇L‖²', () => {
    const p = DEFAULT_TINY_PARAMS;
    const x = DEFAULT_TINY_INPUT;
    const bw = backward(forward(p, x, 1, 'sigmoid'));
    const lr = 1e-3;
    const next = update(p, bw.params, lr);
    expect(next.v1).toBeCloseTo(p.v1 - lr * bw.params.v1, 15);
    const g2 = TINY_PARAMS.reduce((s, n) => s + bw.params[n] ** 2, 0);
    const drop = tinyLoss(p, x, 1, 'sigmoid') - tinyLoss(next, x, 1, 'sigmoid');
    expect(drop / (lr * g2)).toBeCloseTo(1, 2);
  });
});

describe('tiny net stepper', () => {
  it('steps forward node by node, then the loss, then backward node by node, then the update', () => {
    const steps = tinySteps();
    expect(steps.slice(0, 6).map((s) => ('node' in s ? s.node : s.phase))).toEqual([...FORWARD_ORDER, 'L']);
    expect(steps[5]!.phase).toBe('loss');
    expect(steps.at(-1)!.phase).toBe('update');
    const back = steps.filter((s) => s.phase === 'backward').map((s) => ('node' in s ? s.node : ''));
    expect(back[0]).toBe('yhat');
    expect(back).toHaveLength(TINY_NODES.length - 2); // all but L (shown with the loss) and t
    const before = revealedAt(steps, -1);
    expect(before.values.has('x1') && before.values.has('w11') && !before.values.has('z1')).toBe(true);
    const atLoss = revealedAt(steps, 5);
    expect(atLoss.values.has('L') && atLoss.grads.has('L') && !atLoss.grads.has('yhat')).toBe(true);
    const end = revealedAt(steps, steps.length - 1);
    expect(end.updated && end.grads.has('w22')).toBe(true);
  });

  it('renders the chain rule with real numbers in KaTeX', () => {
    const bw = backward(forward(DEFAULT_TINY_PARAMS, DEFAULT_TINY_INPUT, 1, 'sigmoid'));
    const tex = chainRuleTex(bw, 'w11');
    expect(tex.startsWith('\\frac{\\partial L}{\\partial w_{11}} = \\frac{\\partial L}{\\partial \\hat{y}} \\cdot')).toBe(
      true,
    );
    expect(tex).toContain('(\\hat{y}-t) \\cdot v_1 \\cdot h_1(1-h_1) \\cdot x_1');
    expect(tex.endsWith(`= ${texNumber(bw.grads.w11)}`)).toBe(true);
    // Two paths into x₁: a sum of two products.
    expect(chainRuleTex(bw, 'x1', { symbolic: false }).split(' + ')).toHaveLength(3);
    expect(chainRuleTex(bw, 'h1', { form: 'local', symbolic: false })).toMatch(
      /^\\frac\{\\partial L\}\{\\partial h_1\} = \\frac\{\\partial L\}\{\\partial \\hat\{y\}\} \\cdot \\frac\{\\partial \\hat\{y\}\}\{\\partial h_1\} = \(-0\.\d+\) \\cdot 0\.4 = -0\.\d+$/,
    );
    expect(chainRuleTex(bw, 'yhat')).toBe(`\\frac{\\partial L}{\\partial \\hat{y}} = \\hat{y}-t = ${texNumber(bw.grads.yhat)}`);
    expect(texNumber(1.5e-7)).toBe('1.5\\times 10^{-7}');
    expect(texNumber(-0.25)).toBe('-0.25');
  });
});
