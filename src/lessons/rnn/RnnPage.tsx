import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { SeriesBuffer } from '../../charts/series-buffer';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { Select } from '../../components/controls/Select';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { Transport } from '../../components/controls/Transport';
import { DivergenceAlert } from '../../components/DivergenceAlert';
import { Notices } from '../../components/Notices';
import { StatusBar } from '../../components/StatusBar';
import { Tex } from '../../components/math/Tex';
import { validatePastedText } from '../../datasets/corpus';
import { fmt } from '../../format';
import { GATE_INFO } from '../../ml/rnn/cell-tex';
import type { RnnHyper, RnnSpec, RnnView } from '../../ml/tasks/rnn';
import { OPTIMIZERS, OPTIMIZER_LABELS } from '../../ml/train/optimizer-names';
import { parseParams, serializeParams, type ValuesOf } from '../../state/schema';
import { useTrainingSession } from '../../state/useTrainingSession';
import type { LessonPageProps } from '../pages';
import { BpttSection, ClippingSection, GruSection, LstmSection, RecurrenceSection, TasksSection } from './Explanation';
import { GapExperiment } from './GapExperiment';
import { RNN_PARAMS } from './params';
import { ColorKey, GradNormChart, Heatmap, SeriesPlot } from './viz';
import './rnn.css';

type Values = ValuesOf<typeof RNN_PARAMS>;

const OPTIMIZER_OPTIONS = OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }));
const TASK_OPTIONS = [
  { value: 'series', label: 'Time series (next value)' },
  { value: 'recall', label: 'Remember across time (recall)' },
  { value: 'chars', label: 'Characters (language model)' },
] as const;
const CELL_OPTIONS = [
  { value: 'simple', label: 'SimpleRNN' },
  { value: 'lstm', label: 'LSTM' },
  { value: 'gru', label: 'GRU' },
] as const;
const INIT_OPTIONS = [
  { value: 'uniform', label: 'Uniform (Glorot)' },
  { value: 'orthogonal', label: 'Orthogonal' },
] as const;

