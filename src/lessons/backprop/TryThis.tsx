import { useTranslation } from 'react-i18next';
import { TryThisList } from '../../components/TryThisList';
/** A ready-made setting of the MLP playground, with a title and a hint (strings: tryThis.<id>). */
export interface Experiment {
  id: 'deepSigmoid' | 'deepSigmoidBn' | 'deepRelu' | 'xorCross' | 'circleSquares' | 'spiral3' | 'overfit';
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
  { id: 'deepSigmoidBn', params: { ...deep('sigmoid'), bn: '1' } },
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
  return (
    <TryThisList
      items={EXPERIMENTS}
      heading={t('tryThis.heading')}
      level={2}
      className="try-this bp-try"
      regionLabel={t('tryThis.heading')}
      title={(e) => t(`tryThis.${e.id}`)}
      hint={(e) => t(`tryThis.${e.id}Hint`)}
      onTry={onTry}
    />
  );
}
