import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notices } from '../../components/Notices';
import { useEmbed, useLocked } from '../../embed/context';
import { PageOnly, Part, Widget } from '../../embed/Widget';
import { registerStrings, useLang } from '../../i18n';
import type { TransformerView } from '../../ml/tasks/transformer-view';
import { useLessonParams } from '../../state/useLessonParams';
import { useTrainingSession } from '../../state/useTrainingSession';
import { useSpeedLimit } from '../../state/useSpeedLimit';
import type { LessonPageProps } from '../pages';
import { EvalHistory } from './eval-history';
import { ATTN_PARAMS, hyperOf, resolveAttn, specOf, type AttnValues } from './params';
import { PROSE } from './prose';
import { QkvSection, QKV_KEYS } from './QkvSection';
import { ATTN_STRINGS } from './strings';
import { tokenLabel } from './tokens';
import { pct, TransformerLab } from './TransformerLab';
import { useCeiling } from './useCeiling';
import './attention.css';
import { useDebouncedRebuild } from '../../state/useDebouncedRebuild';

registerStrings('attn', ATTN_STRINGS);

const TRANSFORMER_KEYS = Object.keys(ATTN_PARAMS);

export default function AttentionPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const { t } = useTranslation('attn');
  const lang = useLang();
  const P = PROSE[lang];
  const embed = useEmbed();
  const { values: raw, notices, update: write } = useLessonParams(ATTN_PARAMS, params, setParams);
  const resolved = resolveAttn(raw);
  const v = resolved.values;
  const [session, state] = useTrainingSession<'transformer'>();
  const view = state.view as TransformerView | null;

  const [hist] = useState(() => new EvalHistory());
  const [histVersion, setHistVersion] = useState(0);
  useEffect(() => {
    // Every metrics event is recorded, but the page re-renders for them at most ~10 times a
    // second (as the session store does): at 80 steps/s a render per event cost the page frames.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const bump = () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        setHistVersion((n) => n + 1);
      }, 100);
    };
    const off = session.subscribeEvents((e) => {
      if (e.type === 'ready' && e.step === 0) {
        hist.clear();
        bump();
      }
      const ev = e.type === 'ready' || e.type === 'view' || e.type === 'diverged' ? e.view : e.type === 'metrics' ? e.batch.view : null;
      if (ev && hist.add(ev, e.type === 'ready')) bump();
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [session, hist]);

  /**
   * Every control writes the URL (made consistent first: d_model on its grid, the offset and the
   * traced position inside the sequence); the page re-reads it. Locked keys are left as they are.
   */
  const update = (patch: Partial<AttnValues>) => {
    const next = resolveAttn({ ...v, ...patch }).values;
    const changed = Object.fromEntries(
      Object.entries(next).filter(([k, val]) => k in patch || val !== raw[k as keyof AttnValues]),
    ) as Partial<AttnValues>;
    write(changed);
  };

  const spec = specOf(v);
  const specKey = JSON.stringify(spec);
  const initModel = () => void session.init(specOf(v), hyperOf(v), backend);
  // A new task or architecture: rebuild (debounced while a slider moves), with the settings of that moment.
  useDebouncedRebuild(initModel, `${specKey}|${backend}`);

  // Training settings: applied at the next step, no restart.
  useEffect(() => {
    void session.setHyper({ learningRate: v.lr, warmup: v.warmup, batchSize: v.batch, dropout: v.drop, optimizer: v.opt });
  }, [session, v.lr, v.warmup, v.batch, v.drop, v.opt]);

  useSpeedLimit(session, v.sps);

  // What the view shows (input, traced layer/head/query) also lives in the task's hyperparameters.
  // The engine sends a fresh view on setViewOptions while paused, so a change shows at once; while
  // training it shows with the next report.
  useEffect(() => {
    void session
      .setHyper({ probeSeed: v.probe, traceLayer: v.tl, traceHead: v.th, traceQuery: v.tq })
      .then(() => session.setViewOptions({}));
  }, [session, v.probe, v.tl, v.th, v.tq]);

  // The divergence alert's way on: with the suggested rate, unless the embedding page locked it.
  const lrLocked = useLocked('lr');
  const useSuggestion = (suggested: number, reset: boolean) => {
    const lr = lrLocked ? v.lr : suggested;
    update({ lr });
    void session.setHyper({ learningRate: lr }).then(() => (reset ? session.reset() : session.train()));
  };

  const ceiling = useCeiling({ task: v.task, seqLen: v.len, vocab: v.vocab, offset: v.offset }, v.pe === 'none');
  // What removing positions does to the chosen task, with the exact ceiling when it is known.
  const blindNote = v.task === 'masked' ? t('ceiling.masked') : t('ceiling.blind');
  const ceilingNote =
    v.pe !== 'none'
      ? null
      : v.task === 'masked' || !ceiling
        ? blindNote
        : blindNote + t('ceiling.bound', { token: pct(ceiling.token), sequence: pct(ceiling.sequence) });

  const tokens = view?.probe.tokens ?? null;
  const vocab = view?.vocab ?? null;
  const labels = useMemo(() => (tokens ? Array.from(tokens, (x) => tokenLabel(vocab, x)) : []), [tokens, vocab]);
  const onSelect = (s: { layer: number; head: number; query: number }) => update({ tl: s.layer, th: s.head, tq: s.query });
  const attn = view?.attention ?? null;

  // The rest of the transformer widget's prose, after the step-through on the full page.
  const more = useMemo(
    () => (
      <>
        <P.PositionSection ceiling={ceilingNote} />
        <P.BlockSection />
        <P.EncoderDecoderSection />
        <PageOnly>
          <P.RnnSection />
        </PageOnly>
        <P.BertSection active={v.task === 'masked'} />
      </>
    ),
    [P, ceilingNote, v.task],
  );

  return (
    <main className="lesson attn-lesson">
      <PageOnly>
        <h1>{t('common:lessons.attention.title')}</h1>
        <p className="lede">{t('lede')}</p>
      </PageOnly>
      <Notices notices={[...globalNotices, ...notices, ...resolved.notices]} />
      <Widget id="transformer" keys={TRANSFORMER_KEYS}>
        <TransformerLab
          session={session}
          state={state}
          v={v}
          update={update}
          hist={hist}
          histVersion={histVersion}
          ceilingNote={ceilingNote}
          blindNote={blindNote}
          onRestart={initModel}
          onUseSuggestion={useSuggestion}
        />
      </Widget>
      <Widget id="qkv" keys={QKV_KEYS}>
        <QkvSection
          session={session}
          state={state}
          trace={view?.qkv ?? null}
          labels={labels}
          layers={attn?.layers ?? v.layers}
          heads={attn?.heads ?? v.heads}
          T={attn?.T ?? v.len}
          causal={v.causal}
          onSelect={onSelect}
        />
      </Widget>
      {(embed.widget === null || embed.widget === 'transformer') && (
        <Part name="explanation">
          <div className="prose attn-more">{more}</div>
        </Part>
      )}
    </main>
  );
}
