import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SeriesBuffer } from '../../charts/series-buffer';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { UNIT_INTERVAL } from '../../components/charts/chart-frame';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { SpeedControl } from '../../components/controls/SpeedControl';
import { Toggle } from '../../components/controls/Toggle';
import { SessionTransport } from '../../components/controls/SessionTransport';
import { LabAlerts } from '../../components/LabAlerts';
import { StatusBar } from '../../components/StatusBar';
import { useLocked } from '../../embed/context';
import { useEmbedTarget } from '../../embed/targets';
import { Part } from '../../embed/Widget';
import { ModelFile } from '../../export/ModelFile';
import type { BackendChoice } from '../../ml/backend-names';
import { FILTER_RANGE, MAX_DROPOUT, type MnistModelSpec } from '../../ml/cnn/architecture';
import type { MnistSpec, MnistView } from '../../ml/tasks/mnist-classifier';
import { OPTIMIZERS } from '../../ml/train/optimizer-names';
import { fmt, fmtInt, fmtRate } from '../../format';
import { useTrainingSession } from '../../state/useTrainingSession';
import { useSpeedLimit } from '../../state/useSpeedLimit';
import { BatchNormPanel } from './BatchNormPanel';
import { DrawDigit } from './DrawDigit';
import { CNN_PARAMS, DATA_PRESETS, MODEL_KINDS, type CnnValues } from './params';
import { ConfusionPanel, FeatureMapsPanel, FiltersPanel, MisclassifiedPanel } from './TrainingPanels';
import { mnistPackUrl, type PackState } from './useMnistPack';
import { useDebouncedRebuild } from '../../state/useDebouncedRebuild';
import { RunsPanel } from '../../runs/RunsPanel';
import { CNN_RUN_IGNORE, cnnRunSettings, formatCnnSetting } from '../../runs/labs/cnn';
import { useRunOverlays, useRuns } from '../../runs/useRuns';

