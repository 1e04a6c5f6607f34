import { useCallback, useEffect, useEffectEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StreamingChart } from '../../components/charts/StreamingChart';
import { SessionTransport } from '../../components/controls/SessionTransport';
import { LabAlerts } from '../../components/LabAlerts';
import { StatusBar } from '../../components/StatusBar';
import { useEmbed, useLocked } from '../../embed/context';
import { useEmbedTarget } from '../../embed/targets';
import { Part } from '../../embed/Widget';
import { WidgetHeading } from '../../embed/WidgetHeading';
import { WidgetTools } from '../../embed/WidgetTools';
import { fmt, fmtInt } from '../../format';
import { useLang } from '../../i18n';
import { CHARACTER_CORPUS, WORD_CORPUS_PATH, type WordCorpusId } from '../../datasets/word-corpus';
import type { BackendChoice } from '../../ml/backend-names';
import type { Word2VecHyper, Word2VecSpec, Word2VecView } from '../../ml/tasks/word2vec';
import { parseParams } from '../../state/schema';
import { useTrainingSession } from '../../state/useTrainingSession';
import { AnalogyBox } from './AnalogyBox';
import { EmbeddingControls, type EmbUpdate, type EmbValues } from './EmbeddingControls';
import { ExplanationEn } from './Explanation';
import { ExplanationZh } from './Explanation.zh';
import { LiveMath } from './LiveMath';
import { EMB_PARAMS } from './params';
import { TryThis, type Experiment } from './TryThis';
import { WordMap } from './WordMap';
import { useThrottled } from '../../state/useThrottled';
import { ProbeCheck } from './ProbeCheck';
import { WordBox } from './WordBox';
import { useDebouncedRebuild } from '../../state/useDebouncedRebuild';
import { EMB_RUN_IGNORE, formatEmbSetting } from '../../runs/labs/embeddings';
import { toSettings } from '../../runs/run-record';
import { RunsPanel } from '../../runs/RunsPanel';
import { useRunOverlays, useRuns } from '../../runs/useRuns';

function specOf(v: EmbValues): Word2VecSpec {
  return {
    kind: 'word2vec',
    corpus: v.corpus,
    dataUrl: new URL(WORD_CORPUS_PATH[v.corpus], document.baseURI).href,
    vocab: v.vocab,
    dim: v.dim,
    seed: v.seed,
  };
}

function hyperOf(v: EmbValues): Word2VecHyper {
  return { learningRate: v.lr, window: v.window, negatives: v.neg, sample: v.sub ? v.t : 0, batch: v.batch };
}

/** What the word and analogy boxes start with for each corpus (words the lesson's prose talks about). */
const STARTERS: Record<WordCorpusId, { query: string; analogy: [string, string, string] }> = {
  brown: { query: 'monday', analogy: ['king', 'man', 'woman'] },
  songci: { query: '酒', analogy: ['西', '东', '南'] },
};

const splitWords = (s: string) =>
  s
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);

interface Props {
  v: EmbValues;
  update: EmbUpdate;
  backend: BackendChoice;
}

/** How often the lab's pictures follow the worker's views while it trains. */
const VIEW_EVERY_MS = 250;

