import { useMemo } from 'react';
import { Tex } from '../../components/math/Tex';
import { describeModel, type LayerInfo, type MnistModelSpec, type ModelDescription } from '../../ml/cnn/architecture';
import { fmtInt } from '../../format';

/** An integer for KaTeX: thousands separators as {,} so no space follows them. */
const texInt = (v: number) => fmtInt(v).replace(/,/g, '{,}');

function layerText(l: LayerInfo): string {
  const s = l.layer;
  switch (s.type) {
    case 'conv2d':
      return `conv ${s.kernel}×${s.kernel} × ${s.filters}, ${s.padding}, ReLU`;
    case 'pool':
      return `${s.pooling}-pool ${s.size}×${s.size}`;
    case 'flatten':
      return 'flatten';
    case 'dropout':
      return `dropout ${s.rate}`;
    case 'dense':
      return s.activation === 'softmax' ? `dense ${s.units}, softmax` : `dense ${s.units}, ReLU`;
  }
}

function formula(l: LayerInfo): string {
  const s = l.layer;
  if (s.type === 'conv2d') return `${s.kernel}·${s.kernel}·${s.inChannels}·${s.filters} + ${s.filters}`;
  if (s.type === 'dense') return `${fmtInt(s.inputs)}·${s.units} + ${s.units}`;
  return '';
}

function ModelTable({ title, d }: { title: string; d: ModelDescription }) {
  return (
    <table className="cnn-params">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">layer</th>
          <th scope="col">output</th>
          <th scope="col">parameters</th>
        </tr>
      </thead>
      <tbody>
        {d.layers.map((l) => (
          <tr key={l.layer.name}>
            <td>{layerText(l)}</td>
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
            total
          </th>
          <td data-testid={`params-${title.split(' ')[0]!.toLowerCase()}`} data-value={d.totalParams}>
            <b>{fmtInt(d.totalParams)}</b>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * Parameter counts of the seed CNN and the MLP (and the learner's custom CNN), all from
 * describeModel — the same arithmetic as the built model — and what they mean.
 */
export function ParamCompare({ custom }: { custom: MnistModelSpec | null }) {
  const cnn = useMemo(() => describeModel({ kind: 'seed-cnn' }), []);
  const mlp = useMemo(() => describeModel({ kind: 'seed-mlp' }), []);
  const mine = useMemo(() => (custom && custom.kind === 'custom-cnn' ? describeModel(custom) : null), [custom]);
  const conv = cnn.layers.find((l) => l.layer.type === 'conv2d')!;
  const dense = cnn.layers.find((l) => l.layer.type === 'dense')!;
  const pooled = cnn.layers.find((l) => l.layer.type === 'pool')!.outputShape;
  const [h, w, f] = conv.outputShape as [number, number, number];
  const convOutputs = h * w * f;
  const denseEquivalent = 784 * convOutputs + convOutputs;
  const denseShare = dense.params / cnn.totalParams;
  return (
    <div>
      <div className="cnn-param-tables">
        <ModelTable title="CNN (seed)" d={cnn} />
        <ModelTable title="MLP (seed)" d={mlp} />
        {mine && <ModelTable title="Custom CNN (yours)" d={mine} />}
      </div>
      <p>
        The seed CNN has <b>{fmtInt(cnn.totalParams)}</b> parameters, {(cnn.totalParams / mlp.totalParams).toFixed(1)} times
        the MLP&rsquo;s <b>{fmtInt(mlp.totalParams)}</b>. Almost all of them (<b>{(100 * denseShare).toFixed(1)}&nbsp;%</b>) sit in
        its dense layer, which connects each of the{' '}
        <Tex math={`${pooled.join('\\times')} = ${texInt(dense.inputShape[0] ?? 0)}`} />{' '}
        pooled features to 128 units. The convolution itself has only <b>{fmtInt(conv.params)}</b> parameters, yet it computes{' '}
        <Tex math={`${h}\\times${w}\\times${f} = ${texInt(convOutputs)}`} /> outputs. A dense layer computing that many
        outputs from the 784 pixels would need <Tex math={`784\\cdot ${texInt(convOutputs)} + ${texInt(convOutputs)} = ${texInt(denseEquivalent)}`} />{' '}
        parameters: weight sharing makes the convolution {fmtInt(Math.round(denseEquivalent / conv.params))} times smaller.
      </p>
    </div>
  );
}
