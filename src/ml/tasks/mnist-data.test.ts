import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMnistPack } from '../../datasets/mnist';
import { useCpuBackend } from '../test-utils';
import { createMnistTensors, loadMnistData } from './mnist-data';

const bytes = new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'public', 'data', 'mnist-10k.bin')));

beforeAll(useCpuBackend);

describe('loadMnistData', () => {
  it('fetches a URL once, and again after a failure', async () => {
    const calls: string[] = [];
    let fail = true;
    const fetchImpl = async (url: string) => {
      calls.push(url);
      return fail ? new Response('nope', { status: 404 }) : new Response(bytes.slice());
    };
    await expect(loadMnistData('https://x.test/a.bin', fetchImpl)).rejects.toThrow(/HTTP 404/);
    fail = false;
    const p1 = loadMnistData('https://x.test/a.bin', fetchImpl);
    const p2 = loadMnistData('https://x.test/a.bin', fetchImpl);
    expect(p2).toBe(p1);
    expect((await p1).count).toBe(10_000);
    expect(calls).toEqual(['https://x.test/a.bin', 'https://x.test/a.bin']);
  });
});

describe('createMnistTensors', () => {
  it('uploads a seeded, stratified split as [N, 28, 28, 1] floats in [0, 1] and int32 labels', async () => {
    const pack = parseMnistPack(bytes);
    const before = tf.memory().numTensors;
    const t = createMnistTensors(pack, { trainCount: 50, testCount: 20, seed: 3 });
    expect(t.trainX.shape).toEqual([50, 28, 28, 1]);
    expect(t.testX.shape).toEqual([20, 28, 28, 1]);
    expect(t.trainY.dtype).toBe('int32');
    // Stratified: 2 of each digit in the test set.
    expect(Array.from(t.testLabels).sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
    expect(Array.from(await t.testY.data())).toEqual(Array.from(t.testLabels));
    const x = await t.testX.data();
    for (const [k, record] of t.split.test.entries()) {
      for (const p of [0, 300, 406]) expect(x[k * 784 + p]).toBeCloseTo(pack.pixels[record * 784 + p]! / 255, 6);
    }
    const again = createMnistTensors(pack, { trainCount: 50, testCount: 20, seed: 3 });
    expect(again.split).toEqual(t.split);
    again.dispose();
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