/** The 'embeddings' widget: the prose beside the lab (word2vec training, neighbours, analogies, the map, the numbers). */
export function EmbeddingLab({ v, update, backend }: Props) {
  const { t } = useTranslation('emb');
  const lang = useLang();
  const embed = useEmbed();
  const lrLocked = useLocked('lr');
  const [session, state] = useTrainingSession<'word2vec'>();
  useEmbedTarget(session);
  // The map, lists and worked example redraw at most 4 times a second (the status keeps the
  // worker's pace): redrawing all of them for every report held the main thread 50–100 ms.
  const view = useThrottled(state.view as Word2VecView | null, VIEW_EVERY_MS);
  const [query, setQuery] = useState(STARTERS[v.corpus].query);
  const [analogy, setAnalogy] = useState<[string, string, string]>(STARTERS[v.corpus].analogy);
  const [highlight, setHighlight] = useState('');
  // Another corpus has other words: start its boxes afresh (state adjusted during render, as React advises).
  const [corpusShown, setCorpusShown] = useState(v.corpus);
  if (corpusShown !== v.corpus) {
    setCorpusShown(v.corpus);
    setQuery(STARTERS[v.corpus].query);
    setAnalogy(STARTERS[v.corpus].analogy);
    setHighlight('');
  }
  const highlightId = useId();

  const specKey = JSON.stringify(specOf(v));
  const initModel = () => void session.init(specOf(v), hyperOf(v), backend);
  useDebouncedRebuild(initModel, `${specKey}|${backend}`);

  // Runs: kept, compared (batch loss overlaid) and rewound (neighbours, analogy, map of that step); see src/runs.
  const spec = useMemo(() => JSON.parse(specKey) as Word2VecSpec, [specKey]);
  const curves = useCallback(() => ({ loss: session.loss }), [session]);
  const runs = useRuns(session, {
    lab: 'embeddings',
    kind: 'word2vec',
    settings: toSettings(v),
    spec,
    curves,
    ignore: EMB_RUN_IGNORE,
    format: formatEmbSetting,
  });
  const runOverlays = useRunOverlays(runs, 'loss');

  useEffect(() => {
    void session.setHyper({ learningRate: v.lr, window: v.window, negatives: v.neg, sample: v.sub ? v.t : 0, batch: v.batch });
  }, [session, v.lr, v.window, v.neg, v.sub, v.t, v.batch]);

  // Typed words go to the worker (which holds the vocabulary and the vectors), a moment after typing stops.
  const sendViewOptions = useEffectEvent(() => {
    void session.setViewOptions({ query, analogy, highlight: splitWords(highlight), shown: v.shown, skip: v.skip });
  });
  const analogyKey = analogy.join('\u0000');
  useEffect(() => {
    const timer = setTimeout(sendViewOptions, 120);
    return () => clearTimeout(timer);
  }, [session, query, analogyKey, highlight, v.shown, v.skip]);

  const useSuggestion = (lr: number, reset: boolean) => {
    const next = lrLocked ? v.lr : lr;
    if (!lrLocked) update({ lr });
    void session.setHyper({ learningRate: next }).then(() => (reset ? session.reset() : session.train()));
  };

  const applyExperiment = (e: Experiment) => {
    if (Object.keys(e.params).length) update(parseParams(EMB_PARAMS, new URLSearchParams(e.params)).values);
    // The prompts are about the English corpus: they bring it back.
    if (v.corpus !== 'brown') update({ corpus: 'brown' });
    if (e.query !== undefined) setQuery(e.query);
    if (e.analogy) setAnalogy(e.analogy);
  };

  const chartSeries = useMemo(() => [{ label: t('chart.batchLoss'), buffer: session.loss }, ...runOverlays], [session, t, runOverlays]);
  // A marked word missing from the map is one the vocabulary does not have (the map always includes marked words).
  const unknownMarks = view ? splitWords(highlight).filter((w) => !view.map.words.includes(w)) : [];
  const solo = embed.hidden.has('explanation');
  const map = view?.map ?? null;
  const to = map ? Math.min(v.skip + v.shown, view!.corpus.vocab) : 0;

  return (
    <div className={solo ? 'lesson-grid emb-solo' : 'lesson-grid'}>
      <Part name="explanation">
        <div className="prose">{lang === 'zh' ? <ExplanationZh /> : <ExplanationEn />}</div>
      </Part>
      <section className="lab emb-lab" aria-label={t('lab.region')}>
        <div className="emb-widget-head">
          <WidgetHeading>{t('lab.title')}</WidgetHeading>
          <WidgetTools />
        </div>
        <StatusBar state={state} />
        <LabAlerts state={state} learningRate={v.lr} onRestart={initModel} onUseSuggestion={useSuggestion} />
        <SessionTransport session={session} phase={state.phase} />
        {state.phase === 'starting' && !view && <p className="emb-note">{t('lab.loading')}</p>}

        <h3>{t('word.title')}</h3>
        <WordBox value={query} onChange={setQuery} view={view} characters={CHARACTER_CORPUS[v.corpus]} />
        <ProbeCheck probe={view?.probe} characters={CHARACTER_CORPUS[v.corpus]} />

        <h3>{t('map.title')}</h3>
        <WordMap map={map} />
        {map && (
          <p className="emb-note">
            {t('map.caption', {
              n: Math.max(0, to - v.skip),
              marked: map.highlighted.filter(Boolean).length,
              from: v.skip + 1,
              to,
              p1: (map.explained[0] * 100).toFixed(1),
              p2: (map.explained[1] * 100).toFixed(1),
            })}
          </p>
        )}
        <div className="control">
          <label className="control-label" htmlFor={highlightId}>
            {t('word.highlight')}
          </label>
          <input
            id={highlightId}
            type="text"
            value={highlight}
            placeholder={CHARACTER_CORPUS[v.corpus] ? '春, 夏, 秋, 冬' : 'january, february, march'}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            onChange={(e) => setHighlight(e.target.value)}
          />
          <span className="control-hint">{t('word.highlightHint')}</span>
          {unknownMarks.length > 0 && view && (
            <span className="control-hint" aria-live="polite">
              {t('word.highlightUnknown', { words: unknownMarks.join(', ') })}
            </span>
          )}
        </div>

        <h3>{t('analogy.title')}</h3>
        <AnalogyBox value={analogy} onChange={setAnalogy} view={view} />

        <Part name="chart">
          <h3>{t('chart.title')}</h3>
          <StreamingChart series={chartSeries} version={state.seriesVersion} logScale={false} title={t('chart.lossTitle')} />
          <dl className="readout">
            <div>
              <dt>{t('readout.epoch')}</dt>
              <dd data-testid="emb-epoch">{fmt(view?.progress.epoch ?? 0, 3)}</dd>
            </div>
            <div>
              <dt>{t('readout.wordsRead')}</dt>
              <dd data-testid="emb-words-read">{fmtInt(view?.progress.wordsRead ?? 0)}</dd>
            </div>
            <div>
              <dt>{t('readout.kept')}</dt>
              <dd>{view?.keptShare !== null && view?.keptShare !== undefined ? `${(view.keptShare * 100).toFixed(1)}%` : '–'}</dd>
            </div>
            <div>
              <dt>{t('readout.pairs')}</dt>
              <dd>{fmtInt(view?.progress.lastPairs ?? 0)}</dd>
            </div>
          </dl>
        </Part>
        <RunsPanel runs={runs} />

        <Part name="controls">
          <EmbeddingControls v={v} update={update} corpusVocab={view?.corpus.available ?? null} />
          <TryThis onTry={applyExperiment} />
        </Part>

        <Part name="math">
          <h3>{t('live.title')}</h3>
          <LiveMath view={view} />
        </Part>
      </section>
    </div>
  );
}
