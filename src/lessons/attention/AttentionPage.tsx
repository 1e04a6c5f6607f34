import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { Toggle } from '../../components/controls/Toggle';
import { Transport } from '../../components/controls/Transport';
import { DivergenceAlert } from '../../components/DivergenceAlert';
import { Notices } from '../../components/Notices';
import { StatusBar } from '../../components/StatusBar';
import { fmt, fmtInt } from '../../format';
import type { TransformerView } from '../../ml/tasks/transformer-view';
import { parseParams, serializeParams } from '../../state/schema';
import { useTrainingSession } from '../../state/useTrainingSession';
import type { LessonPageProps } from '../pages';
import { AttentionControls } from './AttentionControls';
import { EvalHistory } from './eval-history';
import {
  AttentionSection,
  BertSection,
  BlockSection,
  EncoderDecoderSection,
  MultiHeadSection,
  PositionSection,
  RnnSection,
  ScalingSection,
  TaskSection,
} from './Explanation';
import { HeatmapGrid, type Selection } from './HeatmapGrid';
import { idealKeys } from './ideal';
import { ATTN_PARAMS, hyperOf, resolveAttn, specOf, type AttnValues } from './params';
import { ProbeOutput } from './ProbeOutput';
import { QkvStepThrough } from './QkvStepThrough';
import { shortTokenLabel, tokenLabel } from './tokens';
import { useCeiling } from './useCeiling';
import './attention.css';

