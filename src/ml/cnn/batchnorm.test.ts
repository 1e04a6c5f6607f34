/**
 * Batch norm in the configurable CNN (CPU backend): per-channel statistics against a hand
 * reference, the whole model against tf.layers (conv without bias → batchNormalization → ReLU …)
 * forward and backward in train and eval mode, the running averages, reproducibility,
 * export → import and the tensor count. The cpu = wasm check is in wasm-kernels.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMnistPack } from '../../datasets/mnist';
import { createRng } from '../../datasets/rng';
import { MnistTask, type MnistHyper } from '../tasks/mnist-classifier';
import type { WeightSnapshot } from '../tasks/task';
import { useCpuBackend } from '../test-utils';
import { countParams, describeModel, type CustomCnnSpec } from './architecture';
import { BN_EPSILON, BN_MOMENTUM, convBatchNorm, type ChannelBatchNorm } from './batchnorm';
import { MnistModel } from './model';

const pack = parseMnistPack(new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'public', 'data', 'mnist-10k.bin'))));

beforeAll(useCpuBackend);

/** Two blocks, 'same' 3×3, max pooling (the ReLU-after-pool path), 4 and 6 channels. */
const BN_CNN: CustomCnnSpec = { kind: 'custom-cnn', blocks: 2, filters: [4, 6], kernel: 3, pooling: 'max', dropout: 0, batchNorm: true };

const hyper = (h: Partial<MnistHyper> = {}): MnistHyper => ({ learningRate: 3e-3, batchSize: 16, optimizer: 'adam', ...h });

function makeTask(model: CustomCnnSpec = BN_CNN, h: Partial<MnistHyper> = {}, seed = 1): MnistTask {
  return new MnistTask({ kind: 'mnist', model, trainCount: 200, testCount: 60, seed, dataUrl: 'unused-in-tests' }, hyper(h), pack);
}

function images(n: number, from = 0): Float32Array {
  return Float32Array.from(pack.pixels.subarray(from * 784, (from + n) * 784), (p) => p / 255);
}

function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / (1 + Math.abs(b[i]!)));
  return worst;
}

/** The same network written with tf.layers, its weights set from a snapshot of ours. */
function layersReference(w: WeightSnapshot, spec: CustomCnnSpec) {
  const layers: tf.layers.Layer[] = [];
  const set = (layer: tf.layers.Layer, inputShape: (number | null)[], keys: string[]) => {
    layer.build(inputShape);
    layer.setWeights(keys.map((k) => tf.tensor(w[k]!.values, w[k]!.shape)));
    layers.push(layer);
  };
  for (const info of describeModel(spec).layers) {
    const l = info.layer;
    const input = [null, ...info.inputShape];
    switch (l.type) {
      case 'conv2d':
        set(tf.layers.conv2d({ filters: l.filters, kernelSize: l.kernel, padding: l.padding, useBias: l.bias }), input, [`${l.name}/kernel`, ...(l.bias ? [`${l.name}/bias`] : [])]);
        break;
      case 'batchnorm':
        set(tf.layers.batchNormalization({ axis: -1, epsilon: BN_EPSILON, momentum: BN_MOMENTUM }), input, ['gamma', 'beta', 'mean', 'variance'].map((k) => `${l.name}/${k}`));
        layers.push(tf.layers.activation({ activation: 'relu' }));
        break;
      case 'pool':
        layers.push(l.pooling === 'max' ? tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }) : tf.layers.averagePooling2d({ poolSize: 2, strides: 2 }));
        break;
      case 'flatten':
        layers.push(tf.layers.flatten());
        break;
      case 'dense':
        set(tf.layers.dense({ units: l.units, activation: l.activation === 'relu' ? 'relu' : 'linear' }), input, [`${l.name}/kernel`, `${l.name}/bias`]);
        break;
      case 'dropout':
        throw new Error('the reference has no dropout');
    }
  }
  const apply = (x: tf.Tensor, training: boolean) => layers.reduce((h, layer) => layer.apply(h, { training }) as tf.Tensor, x);
  const trainable = () => layers.flatMap((l) => l.trainableWeights.map((v) => v.read() as tf.Variable));
  return { apply, trainable, dispose: () => tf.dispose(layers.flatMap((l) => l.weights.map((v) => v.read()))) };
}