const BATCH_CHOICES = [1, 8, 16, 32, 64, 128, 256, 512];
const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${fmt(100 * v, 3)}\u00a0%`);

/** Test loss and train/test accuracy, one point per evaluation, at the step it ran. */
class EvalHistory {
  readonly testLoss = new SeriesBuffer(20_000);
  readonly trainAccuracy = new SeriesBuffer(20_000);
  readonly testAccuracy = new SeriesBuffer(20_000);
  lastStep = -1;
  /**
   * The step of the last point kept: an evaluation at or before it (a rewind's, at the rewound
   * step) is shown in the readouts but not added to the curves; after a branch run cuts them
   * (the run recorder truncates them), points follow on from the branch step.
   */
  get lastPointStep(): number {
    return this.testLoss.last()?.x ?? -1;
  }
  /** Bumped when a new model is built: keys of cached view parts include it. */
  generation = 0;
  clear(): void {
    this.testLoss.clear();
    this.trainAccuracy.clear();
    this.testAccuracy.clear();
    this.lastStep = -1;
    this.generation++;
  }
}

/**
 * Every worker message carries a fresh copy of the view; keep the previous object while
 * its key is unchanged, so memoised panels do not redraw the same images ten times a second.
 */
function useStableBy<T>(value: T, key: string): T {
  const ref = useRef<{ key: string; value: T } | null>(null);
  if (ref.current === null || ref.current.key !== key) ref.current = { key, value };
  return ref.current.value;
}

interface Props {
  values: CnnValues;
  spec: MnistModelSpec;
  update: (patch: Partial<CnnValues>) => void;
  backend: BackendChoice;
  pack: PackState;
}

/** The MNIST lab: train the chosen model in the worker and watch everything it computes. */
export function MnistLab({ values: v, spec, update, backend, pack }: Props) {
  const { t } = useTranslation('cnn');
  const [session, state] = useTrainingSession<'mnist'>();
  useEmbedTarget(session);
  const dataLocked = useLocked('test');
  const view = state.view as MnistView | null;

  const [hist] = useState(() => new EvalHistory());
  const [histVersion, setHistVersion] = useState(0);
  useEffect(
    () =>
      session.subscribeEvents((e) => {
        if (e.type === 'ready' && e.step === 0) {
          hist.clear();
          setHistVersion((n) => n + 1);
        }
        const ev =
          e.type === 'ready' || e.type === 'view' || e.type === 'diverged'
            ? e.view.evaluation
            : e.type === 'metrics'
              ? e.batch.view.evaluation
              : null;
        if (!ev || ev.atStep === hist.lastStep) return;
        hist.lastStep = ev.atStep;
        if (ev.atStep <= hist.lastPointStep) return;
        hist.testLoss.push(ev.atStep, ev.testLoss);
        hist.trainAccuracy.push(ev.atStep, ev.trainAccuracy);
        hist.testAccuracy.push(ev.atStep, ev.testAccuracy);
        setHistVersion((n) => n + 1);
      }),
    [session, hist],
  );

  const gen = hist.generation;
  const ev = view?.evaluation ?? null;
  const evaluation = useStableBy(ev, ev ? `${gen}/${ev.atStep}/${ev.testCount}/${ev.durationMs}` : `${gen}/none`);
  const fm = view?.featureMaps ?? null;
  const featureMaps = useStableBy(fm, fm ? `${gen}/${fm.atStep}/${fm.testIndex}/${fm.record}/${fm.layers.length}` : `${gen}/none`);
  const fv = view?.filters ?? null;
  const filters = useStableBy(fv, fv && view ? `${gen}/${view.step}/${fv.layer}/${fv.count}/${fv.size}` : `${gen}/none`);
  const isMlp = (view?.model ?? spec.kind) === 'seed-mlp';
  const bnv = view?.batchNorm ?? null;
  const batchNorm = useStableBy(bnv, bnv ? `${gen}/${view?.step}/${bnv.probe?.batchMean}` : `${gen}/none`);

  const dataUrl = useMemo(() => mnistPackUrl(), []);
  const specKey = JSON.stringify([spec, v.train, v.test, v.seed]);
  const specOf = (): MnistSpec => ({ kind: 'mnist', model: spec, trainCount: v.train, testCount: v.test, seed: v.seed, dataUrl });
  const hyper = { learningRate: v.lr, batchSize: v.batch, optimizer: v.opt };
  const initModel = () => void session.init(specOf(), hyper, backend);
  // Runs: kept, compared (train loss overlaid) and rewound (filters, maps, evaluation of that step); see src/runs.
  const runs = useRuns(session, {
    lab: 'cnn',
    kind: 'mnist',
    settings: cnnRunSettings(v),
    spec: { model: spec, trainCount: v.train, testCount: v.test, seed: v.seed },
    curves: () => ({ train: session.loss, test: hist.testLoss, trainAccuracy: hist.trainAccuracy, testAccuracy: hist.testAccuracy }),
    ignore: CNN_RUN_IGNORE,
    format: formatCnnSetting,
  });
  const runOverlays = useRunOverlays(runs, 'train');
  // A new model or data split: rebuild (debounced while a slider moves). Until the rebuild starts
  // the transport is disabled, so a click cannot go to the model that is about to be replaced.
  const buildKey = `${specKey}|${backend}`;
  const [startedKey, setStartedKey] = useState<string | null>(null);
  useDebouncedRebuild(
    () => {
      setStartedKey(buildKey);
      initModel();
    },
    buildKey,
    250,
  );
  const rebuildPending = startedKey !== buildKey;

  // Live hyperparameters: applied at the next step.
  useEffect(() => {
    void session.setHyper({ learningRate: v.lr, batchSize: v.batch, optimizer: v.opt });
  }, [session, v.lr, v.batch, v.opt]);

  useSpeedLimit(session, v.sps);

  // The test image whose feature maps the engine computes (kept across rebuilds).
  useEffect(() => {
    void session.setViewOptions({ testIndex: v.img });
  }, [session, v.img]);

  const predict = useCallback((x: Float32Array) => session.predict(x), [session]);
  // A one-shot request: cleared at once so that the engine, which keeps its view options
  // across rebuilds, does not evaluate every new model before its first step.
  const evaluateNow = () => {
    void session.setViewOptions({ evaluateNow: true });
    void session.setViewOptions({ evaluateNow: false });
  };

  const useSuggestion = (lr: number, reset: boolean) => {
    update({ lr });
    void session.setHyper({ learningRate: lr }).then(() => (reset ? session.reset() : session.train()));
  };

  const lossSeries = useMemo(
    () => [
      { label: t('lab.seriesTrainBatch'), buffer: session.loss },
      { label: t('lab.seriesTest'), buffer: hist.testLoss },
      ...runOverlays,
    ],
    [session, hist, t, runOverlays],
  );
  const accSeries = useMemo(
    () => [
      { label: t('lab.seriesTrainSubset'), buffer: hist.trainAccuracy },
      { label: t('lab.seriesTest'), buffer: hist.testAccuracy },
    ],
    [hist, t],
  );
  const modelOptions = MODEL_KINDS.map((m) => ({ value: m, label: t(`models.${m}`) }));
  const optimizerOptions = OPTIMIZERS.map((o) => ({ value: o, label: t(`opt.${o}`) }));

  const batchOptions = (BATCH_CHOICES.includes(v.batch) ? BATCH_CHOICES : [...BATCH_CHOICES, v.batch].sort((a, b) => a - b)).map((b) => ({
    value: String(b),
    label: b === 1 ? t('lab.batchStochastic') : String(b),
  }));
  const dataKey = `${v.train}/${v.test}`;
  const presets = DATA_PRESETS.some((p) => `${p.train}/${p.test}` === dataKey) ? DATA_PRESETS : [...DATA_PRESETS, { train: v.train, test: v.test }];
  const dataOptions = presets.map((p) => ({ value: `${p.train}/${p.test}`, label: t('lab.dataOption', { train: fmtInt(p.train), test: fmtInt(p.test) }) }));
  const stepsPerEpoch = Math.ceil(v.train / Math.min(v.batch, v.train));
  const testCount = view?.testCount ?? v.test;


  return (
    <section className="lab cnn-lab" aria-label={t('lab.region')}>
      <div className="cnn-lab-top">
        <div className="cnn-lab-controls">
          <StatusBar state={state} />
          <LabAlerts state={state} learningRate={v.lr} onRestart={initModel} onUseSuggestion={useSuggestion} />
          <Part name="controls">
            <SessionTransport session={session} phase={rebuildPending ? 'starting' : state.phase} />
            <div className="cnn-inline-buttons">
              <button type="button" onClick={evaluateNow} disabled={state.phase === 'starting' || state.phase === 'error'}>
                {t('lab.evaluateNow')}
              </button>
              <span className="cnn-muted">
                {evaluation ? t('lab.lastEvaluated', { step: fmtInt(evaluation.atStep) }) : t('lab.evaluatedWhile')}
              </span>
            </div>
            <ModelFile session={session} name={`mnist-${v.model}`} />
          </Part>
          <dl className="readout cnn-readout">
            <div>
              <dt>{t('lab.testAccuracy')}</dt>
              <dd
                data-testid="test-accuracy"
                data-value={evaluation?.testAccuracy ?? ''}
                data-step={evaluation?.atStep ?? ''}
                data-eval-ms={evaluation ? Math.round(evaluation.durationMs) : ''}
              >
                {pct(evaluation?.testAccuracy)}
              </dd>
            </div>
            <div>
              <dt>{t('lab.trainAccuracy')}</dt>
              <dd data-testid="train-accuracy" data-value={evaluation?.trainAccuracy ?? ''}>
                {pct(evaluation?.trainAccuracy)}
              </dd>
            </div>
            <div>
              <dt>{t('lab.testLoss')}</dt>
              <dd data-testid="test-loss" data-value={evaluation?.testLoss ?? ''}>
                {fmt(evaluation?.testLoss)}
              </dd>
            </div>
            <div>
              <dt>{t('lab.epoch')}</dt>
              <dd data-testid="epoch">{fmtInt(view?.epoch ?? 0)}</dd>
            </div>
            <div>
              <dt>{t('lab.examplesPerSec')}</dt>
              <dd data-testid="examples-per-sec" data-value={state.examplesPerSec}>
                {fmtRate(state.examplesPerSec)}
              </dd>
            </div>
            <div>
              <dt>{t('lab.parameters')}</dt>
              <dd data-testid="param-count" data-value={view?.params.total ?? ''}>
                {view ? fmtInt(view.params.total) : '—'}
              </dd>
            </div>
          </dl>
          <Part name="controls">
            <div className="controls">
              <div className="control">
                <Select label={t('lab.model')} value={v.model} options={modelOptions} onChange={(model) => update({ model })} urlKey="model" />
                <small className="control-hint">{t(`modelHints.${v.model === 'custom' && v.bn ? 'customBn' : v.model}`)}</small>
              </div>
              <Select
                label={t('lab.dataSize')}
                value={dataKey}
                options={dataOptions}
                urlKey="train"
                disabled={dataLocked}
                onChange={(s) => {
                  const [train = v.train, test = v.test] = s.split('/').map(Number);
                  update({ train, test });
                }}
              />
              {v.model === 'custom' && (
                <>
                  <Slider
                    label={t('lab.blocks')}
                    value={v.blocks}
                    min={CNN_PARAMS.blocks.min}
                    max={CNN_PARAMS.blocks.max}
                    step={1}
                    format={(n) => t(v.bn ? 'lab.blocksValueBn' : 'lab.blocksValue', { n })}
                    onChange={(blocks) => update({ blocks })}
                    urlKey="blocks"
                  />
                  <Slider
                    label={t('lab.filters')}
                    value={v.filters}
                    min={FILTER_RANGE.min}
                    max={FILTER_RANGE.max}
                    step={4}
                    format={(n) => t('lab.filtersValue', { n })}
                    onChange={(filters) => update({ filters })}
                    urlKey="filters"
                  />
                  <Select
                    label={t('lab.kernel')}
                    value={v.kernel}
                    options={[
                      { value: '3', label: '3×3' },
                      { value: '5', label: '5×5' },
                    ]}
                    onChange={(kernel) => update({ kernel })}
                    urlKey="kernel"
                  />
                  <Select
                    label={t('lab.pooling')}
                    value={v.pool}
                    options={[
                      { value: 'max', label: t('lab.poolMax') },
                      { value: 'avg', label: t('lab.poolAvg') },
                    ]}
                    onChange={(pool) => update({ pool })}
                    urlKey="pool"
                  />
                  <Select
                    label={t('lab.padding')}
                    value={v.pad}
                    options={[
                      { value: 'same', label: t('lab.padSame') },
                      { value: 'valid', label: t('lab.padValid') },
                    ]}
                    onChange={(pad) => update({ pad })}
                    urlKey="pad"
                  />
                  <Slider
                    label={t('lab.dropout')}
                    value={v.dropout}
                    min={0}
                    max={MAX_DROPOUT}
                    step={0.05}
                    format={(d) => (d === 0 ? t('lab.dropoutOff') : `p = ${fmt(d, 2)}`)}
                    onChange={(dropout) => update({ dropout: Math.round(dropout * 100) / 100 })}
                    urlKey="dropout"
                  />
                  <div className="control">
                    <Toggle label={t('lab.batchNorm')} checked={v.bn} onChange={(bn) => update({ bn })} urlKey="bn" />
                    <small className="control-hint">{t('lab.batchNormHint')}</small>
                  </div>
                </>
              )}
              <Select label={t('lab.optimizer')} value={v.opt} options={optimizerOptions} onChange={(opt) => update({ opt })} urlKey="opt" />
              <Slider
                label={t('lab.learningRate')}
                value={v.lr}
                min={CNN_PARAMS.lr.min}
                max={CNN_PARAMS.lr.max}
                step={0.01}
                log
                format={(x) => `α = ${fmt(x, 3)}`}
                onChange={(lr) => update({ lr })}
                hint={v.opt === 'adam' ? t('lab.lrHintAdam') : t('lab.lrHintSgd')}
                urlKey="lr"
              />
              <Select
                label={t('lab.batch')}
                value={String(v.batch)}
                options={batchOptions}
                onChange={(b) => update({ batch: Number(b) })}
                urlKey="batch"
              />
              <p className="control-hint cnn-hint">{t('lab.stepsPerEpoch', { steps: fmtInt(stepsPerEpoch) })}</p>
              <SpeedControl value={v.sps} onChange={(sps) => update({ sps })} urlKey="sps" />
            </div>
          </Part>
        </div>
        <Part name="chart">
          <div className="cnn-lab-charts">
            <div className="chart-head">
              <h3>{t('lab.loss')}</h3>
              <Toggle label={t('lab.logScale')} checked={v.log} onChange={(log) => update({ log })} urlKey="log" />
            </div>
            <StreamingChart
              series={lossSeries}
              version={state.seriesVersion * 4096 + histVersion}
              logScale={v.log}
              title={t('lab.lossTitle')}
            />
            <div className="chart-head">
              <h3>{t('lab.accuracy')}</h3>
            </div>
            <StreamingChart series={accSeries} version={histVersion} logScale={false} title={t('lab.accuracyTitle')} yBounds={UNIT_INTERVAL} />
            <p className="cnn-caption">{t('lab.chartCaption', { count: fmtInt(testCount) })}</p>
          </div>
        </Part>
      </div>
      <BatchNormPanel bn={batchNorm} />
      <div className="cnn-panels">
        <div className="cnn-panel">
          <h3>{t('panels.filters')}</h3>
          <FiltersPanel filters={filters} step={view?.step ?? 0} isMlp={isMlp} />
        </div>
        <div className="cnn-panel">
          <h3>{t('panels.maps')}</h3>
          <FeatureMapsPanel
            maps={featureMaps}
            isMlp={isMlp}
            testIndex={Math.min(v.img, testCount - 1)}
            testCount={testCount}
            onPick={(img) => update({ img })}
          />
        </div>
        <div className="cnn-panel">
          <h3>{t('panels.confusion')}</h3>
          <ConfusionPanel evaluation={evaluation} />
        </div>
        <div className="cnn-panel">
          <h3>{t('panels.wrong')}</h3>
          <MisclassifiedPanel evaluation={evaluation} pack={pack.pack} packError={pack.error} selected={v.img} onPick={(img) => update({ img })} />
        </div>
      </div>
      <div className="cnn-panel cnn-draw-panel">
        <h3 id="draw-heading">{t('panels.draw')}</h3>
        <Part name="explanation">
          <p className="cnn-caption">{t('draw.intro')}</p>
        </Part>
        <DrawDigit predict={predict} phase={state.phase} step={state.step} />
      </div>
      <RunsPanel runs={runs} />
    </section>
  );
}
