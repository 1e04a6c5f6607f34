import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { StreamingChart, type ChartSeries } from '../../components/charts/StreamingChart';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { Transport } from '../../components/controls/Transport';
import { DivergenceAlert } from '../../components/DivergenceAlert';
import { StatusBar } from '../../components/StatusBar';
import { themeColors } from '../../components/viz/theme-colors';
import { POINTS2D, POINTS2D_DATASETS, POINTS2D_RANGE } from '../../datasets/points2d';
import { FEATURES, type FeatureName } from '../../datasets/points2d-features';
import { buildPoints2D, type LearnerPoint, type Points2DSpec } from '../../datasets/points2d-split';
import { addPointToSpec, checkLearnerPoint, removePointFromSpec } from '../../datasets/points2d-edit';
import { fmt, fmtInt } from '../../format';
import type { BackendChoice } from '../../ml/backend-names';
import type { MlpHyper, MlpSpec } from '../../ml/tasks/mlp';
import type { MlpView } from '../../ml/tasks/mlp-view';
import { OPTIMIZERS, OPTIMIZER_LABELS } from '../../ml/train/optimizer-names';
import type { ValuesOf } from '../../state/schema';
import { useTrainingSession } from '../../state/useTrainingSession';
import { CLASS_NAMES, lessonColors } from './colors';
import { DataPlot } from './DataPlot';
import { MlpHistory } from './mlp-history';
import { FEATURE_TEXT, NetworkDiagram } from './NetworkDiagram';
import { ACTIVATIONS, ACTIVATION_LABELS, HIDDEN_KEYS, MAX_HIDDEN_LAYERS, MLP_PARAMS } from './params';
import { MAX_ADDED_POINTS, MAX_REMOVED_POINTS, type ParsedEdits } from './points-url';
import { SerialRunner } from './serial-runner';

export type MlpValues = ValuesOf<typeof MLP_PARAMS>;

interface Props {
  values: MlpValues;
  /** Learner-added and removed points, parsed from the URL. */
  edits: ParsedEdits;
  update: (patch: Partial<MlpValues>) => void;
  setEdits: (added: LearnerPoint[], removed: number[]) => void;
  backend: BackendChoice;
}

