import { useTranslation } from 'react-i18next';
import { isLocked, useEmbed } from '../../embed/context';

/** A ready-made setting of the MLP playground, with a title and a hint (strings: tryThis.<id>). */
export interface Experiment {
  id: 'deepSigmoid' | 'deepRelu' | 'xorCross' | 'circleSquares' | 'spiral3' | 'overfit';
  params: Record<string, string>;
}

const deep = (act: string): Record<string, string> => ({
  ds: 'circle',
  layers: '6',
  h1: '8',
  h2: '8',
  h3: '8',
  h4: '8',
  h5: '8',
  h6: '8',
  act,
  opt: 'sgd',
  lr: '0.03',
});

export const EXPERIMENTS: Experiment[] = [
  { id: 'deepSigmoid', params: deep('sigmoid') },
  { id: 'deepRelu', params: deep('relu') },
  { id: 'xorCross', params: { ds: 'xor', layers: '0', feat: 'x1x2' } },
  { id: 'circleSquares', params: { ds: 'circle', layers: '0', feat: 'x1sq,x2sq' } },
  {
    id: 'spiral3',
    params: { ds: 'spiral3', feat: 'x1,x2,sinx1,sinx2', layers: '2', h1: '8', h2: '8', batch: '30', test: '0.2', n: '300' },
  },
  {
    id: 'overfit',
    params: { ds: 'gaussians', n: '60', noise: '0.6', layers: '3', h1: '8', h2: '8', h3: '8', act: 'relu', lr: '0.03', batch: '10' },
  },
];

export function TryThis({ onTry }: { onTry: (e: Experiment) => void }) {
  const { t } = useTranslation('bp');
  const embed = useEmbed();
  return (
    <section className="try-this bp-try" aria-label={t('tryThis.heading')}>
      <h2>{t('tryThis.heading')}</h2>
      <ul>
        {EXPERIMENTS.map((e) => (
          <li key={e.id}>
            {/* An experiment that needs a setting the embedding page locks cannot be tried here. */}
            <button type="button" onClick={() => onTry(e)} disabled={Object.keys(e.params).some((k) => isLocked(embed, k))}>
              {t(`tryThis.${e.id}`)}
            </button>{' '}
            <span>{t(`tryThis.${e.id}Hint`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
