import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { UNIT_INTERVAL } from '../../components/charts/chart-frame';
import { Toggle } from '../../components/controls/Toggle';
import { SessionTransport } from '../../components/controls/SessionTransport';
import { LabAlerts } from '../../components/LabAlerts';
import { StatusBar } from '../../components/StatusBar';
import { useEmbed } from '../../embed/context';
import { Part } from '../../embed/Widget';
import { WidgetTools } from '../../embed/WidgetTools';
import { useEmbedTarget } from '../../embed/targets';
import { ModelFile } from '../../export/ModelFile';
import { fmt, fmtInt } from '../../format';
import { useLang } from '../../i18n';
import type { TransformerView } from '../../ml/tasks/transformer-view';
import type { SessionState, TrainingSession } from '../../state/training-session';
import { AttentionControls } from './AttentionControls';
import type { EvalHistory } from './eval-history';
import { HeatmapGrid, type Selection } from './HeatmapGrid';
import { idealKeys } from './ideal';
import { ATTN_PARAMS, specOf, type AttnValues } from './params';
import { ProbeOutput } from './ProbeOutput';
import { PROSE } from './prose';
import { shortTokenLabel } from './tokens';
import { WidgetHeading } from '../../embed/WidgetHeading';
import { ATTN_RUN_IGNORE, formatAttnSetting } from '../../runs/labs/attention';
import { toSettings } from '../../runs/run-record';
import { RunsPanel } from '../../runs/RunsPanel';
import { useRunOverlays, useRuns } from '../../runs/useRuns';

