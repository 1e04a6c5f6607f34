import { fmt } from '../../format';
import type { TransformerView } from '../../ml/tasks/transformer-view';

interface Props {
  probe: TransformerView['probe'] | null;
  /** Output classes (probabilities per position come as T · V). */
  outputVocab: number;
  name: (token: number) => string;
  onAnother: () => void;
}

/** The chosen input, what the task wants, and what the model answers now (with its confidence). */
export function ProbeOutput({ probe, outputVocab, name, onAnother }: Props) {
  const T = probe?.tokens.length ?? 0;
  const scored = probe ? Array.from(probe.targets).filter((y) => y >= 0).length : 0;
  const right = probe ? Array.from(probe.targets).filter((y, t) => y >= 0 && probe.predicted[t] === y).length : 0;
  return (
    <div className="attn-probe">
      <div className="attn-probe-head">
        <h3>The model's output for this input</h3>
        <button type="button" onClick={onAnother}>
          Another input
        </button>
      </div>
      {probe && T > 0 ? (
        <table
          className="attn-probe-table"
          data-testid="probe-output"
          data-right={right}
          data-scored={scored}
          style={{ ['--T' as string]: T }}
        >
          <colgroup>
            <col className="attn-probe-th" />
          </colgroup>
          <tbody>
            <tr>
              <th scope="row">input</th>
              {Array.from(probe.tokens, (x, t) => (
                <td key={t}>{name(x)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">target</th>
              {Array.from(probe.targets, (y, t) => (
                <td key={t}>{y >= 0 ? name(y) : '·'}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">model</th>
              {Array.from(probe.predicted, (p, t) => {
                const y = probe.targets[t]!;
                const conf = probe.probs[t * outputVocab + p];
                const cls = y < 0 ? 'attn-unscored' : p === y ? 'attn-right' : 'attn-wrong';
                return (
                  <td key={t} className={cls} title={`p = ${fmt(conf, 3)}`}>
                    {name(p)}
                    <small>{conf !== undefined && Number.isFinite(conf) ? `${Math.round(100 * conf)}%` : '—'}</small>
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="live-empty">Starting…</p>
      )}
      {probe && (
        <p className="attn-probe-summary">
          {right} of {scored} scored position{scored === 1 ? '' : 's'} right
          {scored < T ? ' (· = not scored: only the hidden tokens count; M = [MASK])' : ''}; the small number is the model's probability for
          its answer.
        </p>
      )}
    </div>
  );
}
