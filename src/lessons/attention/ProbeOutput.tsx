import { useTranslation } from 'react-i18next';
import { useScrollCue } from '../../components/math/scroll-cue';
import { useLocked } from '../../embed/context';
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
  const { t } = useTranslation('attn');
  const probeCue = useScrollCue<HTMLDivElement>();
  const locked = useLocked('probe');
  const T = probe?.tokens.length ?? 0;
  const scored = probe ? Array.from(probe.targets).filter((y) => y >= 0).length : 0;
  const right = probe ? Array.from(probe.targets).filter((y, i) => y >= 0 && probe.predicted[i] === y).length : 0;
  return (
    <div className="attn-probe scroll-cue" ref={probeCue}>
      <div className="attn-probe-head">
        <h3>{t('probe.title')}</h3>
        <button type="button" onClick={onAnother} disabled={locked}>
          {t('probe.another')}
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
              <th scope="row">{t('probe.input')}</th>
              {Array.from(probe.tokens, (x, i) => (
                <td key={i}>{name(x)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('probe.target')}</th>
              {Array.from(probe.targets, (y, i) => (
                <td key={i}>{y >= 0 ? name(y) : '·'}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('probe.model')}</th>
              {Array.from(probe.predicted, (p, i) => {
                const y = probe.targets[i]!;
                const conf = probe.probs[i * outputVocab + p];
                const cls = y < 0 ? 'attn-unscored' : p === y ? 'attn-right' : 'attn-wrong';
                return (
                  <td key={i} className={cls} title={`p = ${fmt(conf, 3)}`}>
                    {name(p)}
                    <small>{conf !== undefined && Number.isFinite(conf) ? `${Math.round(100 * conf)}%` : '—'}</small>
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="live-empty">{t('probe.starting')}</p>
      )}
      {probe && (
        <p className="attn-probe-summary">
          {t('probe.right', { right, count: scored })}
          {scored < T ? t('probe.unscored') : ''}
          {t('probe.confidence')}
        </p>
      )}
    </div>
  );
}
