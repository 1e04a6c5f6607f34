import { useTranslation } from 'react-i18next';
import { TryThisList } from '../../../components/TryThisList';

/** One-click experiments: each sets the explorer's URL keys and says what to look for (text in strings.ts, try.<id>). */
export interface Experiment {
  id: 'valley' | 'tooLarge' | 'saddle' | 'rosenbrock' | 'himmelblau' | 'noise';
  params: Record<string, string>;
}

export const EXPERIMENTS: readonly Experiment[] = [
  { id: 'valley', params: { surf: 'bowl', kappa: '50', racers: 'sgd,momentum', slr: '0.035', beta: '0.9' } },
  { id: 'tooLarge', params: { surf: 'bowl', kappa: '10', racers: 'sgd', slr: '0.21' } },
  { id: 'saddle', params: { surf: 'saddle', racers: 'sgd,momentum,adam', sx: '0.001', sy: '1.5' } },
  { id: 'rosenbrock', params: { surf: 'rosenbrock', racers: 'sgd,momentum,adam' } },
  { id: 'himmelblau', params: { surf: 'himmelblau', racers: 'sgd,momentum,nesterov,rmsprop,adam' } },
  { id: 'noise', params: { surf: 'bowl', kappa: '10', racers: 'sgd,adam', gnoise: '2' } },
];

/**
 * The experiments as buttons. An experiment that would change a setting the
 * embedding page has locked is disabled: half of it would not be the experiment.
 */
export function TryThis({ onTry }: { onTry: (e: Experiment) => void }) {
  const { t } = useTranslation('gd');
  return (
    <TryThisList
      items={EXPERIMENTS}
      heading={t('try.heading')}
      level={3}
      className="try-this"
      title={(e) => t(`try.${e.id}.title`)}
      hint={(e) => t(`try.${e.id}.look`)}
      lockedNote={t('try.locked')}
      onTry={onTry}
    />
  );
}