const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${fmt(100 * v, 3)} %`);

/** What removing positions does to the chosen task, with the exact ceiling when it is known. */
function ceilingText(task: AttnValues['task'], c: { token: number; sequence: number } | null): string {
  if (task === 'masked') {
    return 'On the masked task a [MASK] must find its mirror, which only positions can tell apart, so expect it to stall at guessing the most likely token.';
  }
  const bound = c
    ? ` For these settings no position-blind model can get more than ${pct(c.token)} of the tokens or ${pct(c.sequence)} of the sequences right (counted exactly over every possible input).`
    : '';
  return `Without positions the model cannot learn this task; expect exact-sequence accuracy to stay near 0.${bound}`;
}

export default function AttentionPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const parsed = parseParams(ATTN_PARAMS, params);
  const resolved = resolveAttn(parsed.values);
  const v = resolved.values;
  const [session, state] = useTrainingSession<'transformer'>();
  const view = state.view as TransformerView | null;

  const [hist] = useState(() => new EvalHistory());
  const [histVersion, setHistVersion] = useState(0);
  useEffect(
    () =>
      session.subscribeEvents((e) => {
        if (e.type === 'ready' && e.step === 0) {
          hist.clear();
          setHistVersion((n) => n + 1);
        }
        const ev = e.type === 'ready' || e.type === 'view' || e.type === 'diverged' ? e.view : e.type === 'metrics' ? e.batch.view : null;
        if (ev && hist.add(ev)) setHistVersion((n) => n + 1);
      }),
    [session, hist],
  );

  /** Every control writes the URL (made consistent first); the page re-reads it. */
  const update = (patch: Partial<AttnValues>) => {
    const next = resolveAttn({ ...v, ...patch }).values;
    const p = new URLSearchParams(params);
    for (const k of Object.keys(ATTN_PARAMS)) p.delete(k);
    serializeParams(ATTN_PARAMS, next).forEach((val, k) => p.set(k, val));
    setParams(p);
  };

  const spec = specOf(v);
  const specKey = JSON.stringify(spec);
  const initModel = () => void session.init(specOf(v), hyperOf(v), backend);
  const initFromEffect = useEffectEvent(initModel);
  // A new task or architecture: rebuild (debounced while a slider moves), with the settings of that moment.
  useEffect(() => {
    const t = setTimeout(initFromEffect, 150);
    return () => clearTimeout(t);
  }, [session, specKey, backend]);

  // Training settings: applied at the next step, no restart.
  useEffect(() => {
    void session.setHyper({ learningRate: v.lr, warmup: v.warmup, batchSize: v.batch, dropout: v.drop, optimizer: v.opt });
  }, [session, v.lr, v.warmup, v.batch, v.drop, v.opt]);

  // What the view shows (input, traced layer/head/query) also lives in the task's hyperparameters.
  // The engine sends a fresh view on setViewOptions while paused, so a change shows at once; while
  // training it shows with the next report.
  useEffect(() => {
    void session
      .setHyper({ probeSeed: v.probe, traceLayer: v.tl, traceHead: v.th, traceQuery: v.tq })
      .then(() => session.setViewOptions({}));
  }, [session, v.probe, v.tl, v.th, v.tq]);

  const useSuggestion = (lr: number, reset: boolean) => {
    update({ lr });
    void session.setHyper({ learningRate: lr }).then(() => (reset ? session.reset() : session.train()));
  };

  // "Remove positional encoding": one click to none, and back to whichever encoding was chosen.
  const previousPe = useRef<'sinusoidal' | 'learned'>(v.pe === 'none' ? 'sinusoidal' : v.pe);
  const togglePositions = (off: boolean) => {
    if (off) {
      if (v.pe !== 'none') previousPe.current = v.pe;
      update({ pe: 'none' });
    } else update({ pe: previousPe.current });
  };
  const ceiling = useCeiling({ task: v.task, seqLen: v.len, vocab: v.vocab, offset: v.offset }, v.pe === 'none');

  const selection: Selection = { layer: v.tl, head: v.th, query: v.tq };
  const onSelect = (s: Selection) => update({ tl: s.layer, th: s.head, tq: s.query });

  const tokens = view?.probe.tokens ?? null;
  const vocab = view?.vocab ?? null;
  const labels = useMemo(() => (tokens ? Array.from(tokens, (t) => tokenLabel(vocab, t)) : []), [tokens, vocab]);
  const shortLabels = useMemo(() => (tokens ? Array.from(tokens, (t) => shortTokenLabel(vocab, t)) : []), [tokens, vocab]);
  const ideal = useMemo(
    () => (v.ideal && tokens ? idealKeys(v.task, tokens, { offset: v.offset, maskToken: vocab?.maskToken ?? null }) : null),
    [v.ideal, v.task, v.offset, tokens, vocab],
  );

  const lossSeries = useMemo(
    () => [
      { label: 'training batch', buffer: session.loss },
      { label: 'held-out', buffer: hist.loss },
    ],
    [session, hist],
  );
  const accSeries = useMemo(
    () => [
      { label: 'token accuracy', buffer: hist.tokenAccuracy },
      { label: 'exact-sequence accuracy', buffer: hist.sequenceAccuracy },
    ],
    [hist],
  );

  const ev = view?.eval ?? null;
  const dK = v.d / v.heads;

  // The prose changes only with the settings; keep it out of the 10-per-second re-renders while training.
  const intro = useMemo(
    () => (
      <>
        <TaskSection task={v.task} T={v.len} V={v.vocab} offset={v.offset} />
        <AttentionSection />
        <ScalingSection dK={dK} />
        <MultiHeadSection heads={v.heads} d={v.d} />
      </>
    ),
    [v.task, v.len, v.vocab, v.offset, dK, v.heads, v.d],
  );
  const positionNote = v.pe === 'none' ? ceilingText(v.task, ceiling) : null;
  const more = useMemo(
    () => (
      <>
        <PositionSection ceiling={positionNote} />
        <BlockSection />
        <EncoderDecoderSection />
        <RnnSection />
        <BertSection active={v.task === 'masked'} />
      </>
    ),
    [positionNote, v.task],
  );
  const attn = view?.attention ?? null;

  return (
    <main className="lesson attn-lesson">
      <h1>Attention and Transformers</h1>
      <p className="lede">
        Train a small Transformer in your browser on a task whose answer is known, and watch its attention find the answer: on the
        reversal task, each heatmap's bright cells gather on the anti-diagonal as the accuracy climbs. Then step through one query's
        arithmetic with the model's own numbers.
      </p>
      <Notices notices={[...globalNotices, ...parsed.notices, ...resolved.notices]} />
      <div className="lesson-grid attn-grid">
        <div className="prose">{intro}</div>
        <section className="lab attn-lab" aria-label="Transformer lab">
          <StatusBar state={state} />
          {state.fallbackReason && (
            <p className="notice-inline" role="note">
              The previous backend failed ({state.fallbackReason}). Training moved to {state.backend?.label} and continued from the last
              weights.
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
          <dl className="readout attn-readout">
            <div>
              <dt>token accuracy</dt>
              <dd data-testid="token-accuracy" data-value={ev?.tokenAccuracy ?? ''}>
                {pct(ev?.tokenAccuracy)}
              </dd>
            </div>
            <div>
              <dt>exact sequences</dt>
              <dd data-testid="sequence-accuracy" data-value={ev?.sequenceAccuracy ?? ''}>
                {pct(ev?.sequenceAccuracy)}
              </dd>
            </div>
            <div>
              <dt>held-out loss</dt>
              <dd data-testid="eval-loss" data-value={ev?.loss ?? ''}>
                {fmt(ev?.loss)}
              </dd>
            </div>
            <div>
              <dt>measured at step</dt>
              <dd data-testid="eval-step" data-value={ev?.step ?? ''}>
                {ev ? fmtInt(ev.step) : '—'}
              </dd>
            </div>
            <div>
              <dt>learning rate now</dt>
              <dd data-testid="effective-lr" data-value={view?.learningRate ?? ''}>
                {fmt(view?.learningRate, 3)}
              </dd>
            </div>
          </dl>
          <div className="attn-heatmaps-head">
            <h3>Attention on this input</h3>
            <Toggle label="Ideal pattern" checked={v.ideal} onChange={(ideal) => update({ ideal })} />
          </div>
          {attn && tokens ? (
            <HeatmapGrid
              step={view?.step ?? 0}
              layers={attn.layers}
              heads={attn.heads}
              T={attn.T}
              weights={attn.weights}
              labels={shortLabels}
              selection={selection}
              ideal={ideal}
              onSelect={onSelect}
              maskNote={vocab?.maskToken !== null && vocab?.maskToken !== undefined}
            />
          ) : (
            <p className="live-empty">Building the model…</p>
          )}
          <p className="attn-hint">Click a row of a heatmap to step through that query below.</p>
          <ProbeOutput
            probe={view?.probe ?? null}
            outputVocab={vocab?.outputVocab ?? v.vocab}
            name={(t) => shortTokenLabel(vocab, t)}
            onAnother={() => update({ probe: (v.probe + 1) % (ATTN_PARAMS.probe.max + 1) })}
          />
          <div className="attn-pe-toggle">
            <Toggle label="Remove positional encoding" checked={v.pe === 'none'} onChange={togglePositions} />
            <p>
              {v.pe === 'none'
                ? `Positions are off: the model sees which tokens there are, not where. ${ceilingText(v.task, ceiling)}`
                : `Switches the encoding to none (and back to ${v.pe === 'learned' ? 'learned' : 'sinusoidal'}), rebuilding the model. ${ceilingText(v.task, null)}`}
            </p>
          </div>
          <div className="chart-head">
            <h3>Loss per step</h3>
            <Toggle label="Log scale" checked={v.llog} onChange={(llog) => update({ llog })} />
          </div>
          <StreamingChart series={lossSeries} version={state.seriesVersion + histVersion} logScale={v.llog} title="Loss against training step" />
          <div className="chart-head">
            <h3>Held-out accuracy</h3>
          </div>
          <StreamingChart series={accSeries} version={histVersion} logScale={false} title="Held-out accuracy against training step" height={150} />
          <AttentionControls v={v} update={update} />
        </section>
      </div>
      <section className="attn-trace" aria-label="Q/K/V step-through">
        <h2>One query, step by step</h2>
        <p className="attn-trace-intro">
          The numbers below are read back from the model's forward pass on the input above: nothing is recomputed on this page. Pick a
          layer, a head and a query position, or click a heatmap row.
        </p>
        <QkvStepThrough
          trace={view?.qkv ?? null}
          labels={labels}
          layers={attn?.layers ?? v.layers}
          heads={attn?.heads ?? v.heads}
          T={attn?.T ?? v.len}
          causal={v.causal}
          onSelect={onSelect}
        />
      </section>
      <div className="prose attn-more">{more}</div>
    </main>
  );
}
