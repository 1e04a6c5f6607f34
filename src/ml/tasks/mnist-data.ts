/**
 * MNIST for the classifier task: the pack fetched once per worker, and its train/test
 * split as device tensors made once per task.
 */
import * as tf from '@tensorflow/tfjs';
import { batchLabels, loadMnistPack, normalisedBatch, splitMnist, type MnistPack, type MnistSplit } from '../../datasets/mnist';

const packs = new Map<string, Promise<MnistPack>>();

/**
 * Fetch and parse the pack at `url` (absolute: the page resolves MNIST_PACK_PATH against
 * document.baseURI, since inside a worker a relative URL resolves against the worker
 * script). Memoised per URL, so a reset or a backend fallback does not fetch 7.9 MB again;
 * a failed load is forgotten so that a retry fetches anew.
 */
export function loadMnistData(
  url: string,
  fetchImpl: (url: string) => Promise<Response> = (u) => fetch(u),
): Promise<MnistPack> {
  let p = packs.get(url);
  if (!p) {
    p = loadMnistPack(url, fetchImpl);
    packs.set(url, p);
    p.catch(() => packs.delete(url));
  }
  return p;
}

export interface MnistSplitSpec {
  trainCount: number;
  testCount: number;
  seed: number;
}

/** One split of the pack on the device: images [N, 28, 28, 1] in [0, 1] and int32 labels [N]. */
export interface MnistTensors {
  split: MnistSplit;
  trainX: tf.Tensor4D;
  trainY: tf.Tensor1D;
  testX: tf.Tensor4D;
  testY: tf.Tensor1D;
  /** The labels on the host too, for confusion matrices and galleries without a readback. */
  trainLabels: Int32Array;
  testLabels: Int32Array;
  dispose(): void;
}

/**
 * A stratified, seeded split (same pack + spec → same digits in the same order), uploaded
 * once. Pixels are normalised /255 on the host, so the device holds only the float tensor.
 */
export function createMnistTensors(pack: MnistPack, s: MnistSplitSpec): MnistTensors {
  const split = splitMnist(pack, { seed: s.seed, trainCount: s.trainCount, testCount: s.testCount, stratify: true });
  if (split.train.length === 0 || split.test.length === 0) throw new RangeError('MNIST needs at least one train and one test digit');
  const images = (idx: Int32Array) =>
    tf.tensor4d(normalisedBatch(pack, idx), [idx.length, pack.rows, pack.cols, 1]);
  const trainLabels = batchLabels(pack, split.train);
  const testLabels = batchLabels(pack, split.test);
  const t = {
    trainX: images(split.train),
    trainY: tf.tensor1d(trainLabels, 'int32'),
    testX: images(split.test),
    testY: tf.tensor1d(testLabels, 'int32'),
  };
  return {
    split,
    ...t,
    trainLabels,
    testLabels,
    dispose: () => tf.dispose([t.trainX, t.trainY, t.testX, t.testY]),
  };
}
