import { useTranslation } from 'react-i18next';
import { isLocked, useEmbed } from '../../../embed/context';

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
  const embed = useEmbed();
  const blocked = (e: Experiment) => Object.keys(e.params).some((k) => isLocked(embed, k));
  const anyBlocked = EXPERIMENTS.some(blocked);
  return (
    <div className="try-this">
      <h3>{t('try.heading')}</h3>
      {anyBlocked && <p className="notice-inline">{t('try.locked')}</p>}
      <ul>
        {EXPERIMENTS.map((e) => (
          <li key={e.id}>
            <button type="button" onClick={() => onTry(e)} disabled={blocked(e)}>
              {t(`try.${e.id}.title`)}
            </button>{' '}
            <span>{t(`try.${e.id}.look`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