describe('convBatchNorm', () => {
  it('normalises each channel over batch × height × width (a hand reference), eval mode with the running averages', async () => {
    const [m, h, w, c] = [3, 4, 5, 2];
    const rng = createRng(9);
    const z = Float32Array.from({ length: m * h * w * c }, () => 3 * rng.normal() + 1);
    const bn: ChannelBatchNorm = {
      gamma: tf.variable(tf.tensor1d([1.5, -0.5])),
      beta: tf.variable(tf.tensor1d([0.25, 2])),
      mean: tf.variable(tf.tensor1d([0.5, -1]), false),
      variance: tf.variable(tf.tensor1d([4, 0.25]), false),
    };
    const zt = tf.tensor4d(z, [m, h, w, c]);
    const train = convBatchNorm(zt, bn, true);
    const evalMode = convBatchNorm(zt, bn, false);
    const [y, mean, variance, yEval] = await Promise.all([train.y.data(), train.stats!.mean.data(), train.stats!.variance.data(), evalMode.y.data()]);
    expect(evalMode.stats).toBeNull();
    const gamma = [1.5, -0.5];
    const beta = [0.25, 2];
    for (let ch = 0; ch < c; ch++) {
      // Every image and every position of channel ch: m·h·w = 60 numbers.
      const vals: number[] = [];
      for (let i = ch; i < z.length; i += c) vals.push(z[i]!);
      expect(vals).toHaveLength(m * h * w);
      const mu = vals.reduce((a, b) => a + b, 0) / vals.length;
      const s2 = vals.reduce((a, b) => a + (b - mu) ** 2, 0) / vals.length;
      expect(mean[ch]).toBeCloseTo(mu, 5);
      expect(variance[ch]).toBeCloseTo(s2, 4);
      for (let i = ch; i < z.length; i += c) {
        expect(y[i]).toBeCloseTo(gamma[ch]! * ((z[i]! - mu) / Math.sqrt(s2 + 1e-3)) + beta[ch]!, 4);
        const rm = [0.5, -1][ch]!;
        const rv = [4, 0.25][ch]!;
        expect(yEval[i]).toBeCloseTo(gamma[ch]! * ((z[i]! - rm) / Math.sqrt(rv + 1e-3)) + beta[ch]!, 4);
      }
    }
    tf.dispose([zt, train.y, train.stats!.mean, train.stats!.variance, evalMode.y, bn.gamma, bn.beta, bn.mean, bn.variance]);
  });
});

