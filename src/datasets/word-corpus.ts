/**
 * A word corpus packed by scripts/pack-brown.mjs or scripts/pack-songci.mjs (layout in scripts/word-corpus-pack.mjs): the running text as
 * word ids, the vocabulary in frequency order and each word's count. Pure: no DOM, no tfjs.
 */

export const WORD_CORPUS_MAGIC = 'EMBC';
export const WORD_CORPUS_VERSION = 1;
const HEADER_BYTES = 24;

/** Corpora shipped with the build, by URL key. */
export const WORD_CORPORA = ['brown', 'songci'] as const;
export type WordCorpusId = (typeof WORD_CORPORA)[number];

/**
 * Where each corpus lives, relative to the site root. Resolve it on the main thread against
 * document.baseURI: inside a worker a relative URL resolves against the worker script.
 */
export const WORD_CORPUS_PATH: Record<WordCorpusId, string> = { brown: 'data/brown-corpus.bin', songci: 'data/songci-corpus.bin' };

/** Whether a corpus's tokens are single characters (Chinese) rather than words. */
export const CHARACTER_CORPUS: Record<WordCorpusId, boolean> = { brown: false, songci: true };

export interface WordCorpus {
  /** Words by id; id = frequency rank (0 = most frequent). */
  words: string[];
  /** Occurrences of each word in the running text. */
  counts: Uint32Array;
  /** The running text as word ids. */
  tokens: Uint16Array;
  /** Words seen fewer times than this were dropped when packing. */
  minCount: number;
  /** Word tokens before that cut (letters-only words). */
  rawTokens: number;
  /** Word → id. */
  index: Map<string, number>;
}

export function parseWordCorpus(buf: ArrayBuffer | Uint8Array): WordCorpus {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const fail = (why: string): never => {
    throw new Error(`Not a valid word corpus: ${why}`);
  };
  if (bytes.length < HEADER_BYTES) fail(`only ${bytes.length} bytes`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== WORD_CORPUS_MAGIC) fail(`magic ${JSON.stringify(magic)}`);
  const version = dv.getUint16(4, true);
  if (version !== WORD_CORPUS_VERSION) fail(`version ${version}`);
  const minCount = dv.getUint16(6, true);
  const V = dv.getUint32(8, true);
  const N = dv.getUint32(12, true);
  const L = dv.getUint32(16, true);
  const rawTokens = dv.getUint32(20, true);
  const pad = (4 - (L % 4)) % 4;
  const expected = HEADER_BYTES + L + pad + V * 4 + N * 2;
  if (bytes.length !== expected) fail(`${bytes.length} bytes, the header says ${expected}`);
  const words = new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + L)).split('\n');
  if (words.length !== V) fail(`${words.length} words, the header says ${V}`);
  const countsAt = HEADER_BYTES + L + pad;
  // Copies, so the result owns aligned arrays whatever the input's offset.
  const counts = new Uint32Array(V);
  for (let i = 0; i < V; i++) counts[i] = dv.getUint32(countsAt + i * 4, true);
  const tokens = new Uint16Array(N);
  const tokAt = countsAt + V * 4;
  for (let i = 0; i < N; i++) {
    const id = dv.getUint16(tokAt + i * 2, true);
    if (id >= V) fail(`token ${i} has id ${id} ≥ ${V}`);
    tokens[i] = id;
  }
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  return { words, counts, tokens, minCount, rawTokens, index };
}

/** Fetch and parse the asset. `fetchImpl` is injectable for tests. */
export async function loadWordCorpus(
  url: string,
  fetchImpl: (url: string) => Promise<Response> = fetch,
): Promise<WordCorpus> {
  const res = await fetchImpl(url);
  if (!res.ok) throw new Error(`Could not load the corpus from ${url}: HTTP ${res.status}`);
  return parseWordCorpus(await res.arrayBuffer());
}

/**
 * The corpus cut to its `size` most frequent words (ids stay frequency ranks, so the cut keeps
 * ids 0..size-1): rarer words are removed from the running text, as word2vec's min_count does.
 */
export function restrictVocabulary(c: WordCorpus, size: number): WordCorpus {
  const V = Math.max(1, Math.min(c.words.length, Math.floor(size)));
  if (V === c.words.length) return c;
  let n = 0;
  for (let i = 0; i < c.tokens.length; i++) if (c.tokens[i]! < V) n++;
  const tokens = new Uint16Array(n);
  let j = 0;
  for (let i = 0; i < c.tokens.length; i++) {
    const t = c.tokens[i]!;
    if (t < V) tokens[j++] = t;
  }
  const words = c.words.slice(0, V);
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  return { words, counts: c.counts.slice(0, V), tokens, minCount: c.minCount, rawTokens: c.rawTokens, index };
}
