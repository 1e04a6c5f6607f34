import { useTranslation } from 'react-i18next';
import { WrapTex } from '../../components/math/WrapTex';
import { SubscriptReadout } from '../../components/SubscriptReadout';
import type { MlpView } from '../../ml/tasks/mlp-view';
import { bnEvalTex, bnRunningTex, bnStatsTex, bnTrainTex } from './bn-tex';

/**
 * Batch norm of hidden layer 1, unit 1 with the last training step's numbers: train mode (the
 * batch's μ_B, σ²_B) and eval mode (the running averages) for the same weighted sum z.
 */
export function BatchNormPanel({ bn, batchSize }: { bn: MlpView['batchNorm']; batchSize: number }) {
  const { t } = useTranslation('bp');
  if (!bn) return null;
  const p = bn.probe;
  const item = (key: string, id: string, v: number | undefined) => <SubscriptReadout label={t(key)} testId={id} value={v} />;
  return (
    <section className="bp-bn" aria-label={t('mlp.bnHeading')} data-testid="bn-panel">
      <h3>{t('mlp.bnHeading')}</h3>
      <dl className="readout bp-bn-readout">
        {item('mlp.bnMu', 'bn-mu', p?.batchMean)}
        {item('mlp.bnVar', 'bn-var', p?.batchVar)}
        {item('mlp.bnGamma', 'bn-gamma', p?.gamma)}
        {item('mlp.bnBeta', 'bn-beta', p?.beta)}
      </dl>
      {p ? (
        <>
          <p>{t('mlp.bnTrain', { m: batchSize })}</p>
          <WrapTex math={bnStatsTex(p)} />
          <WrapTex math={bnTrainTex(p, bn.epsilon)} />
          <p>{t('mlp.bnEval')}</p>
          <WrapTex math={bnEvalTex(p, bn.epsilon)} />
          <p>{t('mlp.bnRunning')}</p>
          <WrapTex math={bnRunningTex(bn.momentum)} />
        </>
      ) : (
        <p className="control-hint">{t('mlp.bnWaiting')}</p>
      )}
    </section>
  );
}