describe('the custom CNN with batch norm', () => {
  it('has no conv bias, γ and β per channel, and the parameter counts architecture.ts gives', () => {
    const d = describeModel(BN_CNN);
    expect(d.layers.map((l) => l.layer.name)).toEqual(['conv1', 'bn1', 'pool1', 'conv2', 'bn2', 'pool2', 'flatten', 'dense1', 'output']);
    const model = new MnistModel(BN_CNN, 1);
    expect(model.hasWeight('conv1/bias')).toBe(false);
    expect(model.paramCounts().layers).toEqual(d.layers.filter((l) => l.params > 0).map((l) => ({ name: l.layer.name, params: l.params })));
    // conv1 3·3·1·4, bn1 2·4, conv2 3·3·4·6, bn2 2·6, dense1 (7·7·6)·128 + 128, output 128·10 + 10.
    expect(countParams(BN_CNN)).toBe(36 + 8 + 216 + 12 + 294 * 128 + 128 + 1290);
    expect(countParams({ ...BN_CNN, batchNorm: false })).toBe(countParams(BN_CNN) - 2 * (4 + 6) + (4 + 6));
    model.dispose();
  });

  it('equals tf.layers (conv without bias → batchNormalization → ReLU → pool …) forward and backward, train and eval mode', async () => {
    const task = makeTask();
    for (let i = 0; i < 15; i++) task.step().dispose();
    const w = await task.exportWeights();
    // The running averages have moved away from 0 and 1, so eval mode really differs from train mode.
    expect(Math.abs(w['bn1/mean']!.values[0]!)).toBeGreaterThan(1e-3);
    const ref = layersReference(w, BN_CNN);
    const model = new MnistModel(BN_CNN, 99);
    model.importWeights(w);
    const x = tf.tensor4d(images(8, 300), [8, 28, 28, 1]);
    const y = tf.oneHot(tf.tensor1d(Int32Array.from(pack.labels.subarray(300, 308)), 'int32'), 10);
    // Eval mode is what the page's numbers use: test evaluation and predict.
    const probs = await task.predict(images(4, 300));
    const refProbs = tf.tidy(() => tf.softmax(ref.apply(tf.tensor4d(images(4, 300), [4, 28, 28, 1]), false) as tf.Tensor2D));
    expect(maxRelErr(probs, await refProbs.data())).toBeLessThan(1e-5);
    // Eval mode first: a training-mode call of tf.layers' batch norm moves its running averages.
    for (const training of [false, true]) {
      const ours = tf.tidy(() => model.forward(x, { training }));
      const theirs = ref.apply(x, training);
      expect(maxRelErr(await ours.data(), await theirs.data()), `logits, training ${training}`).toBeLessThan(1e-5);
      // Backward: the loss's gradient for every trainable variable and for the input.
      const loss = (f: () => tf.Tensor) => () => tf.losses.softmaxCrossEntropy(y, f()) as tf.Scalar;
      const g1 = tf.variableGrads(loss(() => model.forward(x, { training })), model.trainable);
      const g2 = tf.variableGrads(loss(() => ref.apply(x, training)), ref.trainable());
      const ga = model.trainable.map((v) => g1.grads[v.name]!);
      const gb = ref.trainable().map((v) => g2.grads[v.name]!);
      expect(ga.map((g) => g.shape)).toEqual(gb.map((g) => g.shape));
      for (let k = 0; k < ga.length; k++) {
        const [a, b] = [await ga[k]!.data(), await gb[k]!.data()];
        expect(Math.max(...Array.from(b, Math.abs)), `gradient ${k} not all zero`).toBeGreaterThan(0);
        expect(maxRelErr(a, b), `gradient of ${model.trainable[k]!.name}, training ${training}`).toBeLessThan(1e-4);
      }
      const dx = (f: (x: tf.Tensor) => tf.Tensor) => tf.grad((xi: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, f(xi)) as tf.Scalar)(x);
      const [dxa, dxb] = [dx((xi) => model.forward(xi as tf.Tensor4D, { training })), dx((xi) => ref.apply(xi, training))];
      expect(maxRelErr(await dxa.data(), await dxb.data())).toBeLessThan(1e-4);
      tf.dispose([ours, theirs, g1.value, g2.value, ...ga, ...gb, dxa, dxb]);
    }
    tf.dispose([x, y, refProbs]);
    ref.dispose();
    model.dispose();
    task.dispose();
  });

  it('moves the running averages by (1 − momentum) of the batch statistics; the probe is consistent', async () => {
    const task = makeTask(BN_CNN, { optimizer: 'sgd', learningRate: 0.01, batchSize: 8 });
    const before = await task.view();
    expect(before.batchNorm).toMatchObject({ epsilon: 1e-3, momentum: 0.99, batch: null, probe: null });
    task.step().dispose();
    const v = await task.view();
    const p = v.batchNorm!.probe!;
    expect(v.batchNorm!.batch).toEqual({ m: 8, height: 28, width: 28 });
    // The forward pass's values, before this step's update: initial γ, β and averages.
    expect([p.gamma, p.beta, p.runningMean, p.runningVar]).toEqual([1, 0, 0, 1]);
    expect(p.batchVar).toBeGreaterThan(0);
    expect(p.xhat).toBeCloseTo((p.z - p.batchMean) / Math.sqrt(p.batchVar + 1e-3), 5);
    expect(p.y).toBeCloseTo(p.xhat, 6);
    const w = await task.exportWeights();
    expect(w['bn1/mean']!.values[0]).toBeCloseTo(0.01 * p.batchMean, 6);
    expect(w['bn1/variance']!.values[0]).toBeCloseTo(0.99 + 0.01 * p.batchVar, 6);
    // The filters panel: no bias with batch norm.
    expect(v.filters!.bias).toHaveLength(0);
    task.dispose();
  });

  it('is reproducible from its seed, and a different seed gives a different run', async () => {
    const losses = async (seed: number) => {
      const task = makeTask(BN_CNN, {}, seed);
      const out: number[] = [];
      for (let i = 0; i < 8; i++) {
        const l = task.step();
        out.push((await l.data())[0]!);
        l.dispose();
      }
      const w = await task.exportWeights();
      task.dispose();
      return { out, mean: Array.from(w['bn2/mean']!.values) };
    };
    const [a, b, c] = [await losses(3), await losses(3), await losses(4)];
    expect(a).toEqual(b);
    expect(a.out).not.toEqual(c.out);
  });

  it('export → import carries γ, β and the running averages: identical predictions and evaluation', async () => {
    const a = makeTask();
    for (let i = 0; i < 10; i++) a.step().dispose();
    const w = await a.exportWeights();
    expect(Object.keys(w).filter((k) => k.startsWith('bn')).sort()).toEqual(
      ['bn1/beta', 'bn1/gamma', 'bn1/mean', 'bn1/variance', 'bn2/beta', 'bn2/gamma', 'bn2/mean', 'bn2/variance'],
    );
    // The same seed (the same split of the digits), untrained: its weights all differ from a's.
    const b = makeTask();
    expect((await b.exportWeights())['bn1/variance']).not.toEqual(w['bn1/variance']);
    b.importWeights(w);
    expect(await b.exportWeights()).toEqual(w);
    const img = images(5, 500);
    expect(await b.predict(img)).toEqual(await a.predict(img));
    const [ea, eb] = [await a.evaluate(), await b.evaluate()];
    expect(eb.testAccuracy).toBe(ea.testAccuracy);
    expect(eb.confusion).toEqual(ea.confusion);
    expect((await b.featureMaps(img))[1]!.values).toEqual((await a.featureMaps(img))[1]!.values);
    a.dispose();
    b.dispose();
  });

  it('keeps the tensor count flat across steps, views, evaluations and predictions', async () => {
    const task = makeTask({ ...BN_CNN, pooling: 'avg', dropout: 0.2 });
    task.step().dispose();
    await task.view();
    const count = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) task.step().dispose();
    await task.view();
    await task.evaluate();
    await task.predict(images(2));
    expect(tf.memory().numTensors).toBe(count);
    task.dispose();
  });

  it('learns: loss falls over 40 steps of 16 digits', async () => {
    const task = makeTask();
    const first = task.step();
    const l0 = (await first.data())[0]!;
    first.dispose();
    for (let i = 0; i < 39; i++) task.step().dispose();
    const e = await task.evaluate();
    expect(Number.isFinite(e.testLoss)).toBe(true);
    expect(e.testLoss).toBeLessThan(l0);
    task.dispose();
  });
});
