import { WORD_CORPORA } from '../../datasets/word-corpus';
import type { SchemaTable } from '../../state/schema';

/** Every setting of the embeddings lesson, as URL keys. */
export const EMB_PARAMS = {
  corpus: { kind: 'enum', options: WORD_CORPORA, default: 'brown' },
  /** Keep the N most frequent words (the Brown pack has 13,812 seen ≥ 5 times). */
  vocab: { kind: 'int', min: 500, max: 13812, default: 10000 },
  /** Embedding dimension D. */
  dim: { kind: 'int', min: 2, max: 300, default: 50 },
  /** Largest window b. */
  window: { kind: 'int', min: 1, max: 10, default: 5 },
  /** Negatives K per pair. */
  neg: { kind: 'int', min: 1, max: 20, default: 5 },
  lr: { kind: 'number', min: 1e-4, max: 10, default: 0.025, log: true },
  /** Subsampling of frequent words on/off, and its threshold t. */
  sub: { kind: 'bool', default: true },
  t: { kind: 'number', min: 1e-5, max: 0.1, default: 1e-3, log: true },
  /** Words of running text per step. */
  batch: { kind: 'int', min: 100, max: 5000, default: 1000 },
  /** The map: how many frequent words, after leaving out the `skip` most frequent. */
  shown: { kind: 'int', min: 20, max: 500, default: 200 },
  skip: { kind: 'int', min: 0, max: 1000, default: 50 },
  seed: { kind: 'int', min: 0, max: 2_147_483_647, default: 1 },
} satisfies SchemaTable;
