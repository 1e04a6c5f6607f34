import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { WrapTex } from '../../components/math/WrapTex';
import { SubscriptReadout } from '../../components/SubscriptReadout';
import { fmtInt } from '../../format';
import type { CnnBatchNormView } from '../../ml/tasks/mnist-view';
import { bnEvalTex, bnRunningTex, bnTrainTex, cnnBnStatsTex } from './bn-tex';

/**
 * Batch norm of block 1, channel 1 with the last training step's numbers: the channel's μ_B and
 * σ²_B over the batch's m·H·W values, one value's x̂ and y in train mode, and the same value in
 * eval mode with the running averages.
 */
export const BatchNormPanel = memo(function BatchNormPanel({ bn }: { bn: CnnBatchNormView | null }) {
  const { t } = useTranslation('cnn');
  if (!bn) return null;
  const p = bn.probe;
  const b = bn.batch;
  const item = (key: string, id: string, v: number | undefined) => <SubscriptReadout label={t(key)} testId={id} value={v} />;
  return (
    <section className="cnn-panel cnn-bn" aria-label={t('bn.heading')} data-testid="cnn-bn-panel">
      <h3>{t('bn.heading')}</h3>
      <dl className="readout cnn-bn-readout">
        {item('bn.mu', 'cnn-bn-mu', p?.batchMean)}
        {item('bn.variance', 'cnn-bn-var', p?.batchVar)}
        {item('bn.gamma', 'cnn-bn-gamma', p?.gamma)}
        {item('bn.beta', 'cnn-bn-beta', p?.beta)}
        {item('bn.runningMean', 'cnn-bn-running-mean', p?.runningMean)}
        {item('bn.runningVar', 'cnn-bn-running-var', p?.runningVar)}
      </dl>
      {p && b ? (
        <>
          <p>{t('bn.train', { m: b.m, h: b.height, w: b.width, count: fmtInt(b.m * b.height * b.width) })}</p>
          <WrapTex math={cnnBnStatsTex(p, b.m * b.height * b.width)} />
          <WrapTex math={bnTrainTex(p, bn.epsilon)} />
          <p>{t('bn.eval')}</p>
          <WrapTex math={bnEvalTex(p, bn.epsilon)} />
          <p>{t('bn.running')}</p>
          <WrapTex math={bnRunningTex(bn.momentum)} />
        </>
      ) : (
        <p className="control-hint">{t('bn.waiting')}</p>
      )}
    </section>
  );
});
