/**
 * What the embeddings lesson draws, computed in the worker from the live tables: the 2-D PCA map,
 * a typed word's neighbours, an analogy, one real pair's gradient, and the corpus's own counts.
 */
import type { WordCorpus } from '../../datasets/word-corpus';
import { charNgrams, cooccurrenceRow, ngramSharing, type Cooccurrence } from '../embeddings/corpus-stats';
import { analogy, neighboursOf, unitRows } from '../embeddings/neighbours';
import { ALL_PROBE_CLASSES, probeNeighbours, type ProbeScore } from '../embeddings/probes';
import { pca2 } from '../embeddings/pca';
import type { NegativeSampler } from '../embeddings/sampling';
import { pairGradient, sigmoid, type PairRecord, type SgnsModel } from '../embeddings/sgns';

export interface Word2VecViewOptions {
  /** The word whose neighbours are listed. */
  query: string;
  /** a − b + c. */
  analogy: [string, string, string];
  /** The map shows the `shown` most frequent words after leaving out the `skip` most frequent. */
  shown: number;
  skip: number;
  /** Words always marked on the map (with the query, its neighbours and the analogy's words). */
  highlight: string[];
}

export const DEFAULT_VIEW_OPTIONS: Word2VecViewOptions = { query: '', analogy: ['', '', ''], shown: 200, skip: 50, highlight: [] };

export const NEIGHBOURS = 8;
const ANSWERS = 5;
/** Components of a vector shown in the worked example. */
const SHOW = 4;

export interface Neighbour {
  word: string;
  sim: number;
  count: number;
}

export type WordLookup =
  | { status: 'empty' }
  | { status: 'unknown'; word: string }
  | {
      status: 'ok';
      word: string;
      id: number;
      count: number;
      neighbours: Neighbour[];
      /** The first components of v_word, and its length. */
      vector: number[];
      norm: number;
      cooccurrence: { window: number; total: number; distinct: number; top: { word: string; count: number }[] };
      ngrams: { gram: string; words: number }[];
    };

export type AnalogyResult =
  | { status: 'empty' }
  | { status: 'incomplete'; missing: number[] }
  | { status: 'unknown'; words: string[] }
  | { status: 'repeated' }
  | {
      status: 'ok';
      words: [string, string, string];
      counts: [number, number, number];
      answers: Neighbour[];
      /** c's own nearest neighbour (excluding a and b): when it equals the answer, the offset a − b added little. */
      nearestToC: string | null;
    };

/** Why a word is marked on the map. */
export type MarkKind = 'query' | 'neighbour' | 'analogy' | 'marked';

export interface PairView {
  centerId: number;
  center: string;
  context: string;
  negatives: string[];
  dotPositive: number;
  sigmaPositive: number;
  dotNegatives: number[];
  sigmaNegatives: number[];
  loss: number;
  /** First components of v_c, u_o and ∂L/∂v_c, and the gradient's length. */
  vc: number[];
  uo: number[];
  grad: number[];
  gradNorm: number;
}

export interface Word2VecView {
  /** vocab: words the model has; available: words the corpus has (seen ≥ minCount times). */
  corpus: { vocab: number; available: number; tokens: number; rawTokens: number; minCount: number };
  dim: number;
  /** The settings in force. */
  settings: { learningRate: number; window: number; negatives: number; sample: number };
  progress: { wordsRead: number; epoch: number; lastPairs: number; lastKept: number; lastRead: number; lastLoss: number | null };
  map: {
    words: string[];
    ranks: number[];
    xs: Float32Array;
    ys: Float32Array;
    highlighted: boolean[];
    /** Why each highlighted word is marked (null for the others). */
    kinds: (MarkKind | null)[];
    explained: [number, number];
  };
  query: WordLookup;
  analogy: AnalogyResult;
  pair: PairView | null;
  /** The most frequent words: their share f of the text and the chance subsampling keeps one. */
  subsampling: { word: string; count: number; share: number; keep: number }[];
  /** Noise distribution against plain frequency, for a frequent and a rarer word. */
  noise: { word: string; unigram: number; noise: number }[];
  /** Share of the words read that subsampling kept, for the last step. */
  keptShare: number | null;
  /**
   * The neighbour check (ml/embeddings/probes.ts): of the corpus's probe words (weekdays, months,
   * number words; the Song ci's numerals), how many have one of their own kind among their 5
   * nearest neighbours, after `wordsRead` words. Null when the vocabulary has none of them.
   */
  probe: (ProbeScore & { wordsRead: number }) | null;
}

export interface ViewInputs {
  corpus: WordCorpus;
  /** Vocabulary of the corpus before the lesson's cut. */
  available: number;
  model: SgnsModel;
  sampler: NegativeSampler;
  keep: Float32Array;
  hyper: { window: number; sample: number; learningRate: number; negatives: number };
  options: Word2VecViewOptions;
  previousAxes: [Float64Array, Float64Array] | null;
  progress: Word2VecView['progress'];
  pair: PairRecord | null;
}

