/**
 * The writer shared by scripts/pack-brown.mjs and scripts/pack-songci.mjs: a running text of
 * tokens → the EMBC binary read by src/datasets/word-corpus.ts (parseWordCorpus).
 *
 * ── Output layout (all multi-byte integers little-endian) ───────────────────────────────────────
 *   offset  size       field
 *   0       4          magic, ASCII "EMBC"
 *   4       2  uint16  version = 1
 *   6       2  uint16  min count used
 *   8       4  uint32  V, vocabulary size (≤ 65535)
 *   12      4  uint32  N, tokens in the running text
 *   16      4  uint32  L, bytes of the vocabulary text
 *   20      4  uint32  R, tokens before the min-count cut
 *   24      L          the vocabulary, UTF-8, words joined by "\n", id order
 *   24+L    P          zero padding to a multiple of 4 (P = (4 − L mod 4) mod 4)
 *   …       V·4        uint32 count of each word (id order)
 *   …       N·2        uint16 word ids of the running text
 *
 * Words seen fewer than minCount times are dropped from the text (word2vec's min_count). The
 * vocabulary is sorted by count, most frequent first (ties by code point): a word's id is its
 * frequency rank.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeWordCorpus(out, words, minCount) {
  const counts = new Map();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (vocab.length > 65535) throw new Error(`vocabulary of ${vocab.length} words does not fit uint16 ids`);
  const id = new Map(vocab.map(([w], i) => [w, i]));
  const ids = [];
  for (const w of words) {
    const i = id.get(w);
    if (i !== undefined) ids.push(i);
  }
  const vocabBytes = Buffer.from(vocab.map(([w]) => w).join('\n'), 'utf8');
  const pad = (4 - (vocabBytes.length % 4)) % 4;
  const total = 24 + vocabBytes.length + pad + vocab.length * 4 + ids.length * 2;
  const buf = Buffer.alloc(total);
  buf.write('EMBC', 0, 'ascii');
  buf.writeUInt16LE(1, 4);
  buf.writeUInt16LE(minCount, 6);
  buf.writeUInt32LE(vocab.length, 8);
  buf.writeUInt32LE(ids.length, 12);
  buf.writeUInt32LE(vocabBytes.length, 16);
  buf.writeUInt32LE(words.length, 20);
  vocabBytes.copy(buf, 24);
  let o = 24 + vocabBytes.length + pad;
  for (const [, c] of vocab) {
    buf.writeUInt32LE(c, o);
    o += 4;
  }
  for (const i of ids) {
    buf.writeUInt16LE(i, o);
    o += 2;
  }
  if (o !== total) throw new Error(`wrote ${o} bytes, expected ${total}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buf);
  const sha = createHash('sha256').update(buf).digest('hex');
  console.log(`${out}: ${total} bytes, ${vocab.length} words (count ≥ ${minCount}), ${ids.length} tokens kept of ${words.length}; sha256 ${sha}`);
  console.log(`most frequent: ${vocab.slice(0, 12).map(([w, c]) => `${w} ${c}`).join(', ')}`);
}
