import { Tex } from '../../../components/math/Tex';
import { useTranslation } from 'react-i18next';
import { fmt, tex } from '../../../format';
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
  const { t } = useTranslation('gd');
  const a = tex(gradLr, 3);
  const aa = tex(adaptiveLr, 3);
  const rules: Record<RaceOptimizerName, { math: string; note: string }> = {
    sgd: {
      math: `\\theta \\leftarrow \\theta - ${a}\\, g`,
      note: t('rule.sgd'),
    },
    momentum: {
      math: `v \\leftarrow ${tex(beta, 3)}\\, v + g, \\qquad \\theta \\leftarrow \\theta - ${a}\\, v`,
      note: t('rule.momentum', { gain: fmt(1 / (1 - beta), 3) }),
    },
    nesterov: {
      math: `v \\leftarrow ${tex(beta, 3)}\\, v + g, \\qquad \\theta \\leftarrow \\theta - ${a}\\,(g + ${tex(beta, 3)}\\, v)`,
      note: t('rule.nesterov'),
    },
    rmsprop: {
      math: `s \\leftarrow ${tex(rho, 3)}\\, s + ${tex(1 - rho, 3)}\\, g^2, \\qquad \\theta \\leftarrow \\theta - \\frac{${aa}\\, g}{\\sqrt{s + \\epsilon}}`,
      note: t('rule.rmsprop'),
    },
    adam: {
      math: `\\begin{aligned} m &\\leftarrow ${tex(beta1, 3)}\\, m + ${tex(1 - beta1, 3)}\\, g, \\quad v \\leftarrow ${tex(beta2, 4)}\\, v + ${tex(1 - beta2, 3)}\\, g^2 \\\\ \\theta &\\leftarrow \\theta - ${aa}\\, \\frac{m / (1 - ${tex(beta1, 3)}^t)}{\\sqrt{v / (1 - ${tex(beta2, 4)}^t)} + \\epsilon} \\end{aligned}`,
      note: t('rule.adam'),
    },
  };
  return (
    <div className="rules">
      {racers.map((r) => (
        <div key={r} className="rule">
          <h4>{t(`opt.${r}`)}</h4>
          <Tex block math={rules[r].math} />
          <p>{rules[r].note}</p>
        </div>
      ))}
    </div>
  );
}