function specOf(v: Values, text: string | null): RnnSpec {
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

function hyperOf(v: Values): RnnHyper {
  return { learningRate: v.lr, optimizer: v.opt, batchSize: v.batch, clip: v.clip, clipNorm: v.clipnorm, temperature: v.temp };
}

export default function RnnPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const parsed = parseParams(RNN_PARAMS, params);
  const v = parsed.values;
  const [session, state] = useTrainingSession<'rnn'>();
  const view = state.view as RnnView | null;
  const [pasted, setPasted] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [pasteResult, setPasteResult] = useState<{ ok: boolean; message: string } | null>(null);

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

  const update = (patch: Partial<Values>) => {
    const p = new URLSearchParams(params);
    for (const k of Object.keys(RNN_PARAMS)) p.delete(k);
    serializeParams(RNN_PARAMS, { ...v, ...patch }).forEach((val, k) => p.set(k, val));
    setParams(p);
  };

  const spec = specOf(v, pasted);
  const specKey = JSON.stringify(spec);
  const initModel = () => {
    accuracy.clear();
    setAccVersion((n) => n + 1);
    void session.init(specOf(v, pasted), hyperOf(v), backend);
  };
  const initFromEffect = useEffectEvent(initModel);
  useEffect(() => {
    const t = setTimeout(initFromEffect, 150);
    return () => clearTimeout(t);
  }, [session, specKey, backend]);

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

  const useSuggestion = (lr: number, reset: boolean) => {
    update({ lr });
    void session.setHyper({ learningRate: lr }).then(() => (reset ? session.reset() : session.train()));
  };

  const usePasted = () => {
    const r = validatePastedText(draft);
    setPasteResult({ ok: r.ok, message: r.message });
    if (r.ok) {
      setPasted(r.text);
      if (v.task !== 'chars') update({ task: 'chars' });
    }
  };
  const useBuiltin = () => {
    setPasted(null);
    setPasteResult(null);
  };

  const probe = view?.probe ?? null;
  const T = probe?.T ?? 0;
  const H = probe?.H ?? 0;
  const gates = probe?.gates ?? null;
  const chartSeries = useMemo(
    () => [{ label: 'batch loss', buffer: session.loss }],
    [session],
  );
  const hasAcc = v.task !== 'series';

  return (
    <main className="lesson rnn-lesson">
      <h1>Recurrent networks</h1>
      <p className="lede">
        Train a SimpleRNN, an LSTM or a GRU on a sequence task and watch what happens inside: the hidden state over
        time, the gates, and how strongly the loss's gradient reaches back to earlier steps.
      </p>
      <Notices notices={[...globalNotices, ...parsed.notices]} />
      <div className="lesson-grid">
        <div className="prose">
          <RecurrenceSection />
          <TasksSection />
          <BpttSection />
          <LstmSection />
          <GruSection />
          <ClippingSection />
        </div>
        <section className="lab rnn-lab" aria-label="RNN lab">
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
          <Transport
            phase={state.phase}
            onTrain={() => void session.train()}
            onPause={() => void session.pause()}
            onStep={() => void session.step(1)}
            onReset={() => void session.reset()}
          />
          <div className="controls rnn-controls">
            <Select label="Task" value={v.task} options={TASK_OPTIONS} onChange={(task) => update({ task })} />
            <Select label="Cell" value={v.cell} options={CELL_OPTIONS} onChange={(cell) => update({ cell })} />
            <Slider label="Hidden size" value={v.hidden} min={4} max={64} step={1} onChange={(hidden) => update({ hidden })} />
            <Slider label="Layers" value={v.layers} min={1} max={2} step={1} onChange={(layers) => update({ layers })} />
            {v.task === 'recall' ? (
              <>
                <Slider
                  label="Gap"
                  value={v.gap}
                  min={0}
                  max={100}
                  step={1}
                  onChange={(gap) => update({ gap })}
                  hint={`Sequence length is gap + 2 = ${v.gap + 2}`}
                />
                <Slider label="Symbols" value={v.symbols} min={2} max={8} step={1} onChange={(symbols) => update({ symbols })} />
              </>
            ) : (
              <Slider label="Sequence length" value={v.seqlen} min={4} max={100} step={1} onChange={(seqlen) => update({ seqlen })} />
            )}
            {v.task === 'series' && (
              <>
                <Slider
                  label="Period"
                  value={v.periods}
                  min={4}
                  max={60}
                  step={1}
                  format={(p) => `${p} steps (+ ${Math.max(2, Math.round(p * 0.37))})`}
                  onChange={(periods) => update({ periods })}
                />
                <Slider label="Noise" value={v.snoise} min={0} max={1} step={0.01} format={(s) => `σ = ${fmt(s, 2)}`} onChange={(snoise) => update({ snoise })} />
              </>
            )}
            <Slider
              label="Learning rate"
              value={v.lr}
              min={RNN_PARAMS.lr.min}
              max={RNN_PARAMS.lr.max}
              step={0.01}
              log
              format={(x) => `α = ${fmt(x, 3)}`}
              onChange={(lr) => update({ lr })}
            />
            <Select label="Optimizer" value={v.opt} options={OPTIMIZER_OPTIONS} onChange={(opt) => update({ opt })} />
            <Slider label="Batch size" value={v.batch} min={1} max={256} step={1} onChange={(batch) => update({ batch })} />
            <Toggle label="Gradient clipping" checked={v.clip} onChange={(clip) => update({ clip })} />
            <Slider
              label="Clip threshold"
              value={v.clipnorm}
              min={RNN_PARAMS.clipnorm.min}
              max={RNN_PARAMS.clipnorm.max}
              step={0.05}
              log
              disabled={!v.clip}
              format={(x) => `θ = ${fmt(x, 3)}`}
              onChange={(clipnorm) => update({ clipnorm })}
            />
            {v.task === 'chars' && (
              <Slider
                label="Temperature"
                value={v.temp}
                min={RNN_PARAMS.temp.min}
                max={RNN_PARAMS.temp.max}
                step={0.02}
                log
                format={(x) => `τ = ${fmt(x, 3)}`}
                onChange={(temp) => update({ temp })}
              />
            )}
            <Slider
              label="Memory gate bias"
              value={v.mbias}
              min={-5}
              max={5}
              step={0.5}
              disabled={v.cell === 'simple'}
              onChange={(mbias) => update({ mbias })}
              hint={
                v.cell === 'simple'
                  ? 'Only LSTM and GRU have a memory gate.'
                  : `Starting bias of the ${v.cell === 'lstm' ? 'forget gate' : 'update gate'}: at 2 the gate starts near σ(2) ≈ 0.88, so the cell begins by keeping its state, and long gaps are learned far sooner.`
              }
            />
            <Select label="Recurrent init" value={v.init} options={INIT_OPTIONS} onChange={(init) => update({ init })} />
          </div>

          <div className="chart-head">
            <h3>{hasAcc ? 'Loss and accuracy per step' : 'Loss per step'}</h3>
          </div>
          <StreamingChart series={chartSeries} version={state.seriesVersion} logScale title="Loss against training step" />
          {hasAcc && (
            <StreamingChart
              series={[{ label: 'batch accuracy', buffer: accuracy }]}
              version={accVersion}
              logScale={false}
              title="Accuracy against training step"
              height={120}
            />
          )}
          <dl className="readout">
            <div>
              <dt>eval loss</dt>
              <dd data-testid="eval-loss">{fmt(view && Number.isFinite(view.evalLoss) ? view.evalLoss : null)}</dd>
            </div>
            <div>
              <dt>baseline</dt>
              <dd>{fmt(view?.baselineLoss)}</dd>
            </div>
            {hasAcc && (
              <div>
                <dt>eval accuracy</dt>
                <dd data-testid="eval-acc">
                  {view?.evalAccuracy !== null && view?.evalAccuracy !== undefined ? `${(view.evalAccuracy * 100).toFixed(1)}%` : '–'}
                </dd>
              </div>
            )}
            <div>
              <dt>‖g‖ before clip</dt>
              <dd>{fmt(view?.gradNorm)}</dd>
            </div>
          </dl>

          <TaskOutput view={view} />
          {v.task === 'chars' && (
            <div className="rnn-paste">
              <label htmlFor="rnn-paste">Paste your own text</label>
              <textarea
                id="rnn-paste"
                rows={4}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                placeholder="200 to 20,000 characters of plain text"
              />
              <div className="rnn-row">
                <button type="button" onClick={usePasted}>
                  Use this text
                </button>
                {pasted && (
                  <button type="button" onClick={useBuiltin}>
                    Back to the built-in text
                  </button>
                )}
              </div>
              {pasteResult && !pasteResult.ok && (
                <p className="alert" role="alert">
                  {pasteResult.message}
                </p>
              )}
              {pasteResult?.ok && pasted && <p className="rnn-note">Training on your text: {pasteResult.message}</p>}
            </div>
          )}

          <h3>Hidden state h_t of the probe sequence</h3>
          <Heatmap data={probe?.hidden ?? null} T={T} H={H} scale="diverging" label="Hidden state, units by time" />
          <ColorKey scale="diverging" />
          {gates && v.cell !== 'simple' && (
            <>
              <h3>{gates.kind === 'lstm' ? 'LSTM gates' : 'GRU gates'}</h3>
              {GATE_INFO[gates.kind].map((g) => {
                const data = (gates as unknown as Record<string, Float32Array>)[g.key] ?? null;
                return (
                  <figure key={g.key} className="rnn-gate">
                    <figcaption>
                      <Tex math={g.tex} />: {g.label}
                    </figcaption>
                    <Heatmap data={data} T={T} H={H} scale="unit" label={`${g.label}, units by time`} height={90} />
                  </figure>
                );
              })}
              <ColorKey scale="unit" />
            </>
          )}
          <h3>
            Gradient through time <Tex math="\lVert \partial L / \partial h_t \rVert" /> (log scale)
          </h3>
          <GradNormChart norms={probe?.gradNorms ?? null} />
        </section>
      </div>
      {v.task === 'recall' && <GapExperiment backend={backend} memoryBias={v.mbias} />}
    </main>
  );
}

