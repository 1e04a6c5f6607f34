import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { PathBuffer } from '../../charts/path-buffer';
import { SurfaceExplorer } from './explorer/SurfaceExplorer';
import { EXPLORER_PARAMS } from './explorer/params';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { Transport } from '../../components/controls/Transport';
import { DivergenceAlert } from '../../components/DivergenceAlert';
import { Notices } from '../../components/Notices';
import { StatusBar } from '../../components/StatusBar';
import { RegressionPlot } from '../../components/viz/RegressionPlot';
import { generateLinear, LINEAR_TRUTH } from '../../datasets/linear';
import { fmt } from '../../format';
import type { LessonPageProps } from '../pages';
import type { LinRegSpec, LinRegView } from '../../ml/tasks/linear-regression';
import { OPTIMIZERS, OPTIMIZER_LABELS } from '../../ml/train/optimizer-names';
import { parseParams, serializeParams, type ValuesOf } from '../../state/schema';
import { useTrainingSession } from '../../state/useTrainingSession';
import { hessianEigen } from './curvature';
import {
  BatchSection,
  GradientSection,
  LearningRateSection,
  LossSection,
  ModelSection,
  UpdateSection,
} from './Explanation';
import { LiveMath } from './LiveMath';
import { GD_PARAMS, N_POINTS } from './params';

type Values = ValuesOf<typeof GD_PARAMS>;


const OPTIMIZER_OPTIONS = OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }));

function specOf(v: Values): LinRegSpec {
  return { kind: 'linreg', data: { n: N_POINTS, noise: v.noise, seed: v.seed }, init: { w: 0, b: 0 } };
}

