import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { describeModel, type LayerInfo, type MnistModelSpec, type ModelDescription } from '../../ml/cnn/architecture';
import { fmtInt } from '../../format';
import { useProse } from './prose';

function layerText(t: TFunction<'cnn'>, l: LayerInfo): string {
  const s = l.layer;
  switch (s.type) {
    case 'conv2d':
      return t(s.bias ? 'params.conv' : 'params.convNoBias', { k: s.kernel, filters: s.filters, padding: s.padding });
    case 'batchnorm':
      return t('params.batchNorm', { channels: s.channels });
    case 'pool':
      return t(s.pooling === 'max' ? 'params.maxPool' : 'params.avgPool', { size: s.size });
    case 'flatten':
      return t('params.flatten');
    case 'dropout':
      return t('params.dropout', { rate: s.rate });
    case 'dense':
      return t(s.activation === 'softmax' ? 'params.denseSoftmax' : 'params.dense', { units: s.units });
  }
}

function formula(l: LayerInfo): string {
  const s = l.layer;
  if (s.type === 'conv2d') return `${s.kernel}·${s.kernel}·${s.inChannels}·${s.filters}${s.bias ? ` + ${s.filters}` : ''}`;
  if (s.type === 'batchnorm') return `2·${s.channels}`;
  if (s.type === 'dense') return `${fmtInt(s.inputs)}·${s.units} + ${s.units}`;
  return '';
}

function ModelTable({ id, title, d }: { id: string; title: string; d: ModelDescription }) {
  const { t } = useTranslation('cnn');
  return (
    <table className="cnn-params">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('params.layer')}</th>
          <th scope="col">{t('params.output')}</th>
          <th scope="col">{t('params.parameters')}</th>
        </tr>
      </thead>
      <tbody>
        {d.layers.map((l) => (
          <tr key={l.layer.name}>
            <td>{layerText(t, l)}</td>
            <td>{l.outputShape.join('×')}</td>
            <td>
              {l.params > 0 ? (
                <>
                  {fmtInt(l.params)} <small>= {formula(l)}</small>
                </>
              ) : (
                '0'
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {t('params.total')}
          </th>
          <td data-testid={`params-${id}`} data-value={d.totalParams}>
            <b>{fmtInt(d.totalParams)}</b>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * Parameter counts of the small CNN and the MLP (and the learner's custom CNN), all from
 * describeModel — the same arithmetic as the built model — and what they mean.
 */
export function ParamCompare({ custom }: { custom: MnistModelSpec | null }) {
  const { t } = useTranslation('cnn');
  const P = useProse();
  const cnn = useMemo(() => describeModel({ kind: 'seed-cnn' }), []);
  const mlp = useMemo(() => describeModel({ kind: 'seed-mlp' }), []);
  const mine = useMemo(() => (custom && custom.kind === 'custom-cnn' ? describeModel(custom) : null), [custom]);
  const conv = cnn.layers.find((l) => l.layer.type === 'conv2d')!;
  const dense = cnn.layers.find((l) => l.layer.type === 'dense')!;
  const [h, w, f] = conv.outputShape as [number, number, number];
  const convOutputs = h * w * f;
  return (
    <div>
      <div className="cnn-param-tables">
        <ModelTable id="cnn" title={t('params.cnn')} d={cnn} />
        <ModelTable id="mlp" title={t('params.mlp')} d={mlp} />
        {mine && <ModelTable id="custom" title={t('params.custom')} d={mine} />}
      </div>
      <P.ParamCompareText
        n={{
          cnnTotal: cnn.totalParams,
          mlpTotal: mlp.totalParams,
          denseShare: dense.params / cnn.totalParams,
          pooled: cnn.layers.find((l) => l.layer.type === 'pool')!.outputShape,
          denseInputs: dense.inputShape[0] ?? 0,
          convParams: conv.params,
          convShape: [h, w, f],
          convOutputs,
          denseEquivalent: 784 * convOutputs + convOutputs,
        }}
      />
    </div>
  );
}