function TaskOutput({ view }: { view: RnnView | null }) {
  if (!view) return null;
  if (view.series) {
    const s = view.series;
    return (
      <div className="rnn-output">
        <h3>Prediction against truth</h3>
        <SeriesPlot
          input={s.input}
          target={s.target}
          prediction={s.prediction}
          forecast={s.forecast.prediction}
          truth={s.forecast.truth}
        />
        <p className="rnn-legend-line">
          <span className="rnn-swatch rnn-truth" /> truth · <span className="rnn-swatch rnn-pred" /> one-step prediction ·{' '}
          <span className="rnn-swatch rnn-fore" /> free-running forecast (after the dashed line; from step {s.forecast.step}).
          Noise floor σ² = {fmt(s.noiseFloor, 3)}.
        </p>
      </div>
    );
  }
  if (view.recall) {
    const r = view.recall;
    return (
      <div className="rnn-output">
        <h3>The probe sequence and the answer</h3>
        <p className="rnn-tokens" aria-label="Probe sequence">
          {r.labels.map((l, i) => (
            <span key={i} className={i === 0 ? 'rnn-token rnn-first' : l === '?' ? 'rnn-token rnn-query' : 'rnn-token'}>
              {l}
            </span>
          ))}
        </p>
        <ul className="rnn-probs" aria-label="Answer probabilities">
          {Array.from(r.probs, (p, k) => (
            <li key={k} className={k === r.answer ? 'rnn-right' : ''}>
              <span className="rnn-prob-label">{String.fromCharCode(65 + k)}</span>
              <span className="rnn-bar" style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
              <span className="rnn-prob-value">{(p * 100).toFixed(0)}%</span>
            </li>
          ))}
        </ul>
        <p className="rnn-note">
          Right answer: {String.fromCharCode(65 + r.answer)}; chance is {(r.chance * 100).toFixed(0)}%.
        </p>
      </div>
    );
  }
  if (view.chars) {
    const c = view.chars;
    return (
      <div className="rnn-output">
        <h3>
          Generated text <small>(τ = {fmt(c.sample.temperature, 3)}, weights of step {c.sample.step})</small>
        </h3>
        <pre className="rnn-sample" aria-label="Generated text">
          <span className="rnn-prime">{c.sample.prime}</span>
          {c.sample.text}
        </pre>
      </div>
    );
  }
  return null;
}
