import { Tex } from '../../../components/math/Tex';
import { tex } from '../../../format';
import type { RaceOptimizerName } from '../../../ml/train/optimizer-names';

interface Props {
  racers: readonly RaceOptimizerName[];
  gradLr: number;
  adaptiveLr: number;
  beta: number;
  beta1: number;
  beta2: number;
  rho: number;
}

/**
 * Each racing optimiser's update rule exactly as tfjs 4.22 computes it
 * (checked step by step in surface-race.test.ts), with the live settings.
 * g is the gradient at the current point; slots start at zero; ε = 10⁻⁷.
 */
export function OptimizerRules({ racers, gradLr, adaptiveLr, beta, beta1, beta2, rho }: Props) {
  const a = tex(gradLr, 3);
  const aa = tex(adaptiveLr, 3);
  const rules: Record<RaceOptimizerName, { name: string; math: string; note: string }> = {
    sgd: {
      name: 'SGD',
      math: `\\theta \\leftarrow \\theta - ${a}\\, g`,
      note: 'A step against the gradient, proportional to its size.',
    },
    momentum: {
      name: 'Momentum',
      math: `v \\leftarrow ${tex(beta, 3)}\\, v + g, \\qquad \\theta \\leftarrow \\theta - ${a}\\, v`,
      note: `v is a running sum of gradients. Where they agree, steps grow up to 1/(1 − β) = ${tex(1 / (1 - beta), 3)} times; where they flip sign, they cancel.`,
    },
    nesterov: {
      name: 'Nesterov',
      math: `v \\leftarrow ${tex(beta, 3)}\\, v + g, \\qquad \\theta \\leftarrow \\theta - ${a}\\,(g + ${tex(beta, 3)}\\, v)`,
      note: 'Momentum that steps as if it had already moved along v: it brakes earlier when the valley turns.',
    },
    rmsprop: {
      name: 'RMSProp',
      math: `s \\leftarrow ${tex(rho, 3)}\\, s + ${tex(1 - rho, 3)}\\, g^2, \\qquad \\theta \\leftarrow \\theta - \\frac{${aa}\\, g}{\\sqrt{s + \\epsilon}}`,
      note: 'Each coordinate is divided by the running size of its own gradient, so steep and flat directions move at similar speeds.',
    },
    adam: {
      name: 'Adam',
      math: `\\begin{aligned} m &\\leftarrow ${tex(beta1, 3)}\\, m + ${tex(1 - beta1, 3)}\\, g, \\quad v \\leftarrow ${tex(beta2, 4)}\\, v + ${tex(1 - beta2, 3)}\\, g^2 \\\\ \\theta &\\leftarrow \\theta - ${aa}\\, \\frac{m / (1 - ${tex(beta1, 3)}^t)}{\\sqrt{v / (1 - ${tex(beta2, 4)}^t)} + \\epsilon} \\end{aligned}`,
      note: 'Momentum (m) and RMSProp-style scaling (v) together, with a correction for both starting at zero; each step is about α long.',
    },
  };
  return (
    <div className="rules">
      {racers.map((r) => (
        <div key={r} className="rule">
          <h4>{rules[r].name}</h4>
          <Tex block math={rules[r].math} />
          <p>{rules[r].note}</p>
        </div>
      ))}
    </div>
  );
}
