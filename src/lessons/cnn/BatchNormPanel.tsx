import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Tex } from '../../components/math/Tex';
import { fmt, fmtInt } from '../../format';
import type { CnnBatchNormView } from '../../ml/tasks/mnist-view';
import { bnEvalTex, bnRunningTex, bnTrainTex, cnnBnStatsTex } from './bn-tex';

/** One line of display maths that wraps at its = and + signs in a narrow column. */
function Line({ math }: { math: string }) {
  return (
    <div className="cnn-tex-wrap">
      <Tex math={`\\displaystyle ${math}`} />
    </div>
  );
}

/** "batch mean μ_B" as text with a real subscript (no stray underscore on screen). */
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
 * Batch norm of block 1, channel 1 with the last training step's numbers: the channel's μ_B and
 * σ²_B over the batch's m·H·W values, one value's x̂ and y in train mode, and the same value in
 * eval mode with the running averages.
 */
export const BatchNormPanel = memo(function BatchNormPanel({ bn }: { bn: CnnBatchNormView | null }) {
  const { t } = useTranslation('cnn');
  if (!bn) return null;
  const p = bn.probe;
  const b = bn.batch;
  const item = (key: string, id: string, v: number | undefined) => (
    <div>
      <dt>{withSubscript(t(key))}</dt>
      <dd data-testid={id} data-value={v ?? ''}>
        {fmt(v)}
      </dd>
    </div>
  );
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
          <Line math={cnnBnStatsTex(p, b.m * b.height * b.width)} />
          <Line math={bnTrainTex(p, bn.epsilon)} />
          <p>{t('bn.eval')}</p>
          <Line math={bnEvalTex(p, bn.epsilon)} />
          <p>{t('bn.running')}</p>
          <Line math={bnRunningTex(bn.momentum)} />
        </>
      ) : (
        <p className="control-hint">{t('bn.waiting')}</p>
      )}
    </section>
  );
});
