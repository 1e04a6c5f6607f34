import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { SpeedControl } from '../../components/controls/SpeedControl';
import { Toggle } from '../../components/controls/Toggle';
import { SessionTransport } from '../../components/controls/SessionTransport';
import { LabAlerts } from '../../components/LabAlerts';
import { StatusBar } from '../../components/StatusBar';
import { RegressionPlot } from '../../components/viz/RegressionPlot';
import { generateLinear, LINEAR_TRUTH } from '../../datasets/linear';
import { isHidden, useEmbed, useLocked } from '../../embed/context';
import { useEmbedTarget } from '../../embed/targets';
import { Part } from '../../embed/Widget';
import { WidgetHeading } from '../../embed/WidgetHeading';
import { WidgetTools } from '../../embed/WidgetTools';
import { ModelFile } from '../../export/ModelFile';
import { fmt } from '../../format';
import { useLang } from '../../i18n';
import type { BackendChoice } from '../../ml/backend-names';
import type { LinRegSpec, LinRegView } from '../../ml/tasks/linear-regression';
import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import type { ValuesOf } from '../../state/schema';
import { useTrainingSession } from '../../state/useTrainingSession';
import { useSpeedLimit } from '../../state/useSpeedLimit';
import { hessianEigen } from './curvature';
import * as En from './Explanation';
import * as Zh from './Explanation.zh';
import { LiveMath } from './LiveMath';
import { GD_PARAMS, N_POINTS } from './params';
import type { WbTrack } from './wb-track';
import { useDebouncedRebuild } from '../../state/useDebouncedRebuild';
import { RunsPanel } from '../../runs/RunsPanel';
import { formatGdSetting } from '../../runs/labs/regression';
import { toSettings } from '../../runs/run-record';
import { useRunOverlays, useRuns } from '../../runs/useRuns';

type Values = ValuesOf<typeof GD_PARAMS>;

interface Props {
  values: Values;
  /** Write regression keys to the URL (keys an embedding page locked are skipped). */
  update: (patch: Partial<Values>) => void;
  backend: BackendChoice;
  /** Where the lab records its (w, b) after every report, for the explorer's regression surface. */
  track: WbTrack;
}

/** The prose before the live maths, and after it: memoised, so a training report re-renders neither. */
const ProseBefore = memo(function ProseBefore({ zh, noise }: { zh: boolean; noise: number }) {
  const S = zh ? Zh : En;
  return (
    <>
      <S.ModelSection noise={noise} n={N_POINTS} />
      <S.LossSection />
      <S.GradientSection />
      <S.UpdateSection />
    </>
  );
});

const ProseAfter = memo(function ProseAfter({ zh, lambdaMax, lambdaMin }: { zh: boolean; lambdaMax: number; lambdaMin: number }) {
  const S = zh ? Zh : En;
  return (
    <>
      <S.BatchSection n={N_POINTS} />
      <S.LearningRateSection lambdaMax={lambdaMax} lambdaMin={lambdaMin} />
    </>
  );
});

function specOf(v: Values): LinRegSpec {
  return { kind: 'linreg', data: { n: N_POINTS, noise: v.noise, seed: v.seed }, init: { w: 0, b: 0 } };
}

/**
 * The embeddable widget 'regression': the prose about the model, loss, gradient,
 * update, batch size and learning rate, the live maths of the last step, and the
 * lab that fits a line. Render it inside <Widget id="regression">.
 */