export default function GradientDescentPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const parsed = parseParams(GD_PARAMS, params);
  const explorer = parseParams(EXPLORER_PARAMS, params);
  const v = parsed.values;
  const [session, state] = useTrainingSession<'linreg'>();
  const view = state.view as LinRegView | null;

  // The regression's (w, b) after every report, for drawing its path on its own loss surface.
  const [wbPath] = useState(() => new PathBuffer(20_000));
  const [wbVersion, setWbVersion] = useState(0);
  useEffect(
    () =>
      session.subscribeEvents((e) => {
        if (e.type === 'ready') wbPath.clear();
        const view = e.type === 'ready' || e.type === 'diverged' ? e.view : e.type === 'metrics' ? e.batch.view : null;
        if (!view) return;
        const lv = view as LinRegView;
        if (e.type === 'metrics') wbPath.push(lv.prevW, lv.prevB);
        wbPath.push(lv.w, lv.b);
        setWbVersion((n) => n + 1);
      }),
    [session, wbPath],
  );

  const { noise, seed } = v;
  const data = useMemo(() => generateLinear({ n: N_POINTS, noise, seed }), [noise, seed]);
  const curvature = useMemo(() => hessianEigen(data.xs), [data]);

  /** Every control writes the URL; the page re-reads it, so a link always restores what is on screen. */
  const update = (patch: Partial<Values>) => {
    const p = new URLSearchParams(params);
    for (const k of Object.keys(GD_PARAMS)) p.delete(k);
    serializeParams(GD_PARAMS, { ...v, ...patch }).forEach((val, k) => p.set(k, val));
    setParams(p);
  };
  const updateExplorer = (patch: Partial<ValuesOf<typeof EXPLORER_PARAMS>>) => {
    const p = new URLSearchParams(params);
    for (const k of Object.keys(EXPLORER_PARAMS)) p.delete(k);
    serializeParams(EXPLORER_PARAMS, { ...explorer.values, ...patch }).forEach((val, k) => p.set(k, val));
    setParams(p);
  };
  const applyExperiment = (set: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const k of Object.keys(EXPLORER_PARAMS)) p.delete(k);
    for (const [k, val] of Object.entries(set)) p.set(k, val);
    setParams(p);
  };

  const hyper = { learningRate: v.lr, batchSize: v.batch, optimizer: v.opt };
  const initModel = () => void session.init(specOf(v), hyper, backend);
  const initFromEffect = useEffectEvent(initModel);
  // (Re)build the model when the data or the backend changes (debounced while a slider moves);
  // the hyperparameters of that moment go with it.
  useEffect(() => {
    const t = setTimeout(initFromEffect, 150);
    return () => clearTimeout(t);
  }, [session, noise, seed, backend]);

  // Live hyperparameters: applied at the next step, no restart.
  useEffect(() => {
    void session.setHyper({ learningRate: v.lr, batchSize: v.batch, optimizer: v.opt });
  }, [session, v.lr, v.batch, v.opt]);

  const useSuggestion = (lr: number, reset: boolean) => {
    update({ lr });
    void session.setHyper({ learningRate: lr }).then(() => (reset ? session.reset() : session.train()));
  };

  return (
    <main className="lesson gd-lesson">
      <h1>Gradient descent</h1>
      <p className="lede">
        Fit a straight line to noisy data by repeatedly stepping downhill on the loss. Change the learning rate, the
        batch size or the optimiser while it trains and watch the line, the numbers and the loss curve respond.
      </p>
      <Notices notices={[...globalNotices, ...parsed.notices, ...explorer.notices]} />
      <div className="lesson-grid">
        <div className="prose">
          <ModelSection noise={v.noise} n={N_POINTS} />
          <LossSection />
          <GradientSection />
          <UpdateSection />
          <section className="live" aria-label="The last step, with numbers">
            <h3>The last step, with its numbers</h3>
            <LiveMath view={view} />
          </section>
          <BatchSection n={N_POINTS} />
          <LearningRateSection lambdaMax={curvature.lambdaMax} lambdaMin={curvature.lambdaMin} />
        </div>
        <section className="lab" aria-label="Linear regression lab">
          <StatusBar state={state} />
          {state.fallbackReason && (
            <p className="notice-inline" role="note">
              The previous backend failed ({state.fallbackReason}). Training moved to {state.backend?.label} and
              continued from the last weights.
            </p>
          )}
          {state.phase === 'error' && (
            <div className="alert" role="alert">
              <strong>Training stopped.</strong> {state.error}{' '}
              <button type="button" onClick={initModel}>
                Restart
              </button>
            </div>
          )}
          {state.phase === 'diverged' && state.divergence && (
            <DivergenceAlert divergence={state.divergence} learningRate={v.lr} onUseSuggestion={useSuggestion} />
          )}
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
              <dt>w</dt>
              <dd data-testid="param-w" data-value={view?.w ?? ''}>
                {fmt(view?.w)}
              </dd>
            </div>
            <div>
              <dt>b</dt>
              <dd data-testid="param-b" data-value={view?.b ?? ''}>
                {fmt(view?.b)}
              </dd>
            </div>
            <div>
              <dt>loss (all points)</dt>
              <dd data-testid="full-loss" data-value={view?.fullLoss ?? ''}>
                {fmt(view?.fullLoss)}
              </dd>
            </div>
            <div>
              <dt>last step Δw</dt>
              <dd data-testid="last-dw" data-value={view ? view.w - view.prevW : ''}>
                {fmt(view ? view.w - view.prevW : null, 3)}
              </dd>
            </div>
            <div>
              <dt>epoch</dt>
              <dd>{view?.epoch ?? 0}</dd>
            </div>
          </dl>
          <Transport
            phase={state.phase}
            onTrain={() => void session.train()}
            onPause={() => void session.pause()}
            onStep={() => void session.step(1)}
            onReset={() => void session.reset()}
          />
          <div className="controls">
            <Slider
              label="Learning rate"
              value={v.lr}
              min={GD_PARAMS.lr.min}
              max={GD_PARAMS.lr.max}
              step={0.01}
              log
              format={(x) => `α = ${fmt(x, 3)}`}
              onChange={(lr) => update({ lr })}
            />
            <Slider
              label="Batch size"
              value={v.batch}
              min={GD_PARAMS.batch.min}
              max={GD_PARAMS.batch.max}
              step={1}
              format={(m) => (m === N_POINTS ? `${m} (all: batch GD)` : m === 1 ? '1 (stochastic)' : `${m}`)}
              onChange={(batch) => update({ batch })}
              hint={`${Math.ceil(N_POINTS / v.batch)} steps per epoch`}
            />
            <Select label="Optimizer" value={v.opt} options={OPTIMIZER_OPTIONS} onChange={(opt) => update({ opt })} />
            <Slider
              label="Noise"
              value={v.noise}
              min={GD_PARAMS.noise.min}
              max={GD_PARAMS.noise.max}
              step={0.1}
              format={(s) => `σ = ${fmt(s, 2)}`}
              onChange={(noise) => update({ noise })}
              hint="New data: restarts the run"
            />
          </div>
          <div className="chart-head">
            <h3>Loss per step</h3>
            <Toggle label="Log scale" checked={v.log} onChange={(log) => update({ log })} />
          </div>
          <StreamingChart
            series={[{ label: 'batch loss', buffer: session.loss }]}
            version={state.seriesVersion}
            logScale={v.log}
            title="Loss against training step"
          />
        </section>
      </div>
      <SurfaceExplorer
        values={explorer.values}
        update={updateExplorer}
        applyExperiment={applyExperiment}
        backend={backend}
        regression={{ noise: v.noise, seed: v.seed }}
        regressionPath={wbPath}
        regressionVersion={wbVersion}
      />
    </main>
  );
}
