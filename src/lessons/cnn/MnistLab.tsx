import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { SeriesBuffer } from '../../charts/series-buffer';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { Transport } from '../../components/controls/Transport';
import { DivergenceAlert } from '../../components/DivergenceAlert';
import { StatusBar } from '../../components/StatusBar';
import type { BackendChoice } from '../../ml/backend-names';
import { FILTER_RANGE, MAX_DROPOUT, type MnistModelSpec } from '../../ml/cnn/architecture';
import type { MnistSpec, MnistView } from '../../ml/tasks/mnist-classifier';
import { OPTIMIZERS, OPTIMIZER_LABELS } from '../../ml/train/optimizer-names';
import { fmt, fmtInt, fmtRate } from '../../format';
import { useTrainingSession } from '../../state/useTrainingSession';
import { DrawDigit } from './DrawDigit';
import { DrawIntro } from './Explanation';
import { CNN_PARAMS, DATA_PRESETS, MODEL_HINTS, MODEL_KINDS, MODEL_LABELS, type CnnValues } from './params';
import { ConfusionPanel, FeatureMapsPanel, FiltersPanel, MisclassifiedPanel } from './TrainingPanels';
import { mnistPackUrl, type PackState } from './useMnistPack';

const MODEL_OPTIONS = MODEL_KINDS.map((m) => ({ value: m, label: MODEL_LABELS[m] }));
const OPTIMIZER_OPTIONS = OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }));
const BATCH_CHOICES = [1, 8, 16, 32, 64, 128, 256, 512];
const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${fmt(100 * v, 3)}\u00a0%`);

/** Test loss and train/test accuracy, one point per evaluation, at the step it ran. */
class EvalHistory {
  readonly testLoss = new SeriesBuffer(20_000);
  readonly trainAccuracy = new SeriesBuffer(20_000);
  readonly testAccuracy = new SeriesBuffer(20_000);
  lastStep = -1;
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
  const [session, state] = useTrainingSession<'mnist'>();
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

  const dataUrl = useMemo(() => mnistPackUrl(), []);
  const specKey = JSON.stringify([spec, v.train, v.test, v.seed]);
  const specOf = (): MnistSpec => ({ kind: 'mnist', model: spec, trainCount: v.train, testCount: v.test, seed: v.seed, dataUrl });
  const hyper = { learningRate: v.lr, batchSize: v.batch, optimizer: v.opt };
  const initModel = () => void session.init(specOf(), hyper, backend);
  const initFromEffect = useEffectEvent(initModel);
  // A new model or data split: rebuild (debounced while a slider moves). Until the rebuild starts
  // the transport is disabled, so a click cannot go to the model that is about to be replaced.
  const buildKey = `${specKey}|${backend}`;
  const [startedKey, setStartedKey] = useState<string | null>(null);
  useEffect(() => {
    const t = setTimeout(() => {
      setStartedKey(buildKey);
      initFromEffect();
    }, 250);
    return () => clearTimeout(t);
  }, [session, buildKey]);
  const rebuildPending = startedKey !== buildKey;

  // Live hyperparameters: applied at the next step.
  useEffect(() => {
    void session.setHyper({ learningRate: v.lr, batchSize: v.batch, optimizer: v.opt });
  }, [session, v.lr, v.batch, v.opt]);

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
      { label: 'train (batch)', buffer: session.loss },
      { label: 'test', buffer: hist.testLoss },
    ],
    [session, hist],
  );
  const accSeries = useMemo(
    () => [
      { label: 'train (500-digit subset)', buffer: hist.trainAccuracy },
      { label: 'test', buffer: hist.testAccuracy },
    ],
    [hist],
  );

  const batchOptions = (BATCH_CHOICES.includes(v.batch) ? BATCH_CHOICES : [...BATCH_CHOICES, v.batch].sort((a, b) => a - b)).map((b) => ({
    value: String(b),
    label: b === 1 ? '1 (stochastic)' : String(b),
  }));
  const dataKey = `${v.train}/${v.test}`;
  const presets = DATA_PRESETS.some((p) => `${p.train}/${p.test}` === dataKey) ? DATA_PRESETS : [...DATA_PRESETS, { train: v.train, test: v.test }];
  const dataOptions = presets.map((p) => ({ value: `${p.train}/${p.test}`, label: `${fmtInt(p.train)} train / ${fmtInt(p.test)} test` }));
  const stepsPerEpoch = Math.ceil(v.train / Math.min(v.batch, v.train));
  const testCount = view?.testCount ?? v.test;

  return (
    <section className="lab cnn-lab" aria-label="MNIST lab">
      <div className="cnn-lab-top">
        <div className="cnn-lab-controls">
          <StatusBar state={state} />
          {state.fallbackReason && (
            <p className="notice-inline" role="note">
              The previous backend failed ({state.fallbackReason}). Training moved to {state.backend?.label} and continued from the
              last weights.
            </p>
          )}
          {backend === 'wasm' && spec.kind !== 'seed-mlp' && (
            <p className="notice-inline" role="note">
              WASM has no kernel for the gradient of a convolution&rsquo;s filters (Conv2DBackpropFilter), so this CNN trains on{' '}
              {state.backend?.label ?? 'the next backend'}. The MLP baseline can train on WASM.
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
          <Transport
            phase={rebuildPending ? 'starting' : state.phase}
            onTrain={() => void session.train()}
            onPause={() => void session.pause()}
            onStep={() => void session.step(1)}
            onReset={() => void session.reset()}
          />
          <div className="cnn-inline-buttons">
            <button type="button" onClick={evaluateNow} disabled={state.phase === 'starting' || state.phase === 'error'}>
              Evaluate now
            </button>
            <span className="cnn-muted">
              {evaluation ? `last evaluated at step ${fmtInt(evaluation.atStep)}` : 'evaluated on the test digits while training'}
            </span>
          </div>
          <dl className="readout cnn-readout">
            <div>
              <dt>test accuracy</dt>
              <dd data-testid="test-accuracy" data-value={evaluation?.testAccuracy ?? ''}
                data-step={evaluation?.atStep ?? ''}
                data-eval-ms={evaluation ? Math.round(evaluation.durationMs) : ''}
              >
                {pct(evaluation?.testAccuracy)}
              </dd>
            </div>
            <div>
              <dt>train accuracy</dt>
              <dd data-testid="train-accuracy" data-value={evaluation?.trainAccuracy ?? ''}>
                {pct(evaluation?.trainAccuracy)}
              </dd>
            </div>
            <div>
              <dt>test loss</dt>
              <dd data-testid="test-loss" data-value={evaluation?.testLoss ?? ''}>
                {fmt(evaluation?.testLoss)}
              </dd>
            </div>
            <div>
              <dt>epoch</dt>
              <dd data-testid="epoch">{fmtInt(view?.epoch ?? 0)}</dd>
            </div>
            <div>
              <dt>examples/s</dt>
              <dd data-testid="examples-per-sec" data-value={state.examplesPerSec}>
                {fmtRate(state.examplesPerSec)}
              </dd>
            </div>
            <div>
              <dt>parameters</dt>
              <dd data-testid="param-count" data-value={view?.params.total ?? ''}>
                {view ? fmtInt(view.params.total) : '—'}
              </dd>
            </div>
          </dl>
          <div className="controls">
            <div className="control">
              <Select label="Model" value={v.model} options={MODEL_OPTIONS} onChange={(model) => update({ model })} />
              <small className="control-hint">{MODEL_HINTS[v.model]}</small>
            </div>
            <Select
              label="Data size"
              value={dataKey}
              options={dataOptions}
              onChange={(s) => {
                const [train = v.train, test = v.test] = s.split('/').map(Number);
                update({ train, test });
              }}
            />
            {v.model === 'custom' && (
              <>
                <Slider
                  label="Conv blocks"
                  value={v.blocks}
                  min={CNN_PARAMS.blocks.min}
                  max={CNN_PARAMS.blocks.max}
                  step={1}
                  format={(b) => `${b} × (conv → ReLU → pool)`}
                  onChange={(blocks) => update({ blocks })}
                />
                <Slider
                  label="Filters"
                  value={v.filters}
                  min={FILTER_RANGE.min}
                  max={FILTER_RANGE.max}
                  step={4}
                  format={(f) => `${f} per layer`}
                  onChange={(filters) => update({ filters })}
                />
                <Select
                  label="Kernel size"
                  value={v.kernel}
                  options={[
                    { value: '3', label: '3×3' },
                    { value: '5', label: '5×5' },
                  ]}
                  onChange={(kernel) => update({ kernel })}
                />
                <Select
                  label="Pooling"
                  value={v.pool}
                  options={[
                    { value: 'max', label: 'max' },
                    { value: 'avg', label: 'average' },
                  ]}
                  onChange={(pool) => update({ pool })}
                />
                <Select
                  label="Conv padding"
                  value={v.pad}
                  options={[
                    { value: 'same', label: 'same (keeps the size)' },
                    { value: 'valid', label: 'valid (shrinks by k − 1)' },
                  ]}
                  onChange={(pad) => update({ pad })}
                />
                <Slider
                  label="Dropout"
                  value={v.dropout}
                  min={0}
                  max={MAX_DROPOUT}
                  step={0.05}
                  format={(d) => (d === 0 ? 'off' : `p = ${fmt(d, 2)}`)}
                  onChange={(dropout) => update({ dropout: Math.round(dropout * 100) / 100 })}
                />
              </>
            )}
            <Select label="Optimizer" value={v.opt} options={OPTIMIZER_OPTIONS} onChange={(opt) => update({ opt })} />
            <Slider
              label="Learning rate"
              value={v.lr}
              min={CNN_PARAMS.lr.min}
              max={CNN_PARAMS.lr.max}
              step={0.01}
              log
              format={(x) => `α = ${fmt(x, 3)}`}
              onChange={(lr) => update({ lr })}
              hint={v.opt === 'adam' ? 'Adam: about 0.001 works well' : 'SGD / Momentum: try 0.01 – 0.1'}
            />
            <Select
              label="Batch size"
              value={String(v.batch)}
              options={batchOptions}
              onChange={(b) => update({ batch: Number(b) })}
            />
            <p className="control-hint cnn-hint">
              {fmtInt(stepsPerEpoch)} steps per epoch; model, data and seed changes rebuild the model, the rest applies at the next
              step.
            </p>
          </div>
        </div>
        <div className="cnn-lab-charts">
          <div className="chart-head">
            <h3>Loss</h3>
            <Toggle label="Log scale" checked={v.log} onChange={(log) => update({ log })} />
          </div>
          <StreamingChart
            series={lossSeries}
            version={state.seriesVersion * 4096 + histVersion}
            logScale={v.log}
            title="Cross-entropy loss against training step"
          />
          <div className="chart-head">
            <h3>Accuracy</h3>
          </div>
          <StreamingChart series={accSeries} version={histVersion} logScale={false} title="Accuracy against training step" />
          <p className="cnn-caption">
            Test points come from periodic evaluations on all {fmtInt(testCount)} test digits (about a fifth of the time at most);
            train accuracy is measured on a fixed subset of the training digits, without dropout.
          </p>
        </div>
      </div>
      <div className="cnn-panels">
        <div className="cnn-panel">
          <h3>First-layer filters</h3>
          <FiltersPanel filters={filters} step={view?.step ?? 0} isMlp={isMlp} />
        </div>
        <div className="cnn-panel">
          <h3>Feature maps of a test digit</h3>
          <FeatureMapsPanel
            maps={featureMaps}
            isMlp={isMlp}
            testIndex={Math.min(v.img, testCount - 1)}
            testCount={testCount}
            onPick={(img) => update({ img })}
          />
        </div>
        <div className="cnn-panel">
          <h3>Confusion matrix (test digits)</h3>
          <ConfusionPanel evaluation={evaluation} />
        </div>
        <div className="cnn-panel">
          <h3>Misclassified test digits</h3>
          <MisclassifiedPanel evaluation={evaluation} pack={pack.pack} packError={pack.error} selected={v.img} onPick={(img) => update({ img })} />
        </div>
      </div>
      <div className="cnn-panel cnn-draw-panel">
        <h3 id="draw-heading">Draw a digit</h3>
        <DrawIntro />
        <DrawDigit predict={predict} phase={state.phase} step={state.step} />
      </div>
    </section>
  );
}
