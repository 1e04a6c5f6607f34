import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SeriesBuffer } from '../../charts/series-buffer';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { UNIT_INTERVAL } from '../../components/charts/chart-frame';
import { SessionTransport } from '../../components/controls/SessionTransport';
import { LabAlerts } from '../../components/LabAlerts';
import { StatusBar } from '../../components/StatusBar';
import { Tex } from '../../components/math/Tex';
import { useEmbed, useLocked } from '../../embed/context';
import { useEmbedTarget } from '../../embed/targets';
import { Part } from '../../embed/Widget';
import { WidgetTools } from '../../embed/WidgetTools';
import { ModelFile } from '../../export/ModelFile';
import { fmt } from '../../format';
import { useLang } from '../../i18n';
import type { BackendChoice } from '../../ml/backend-names';
import { GATE_INFO } from '../../ml/rnn/cell-tex';
import type { RnnHyper, RnnSpec, RnnView } from '../../ml/tasks/rnn';
import { useTrainingSession } from '../../state/useTrainingSession';
import { useSpeedLimit } from '../../state/useSpeedLimit';
import { ExplanationEn } from './Explanation';
import { ExplanationZh } from './Explanation.zh';
import { PasteBox } from './PasteBox';
import { RnnControls, type RnnUpdate, type RnnValues } from './RnnControls';
import { TaskOutput } from './TaskOutput';
import { TEX } from './tex';
import { GradNormChart } from './GradNormBars';
import { ColorKey, Heatmap } from './viz';
import { WidgetHeading } from '../../embed/WidgetHeading';
import { useDebouncedRebuild } from '../../state/useDebouncedRebuild';
import { RunsPanel } from '../../runs/RunsPanel';
import { formatRnnSetting, RNN_RUN_IGNORE } from '../../runs/labs/rnn';
import { toSettings } from '../../runs/run-record';
import { useRunOverlays, useRuns } from '../../runs/useRuns';

function specOf(v: RnnValues, text: string | null): RnnSpec {
  const second = Math.max(2, Math.round(v.periods * 0.37));
  return {
    kind: 'rnn',
    task: v.task,
    cell: v.cell,
    hidden: v.hidden,
    layers: v.layers === 2 ? 2 : 1,
    seqLen: v.seqlen,
    seed: v.seed,
    init: v.init,
    memoryBias: v.mbias,
    series: { periods: [v.periods, second], noise: v.snoise },
    recall: { gap: v.gap, symbols: v.symbols },
    chars: text ? { text } : {},
  };
}

function hyperOf(v: RnnValues): RnnHyper {
  return { learningRate: v.lr, optimizer: v.opt, batchSize: v.batch, clip: v.clip, clipNorm: v.clipnorm, temperature: v.temp };
}

interface Props {
  v: RnnValues;
  update: RnnUpdate;
  backend: BackendChoice;
}

