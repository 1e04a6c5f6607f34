/** The packed corpus, fetched once per worker and URL (a reset or a backend fallback reuses it). */
import { loadWordCorpus, type WordCorpus } from '../../datasets/word-corpus';

const corpora = new Map<string, Promise<WordCorpus>>();

/** Memoised per URL; a failed load is forgotten so that a retry fetches anew. */
export function loadWordCorpusOnce(url: string, fetchImpl: (url: string) => Promise<Response> = (u) => fetch(u)): Promise<WordCorpus> {
  let p = corpora.get(url);
  if (!p) {
    p = loadWordCorpus(url, fetchImpl);
    corpora.set(url, p);
    p.catch(() => corpora.delete(url));
  }
  return p;
}
