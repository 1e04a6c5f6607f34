import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { StreamingChart, type ChartSeries } from '../../../components/charts/StreamingChart';
import { Select } from '../../../components/controls/Select';
import { Slider } from '../../../components/controls/Slider';
import { Toggle } from '../../../components/controls/Toggle';
import { Transport } from '../../../components/controls/Transport';
import { DivergenceAlert } from '../../../components/DivergenceAlert';
import { Tex } from '../../../components/math/Tex';
import { themeColors } from '../../../components/viz/theme-colors';
import type { PathBuffer } from '../../../charts/path-buffer';
import type { PathToDraw } from '../../../viz/surface-plot';
import { fmt } from '../../../format';
import type { BackendChoice } from '../../../ml/backend-names';
import { createSurfaceInfo, SURFACES, SURFACE_LABELS } from '../../../ml/surfaces/surface-info';
import type { SurfaceRaceHyper, SurfaceRaceSpec, SurfaceRaceView } from '../../../ml/tasks/surface-race';
import { RACE_OPTIMIZERS, RACE_OPTIMIZER_LABELS, type RaceOptimizerName } from '../../../ml/train/optimizer-names';
import type { ValuesOf } from '../../../state/schema';
import { useTrainingSession } from '../../../state/useTrainingSession';
import { ExplorerProse } from './ExplorerProse';
import { OptimizerRules } from './OptimizerRules';
import { EXPLORER_PARAMS, RMS_DECAY } from './params';
import { RaceHistory } from './race-history';
import { SurfacePlot } from './SurfacePlot';
import { TryThis, type Experiment } from './TryThis';

type Values = ValuesOf<typeof EXPLORER_PARAMS>;

interface Props {
  values: Values;
  update: (patch: Partial<Values>) => void;
  /** Replace all explorer keys at once (for "try this"). */
  applyExperiment: (params: Record<string, string>) => void;
  backend: BackendChoice;
  /** The regression lab's data, so its loss surface matches the points on the page. */
  regression: { noise: number; seed: number };
  /** The regression lab's own (w, b) path, drawn on the regression surface. */
  regressionPath: PathBuffer;
  regressionVersion: number;
}

const SURFACE_OPTIONS = SURFACES.map((s) => ({ value: s, label: SURFACE_LABELS[s] }));
const ADAPTIVE: readonly RaceOptimizerName[] = ['rmsprop', 'adam'];

