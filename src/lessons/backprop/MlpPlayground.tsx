import { i18next } from '../../i18n';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useControlBinding } from '../../components/controls/binding';
import { LockMark } from '../../components/controls/LockMark';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { SpeedControl } from '../../components/controls/SpeedControl';
import { Toggle } from '../../components/controls/Toggle';
import { SessionTransport } from '../../components/controls/SessionTransport';
import { LabAlerts } from '../../components/LabAlerts';
import { StatusBar } from '../../components/StatusBar';
import { POINTS2D, POINTS2D_DATASETS, POINTS2D_RANGE } from '../../datasets/points2d';
import { FEATURES, type FeatureName } from '../../datasets/points2d-features';
import { buildPoints2D, type LearnerPoint, type Points2DSpec } from '../../datasets/points2d-split';
import { addPointToSpec, checkLearnerPoint, removePointFromSpec } from '../../datasets/points2d-edit';
import { useEmbed, useLocked } from '../../embed/context';
import { useEmbedTarget } from '../../embed/targets';
import { Part } from '../../embed/Widget';
import { ModelFile } from '../../export/ModelFile';
import { fmt } from '../../format';
import type { BackendChoice } from '../../ml/backend-names';
import type { MlpHyper, MlpSpec } from '../../ml/tasks/mlp';
import type { MlpView } from '../../ml/tasks/mlp-view';
import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import type { ValuesOf } from '../../state/schema';
import { useTrainingSession } from '../../state/useTrainingSession';
import { useSpeedLimit } from '../../state/useSpeedLimit';
import { useLessonColors } from './colors';
import { BatchNormPanel } from './BatchNormPanel';
import { DataPlot } from './DataPlot';
import { MlpCharts } from './MlpCharts';
import { MlpHistory } from './mlp-history';
import { MlpReadout, PlotLegend } from './MlpReadout';
import { FEATURE_TEXT, NetworkDiagram } from './NetworkDiagram';
import { ACTIVATIONS, HIDDEN_KEYS, MAX_HIDDEN_LAYERS, MLP_PARAMS } from './params';
import { MAX_ADDED_POINTS, MAX_REMOVED_POINTS, type ParsedEdits } from './points-url';
import { predictionDigest } from './prediction-digest';
import { SerialRunner } from './serial-runner';
import { RunsPanel } from '../../runs/RunsPanel';
import { formatMlpSetting, MLP_RUN_IGNORE } from '../../runs/labs/mlp';
import { toSettings } from '../../runs/run-record';
import { useRunOverlays, useRuns } from '../../runs/useRuns';

export type MlpValues = ValuesOf<typeof MLP_PARAMS>;

interface Props {
  values: MlpValues;
  /** Learner-added and removed points, parsed from the URL. */
  edits: ParsedEdits;
  update: (patch: Partial<MlpValues>) => void;
  setEdits: (added: LearnerPoint[], removed: number[]) => void;
  backend: BackendChoice;
}

/** A note under the data plot: a string key of the 'bp' namespace and its values (translated when shown). */
type Note = { key: string; values?: Record<string, string | number> } | null;

