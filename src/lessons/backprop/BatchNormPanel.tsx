import { useTranslation } from 'react-i18next';
import { Tex } from '../../components/math/Tex';
import { fmt } from '../../format';
import type { MlpView } from '../../ml/tasks/mlp-view';
import { bnEvalTex, bnRunningTex, bnStatsTex, bnTrainTex } from './bn-tex';

/** One line of display maths that wraps at its = and + signs in a narrow column. */
function Line({ math }: { math: string }) {
  return (
    <div className="tex-wrap">
      <Tex math={`\\displaystyle ${math}`} />
    </div>
  );
}

/** "mean μ_B" as text with a real subscript (no stray underscore on screen). */
function withSubscript(label: string) {
  const m = /^(.*?)_([A-Za-z])(.*)$/.exec(label);
  return m ? (
    <>
      {m[1]}
      <sub>{m[2]}</sub>
      {m[3]}
    </>
  ) : (
    label
  );
}

/**
 * Batch norm of hidden layer 1, unit 1 with the last training step's numbers: train mode (the
 * batch's μ_B, σ²_B) and eval mode (the running averages) for the same weighted sum z.
 */
export function BatchNormPanel({ bn, batchSize }: { bn: MlpView['batchNorm']; batchSize: number }) {
  const { t } = useTranslation('bp');
  if (!bn) return null;
  const p = bn.probe;
  const item = (key: string, id: string, v: number | undefined) => (
    <div>
      <dt>{withSubscript(t(key))}</dt>
      <dd data-testid={id} data-value={v ?? ''}>
        {fmt(v)}
      </dd>
    </div>
  );
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
          <Line math={bnStatsTex(p)} />
          <Line math={bnTrainTex(p, bn.epsilon)} />
          <p>{t('mlp.bnEval')}</p>
          <Line math={bnEvalTex(p, bn.epsilon)} />
          <p>{t('mlp.bnRunning')}</p>
          <Line math={bnRunningTex(bn.momentum)} />
        </>
      ) : (
        <p className="control-hint">{t('mlp.bnWaiting')}</p>
      )}
    </section>
  );
}