const DATASET_OPTIONS = POINTS2D_DATASETS.map((d) => ({
  value: d,
  label: POINTS2D[d].kind === 'regression' ? `${POINTS2D[d].label} (regression)` : POINTS2D[d].label,
}));
const ACTIVATION_OPTIONS = ACTIVATIONS.map((a) => ({ value: a, label: ACTIVATION_LABELS[a] }));
const OPTIMIZER_OPTIONS = OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }));
const REG_OPTIONS = [
  { value: 'none' as const, label: 'None' },
  { value: 'l1' as const, label: 'L1 (λ Σ|w|)' },
  { value: 'l2' as const, label: 'L2 (λ Σw²)' },
];
const CLICK_OPTIONS = [
  { value: 'add' as const, label: 'adds a point' },
  { value: 'remove' as const, label: 'removes the nearest point' },
];
/** How near (in data units, the square is 12 wide) a click must be to remove a point. */
const REMOVE_RADIUS = 0.6;
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Part 2: the MLP playground (TensorFlow Playground, trained by tfjs in the worker). */
export function MlpPlayground({ values: v, edits, update, setEdits, backend }: Props) {
  const [session, state] = useTrainingSession<'mlp'>();
  const [runner] = useState(() => new SerialRunner());
  const [history] = useState(() => new MlpHistory());
  const [note, setNote] = useState<string | null>(null);
  const colors = lessonColors();
  const palette = themeColors().series;
  const view = state.view as MlpView | null;

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
  const added = useMemo(
    () => edits.added.filter((p) => checkLearnerPoint(p, info.kind, classes).point !== null),
    [edits.added, info.kind, classes],
  );
  const dataSpec: Points2DSpec = useMemo(
    () => ({ dataset: v.ds, n: v.n, noise: v.noise, testRatio: v.test, seed: v.seed, extraPoints: added, removed: edits.removed }),
    [v.ds, v.n, v.noise, v.test, v.seed, added, edits.removed],
  );
  const split = useMemo(() => buildPoints2D(dataSpec), [dataSpec]);
  const trainCount = split.train.ys.length;
  const spec: MlpSpec = useMemo(
    () => ({ kind: 'mlp', data: dataSpec, features: [...v.feat], hidden, activation: v.act, seed: v.seed }),
    [dataSpec, v.feat, hidden, v.act, v.seed],
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
    const t = setTimeout(rebuild, 150);
    return () => clearTimeout(t);
  }, [specKey, backend]);

  const valueRange = useMemo(() => {
    if (info.kind !== 'regression') return 1;
    let m = 0.5;
    for (const y of split.train.ys) m = Math.max(m, Math.abs(y));
    return m;
  }, [split, info.kind]);

  const onPick = (p: { x1: number; x2: number }, remove: boolean) => {
    if (remove) {
      const r = removePointFromSpec(dataSpec, p.x1, p.x2, REMOVE_RADIUS);
      if (!r.changed) return setNote(`Nothing removed: ${r.reason ?? 'no point there'}.`);
      const removed = r.value.removed ?? [];
      if (removed.length > MAX_REMOVED_POINTS) return setNote(`At most ${MAX_REMOVED_POINTS} removed points fit in the link.`);
      const next = buildPoints2D(r.value);
      if (next.train.ys.length < 2) return setNote('Keep at least two training points.');
      setNote(null);
      setEdits(r.value.extraPoints ?? [], removed);
      return;
    }
    if (added.length >= MAX_ADDED_POINTS) return setNote(`At most ${MAX_ADDED_POINTS} added points fit in the link; remove some first.`);
    const y = info.kind === 'regression' ? v.val : Math.min(v.cls, classes - 1);
    const r = addPointToSpec(dataSpec, { x1: Math.round(p.x1 * 100) / 100, x2: Math.round(p.x2 * 100) / 100, y });
    if (!r.changed) return setNote(`Nothing added: ${r.reason ?? 'invalid point'}.`);
    setNote(r.reason);
    setEdits(r.value.extraPoints ?? [], edits.removed);
  };

  const useSuggestion = (lr: number, reset: boolean) => {
    update({ lr });
    void session.setHyper({ learningRate: lr }).then(() => (reset ? runner.run(() => session.reset()) : session.train()));
  };

  const lossSeries: ChartSeries[] = useMemo(
    () => [
      { label: 'train loss', buffer: history.trainLoss, color: colors.classCss[1] },
      { label: 'test loss', buffer: history.testLoss, color: colors.classCss[0] },
    ],
    [history, colors],
  );
  const layerCount = hidden.length + 1;
  const normSeries: ChartSeries[] = useMemo(
    () =>
      Array.from({ length: layerCount }, (_, l) => ({
        label: l === layerCount - 1 ? `W${l + 1} (→ output)` : `W${l + 1} (→ layer ${l + 1})`,
        buffer: history.gradNorms[l]!,
        color: palette[l] ?? colors.fg,
      })),
    [history, layerCount, palette, colors],
  );

  const setFeature = (f: FeatureName, on: boolean) => update({ feat: on ? [...v.feat, f] : v.feat.filter((x) => x !== f) });
  const regression = info.kind === 'regression';
  const batchMax = Math.max(1, Math.min(MLP_PARAMS.batch.max, trainCount));

  return (
    <section className="lab bp-lab" aria-label="MLP playground">
      <StatusBar state={state} />
      {state.fallbackReason && (
        <p className="notice-inline" role="note">
          The previous backend failed ({state.fallbackReason}). Training moved to {state.backend?.label} and continued
          from the last weights.
        </p>
      )}
      {state.phase === 'error' && (
        <div className="alert" role="alert">
          <strong>Training stopped.</strong> {state.error}{' '}
          <button type="button" onClick={() => void runner.latest(() => session.init(spec, hyperRef.current, backend))}>
            Restart
          </button>
        </div>
      )}
      {state.phase === 'diverged' && state.divergence && (
        <DivergenceAlert divergence={state.divergence} learningRate={v.lr} onUseSuggestion={useSuggestion} />
      )}
      <div className="bp-lab-top">
        <Transport
          phase={state.phase}
          onTrain={() => void session.train()}
          onPause={() => void session.pause()}
          onStep={() => void session.step(1)}
          onReset={() => void runner.run(() => session.reset())}
        />
        <dl className="readout bp-readout">
          <div>
            <dt>train loss</dt>
            <dd data-testid="train-loss" data-value={view?.trainLoss ?? ''}>
              {fmt(view?.trainLoss)}
            </dd>
          </div>
          <div>
            <dt>test loss</dt>
            <dd data-testid="test-loss" data-value={view?.testLoss ?? ''}>
              {fmt(view?.testLoss)}
            </dd>
          </div>
          {!regression && (
            <>
              <div>
                <dt>train accuracy</dt>
                <dd data-testid="train-acc" data-value={view?.trainAccuracy ?? ''}>
                  {view?.trainAccuracy == null ? '—' : `${fmt(view.trainAccuracy * 100, 3)} %`}
                </dd>
              </div>
              <div>
                <dt>test accuracy</dt>
                <dd data-testid="test-acc" data-value={view?.testAccuracy ?? ''}>
                  {view?.testAccuracy == null ? '—' : `${fmt(view.testAccuracy * 100, 3)} %`}
                </dd>
              </div>
            </>
          )}
          {v.reg !== 'none' && (
            <div>
              <dt>penalty</dt>
              <dd data-testid="penalty" data-value={view?.penalty ?? ''}>
                {fmt(view?.penalty)}
              </dd>
            </div>
          )}
          <div>
            <dt>epoch</dt>
            <dd>{fmtInt(view?.epoch ?? 0)}</dd>
          </div>
        </dl>
      </div>

      <div className="bp-lab-grid">
        <div className="bp-col bp-col-train">
          <h3>Training</h3>
          <Slider
            label="Learning rate"
            value={v.lr}
            min={MLP_PARAMS.lr.min}
            max={MLP_PARAMS.lr.max}
            step={0.01}
            log
            format={(x) => `α = ${fmt(x, 3)}`}
            onChange={(lr) => update({ lr })}
          />
          <Slider
            label="Batch size"
            value={Math.min(v.batch, batchMax)}
            min={1}
            max={batchMax}
            step={1}
            format={(m) => (m >= trainCount ? `${m} (all)` : `${m}`)}
            onChange={(batch) => update({ batch })}
          />
          <Select label="Optimizer" value={v.opt} options={OPTIMIZER_OPTIONS} onChange={(opt) => update({ opt })} />
          <Select label="Regularisation" value={v.reg} options={REG_OPTIONS} onChange={(reg) => update({ reg })} />
          <Slider
            label="Regularisation rate"
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
            label="Dropout"
            value={v.drop}
            min={0}
            max={MLP_PARAMS.drop.max}
            step={0.05}
            format={(x) => (x === 0 ? 'off' : `p = ${fmt(x, 2)}`)}
            onChange={(drop) => update({ drop })}
          />
          <p className="control-hint">These apply at the next step, without a restart.</p>

          <h3>Data</h3>
          <Select label="Dataset" value={v.ds} options={DATASET_OPTIONS} onChange={(ds) => update({ ds })} />
          <Slider label="Points" value={v.n} min={MLP_PARAMS.n.min} max={MLP_PARAMS.n.max} step={10} onChange={(n) => update({ n })} />
          <Slider label="Noise" value={v.noise} min={0} max={1} step={0.05} format={pct} onChange={(noise) => update({ noise })} />
          <Slider label="Test ratio" value={v.test} min={0} max={MLP_PARAMS.test.max} step={0.05} format={pct} onChange={(test) => update({ test })} />
          <div className="bp-seed">
            <span>
              seed <b data-testid="seed">{v.seed}</b>
            </span>
            <button type="button" onClick={() => update({ seed: (v.seed + 1) % (MLP_PARAMS.seed.max + 1) })}>
              New seed
            </button>
          </div>
          <p className="control-hint">Data and network changes start a new run from the same seed.</p>
        </div>

        <div className="bp-col bp-col-net">
          <h3>Network</h3>
          <fieldset className="control bp-features">
            <legend className="control-label">Features</legend>
            {FEATURES.map((f) => (
              <label key={f}>
                <input
                  type="checkbox"
                  checked={v.feat.includes(f)}
                  disabled={v.feat.length === 1 && v.feat.includes(f)}
                  onChange={(e) => setFeature(f, e.target.checked)}
                />{' '}
                {FEATURE_TEXT[f]}
              </label>
            ))}
          </fieldset>
          <div className="bp-arch">
            <Slider
              label="Hidden layers"
              value={v.layers}
              min={0}
              max={MAX_HIDDEN_LAYERS}
              step={1}
              onChange={(layers) => update({ layers })}
            />
            <Select label="Activation" value={v.act} options={ACTIVATION_OPTIONS} onChange={(act) => update({ act })} />
            {HIDDEN_KEYS.slice(0, v.layers).map((key, i) => (
              <Slider
                key={key}
                label={`Neurons in layer ${i + 1}`}
                value={v[key]}
                min={1}
                max={MLP_PARAMS[key].max}
                step={1}
                onChange={(x) => update({ [key]: x } as Partial<MlpValues>)}
              />
            ))}
          </div>
          <NetworkDiagram
            features={v.feat}
            hidden={hidden}
            kind={view?.output ?? (regression ? 'regression' : classes > 2 ? 'multiclass' : 'binary')}
            view={view}
            discrete={v.disc}
            valueRange={valueRange}
          />
        </div>

        <div className="bp-col bp-col-out">
          <h3>Output</h3>
          <DataPlot
            train={split.train}
            test={split.test}
            added={added.length}
            kind={regression ? 'regression' : classes > 2 ? 'multiclass' : 'binary'}
            grid={view?.grid ?? null}
            showTest={v.showtest}
            discrete={v.disc}
            range={POINTS2D_RANGE}
            valueRange={valueRange}
            onPick={onPick}
            mode={v.click}
          />
          <p className="bp-counts">
            <span>
              training points <b data-testid="train-count" data-value={trainCount}>{trainCount}</b>
            </span>
            <span>
              test points <b data-testid="test-count" data-value={split.test.ys.length}>{split.test.ys.length}</b>
            </span>
            <span>
              added <b data-testid="added-count" data-value={added.length}>{added.length}</b>
            </span>
            {(added.length > 0 || edits.removed.length > 0) && (
              <button type="button" className="linkish" onClick={() => setEdits([], [])}>
                Undo all edits
              </button>
            )}
          </p>
          <p className="bp-edit-note" aria-live="polite">
            {note}
            {edits.added.length > added.length &&
              ` ${edits.added.length - added.length} added point(s) in the link do not fit this data set (a class it does not have) and are left out.`}
          </p>
          <div className="bp-click">
            {regression ? (
              <Slider label="Value to add" value={v.val} min={MLP_PARAMS.val.min} max={MLP_PARAMS.val.max} step={0.05} format={(x) => fmt(x, 3)} onChange={(val) => update({ val })} />
            ) : (
              <Select
                label="Class to add"
                value={String(Math.min(v.cls, classes - 1))}
                options={Array.from({ length: classes }, (_, c) => ({ value: String(c), label: `${CLASS_NAMES[c]} (class ${c})` }))}
                onChange={(c) => update({ cls: Number(c) })}
              />
            )}
            <Select label="Click mode" value={v.click} options={CLICK_OPTIONS} onChange={(click) => update({ click })} />
          </div>
          <div className="bp-toggles">
            <Toggle label="Show test data" checked={v.showtest} onChange={(showtest) => update({ showtest })} />
            <Toggle label="Discretize output" checked={v.disc} onChange={(disc) => update({ disc })} />
          </div>
          <p className="legend bp-legend">
            {regression ? (
              <>
                <span>
                  <i style={{ background: colors.classCss[0] }} /> negative
                </span>
                <span>
                  <i style={{ background: colors.classCss[1] }} /> positive
                </span>
              </>
            ) : (
              Array.from({ length: classes }, (_, c) => (
                <span key={c}>
                  <i style={{ background: colors.classCss[c] }} /> class {c}
                </span>
              ))
            )}
            <span>● train</span>
            <span>○ test (dark outline)</span>
            <span>◆ added by you</span>
          </p>
        </div>
        <div className="bp-charts">
          <div>
            <div className="chart-head">
              <h3>Train and test loss</h3>
              <Toggle label="Log scale" checked={v.llog} onChange={(llog) => update({ llog })} />
            </div>
            <StreamingChart series={lossSeries} version={history.version} logScale={v.llog} title="Train and test loss against training step" />
          </div>
          <div>
            <div className="chart-head">
              <h3>Gradient norm per layer</h3>
            </div>
            <StreamingChart
              series={normSeries}
              version={history.version}
              logScale
              title="Norm of the loss gradient with respect to each weight matrix, against training step"
            />
          </div>
        </div>
      </div>

    </section>
  );
}
