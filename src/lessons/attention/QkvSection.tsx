import { useTranslation } from 'react-i18next';
import { SessionTransport } from '../../components/controls/SessionTransport';
import { StatusBar } from '../../components/StatusBar';
import { useEmbed } from '../../embed/context';
import { Part } from '../../embed/Widget';
import { WidgetTools } from '../../embed/WidgetTools';
import { useEmbedTarget } from '../../embed/targets';
import type { QkvTrace } from '../../ml/attention/qkv-trace';
import type { SessionState, TrainingSession } from '../../state/training-session';
import type { Selection } from './HeatmapGrid';
import { QkvStepThrough } from './QkvStepThrough';
import { WidgetHeading } from '../../embed/WidgetHeading';

/** The URL keys the step-through writes (its layer, head and query selects). */
export const QKV_KEYS = ['tl', 'th', 'tq'] as const;

interface Props {
  session: TrainingSession<'transformer'>;
  state: SessionState<unknown>;
  trace: QkvTrace | null;
  labels: readonly string[];
  layers: number;
  heads: number;
  T: number;
  causal: boolean;
  onSelect: (s: Selection) => void;
}

/**
 * The 'qkv' widget: one query of the lab's model step by step. On the full page the lab above
 * trains the model; embedded alone, the widget brings its own status line and Train/Pause/Step/Reset
 * so that the numbers can be watched changing as the model learns.
 */
export function QkvSection({ session, state, trace, labels, layers, heads, T, causal, onSelect }: Props) {
  const { t } = useTranslation('attn');
  const embed = useEmbed();
  useEmbedTarget(session);
  return (
    <section className="attn-trace" aria-label={t('trace.region')}>
      <div className="attn-widget-head">
        <WidgetHeading>{t('trace.title')}</WidgetHeading>
        <WidgetTools />
      </div>
      <Part name="explanation">
        <p className="attn-trace-intro">{embed.embedded ? t('trace.introEmbedded') : t('trace.intro')}</p>
      </Part>
      {embed.embedded && (
        <div className="attn-trace-run">
          <StatusBar state={state} />
          <SessionTransport session={session} phase={state.phase} />
        </div>
      )}
      <QkvStepThrough trace={trace} labels={labels} layers={layers} heads={heads} T={T} causal={causal} onSelect={onSelect} />
    </section>
  );
}