/** Optimisers race on a 2-D loss surface; every step is a real tfjs optimiser step in the worker. */
export function SurfaceExplorer({ values: v, update, applyExperiment, backend, regression, regressionPath, regressionVersion }: Props) {
  const [session, state] = useTrainingSession<'surface-race'>();
  const [history] = useState(() => new RaceHistory());
  const [historyVersion, setHistoryVersion] = useState(0);
  const colors = themeColors();

  const surface = useMemo(
    () => createSurfaceInfo(v.surf, { condition: v.kappa, noise: regression.noise, seed: regression.seed }),
    [v.surf, v.kappa, regression.noise, regression.seed],
  );
  const start = { x: v.sx ?? surface.start.x, y: v.sy ?? surface.start.y };
  const gradLr = v.slr ?? surface.suggestedLearningRate.gradient;
  const adaptiveLr = v.alr ?? surface.suggestedLearningRate.adaptive;
  const hyper: SurfaceRaceHyper = {
    learningRate: gradLr,
    learningRates: { rmsprop: adaptiveLr, adam: adaptiveLr },
    momentum: v.beta,
    rmsDecay: RMS_DECAY,
    beta1: v.b1,
    beta2: v.b2,
    noise: v.gnoise,
  };
  const spec: SurfaceRaceSpec = {
    kind: 'surface-race',
    surface: v.surf,
    surfaceParams: { condition: v.kappa, noise: regression.noise, seed: regression.seed },
    racers: v.racers,
    start,
    seed: 1,
  };

  useEffect(
    () =>
      session.subscribeEvents((e) => {
        if (e.type === 'ready') history.reset(e.view as SurfaceRaceView);
        else if (e.type === 'metrics') history.ingest(e.batch.view as SurfaceRaceView);
        else if (e.type === 'diverged') history.ingest(e.view as SurfaceRaceView);
        else return;
        setHistoryVersion(history.version);
      }),
    [session, history],
  );

  // The race's worker starts only once the explorer scrolls into view: a learner reading the
  // regression lab above does not pay for a second engine.
  const [active, setActive] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = sectionRef.current;
    if (!el || active) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setActive(true);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [active]);

  // A new race when the surface, racers or start change (debounced while dragging sliders).
  const specKey = JSON.stringify(spec);
  const initRace = () => void session.init(spec, hyper, backend);
  const initFromEffect = useEffectEvent(initRace);
  useEffect(() => {
    if (!active) return;
    const t = setTimeout(initFromEffect, 120);
    return () => clearTimeout(t);
  }, [session, specKey, backend, active]);

  const hyperKey = JSON.stringify(hyper);
  const pushHyper = useEffectEvent(() => void session.setHyper(hyper));
  useEffect(() => {
    if (active) pushHyper();
  }, [session, hyperKey, active]);
  useEffect(() => {
    if (active) void session.setMaxStepsPerSec(v.sps >= 1000 ? Infinity : v.sps);
  }, [session, v.sps, active]);

  const view = state.view as SurfaceRaceView | null;
  const racerColor = (id: RaceOptimizerName) => colors.series[RACE_OPTIMIZERS.indexOf(id) % colors.series.length]!;
  const paths: PathToDraw[] = v.racers.flatMap((id) => {
    const p = history.paths.get(id);
    const r = view?.racers.find((x) => x.id === id);
    return p ? [{ color: racerColor(id), xs: p.xs, ys: p.ys, length: p.length, stopped: r?.diverged ?? false }] : [];
  });
  if (v.surf === 'regression' && regressionPath.length > 0) {
    paths.push({ color: '#ffffff', xs: regressionPath.xs, ys: regressionPath.ys, length: regressionPath.length, stopped: false, dashed: true });
  }
  const series: ChartSeries[] = v.racers.flatMap((id) => {
    const b = history.losses.get(id);
    return b ? [{ label: RACE_OPTIMIZER_LABELS[id], buffer: b, color: racerColor(id) }] : [];
  });
  const usesGrad = v.racers.some((r) => !ADAPTIVE.includes(r));
  const usesAdaptive = v.racers.some((r) => ADAPTIVE.includes(r));
  const axis: [string, string] = v.surf === 'regression' ? ['w', 'b'] : ['x', 'y'];

  return (
    <section className="explorer" aria-label="Loss-surface explorer" ref={sectionRef}>
      <h2>Optimisers race on a loss surface</h2>
      <p>
        Here the "model" is just a point <Tex math="(x, y)" /> and the loss is the height of the surface{' '}
        <Tex math={surface.tex} />. Each optimiser starts from the same point (click or drag on the map to move it) and
        takes real TensorFlow.js optimiser steps, computed in the worker.
      </p>
      <div className="explorer-grid">
        <div className="explorer-main">
          <div className="status-bar" data-phase={state.phase}>
            <span>race</span>
            <span>
              step <b data-testid="race-step" data-value={state.step}>{state.step}</b>
            </span>
            <span className="status-phase">{state.phase === 'running' ? 'racing' : state.phase}</span>
          </div>
          {state.phase === 'diverged' && state.divergence && (
            <DivergenceAlert
              divergence={state.divergence}
              learningRate={gradLr}
              onUseSuggestion={(lr, reset) => {
                update({ slr: lr });
                void session.setHyper({ learningRate: lr }).then(() => (reset ? session.reset() : session.train()));
              }}
            />
          )}
          <SurfacePlot
            surface={surface}
            start={start}
            paths={paths}
            version={historyVersion + regressionVersion}
            onPickStart={(p) => update({ sx: Number(p.x.toPrecision(4)), sy: Number(p.y.toPrecision(4)) })}
            axisLabels={axis}
          />
          <ul className="racers" aria-label="Racers">
            {v.racers.map((id) => {
              const r = view?.racers.find((x) => x.id === id);
              return (
                <li key={id} data-testid={`racer-${id}`} data-loss={r?.loss ?? ''}>
                  <i style={{ background: racerColor(id) }} /> {RACE_OPTIMIZER_LABELS[id]}: f = {fmt(r?.loss)} at (
                  {fmt(r?.x, 3)}, {fmt(r?.y, 3)}){r?.diverged ? ' — diverged, stopped' : ''}
                </li>
              );
            })}
            {v.surf === 'regression' && <li>dashed white: the regression lab's own path (w, b)</li>}
          </ul>
          <Transport
            phase={state.phase}
            onTrain={() => void session.train()}
            onPause={() => void session.pause()}
            onStep={() => void session.step(1)}
            onReset={() => void session.reset()}
          />
          <div className="chart-head">
            <h3>f per step</h3>
            <Toggle label="Log scale (race)" checked={v.slog} onChange={(slog) => update({ slog })} />
          </div>
          <StreamingChart series={series} version={historyVersion} logScale={v.slog} title="Loss of each optimiser against step" />
        </div>
        <div className="explorer-controls">
          <Select label="Surface" value={v.surf} options={SURFACE_OPTIONS} onChange={(surf) => update({ surf, sx: null, sy: null, slr: null, alr: null })} />
          {v.surf === 'bowl' && (
            <Slider label="Condition number κ" value={v.kappa} min={1} max={100} step={1} format={(k) => fmt(k, 3)} onChange={(kappa) => update({ kappa })} />
          )}
          <fieldset className="control racer-picker">
            <legend className="control-label">Optimisers</legend>
            {RACE_OPTIMIZERS.map((id) => (
              <label key={id}>
                <input
                  type="checkbox"
                  checked={v.racers.includes(id)}
                  disabled={v.racers.length === 1 && v.racers.includes(id)}
                  onChange={(e) =>
                    update({ racers: e.target.checked ? [...v.racers, id] : v.racers.filter((r) => r !== id) })
                  }
                />{' '}
                <i style={{ background: racerColor(id) }} /> {RACE_OPTIMIZER_LABELS[id]}
              </label>
            ))}
          </fieldset>
          {usesGrad && (
            <Slider label="Learning rate (SGD, Momentum, Nesterov)" value={gradLr} min={1e-4} max={1} step={0.01} log format={(x) => `α = ${fmt(x, 3)}`} onChange={(slr) => update({ slr })} />
          )}
          {usesAdaptive && (
            <Slider label="Learning rate (RMSProp, Adam)" value={adaptiveLr} min={1e-4} max={1} step={0.01} log format={(x) => `α = ${fmt(x, 3)}`} onChange={(alr) => update({ alr })} />
          )}
          <Slider label="Momentum β" value={v.beta} min={0} max={0.99} step={0.01} format={(b) => fmt(b, 3)} onChange={(beta) => update({ beta })} />
          <Slider label="Adam β1" value={v.b1} min={0} max={0.999} step={0.001} format={(b) => fmt(b, 3)} onChange={(b1) => update({ b1 })} />
          <Slider label="Adam β2" value={v.b2} min={0.9} max={0.9999} step={0.0001} format={(b) => fmt(b, 4)} onChange={(b2) => update({ b2 })} />
          <Slider label="Gradient noise" value={v.gnoise} min={0} max={5} step={0.1} format={(s) => `σ = ${fmt(s, 2)}`} onChange={(gnoise) => update({ gnoise })} />
          <Slider
            label="Steps per second"
            value={v.sps}
            min={1}
            max={1000}
            step={0.01}
            log
            format={(s) => (s >= 1000 ? 'as fast as possible' : `${fmt(s, 2)} /s`)}
            onChange={(sps) => update({ sps: Math.round(sps) })}
          />
        </div>
      </div>
      <ExplorerProse />
      <OptimizerRules racers={v.racers} gradLr={gradLr} adaptiveLr={adaptiveLr} beta={v.beta} beta1={v.b1} beta2={v.b2} rho={RMS_DECAY} />
      <TryThis onTry={(e: Experiment) => applyExperiment(e.params)} />
    </section>
  );
}