export const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${fmt(100 * v, 3)} %`);

interface Props {
  session: TrainingSession<'transformer'>;
  state: SessionState<unknown>;
  v: AttnValues;
  update: (patch: Partial<AttnValues>) => void;
  hist: EvalHistory;
  histVersion: number;
  /** What removing positions does to this task (null when positions are on). */
  ceilingNote: string | null;
  /** The same note without the exact bound, for the toggle's text while positions are on. */
  blindNote: string;
  onRestart: () => void;
  onUseSuggestion: (lr: number, reset: boolean) => void;
}

/**
 * The 'transformer' widget: its prose beside the lab (status, transport, readouts, heatmaps, the
 * probe's output, the positional-encoding switch, the charts and the settings).
 */
export function TransformerLab({ session, state, v, update, hist, histVersion, ceilingNote, blindNote, onRestart, onUseSuggestion }: Props) {
  const { t } = useTranslation('attn');
  const lang = useLang();
  const P = PROSE[lang];
  const embed = useEmbed();
  useEmbedTarget(session);
  const view = state.view as TransformerView | null;

  // "Remove positional encoding": one click to none, and back to whichever encoding was chosen.
  const previousPe = useRef<'sinusoidal' | 'learned'>(v.pe === 'none' ? 'sinusoidal' : v.pe);
  const togglePositions = (off: boolean) => {
    if (off) {
      if (v.pe !== 'none') previousPe.current = v.pe;
      update({ pe: 'none' });
    } else update({ pe: previousPe.current });
  };

  const selection: Selection = { layer: v.tl, head: v.th, query: v.tq };
  const onSelect = (s: Selection) => update({ tl: s.layer, th: s.head, tq: s.query });

  const tokens = view?.probe.tokens ?? null;
  const vocab = view?.vocab ?? null;
  const shortLabels = useMemo(() => (tokens ? Array.from(tokens, (x) => shortTokenLabel(vocab, x)) : []), [tokens, vocab]);
  const ideal = useMemo(
    () => (v.ideal && tokens ? idealKeys(v.task, tokens, { offset: v.offset, maskToken: vocab?.maskToken ?? null }) : null),
    [v.ideal, v.task, v.offset, tokens, vocab],
  );

  // Runs: kept, compared (train batch loss overlaid) and rewound (heatmaps, probe, Q·K trace of that step); see src/runs.
  const specKey = JSON.stringify(specOf(v));
  const spec = useMemo(() => JSON.parse(specKey) as unknown, [specKey]);
  const curves = useCallback(
    () => ({ loss: session.loss, heldOut: hist.loss, tokenAccuracy: hist.tokenAccuracy, sequenceAccuracy: hist.sequenceAccuracy }),
    [session, hist],
  );
  const runs = useRuns(session, {
    lab: 'attention',
    kind: 'transformer',
    settings: toSettings(v),
    spec,
    curves,
    ignore: ATTN_RUN_IGNORE,
    format: formatAttnSetting,
  });
  const runOverlays = useRunOverlays(runs, 'loss');

  const lossSeries = useMemo(
    () => [
      { label: t('chart.trainBatch'), buffer: session.loss },
      { label: t('chart.heldOut'), buffer: hist.loss },
      ...runOverlays,
    ],
    [session, hist, t, runOverlays],
  );
  const accSeries = useMemo(
    () => [
      { label: t('chart.tokenAccuracy'), buffer: hist.tokenAccuracy },
      { label: t('chart.sequenceAccuracy'), buffer: hist.sequenceAccuracy },
    ],
    [hist, t],
  );

  const ev = view?.eval ?? null;
  const dK = v.d / v.heads;
  const withTrace = !embed.embedded;
  const solo = embed.hidden.has('explanation');

  // The prose changes only with the settings and the language; keep it out of the 10-per-second re-renders while training.
  const intro = useMemo(
    () => (
      <>
        <P.TaskSection task={v.task} T={v.len} V={v.vocab} offset={v.offset} />
        <P.AttentionSection />
        <P.ScalingSection dK={dK} />
        <P.MultiHeadSection heads={v.heads} d={v.d} withTrace={withTrace} />
      </>
    ),
    [P, v.task, v.len, v.vocab, v.offset, dK, v.heads, v.d, withTrace],
  );
  const attn = view?.attention ?? null;
  const backTo = v.pe === 'learned' ? t('pe.backTo.learned') : t('pe.backTo.sinusoidal');

  return (
    <div className={solo ? 'lesson-grid attn-grid attn-solo' : 'lesson-grid attn-grid'}>
      <Part name="explanation">
        <div className="prose">{intro}</div>
      </Part>
      <section className="lab attn-lab" aria-labelledby="attn-lab-title">
        <div className="attn-widget-head">
          <WidgetHeading id="attn-lab-title">{t('lab.title')}</WidgetHeading>
          <WidgetTools />
        </div>
        <StatusBar state={state} />
        <LabAlerts state={state} learningRate={v.lr} onRestart={onRestart} onUseSuggestion={onUseSuggestion} />
        <SessionTransport session={session} phase={state.phase} />
        <Part name="controls">
          <ModelFile session={session} name="transformer" />
        </Part>
        <dl className="readout attn-readout">
          <div>
            <dt>{t('readout.tokenAccuracy')}</dt>
            <dd data-testid="token-accuracy" data-value={ev?.tokenAccuracy ?? ''}>
              {pct(ev?.tokenAccuracy)}
            </dd>
          </div>
          <div>
            <dt>{t('readout.sequenceAccuracy')}</dt>
            <dd data-testid="sequence-accuracy" data-value={ev?.sequenceAccuracy ?? ''}>
              {pct(ev?.sequenceAccuracy)}
            </dd>
          </div>
          <div>
            <dt>{t('readout.evalLoss')}</dt>
            <dd data-testid="eval-loss" data-value={ev?.loss ?? ''}>
              {fmt(ev?.loss)}
            </dd>
          </div>
          <div>
            <dt>{t('readout.evalStep')}</dt>
            <dd data-testid="eval-step" data-value={ev?.step ?? ''}>
              {ev ? fmtInt(ev.step) : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('readout.lrNow')}</dt>
            <dd data-testid="effective-lr" data-value={view?.learningRate ?? ''}>
              {fmt(view?.learningRate, 3)}
            </dd>
          </div>
        </dl>
        <div className="attn-heatmaps-head">
          <h3>{t('heatmaps.title')}</h3>
          <Part name="controls">
            <Toggle label={t('heatmaps.ideal')} checked={v.ideal} onChange={(x) => update({ ideal: x })} urlKey="ideal" />
          </Part>
        </div>
        {attn && tokens ? (
          <HeatmapGrid
            step={view?.step ?? 0}
            layers={attn.layers}
            heads={attn.heads}
            T={attn.T}
            weights={attn.weights}
            labels={shortLabels}
            selection={selection}
            ideal={ideal}
            onSelect={onSelect}
            maskNote={vocab?.maskToken !== null && vocab?.maskToken !== undefined}
          />
        ) : (
          <p className="live-empty">{t('lab.building')}</p>
        )}
        {withTrace && <p className="attn-hint">{t('lab.hint')}</p>}
        <ProbeOutput
          probe={view?.probe ?? null}
          outputVocab={vocab?.outputVocab ?? v.vocab}
          name={(x) => shortTokenLabel(vocab, x)}
          onAnother={() => update({ probe: (v.probe + 1) % (ATTN_PARAMS.probe.max + 1) })}
        />
        <Part name="controls">
          <div className="attn-pe-toggle">
            <Toggle label={t('pe.toggle')} checked={v.pe === 'none'} onChange={togglePositions} urlKey="pe" />
            <p>{v.pe === 'none' ? t('pe.off', { ceiling: ceilingNote ?? blindNote }) : t('pe.on', { pe: backTo, ceiling: blindNote })}</p>
          </div>
        </Part>
        <Part name="chart">
          <div className="chart-head">
            <h3>{t('chart.loss')}</h3>
            <Part name="controls">
              <Toggle label={t('chart.logScale')} checked={v.llog} onChange={(x) => update({ llog: x })} urlKey="llog" />
            </Part>
          </div>
          <StreamingChart series={lossSeries} version={state.seriesVersion + histVersion} logScale={v.llog} title={t('chart.lossTitle')} />
          <div className="chart-head">
            <h3>{t('chart.accuracy')}</h3>
          </div>
          <StreamingChart series={accSeries} version={histVersion} logScale={false} title={t('chart.accuracyTitle')} height={150} yBounds={UNIT_INTERVAL} />
        </Part>
        <RunsPanel runs={runs} />
        <Part name="controls">
          <AttentionControls v={v} update={update} />
        </Part>
      </section>
    </div>
  );
}
