import { useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { StreamingChart, type ChartSeries } from '../../../components/charts/StreamingChart';
import { useControlBinding } from '../../../components/controls/binding';
import { LockMark } from '../../../components/controls/LockMark';
import { Select } from '../../../components/controls/Select';
import { Slider } from '../../../components/controls/Slider';
import { Toggle } from '../../../components/controls/Toggle';
import { SessionTransport } from '../../../components/controls/SessionTransport';
import { DivergenceAlert } from '../../../components/DivergenceAlert';
import { themeColors } from '../../../components/viz/theme-colors';
import { isHidden, useEmbed, useLocked } from '../../../embed/context';
import { useEmbedTarget } from '../../../embed/targets';
import { Part } from '../../../embed/Widget';
import { WidgetHeading } from '../../../embed/WidgetHeading';
import { WidgetTools } from '../../../embed/WidgetTools';
import { ModelFile } from '../../../export/ModelFile';
import type { PathToDraw } from '../../../viz/surface-plot';
import { fmt } from '../../../format';
import type { BackendChoice } from '../../../ml/backend-names';
import { createSurfaceInfo, SURFACES } from '../../../ml/surfaces/surface-info';
import type { SurfaceRaceHyper, SurfaceRaceSpec, SurfaceRaceView } from '../../../ml/tasks/surface-race';
import { RACE_OPTIMIZERS, type RaceOptimizerName } from '../../../ml/train/optimizer-names';
import { parseParams, type ValuesOf } from '../../../state/schema';
import { useTrainingSession } from '../../../state/useTrainingSession';
import { ExplorerIntro, ExplorerProse } from './ExplorerProse';
import { OptimizerRules } from './OptimizerRules';
import { EXPLORER_PARAMS, RMS_DECAY } from './params';
import { RaceHistory } from './race-history';
import { SurfacePlot } from './SurfacePlot';
import { TryThis, type Experiment } from './TryThis';
import type { WbTrack } from '../wb-track';
import { useDebouncedRebuild } from '../../../state/useDebouncedRebuild';

type Values = ValuesOf<typeof EXPLORER_PARAMS>;

interface Props {
  values: Values;
  /** Write explorer keys to the URL (keys an embedding page locked are skipped). */
  update: (patch: Partial<Values>) => void;
  backend: BackendChoice;
  /** The regression lab's data, so its loss surface matches the points on the page. */
  regression: { noise: number; seed: number };
  /**
   * The regression lab's own (w, b) path, drawn on the regression surface. Empty
   * when the lab is not on screen (this widget embedded alone): then nothing is drawn.
   */
  regressionTrack: WbTrack;
}

const ADAPTIVE: readonly RaceOptimizerName[] = ['rmsprop', 'adam'];
const NO_SUBSCRIPTION = () => () => {};

/**
 * Optimisers race on a 2-D loss surface; every step is a real tfjs optimiser step in the worker.
 * The embeddable widget 'optimizer-race': render it inside <Widget id="optimizer-race">.
 */
export function SurfaceExplorer({ values: v, update, backend, regression, regressionTrack }: Props) {
  const { t } = useTranslation('gd');
  const embed = useEmbed();
  const [session, state] = useTrainingSession<'surface-race'>();
  useEmbedTarget(session);
  const [history] = useState(() => new RaceHistory());
  const [historyVersion, setHistoryVersion] = useState(0);
  const colors = themeColors();

  // Controls that are not a Slider/Select/Toggle: bound to their URL keys here, so locks hold.
  const racersLocked = useControlBinding('racers', t('explorer.optimisers'));
  const sxLocked = useControlBinding('sx', t('explorer.startX'));
  const syLocked = useControlBinding('sy', t('explorer.startY'));
  const startLocked = sxLocked || syLocked;
  const gradLrLocked = useLocked('slr');

  const surface = useMemo(
    () => createSurfaceInfo(v.surf, { condition: v.kappa, noise: regression.noise, seed: regression.seed }),
    [v.surf, v.kappa, regression.noise, regression.seed],
  );
  const surfaceOptions = SURFACES.map((s) => ({ value: s, label: t(`surface.${s}`) }));
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
  useDebouncedRebuild(initRace, `${specKey}|${backend}`, 120, active);

  const hyperKey = JSON.stringify(hyper);
  const pushHyper = useEffectEvent(() => void session.setHyper(hyper));
  useEffect(() => {
    if (active) pushHyper();
  }, [session, hyperKey, active]);
  useEffect(() => {
    if (active) void session.setMaxStepsPerSec(v.sps >= 1000 ? Infinity : v.sps);
  }, [session, v.sps, active]);

  /** A "Try this" experiment: its keys, every other explorer key back to its default (locked keys stay). */
  const applyExperiment = (e: Experiment) => update(parseParams(EXPLORER_PARAMS, new URLSearchParams(e.params)).values);

  const view = state.view as SurfaceRaceView | null;
  const racerColor = (id: RaceOptimizerName) => colors.series[RACE_OPTIMIZERS.indexOf(id) % colors.series.length]!;
  const racerLabel = (id: RaceOptimizerName) => t(`opt.${id}`);
  const paths: PathToDraw[] = v.racers.flatMap((id) => {
    const p = history.paths.get(id);
    const r = view?.racers.find((x) => x.id === id);
    return p ? [{ color: racerColor(id), xs: p.xs, ys: p.ys, length: p.length, stopped: r?.diverged ?? false }] : [];
  });
  // The lab's path matters only on its own surface: only then does its progress re-render this widget.
  const regressionVersion = useSyncExternalStore(
    v.surf === 'regression' ? regressionTrack.subscribe : NO_SUBSCRIPTION,
    regressionTrack.getVersion,
  );
  const regressionPath = regressionTrack.path;
  const showRegressionPath = v.surf === 'regression' && regressionPath.length > 0;
  if (showRegressionPath) {
    // Drawn over the viridis heatmap, whose colours do not change with the theme: white reads on it in both.
    paths.push({ color: '#ffffff', xs: regressionPath.xs, ys: regressionPath.ys, length: regressionPath.length, stopped: false, dashed: true });
  }
  const series: ChartSeries[] = v.racers.flatMap((id) => {
    const b = history.losses.get(id);
    return b ? [{ label: racerLabel(id), buffer: b, color: racerColor(id) }] : [];
  });
  const usesGrad = v.racers.some((r) => !ADAPTIVE.includes(r));
  const usesAdaptive = v.racers.some((r) => ADAPTIVE.includes(r));
  const axis: [string, string] = v.surf === 'regression' ? ['w', 'b'] : ['x', 'y'];
  const controlsHidden = isHidden(embed, 'controls');
  const alpha = (x: number) => `α = ${fmt(x, 3)}`;
  // Embedded, Train … Reset sit above the surface, so a small frame shows them with the picture.
  const transport = (
    <Part name="controls">
      <SessionTransport session={session} phase={state.phase} />
      <ModelFile session={session} name="optimizer-race" />
    </Part>
  );

  return (
    <section className="explorer" aria-label={t('explorer.region')} ref={sectionRef}>
      <div className="gd-widget-head">
        <WidgetHeading>{t('explorer.title')}</WidgetHeading>
        <WidgetTools />
      </div>
      <Part name="explanation">
        <ExplorerIntro surfaceTex={surface.tex} />
      </Part>
      <div className={controlsHidden ? 'explorer-grid gd-solo' : 'explorer-grid'}>
        <div className="explorer-main">
          <Part name="status">
            <div className="status-bar" data-phase={state.phase}>
              <span>{t('explorer.race')}</span>
              <span>
                {t('explorer.step')}{' '}
                <b data-testid="race-step" data-value={state.step}>
                  {state.step}
                </b>
              </span>
              <span className="status-phase">{t(`phase.${state.phase}`)}</span>
            </div>
          </Part>
          {state.phase === 'diverged' && state.divergence && (
            <DivergenceAlert
              divergence={state.divergence}
              learningRate={gradLr}
              onUseSuggestion={(lr, reset) => {
                // A learning rate the embedding page locked stays: the run just starts over with it.
                if (gradLrLocked) return void session.reset();
                update({ slr: lr });
                void session.setHyper({ learningRate: lr }).then(() => (reset ? session.reset() : session.train()));
              }}
            />
          )}
          {embed.embedded && transport}
          <SurfacePlot
            surface={surface}
            label={t(`surface.${v.surf}`)}
            start={start}
            paths={paths}
            version={historyVersion + regressionVersion}
            onPickStart={(p) => update({ sx: Number(p.x.toPrecision(4)), sy: Number(p.y.toPrecision(4)) })}
            axisLabels={axis}
            locked={startLocked}
          />
          <ul className="racers" aria-label={t('explorer.racers')}>
            {v.racers.map((id) => {
              const r = view?.racers.find((x) => x.id === id);
              return (
                <li key={id} data-testid={`racer-${id}`} data-loss={r?.loss ?? ''}>
                  <i style={{ background: racerColor(id) }} />{' '}
                  {t('explorer.racerAt', { name: racerLabel(id), f: fmt(r?.loss), x: fmt(r?.x, 3), y: fmt(r?.y, 3) })}
                  {r?.diverged ? t('explorer.racerStopped') : ''}
                </li>
              );
            })}
            {showRegressionPath && <li>{t('explorer.regressionPath')}</li>}
          </ul>
          {!embed.embedded && transport}
          <Part name="chart">
            <div className="chart-head">
              <h3>{t('explorer.chartHeading')}</h3>
              <Toggle label={t('explorer.log')} checked={v.slog} onChange={(slog) => update({ slog })} urlKey="slog" />
            </div>
            <StreamingChart series={series} version={historyVersion} logScale={v.slog} title={t('explorer.chartTitle')} />
          </Part>
        </div>
        <Part name="controls">
          <div className="explorer-controls">
            <Select
              label={t('explorer.surface')}
              value={v.surf}
              options={surfaceOptions}
              onChange={(surf) => update({ surf, sx: null, sy: null, slr: null, alr: null })}
              urlKey="surf"
            />
            {v.surf === 'bowl' && (
              <Slider
                label={t('explorer.kappa')}
                value={v.kappa}
                min={1}
                max={100}
                step={1}
                format={(k) => fmt(k, 3)}
                onChange={(kappa) => update({ kappa })}
                urlKey="kappa"
              />
            )}
            <fieldset className="control racer-picker" disabled={racersLocked}>
              <legend className="control-label">
                {t('explorer.optimisers')}
                {racersLocked && <LockMark />}
              </legend>
              {RACE_OPTIMIZERS.map((id) => (
                <label key={id}>
                  <input
                    type="checkbox"
                    checked={v.racers.includes(id)}
                    disabled={racersLocked || (v.racers.length === 1 && v.racers.includes(id))}
                    data-locked={racersLocked || undefined}
                    onChange={(e) => {
                      if (racersLocked) return;
                      update({ racers: e.target.checked ? [...v.racers, id] : v.racers.filter((r) => r !== id) });
                    }}
                  />{' '}
                  <i style={{ background: racerColor(id) }} /> {racerLabel(id)}
                </label>
              ))}
            </fieldset>
            {usesGrad && (
              <Slider
                label={t('explorer.gradLr')}
                value={gradLr}
                min={1e-4}
                max={1}
                step={0.01}
                log
                format={alpha}
                onChange={(slr) => update({ slr })}
                urlKey="slr"
              />
            )}
            {usesAdaptive && (
              <Slider
                label={t('explorer.adaptiveLr')}
                value={adaptiveLr}
                min={1e-4}
                max={1}
                step={0.01}
                log
                format={alpha}
                onChange={(alr) => update({ alr })}
                urlKey="alr"
              />
            )}
            <Slider
              label={t('explorer.beta')}
              value={v.beta}
              min={0}
              max={0.99}
              step={0.01}
              format={(b) => fmt(b, 3)}
              onChange={(beta) => update({ beta })}
              urlKey="beta"
            />
            <Slider
              label={t('explorer.beta1')}
              value={v.b1}
              min={0}
              max={0.999}
              step={0.001}
              format={(b) => fmt(b, 3)}
              onChange={(b1) => update({ b1 })}
              urlKey="b1"
            />
            <Slider
              label={t('explorer.beta2')}
              value={v.b2}
              min={0.9}
              max={0.9999}
              step={0.0001}
              format={(b) => fmt(b, 4)}
              onChange={(b2) => update({ b2 })}
              urlKey="b2"
            />
            <Slider
              label={t('explorer.gnoise')}
              value={v.gnoise}
              min={0}
              max={5}
              step={0.1}
              format={(s) => `σ = ${fmt(s, 2)}`}
              onChange={(gnoise) => update({ gnoise })}
              urlKey="gnoise"
            />
            <Slider
              label={t('explorer.sps')}
              value={v.sps}
              min={1}
              max={1000}
              step={0.01}
              log
              format={(s) => (s >= 1000 ? t('explorer.spsMax') : t('explorer.spsValue', { v: fmt(s, 2) }))}
              onChange={(sps) => update({ sps: Math.round(sps) })}
              urlKey="sps"
            />
          </div>
        </Part>
      </div>
      <Part name="explanation">
        <ExplorerProse />
        <OptimizerRules
          racers={v.racers}
          gradLr={gradLr}
          adaptiveLr={adaptiveLr}
          beta={v.beta}
          beta1={v.b1}
          beta2={v.b2}
          rho={RMS_DECAY}
        />
      </Part>
      <Part name="controls">
        <TryThis onTry={applyExperiment} />
      </Part>
    </section>
  );
}