export function RegressionLab({ values: v, update, backend, track }: Props) {
  const { t } = useTranslation('gd');
  const zh = useLang() === 'zh';
  const embed = useEmbed();
  const [session, state] = useTrainingSession<'linreg'>();
  useEmbedTarget(session);
  const view = state.view as LinRegView | null;
  const lrLocked = useLocked('lr');
  // After a divergence pause the view holds the weights put back, and its last-step fields belong to discarded ones.
  const diverged = state.phase === 'diverged';
  const lastDw = view && !diverged ? view.w - view.prevW : null;

  // The regression's (w, b) after every report, for drawing its path on its own loss surface.
  useEffect(
    () =>
      session.subscribeEvents((e) => {
        const path = track.path;
        if (e.type === 'ready') path.clear();
        const view = e.type === 'ready' || e.type === 'diverged' ? e.view : e.type === 'metrics' ? e.batch.view : null;
        if (!view) return;
        const lv = view as LinRegView;
        if (e.type === 'metrics') path.push(lv.prevW, lv.prevB);
        path.push(lv.w, lv.b);
        track.changed();
      }),
    [session, track],
  );

  const { noise, seed } = v;
  const data = useMemo(() => generateLinear({ n: N_POINTS, noise, seed }), [noise, seed]);
  const curvature = useMemo(() => hessianEigen(data.xs), [data]);

  const hyper = { learningRate: v.lr, batchSize: v.batch, optimizer: v.opt };
  const initModel = () => void session.init(specOf(v), hyper, backend);
  // (Re)build the model when the data or the backend changes (debounced while a slider moves);
  // the hyperparameters of that moment go with it.
  useDebouncedRebuild(initModel, `${noise}|${seed}|${backend}`);

  useSpeedLimit(session, v.lsps);
  // Runs: kept, compared (batch loss overlaid) and rewound (the line moves back); see src/runs.
  const runs = useRuns(session, {
    lab: 'regression',
    kind: 'linreg',
    settings: toSettings({ lr: v.lr, batch: v.batch, opt: v.opt, noise: v.noise, seed: v.seed }),
    spec: specOf(v),
    curves: () => ({ loss: session.loss }),
    format: formatGdSetting,
  });
  const runOverlays = useRunOverlays(runs, 'loss');

  // Live hyperparameters: applied at the next step, no restart.
  useEffect(() => {
    void session.setHyper({ learningRate: v.lr, batchSize: v.batch, optimizer: v.opt });
  }, [session, v.lr, v.batch, v.opt]);

  const useSuggestion = (lr: number, reset: boolean) => {
    // A learning rate the embedding page locked stays: the run just starts over with it.
    if (lrLocked) return void session.reset();
    update({ lr });
    void session.setHyper({ learningRate: lr }).then(() => (reset ? session.reset() : session.train()));
  };

  const optimizerOptions = OPTIMIZERS.map((o) => ({ value: o, label: t(`opt.${o}`) }));
  // With the prose and the live maths both hidden, the lab takes the whole width.
  const proseShown = !isHidden(embed, 'explanation') || !isHidden(embed, 'math');

  return (
    <div className={proseShown ? 'lesson-grid' : 'lesson-grid gd-solo'}>
      {proseShown && (
        <div className="prose">
          {/* First in the column, so the formulas being filled in sit beside the lab (under it on a phone) while it trains. */}
          <Part name="math">
            <section className="live" aria-label={t('lab.liveRegion')}>
              <h3>{t('lab.liveTitle')}</h3>
              <LiveMath view={view} restored={diverged} />
            </section>
          </Part>
          <Part name="explanation">
            <ProseBefore zh={zh} noise={v.noise} />
            <ProseAfter zh={zh} lambdaMax={curvature.lambdaMax} lambdaMin={curvature.lambdaMin} />
          </Part>
        </div>
      )}
      <section className="lab" aria-label={t('lab.region')}>
        <div className="gd-widget-head">
          <WidgetHeading>{t('lab.title')}</WidgetHeading>
          <WidgetTools />
        </div>
        <StatusBar state={state} />
        <LabAlerts state={state} learningRate={v.lr} onRestart={initModel} onUseSuggestion={useSuggestion} />
        <RegressionPlot
          xs={data.xs}
          ys={data.ys}
          w={view?.w ?? 0}
          b={view?.b ?? 0}
          truth={LINEAR_TRUTH}
          xDomain={[LINEAR_TRUTH.xMin, LINEAR_TRUTH.xMax]}
        />
        <dl className="readout">
          <div>
            <dt>{t('readout.w')}</dt>
            <dd data-testid="param-w" data-value={view?.w ?? ''}>
              {fmt(view?.w)}
            </dd>
          </div>
          <div>
            <dt>{t('readout.b')}</dt>
            <dd data-testid="param-b" data-value={view?.b ?? ''}>
              {fmt(view?.b)}
            </dd>
          </div>
          <div>
            <dt>{t('readout.fullLoss')}</dt>
            <dd data-testid="full-loss" data-value={view?.fullLoss ?? ''}>
              {fmt(view?.fullLoss)}
            </dd>
          </div>
          <div>
            <dt>{t('readout.lastDw')}</dt>
            <dd data-testid="last-dw" data-value={lastDw ?? ''}>
              {fmt(lastDw, 3)}
            </dd>
          </div>
          <div>
            <dt>{t('readout.epoch')}</dt>
            <dd>{view?.epoch ?? 0}</dd>
          </div>
        </dl>
        <Part name="controls">
          <SessionTransport session={session} phase={state.phase} />
          <ModelFile session={session} name="linear-regression" />
          <div className="controls">
            <Slider
              label={t('control.lr')}
              value={v.lr}
              min={GD_PARAMS.lr.min}
              max={GD_PARAMS.lr.max}
              step={0.01}
              log
              format={(x) => `α = ${fmt(x, 3)}`}
              onChange={(lr) => update({ lr })}
              urlKey="lr"
            />
            <Slider
              label={t('control.batch')}
              value={v.batch}
              min={GD_PARAMS.batch.min}
              max={GD_PARAMS.batch.max}
              step={1}
              format={(m) => (m === N_POINTS ? t('control.batchAll', { m }) : m === 1 ? t('control.batchOne') : `${m}`)}
              onChange={(batch) => update({ batch })}
              hint={t('control.stepsPerEpoch', { count: Math.ceil(N_POINTS / v.batch) })}
              urlKey="batch"
            />
            <Select
              label={t('control.optimizer')}
              value={v.opt}
              options={optimizerOptions}
              onChange={(opt) => update({ opt })}
              urlKey="opt"
            />
            <Slider
              label={t('control.noise')}
              value={v.noise}
              min={GD_PARAMS.noise.min}
              max={GD_PARAMS.noise.max}
              step={0.1}
              format={(s) => `σ = ${fmt(s, 2)}`}
              onChange={(noise) => update({ noise })}
              hint={t('control.noiseHint')}
              urlKey="noise"
            />
            <SpeedControl value={v.lsps} onChange={(lsps) => update({ lsps })} urlKey="lsps" />
          </div>
        </Part>
        <Part name="chart">
          <div className="chart-head">
            <h3>{t('chart.heading')}</h3>
            <Toggle label={t('control.log')} checked={v.log} onChange={(log) => update({ log })} urlKey="log" />
          </div>
          <StreamingChart
            series={[{ label: t('chart.series'), buffer: session.loss }, ...runOverlays]}
            version={state.seriesVersion}
            logScale={v.log}
            title={t('chart.title')}
          />
        </Part>
        <RunsPanel runs={runs} />
      </section>
    </div>
  );
}