/** How near (in data units, the square is 12 wide) a click must be to remove a point. */
const REMOVE_RADIUS = 0.6;
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Part 2: the MLP playground (TensorFlow Playground, trained by tfjs in the worker). */
export function MlpPlayground({ values: v, edits, update, setEdits, backend }: Props) {
  const { t } = useTranslation('bp');
  const [session, state] = useTrainingSession<'mlp'>();
  useEmbedTarget(session);
  const embed = useEmbed();
  const [runner] = useState(() => new SerialRunner());
  const [history] = useState(() => new MlpHistory());
  const [note, setNote] = useState<Note>(null);
  const colors = useLessonColors();
  const view = state.view as MlpView | null;
  // Lesson-specific controls honour locks too, and are listed in the Embed dialog.
  const featLocked = useControlBinding('feat', t('mlp.features'));
  const seedLocked = useControlBinding('seed', t('mlp.newSeed'));
  const ptsLocked = useControlBinding('pts', t('mlp.editPoints'));
  const rmLocked = useLocked('rm');
  const pointsLocked = ptsLocked || rmLocked;

  useEffect(
    () =>
      session.subscribeEvents((e) => {
        if (e.type === 'ready') history.reset(e.view as MlpView);
        else if (e.type === 'metrics') history.ingest(e.batch.view as MlpView);
        else if (e.type === 'diverged') history.ingest(e.view as MlpView);
      }),
    [session, history],
  );

  const info = POINTS2D[v.ds];
  const classes = info.classes;
  const hidden = useMemo(() => HIDDEN_KEYS.slice(0, v.layers).map((k) => v[k]), [v]);
  // Added points that do not fit this data set (a class 2 on a two-class set) are left out.
  // Points from a link outside the square, or with a target out of range, are moved into range
  // (the page's notices say so: linkPointNotices); ones that cannot be used at all are left out.
  const added = useMemo(
    () => edits.added.flatMap((p) => checkLearnerPoint(p, info.kind, classes).point ?? []),
    [edits.added, info.kind, classes],
  );
  const dataSpec: Points2DSpec = useMemo(
    () => ({ dataset: v.ds, n: v.n, noise: v.noise, testRatio: v.test, seed: v.seed, extraPoints: added, removed: edits.removed }),
    [v.ds, v.n, v.noise, v.test, v.seed, added, edits.removed],
  );
  const split = useMemo(() => buildPoints2D(dataSpec), [dataSpec]);
  const trainCount = split.train.ys.length;
  const spec: MlpSpec = useMemo(
    () => ({ kind: 'mlp', data: dataSpec, features: [...v.feat], hidden, activation: v.act, seed: v.seed, batchNorm: v.bn }),
    [dataSpec, v.feat, hidden, v.act, v.seed, v.bn],
  );
  const hyper: MlpHyper = useMemo(
    () => ({
      learningRate: v.lr,
      batchSize: v.batch,
      optimizer: v.opt,
      l1: v.reg === 'l1' ? v.rrate : 0,
      l2: v.reg === 'l2' ? v.rrate : 0,
      dropout: v.drop,
    }),
    [v.lr, v.batch, v.opt, v.reg, v.rrate, v.drop],
  );
  // Runs: kept, compared (train loss overlaid) and rewound; see src/runs.
  const runs = useRuns(session, {
    lab: 'mlp',
    kind: 'mlp',
    settings: toSettings(v),
    spec,
    curves: () => ({ train: history.trainLoss, test: history.testLoss }),
    ignore: MLP_RUN_IGNORE,
    format: formatMlpSetting,
  });
  const runOverlays = useRunOverlays(runs, 'train');
  useSpeedLimit(session, v.sps);
  const hyperRef = useRef(hyper);
  useEffect(() => {
    hyperRef.current = hyper;
    void session.setHyper(hyper);
  }, [session, hyper]);

  // A new network (same seed: same initial weights) whenever the architecture or the data change;
  // a run that was training carries on training the new one.
  const specKey = JSON.stringify(spec);
  const resume = useRef(false);
  const rebuild = useEffectEvent(() => {
    if (session.getState().phase === 'running') resume.current = true;
    const s = spec;
    void runner.latest(async () => {
      await session.init(s, hyperRef.current, backend);
      if (resume.current && session.getState().phase === 'ready') void session.train();
      resume.current = false;
    });
  });
  useEffect(() => {
    const timer = setTimeout(rebuild, 150);
    return () => clearTimeout(timer);
  }, [specKey, backend]);

  const valueRange = useMemo(() => {
    if (info.kind !== 'regression') return 1;
    let m = 0.5;
    for (const y of split.train.ys) m = Math.max(m, Math.abs(y));
    return m;
  }, [split, info.kind]);

  /** A fingerprint of the predictions on screen (tests compare it across model export and import). */
  const digest = useMemo(() => predictionDigest(view?.grid), [view]);

  const onPick = (p: { x1: number; x2: number }, remove: boolean) => {
    if (pointsLocked) return setNote({ key: 'mlp.noteLocked' });
    if (remove) {
      const r = removePointFromSpec(dataSpec, p.x1, p.x2, REMOVE_RADIUS);
      if (!r.changed) return setNote({ key: 'mlp.noteNothingNear', values: { r: fmt(REMOVE_RADIUS), x1: fmt(p.x1, 3), x2: fmt(p.x2, 3) } });
      const removed = r.value.removed ?? [];
      if (removed.length > MAX_REMOVED_POINTS) return setNote({ key: 'mlp.noteMaxRemoved', values: { n: MAX_REMOVED_POINTS } });
      const next = buildPoints2D(r.value);
      if (next.train.ys.length < 2) return setNote({ key: 'mlp.noteKeepTwo' });
      setNote(null);
      setEdits(r.value.extraPoints ?? [], removed);
      return;
    }
    if (added.length >= MAX_ADDED_POINTS) return setNote({ key: 'mlp.noteMaxAdded', values: { n: MAX_ADDED_POINTS } });
    const y = info.kind === 'regression' ? v.val : Math.min(v.cls, classes - 1);
    const r = addPointToSpec(dataSpec, { x1: Math.round(p.x1 * 100) / 100, x2: Math.round(p.x2 * 100) / 100, y });
    if (!r.changed) return setNote({ key: 'mlp.noteNotAdded' });
    const placed = r.value.extraPoints?.at(-1);
    setNote(r.reason && placed ? { key: 'mlp.noteMoved', values: { x1: fmt(placed.x1, 3), x2: fmt(placed.x2, 3) } } : null);
    setEdits(r.value.extraPoints ?? [], edits.removed);
  };

  const useSuggestion = (lr: number, reset: boolean) => {
    update({ lr });
    void session.setHyper({ learningRate: lr }).then(() => (reset ? runner.run(() => session.reset()) : session.train()));
  };

  const setFeature = (f: FeatureName, on: boolean) => {
    if (!featLocked) update({ feat: on ? [...v.feat, f] : v.feat.filter((x) => x !== f) });
  };
  const regression = info.kind === 'regression';
  const kind = regression ? 'regression' : classes > 2 ? 'multiclass' : 'binary';
  const batchMax = Math.max(1, Math.min(MLP_PARAMS.batch.max, trainCount));
  const misfit = edits.added.length - added.length;

  const datasetOptions = POINTS2D_DATASETS.map((d) => ({
    value: d,
    label: POINTS2D[d].kind === 'regression' ? t('mlp.regressionSuffix', { name: t(`ds.${d}`) }) : t(`ds.${d}`),
  }));
  const activationOptions = ACTIVATIONS.map((a) => ({ value: a, label: t(`act.${a}`) }));
  const optimizerOptions = OPTIMIZERS.map((o) => ({ value: o, label: t(`opt.${o}`) }));
  const regOptions = [
    { value: 'none' as const, label: t('mlp.regNone') },
    { value: 'l1' as const, label: t('mlp.regL1') },
    { value: 'l2' as const, label: t('mlp.regL2') },
  ];
  const clickOptions = [
    { value: 'add' as const, label: t('mlp.clickAdd') },
    { value: 'remove' as const, label: t('mlp.clickRemove') },
  ];

  return (
    <section className="lab bp-lab" aria-label={t('mlp.lab')}>
      <StatusBar state={state} />
      <output data-testid="mlp-prediction-digest" data-value={digest} hidden />
      <LabAlerts state={state} learningRate={v.lr} onRestart={() => void runner.latest(() => session.init(spec, hyperRef.current, backend))} onUseSuggestion={useSuggestion} />
      <div className="bp-lab-top">
        <SessionTransport session={session} phase={state.phase} onReset={() => void runner.run(() => session.reset())} />
        <Part name="controls">
          <ModelFile session={session} name="mlp" />
        </Part>
        <MlpReadout view={view} regression={regression} penalty={v.reg !== 'none'} />
      </div>

      <div className={embed.hidden.has('controls') ? 'bp-lab-grid bp-no-controls' : 'bp-lab-grid'}>
        <Part name="controls">
          <div className="bp-col bp-col-train">
            <h3>{t('mlp.training')}</h3>
            <Slider
              label={t('mlp.learningRate')}
              urlKey="lr"
              value={v.lr}
              min={MLP_PARAMS.lr.min}
              max={MLP_PARAMS.lr.max}
              step={0.01}
              log
              format={(x) => `α = ${fmt(x, 3)}`}
              onChange={(lr) => update({ lr })}
            />
            <Slider
              label={t('mlp.batchSize')}
              urlKey="batch"
              value={Math.min(v.batch, batchMax)}
              min={1}
              max={batchMax}
              step={1}
              format={(m) => (m >= trainCount ? t('mlp.batchAll', { m }) : `${m}`)}
              onChange={(batch) => update({ batch })}
            />
            <Select label={t('mlp.optimizer')} urlKey="opt" value={v.opt} options={optimizerOptions} onChange={(opt) => update({ opt })} />
            <Select label={t('mlp.regularisation')} urlKey="reg" value={v.reg} options={regOptions} onChange={(reg) => update({ reg })} />
            <Slider
              label={t('mlp.regRate')}
              urlKey="rrate"
              value={v.rrate}
              min={MLP_PARAMS.rrate.min}
              max={MLP_PARAMS.rrate.max}
              step={0.01}
              log
              disabled={v.reg === 'none'}
              format={(x) => `λ = ${fmt(x, 2)}`}
              onChange={(rrate) => update({ rrate })}
            />
            <Slider
              label={t('mlp.dropout')}
              urlKey="drop"
              value={v.drop}
              min={0}
              max={MLP_PARAMS.drop.max}
              step={0.05}
              format={(x) => (x === 0 ? t('mlp.dropoutOff') : `p = ${fmt(x, 2)}`)}
              onChange={(drop) => update({ drop })}
            />
            <SpeedControl value={v.sps} onChange={(sps) => update({ sps })} urlKey="sps" />
            <p className="control-hint">{t('mlp.liveHint')}</p>

            <h3>{t('mlp.data')}</h3>
            <Select label={t('mlp.dataset')} urlKey="ds" value={v.ds} options={datasetOptions} onChange={(ds) => update({ ds })} />
            <Slider label={t('mlp.points')} urlKey="n" value={v.n} min={MLP_PARAMS.n.min} max={MLP_PARAMS.n.max} step={10} onChange={(n) => update({ n })} />
            <Slider label={t('mlp.noise')} urlKey="noise" value={v.noise} min={0} max={1} step={0.05} format={pct} onChange={(noise) => update({ noise })} />
            <Slider
              label={t('mlp.testRatio')}
              urlKey="test"
              value={v.test}
              min={0}
              max={MLP_PARAMS.test.max}
              step={0.05}
              format={pct}
              onChange={(test) => update({ test })}
            />
            <div className="bp-seed">
              <span>
                {t('mlp.seed')} <b data-testid="seed">{v.seed}</b>
              </span>
              <button
                type="button"
                disabled={seedLocked}
                title={seedLocked ? t('control.locked', { ns: 'common' }) : undefined}
                onClick={() => update({ seed: (v.seed + 1) % (MLP_PARAMS.seed.max + 1) })}
              >
                {t('mlp.newSeed')}
              </button>
            </div>
            <p className="control-hint">{t('mlp.rebuildHint')}</p>
          </div>
        </Part>

        <div className="bp-col bp-col-net">
          <h3>{t('mlp.network')}</h3>
          <Part name="controls">
            <fieldset className="control bp-features" disabled={featLocked} data-locked={featLocked || undefined}>
              <legend className="control-label">
                {t('mlp.features')}
                {featLocked && <LockMark />}
              </legend>
              {FEATURES.map((f) => (
                <label key={f}>
                  <input
                    type="checkbox"
                    checked={v.feat.includes(f)}
                    disabled={featLocked || (v.feat.length === 1 && v.feat.includes(f))}
                    onChange={(e) => setFeature(f, e.target.checked)}
                  />{' '}
                  {FEATURE_TEXT[f]}
                </label>
              ))}
            </fieldset>
            <div className="bp-arch">
              <Slider
                label={t('mlp.hiddenLayers')}
                urlKey="layers"
                value={v.layers}
                min={0}
                max={MAX_HIDDEN_LAYERS}
                step={1}
                onChange={(layers) => update({ layers })}
              />
              <Select label={t('mlp.activation')} urlKey="act" value={v.act} options={activationOptions} onChange={(act) => update({ act })} />
              <Toggle label={t('mlp.batchNorm')} urlKey="bn" checked={v.bn} onChange={(bn) => update({ bn })} />
              {HIDDEN_KEYS.slice(0, v.layers).map((key, i) => (
                <Slider
                  key={key}
                  label={t('mlp.neuronsIn', { n: i + 1 })}
                  urlKey={key}
                  value={v[key]}
                  min={1}
                  max={MLP_PARAMS[key].max}
                  step={1}
                  onChange={(x) => update({ [key]: x } as Partial<MlpValues>)}
                />
              ))}
            </div>
          </Part>
          <NetworkDiagram
            features={v.feat}
            hidden={hidden}
            kind={view?.output ?? kind}
            view={view}
            discrete={v.disc}
            valueRange={valueRange}
            batchNorm={v.bn && hidden.length > 0}
          />
          <BatchNormPanel bn={view?.batchNorm ?? null} batchSize={view?.hyper.batchSize ?? v.batch} />
        </div>

        <div className="bp-col bp-col-out">
          <h3>{t('mlp.output')}</h3>
          <DataPlot
            train={split.train}
            test={split.test}
            added={added.length}
            kind={kind}
            grid={view?.grid ?? null}
            showTest={v.showtest}
            discrete={v.disc}
            range={POINTS2D_RANGE}
            valueRange={valueRange}
            onPick={onPick}
            mode={v.click}
            locked={pointsLocked}
          />
          <p className="bp-counts">
            <span>
              {t('mlp.trainingPoints')} <b data-testid="train-count" data-value={trainCount}>{trainCount}</b>
            </span>
            <span>
              {t('mlp.testPoints')} <b data-testid="test-count" data-value={split.test.ys.length}>{split.test.ys.length}</b>
            </span>
            <span>
              {t('mlp.added')} <b data-testid="added-count" data-value={added.length}>{added.length}</b>
            </span>
            {(added.length > 0 || edits.removed.length > 0) && !pointsLocked && (
              <button type="button" className="linkish" onClick={() => setEdits([], [])}>
                {t('mlp.undoEdits')}
              </button>
            )}
          </p>
          <p className="bp-edit-note" aria-live="polite">
            {note && t(note.key, note.values ?? {})}
            {misfit > 0 && ` ${t('mlp.misfit', { count: misfit })}`}
          </p>
          <Part name="controls">
            <div className="bp-click">
              {regression ? (
                <Slider
                  label={t('mlp.valueToAdd')}
                  urlKey="val"
                  value={v.val}
                  min={MLP_PARAMS.val.min}
                  max={MLP_PARAMS.val.max}
                  step={0.05}
                  format={(x) => fmt(x, 3)}
                  onChange={(val) => update({ val })}
                />
              ) : (
                <Select
                  label={t('mlp.classToAdd')}
                  urlKey="cls"
                  value={String(Math.min(v.cls, classes - 1))}
                  options={Array.from({ length: classes }, (_, c) => ({ value: String(c), label: t('mlp.classOption', { name: t(`classes.${c}`), c }) }))}
                  onChange={(c) => update({ cls: Number(c) })}
                />
              )}
              <Select label={t('mlp.clickMode')} urlKey="click" value={v.click} options={clickOptions} onChange={(click) => update({ click })} />
            </div>
            <div className="bp-toggles">
              <Toggle label={t('mlp.showTest')} urlKey="showtest" checked={v.showtest} onChange={(showtest) => update({ showtest })} />
              <Toggle label={t('mlp.discretize')} urlKey="disc" checked={v.disc} onChange={(disc) => update({ disc })} />
            </div>
          </Part>
          <PlotLegend regression={regression} classes={classes} colors={colors} />
        </div>
        <Part name="chart">
          <MlpCharts extra={runOverlays} history={history} layerCount={hidden.length + 1} logScale={v.llog} onLogScale={(llog) => update({ llog })} colors={colors} />
        </Part>
      </div>
      <RunsPanel runs={runs} />
    </section>
  );
}

/** What the page's notices say about link points that were moved into range (none: []). */
export function linkPointNotices(added: readonly LearnerPoint[], ds: MlpValues['ds']): string[] {
  const info = POINTS2D[ds];
  const reasons = added.flatMap((p) => {
    const c = checkLearnerPoint(p, info.kind, info.classes);
    return c.point && c.reason ? [c.reason] : [];
  });
  return reasons.length ? [i18next.t('notice.pointsAdjusted', { count: reasons.length, detail: reasons.slice(0, 3).join('; ') })] : [];
}