/** Cache of the corpus scans (they depend on the word and window only, not on training). */
export interface ViewCache {
  cooc: Map<string, Cooccurrence>;
  ngrams: Map<string, { gram: string; words: number }[]>;
  /** The last neighbour check and when it ran (performance.now()). */
  probe: { score: ProbeScore; wordsRead: number; at: number } | null;
}

export function createViewCache(): ViewCache {
  return { cooc: new Map(), ngrams: new Map(), probe: null };
}

/** While training, the neighbour check (~27 × V × D multiply-adds) runs at most this often. */
export const PROBE_EVERY_MS = 1000;

/**
 * The neighbour check for these vectors. While training moves on it is taken again at most
 * every PROBE_EVERY_MS (and says after how many words it was taken); with training still (paused,
 * rewound, a model file loaded) it is always taken afresh, so it is true for the weights shown.
 */
function probeView(unit: Float32Array, inp: ViewInputs, cache: ViewCache): Word2VecView['probe'] {
  const now = performance.now();
  const c = cache.probe;
  const wordsRead = inp.progress.wordsRead;
  if (!(c && c.wordsRead !== wordsRead && now - c.at < PROBE_EVERY_MS)) {
    const score = probeNeighbours(unit, inp.model.vocabSize, inp.model.dim, inp.corpus.index, 5, ALL_PROBE_CLASSES);
    cache.probe = { score, wordsRead, at: now };
  }
  const p = cache.probe!;
  return p.score.tested > 0 ? { ...p.score, wordsRead: p.wordsRead } : null;
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));
const first = (a: ArrayLike<number>) => Array.from({ length: Math.min(SHOW, a.length) }, (_, i) => a[i]!);
const norm = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
};

/** Normalise a typed word the way the corpus was packed (lower case, trimmed). */
export function normaliseWord(w: string): string {
  return w.trim().toLowerCase();
}

function lookupWord(inp: ViewInputs, unit: Float32Array, cache: ViewCache): WordLookup {
  const word = normaliseWord(inp.options.query);
  if (!word) return { status: 'empty' };
  const { corpus, model } = inp;
  const id = corpus.index.get(word);
  if (id === undefined) return { status: 'unknown', word };
  const V = model.vocabSize;
  const D = model.dim;
  const neighbours = neighboursOf(unit, V, D, id, NEIGHBOURS).map((s) => ({ word: corpus.words[s.id]!, sim: s.sim, count: corpus.counts[s.id]! }));
  const window = Math.max(1, Math.floor(inp.hyper.window));
  const key = `${id}:${window}`;
  let cooc = cache.cooc.get(key);
  if (!cooc) {
    cooc = cooccurrenceRow(corpus.tokens, id, window, 6);
    cache.cooc.set(key, cooc);
  }
  let ngrams = cache.ngrams.get(word);
  if (!ngrams) {
    const grams = charNgrams(word, 3, 6);
    const share = ngramSharing(grams, corpus.words);
    ngrams = grams.map((gram, i) => ({ gram, words: share[i]! }));
    cache.ngrams.set(word, ngrams);
  }
  const row = model.input.subarray(id * D, (id + 1) * D);
  return {
    status: 'ok',
    word,
    id,
    count: corpus.counts[id]!,
    neighbours,
    vector: first(row),
    norm: norm(row),
    cooccurrence: { window, total: cooc.total, distinct: cooc.distinct, top: cooc.top.map((t) => ({ word: corpus.words[t.id]!, count: t.count })) },
    ngrams,
  };
}

function solveAnalogy(inp: ViewInputs, unit: Float32Array): AnalogyResult {
  const words = inp.options.analogy.map(normaliseWord) as [string, string, string];
  if (words.every((w) => !w)) return { status: 'empty' };
  const missing = words.flatMap((w, i) => (w ? [] : [i]));
  if (missing.length) return { status: 'incomplete', missing };
  const { corpus, model } = inp;
  const unknown = words.filter((w) => !corpus.index.has(w));
  if (unknown.length) return { status: 'unknown', words: unknown };
  const [a, b, c] = words.map((w) => corpus.index.get(w)!) as [number, number, number];
  if (a === b || b === c || a === c) return { status: 'repeated' };
  const V = model.vocabSize;
  const D = model.dim;
  const answers = analogy(unit, V, D, a, b, c, ANSWERS).map((s) => ({ word: corpus.words[s.id]!, sim: s.sim, count: corpus.counts[s.id]! }));
  const nearC = neighboursOf(unit, V, D, c, 3).find((s) => s.id !== a && s.id !== b);
  return {
    status: 'ok',
    words,
    counts: [corpus.counts[a]!, corpus.counts[b]!, corpus.counts[c]!],
    answers,
    nearestToC: nearC ? corpus.words[nearC.id]! : null,
  };
}