/** The 'rnn' widget: the prose beside the lab (one model, its controls, charts and inside views). */
export function RnnLab({ v, update, backend }: Props) {
  const { t } = useTranslation('rnn');
  const lang = useLang();
  const embed = useEmbed();
  const lrLocked = useLocked('lr');
  const [session, state] = useTrainingSession<'rnn'>();
  useEmbedTarget(session);
  const view = state.view as RnnView | null;
  const [pasted, setPasted] = useState<string | null>(null);

  // Accuracy per step (recall, chars), kept next to the session's loss history.
  const [accuracy] = useState(() => new SeriesBuffer());
  const [accVersion, setAccVersion] = useState(0);
  useEffect(
    () =>
      session.subscribeEvents((e) => {
        if (e.type === 'ready') {
          accuracy.clear();
          setAccVersion((n) => n + 1);
        }
        if (e.type !== 'metrics') return;
        const a = e.batch.view.accuracy;
        if (a !== null && Number.isFinite(a)) {
          accuracy.push(e.batch.view.step, a);
          setAccVersion((n) => n + 1);
        }
      }),
    [session, accuracy],
  );

  const specKey = JSON.stringify(specOf(v, pasted));
  const initModel = () => {
    accuracy.clear();
    setAccVersion((n) => n + 1);
    void session.init(specOf(v, pasted), hyperOf(v), backend);
  };
  useDebouncedRebuild(initModel, `${specKey}|${backend}`);

  useEffect(() => {
    void session.setHyper({
      learningRate: v.lr,
      optimizer: v.opt,
      batchSize: v.batch,
      clip: v.clip,
      clipNorm: v.clipnorm,
      temperature: v.temp,
    });
  }, [session, v.lr, v.opt, v.batch, v.clip, v.clipnorm, v.temp]);

  useSpeedLimit(session, v.sps);

  // Runs: kept, compared (batch loss overlaid) and rewound (states, gates, outputs of that step); see src/runs.
  const spec = useMemo(() => JSON.parse(specKey) as RnnSpec, [specKey]);
  const curves = useCallback(() => ({ loss: session.loss, accuracy }), [session, accuracy]);
  const runs = useRuns(session, {
    lab: 'rnn',
    kind: 'rnn',
    settings: toSettings(v),
    spec,
    curves,
    ignore: RNN_RUN_IGNORE,
    format: formatRnnSetting,
  });
  const runOverlays = useRunOverlays(runs, 'loss');

  const useSuggestion = (lr: number, reset: boolean) => {
    // A learning rate locked by the embedding page stays as it is: only continue or reset.
    const next = lrLocked ? v.lr : lr;
    if (!lrLocked) update({ lr });
    void session.setHyper({ learningRate: next }).then(() => (reset ? session.reset() : session.train()));
  };

  const usePasted = (text: string) => {
    setPasted(text);
    if (v.task !== 'chars') update({ task: 'chars' });
  };

  const probe = view?.probe ?? null;
  const T = probe?.T ?? 0;
  const H = probe?.H ?? 0;
  const gates = probe?.gates ?? null;
  const chartSeries = useMemo(() => [{ label: t('chart.batchLoss'), buffer: session.loss }, ...runOverlays], [session, t, runOverlays]);
  const accSeries = useMemo(() => [{ label: t('chart.batchAcc'), buffer: accuracy }], [accuracy, t]);
  const hasAcc = v.task !== 'series';
  const solo = embed.hidden.has('explanation');

  return (
    <div className={solo ? 'lesson-grid rnn-solo' : 'lesson-grid'}>
      <Part name="explanation">
        <div className="prose">{lang === 'zh' ? <ExplanationZh /> : <ExplanationEn />}</div>
      </Part>
      <section className="lab rnn-lab" aria-label={t('lab.region')}>
        <div className="rnn-widget-head">
          <WidgetHeading>{t('lab.title')}</WidgetHeading>
          <WidgetTools />
        </div>
        <StatusBar state={state} />
        <LabAlerts state={state} learningRate={v.lr} onRestart={initModel} onUseSuggestion={useSuggestion} />
        <SessionTransport session={session} phase={state.phase} />
        <Part name="controls">
          <ModelFile session={session} name="rnn" />
          {/* Embedded, the settings follow the charts, so a small frame shows Train with the loss. */}
          {!embed.embedded && <RnnControls v={v} update={update} />}
        </Part>

        <Part name="chart">
          <div className="chart-head">
            <h3>{hasAcc ? t('chart.lossAndAcc') : t('chart.loss')}</h3>
          </div>
          <StreamingChart series={chartSeries} version={state.seriesVersion} logScale title={t('chart.lossTitle')} />
          {hasAcc && <StreamingChart series={accSeries} version={accVersion} logScale={false} title={t('chart.accTitle')} height={120} yBounds={UNIT_INTERVAL} />}
          <dl className="readout">
            <div>
              <dt>{t('readout.evalLoss')}</dt>
              <dd data-testid="eval-loss">{fmt(view && Number.isFinite(view.evalLoss) ? view.evalLoss : null)}</dd>
            </div>
            <div>
              <dt>{t('readout.baseline')}</dt>
              <dd>{fmt(view?.baselineLoss)}</dd>
            </div>
            {hasAcc && (
              <div>
                <dt>{t('readout.evalAcc')}</dt>
                <dd data-testid="eval-acc">
                  {view?.evalAccuracy !== null && view?.evalAccuracy !== undefined ? `${(view.evalAccuracy * 100).toFixed(1)}%` : '–'}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('readout.gradNorm')}</dt>
              <dd>{fmt(view?.gradNorm)}</dd>
            </div>
          </dl>
        </Part>

        <RunsPanel runs={runs} />
        {embed.embedded && (
          <Part name="controls">
            <RnnControls v={v} update={update} />
          </Part>
        )}
        <TaskOutput view={view} />
        {v.task === 'chars' && (
          <Part name="controls">
            <PasteBox active={pasted !== null} onUse={usePasted} onBuiltin={() => setPasted(null)} />
          </Part>
        )}

        <h3>{t('views.hiddenTitle')}</h3>
        <Heatmap
          data={probe?.hidden ?? null}
          T={T}
          H={H}
          scale="diverging"
          label={t('views.hiddenImg')}
          unitLabel={t('views.unit')}
        />
        <ColorKey scale="diverging" />
        {gates && v.cell !== 'simple' && (
          <>
            <h3>{gates.kind === 'lstm' ? t('views.lstmGates') : t('views.gruGates')}</h3>
            {GATE_INFO[gates.kind].map((g) => {
              const data = (gates as unknown as Record<string, Float32Array>)[g.key] ?? null;
              const label = t(`gate.${g.key}`);
              return (
                <figure key={g.key} className="rnn-gate">
                  <figcaption>
                    <Tex math={g.tex} />: {label}
                  </figcaption>
                  <Heatmap
                    data={data}
                    T={T}
                    H={H}
                    scale="unit"
                    label={t('views.gateImg', { gate: label })}
                    unitLabel={t('views.unit')}
                    height={90}
                  />
                </figure>
              );
            })}
            <ColorKey scale="unit" />
          </>
        )}
        <h3>
          {t('views.gradTitle')} <Tex math={TEX.gradNorm} /> {t('views.logScale')}
        </h3>
        <GradNormChart norms={probe?.gradNorms ?? null} label={t('views.gradImg')} />
      </section>
    </div>
  );
}