function pairView(inp: ViewInputs): PairView | null {
  const p = inp.pair;
  if (!p) return null;
  const g = pairGradient(p.vc, p.uo, p.uNeg);
  const w = inp.corpus.words;
  return {
    centerId: p.center,
    center: w[p.center]!,
    context: w[p.context]!,
    negatives: p.negatives.map((k) => w[k]!),
    dotPositive: g.dotPositive,
    sigmaPositive: sigmoid(g.dotPositive),
    dotNegatives: g.dotNegatives,
    sigmaNegatives: g.dotNegatives.map(sigmoid),
    loss: g.loss,
    vc: first(p.vc),
    uo: first(p.uo),
    grad: first(g.dCenter),
    gradNorm: norm(g.dCenter),
  };
}

function mapView(inp: ViewInputs, unit: Float32Array, marked: Map<number, MarkKind>): { map: Word2VecView['map']; axes: [Float64Array, Float64Array] } {
  const { corpus, model, options } = inp;
  const V = model.vocabSize;
  const D = model.dim;
  const skip = Math.max(0, Math.min(V - 1, Math.floor(options.skip)));
  const ids: number[] = [];
  for (let i = skip; i < Math.min(V, skip + Math.max(2, Math.floor(options.shown))); i++) ids.push(i);
  for (const m of marked.keys()) if (!ids.includes(m)) ids.push(m);
  const rows = new Float32Array(ids.length * D);
  ids.forEach((id, i) => rows.set(unit.subarray(id * D, (id + 1) * D), i * D));
  const p = pca2(rows, ids.length, D, inp.previousAxes);
  return {
    map: {
      words: ids.map((i) => corpus.words[i]!),
      ranks: ids,
      xs: p.xs,
      ys: p.ys,
      highlighted: ids.map((i) => marked.has(i)),
      kinds: ids.map((i) => marked.get(i) ?? null),
      explained: p.explained,
    },
    axes: p.axes,
  };
}

/** The whole view, and the PCA axes to seed the next one with. */
export function buildWord2VecView(inp: ViewInputs, cache: ViewCache): { view: Word2VecView; axes: [Float64Array, Float64Array] } {
  const { corpus, model, sampler, keep } = inp;
  const V = model.vocabSize;
  const D = model.dim;
  const unit = unitRows(model.input, V, D);
  const query = lookupWord(inp, unit, cache);
  const an = solveAnalogy(inp, unit);
  // Later marks win: the typed word over the analogy's words over its neighbours over the learner's list.
  const marked = new Map<number, MarkKind>();
  const mark = (kind: MarkKind) => (w: string) => {
    const id = corpus.index.get(normaliseWord(w));
    if (id !== undefined) marked.set(id, kind);
  };
  inp.options.highlight.forEach(mark('marked'));
  if (query.status === 'ok') query.neighbours.slice(0, 5).forEach((n) => mark('neighbour')(n.word));
  if (an.status === 'ok') {
    an.words.forEach(mark('analogy'));
    if (an.answers[0]) mark('analogy')(an.answers[0].word);
  }
  if (query.status === 'ok') mark('query')(query.word);
  const { map, axes } = mapView(inp, unit, marked);
  let total = 0;
  for (let i = 0; i < V; i++) total += corpus.counts[i]!;
  const subsampling = Array.from({ length: Math.min(6, V) }, (_, i) => ({
    word: corpus.words[i]!,
    count: corpus.counts[i]!,
    share: corpus.counts[i]! / total,
    keep: keep[i]!,
  }));
  const rare = Math.min(V - 1, 2000);
  const noise = [0, 1, rare].filter((i, k, a) => a.indexOf(i) === k).map((i) => ({ word: corpus.words[i]!, unigram: corpus.counts[i]! / total, noise: sampler.probability(i) }));
  const pr = inp.progress;
  return {
    view: {
      corpus: { vocab: V, available: inp.available, tokens: corpus.tokens.length, rawTokens: corpus.rawTokens, minCount: corpus.minCount },
      dim: D,
      settings: { learningRate: inp.hyper.learningRate, window: inp.hyper.window, negatives: inp.hyper.negatives, sample: inp.hyper.sample },
      progress: { ...pr, epoch: round(pr.epoch, 4) },
      map,
      query,
      analogy: an,
      pair: pairView(inp),
      subsampling,
      noise,
      keptShare: pr.lastRead > 0 ? pr.lastKept / pr.lastRead : null,
      probe: probeView(unit, inp, cache),
    },
    axes,
  };
}
