/** Batch norm in the tfjs MLP: train and eval mode against tfjs's own batch norm, and what it does. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { featureMatrix } from '../../datasets/points2d-features';
import { FusedMlpTask } from '../fused/fused-mlp-task';
import { useCpuBackend } from '../test-utils';
import { MlpTask, type MlpHyper, type MlpSpec } from './mlp';
import { BN_EPSILON, BN_MOMENTUM, createLayers, disposeLayers, mlpForward } from './mlp-model';

beforeAll(useCpuBackend);

const hyper = (h: Partial<MlpHyper> = {}): MlpHyper => ({ learningRate: 0.03, batchSize: 16, optimizer: 'adam', l1: 0, l2: 0, dropout: 0, ...h });

const spec = (h: Partial<MlpSpec> = {}): MlpSpec => ({
  kind: 'mlp',
  data: { dataset: 'circle', n: 200, noise: 0.1, testRatio: 0.3, seed: 2 },
  features: ['x1', 'x2'],
  hidden: [5, 4],
  activation: 'tanh',
  seed: 4,
  batchNorm: true,
  gridSize: 8,
  neuronGridSize: 4,
  ...h,
});

/** The same network written with tf.layers: dense (no bias) → batchNormalization → tanh, …, dense. */
function layersReference(w: Record<string, { values: Float32Array; shape: number[] }>, hidden: number) {
  const layers: tf.layers.Layer[] = [];
  for (let l = 0; l < hidden; l++) {
    const [fanIn, fanOut] = w[`W${l}`]!.shape as [number, number];
    const dense = tf.layers.dense({ units: fanOut, useBias: false, inputShape: [fanIn] });
    dense.build([null, fanIn]);
    dense.setWeights([tf.tensor2d(w[`W${l}`]!.values, [fanIn, fanOut])]);
    const bn = tf.layers.batchNormalization({ axis: -1, epsilon: BN_EPSILON, momentum: BN_MOMENTUM });
    bn.build([null, fanOut]);
    const v = (k: string) => tf.tensor1d(w[`${k}${l}`]!.values);
    bn.setWeights([v('gamma'), v('beta'), v('mean'), v('var')]);
    layers.push(dense, bn, tf.layers.activation({ activation: 'tanh' }));
  }
  const [fanIn, fanOut] = w[`W${hidden}`]!.shape as [number, number];
  const out = tf.layers.dense({ units: fanOut, inputShape: [fanIn] });
  out.build([null, fanIn]);
  out.setWeights([tf.tensor2d(w[`W${hidden}`]!.values, [fanIn, fanOut]), tf.tensor1d(w[`b${hidden}`]!.values)]);
  layers.push(out);
  return (x: tf.Tensor, training: boolean) => layers.reduce((h, layer) => layer.apply(h, { training }) as tf.Tensor, x);
}

describe('MLP batch norm (tfjs engine)', () => {
  it('train and eval mode equal tf.layers.batchNormalization, forward and backward', async () => {
    const task = new MlpTask(spec(), hyper());
    for (let i = 0; i < 40; i++) task.step().dispose();
    const w = await task.exportWeights();
    const ref = layersReference(w, 2);
    const pts = Float32Array.from([0.5, -1, 2, 3, -4, 1, 0, 0, 5, -2, -3, -3]);
    const x = tf.tensor2d(featureMatrix(pts, ['x1', 'x2']), [6, 2]);
    // Eval mode: running averages (predict() is eval mode, as the heatmap and test accuracy).
    const evalRef = (await (ref(x, false) as tf.Tensor).data()) as Float32Array;
    const ours = await task.predict(pts);
    evalRef.forEach((s, i) => expect(ours[i]).toBeCloseTo(1 / (1 + Math.exp(-s)), 5));
    // Train mode: batch statistics; outputs and the gradient of every variable agree.
    const layers = createLayers([2, 5, 4, 1], 'tanh', 0, 'bnref', true);
    const named: Record<string, tf.Variable> = {
      W0: layers[0]!.W, gamma0: layers[0]!.bn!.gamma, beta0: layers[0]!.bn!.beta, mean0: layers[0]!.bn!.mean, var0: layers[0]!.bn!.variance,
      W1: layers[1]!.W, gamma1: layers[1]!.bn!.gamma, beta1: layers[1]!.bn!.beta, mean1: layers[1]!.bn!.mean, var1: layers[1]!.bn!.variance,
      W2: layers[2]!.W, b2: layers[2]!.b!,
    };
    for (const [k, v] of Object.entries(named)) v.assign(tf.tensor(w[k]!.values, v.shape));
    const trainOurs = tf.tidy(() => mlpForward(layers, x, 'tanh', { training: true }));
    const trainRef = ref(x, true) as tf.Tensor;
    const a = (await trainOurs.data()) as Float32Array;
    const b = (await trainRef.data()) as Float32Array;
    b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 5));
    // Backward: d(sum of squares of the outputs)/d(input) through both, in train mode.
    const gOurs = tf.grad((xi: tf.Tensor) => tf.sum(tf.square(mlpForward(layers, xi as tf.Tensor2D, 'tanh', { training: true }))))(x);
    const gRef = tf.grad((xi: tf.Tensor) => tf.sum(tf.square(ref(xi, true))))(x);
    const [ga, gb] = [(await gOurs.data()) as Float32Array, (await gRef.data()) as Float32Array];
    expect(Math.max(...gb.map(Math.abs))).toBeGreaterThan(1e-3);
    gb.forEach((v, i) => expect(ga[i]).toBeCloseTo(v, 5));
    tf.dispose([x, trainOurs, trainRef, gOurs, gRef]);
    disposeLayers(layers);
    task.dispose();
  });

  it('the running averages move by (1 − momentum) of the batch statistics; the probe is consistent', async () => {
    const task = new MlpTask(spec(), hyper({ optimizer: 'sgd' }));
    task.step().dispose();
    const v = await task.view();
    const p = v.batchNorm!.probe!;
    expect(v.batchNorm!.epsilon).toBe(1e-3);
    expect(v.batchNorm!.momentum).toBe(0.99);
    // The probe holds the forward pass's values (before this step's update): initial γ, β, averages.
    expect([p.gamma, p.beta, p.runningMean, p.runningVar]).toEqual([1, 0, 0, 1]);
    expect(p.xhat).toBeCloseTo((p.z - p.batchMean) / Math.sqrt(p.batchVar + 1e-3), 5);
    expect(p.y).toBeCloseTo(p.gamma * p.xhat + p.beta, 6);
    expect(p.batchVar).toBeGreaterThan(0);
    const w = await task.exportWeights();
    expect(w.mean0!.values[0]).toBeCloseTo(0.01 * p.batchMean, 6);
    expect(w.var0!.values[0]).toBeCloseTo(0.99 + 0.01 * p.batchVar, 6);
    expect(p.evalXhat).toBeCloseTo(p.z / Math.sqrt(1 + 1e-3), 5);
    task.dispose();
  });

  it('keeps the tensor count flat across steps and views', async () => {
    const task = new MlpTask(spec({ hidden: [8, 8, 8] }), hyper({ dropout: 0.2 }));
    task.step().dispose();
    await task.view();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) task.step().dispose();
    await task.view();
    await task.predict(Float32Array.from([1, 2]));
    expect(tf.memory().numTensors).toBe(before);
    task.dispose();
  });

  it('seeded runs are reproducible, on both engines', async () => {
    const losses = async (t: MlpTask) => {
      const out: number[] = [];
      for (let i = 0; i < 30; i++) {
        const l = t.step();
        out.push((await l.data())[0]!);
        l.dispose();
      }
      t.dispose();
      return out;
    };
    expect(await losses(new MlpTask(spec(), hyper()))).toEqual(await losses(new MlpTask(spec(), hyper())));
    const fused = () => [...new FusedMlpTask(spec(), hyper()).stepBatch(30)];
    expect(fused()).toEqual(fused());
  });

  it('export → import carries γ, β and the running averages: identical eval-mode predictions', async () => {
    const a = new MlpTask(spec(), hyper());
    for (let i = 0; i < 50; i++) a.step().dispose();
    const w = await a.exportWeights();
    expect(Object.keys(w).sort()).toEqual(['W0', 'W1', 'W2', 'b2', 'beta0', 'beta1', 'gamma0', 'gamma1', 'mean0', 'mean1', 'var0', 'var1']);
    const b = new MlpTask(spec(), hyper());
    b.importWeights(w);
    const pts = Float32Array.from([0, 0, 1, 2, -3, 4]);
    expect(await b.predict(pts)).toEqual(await a.predict(pts));
    expect((await b.view()).grid.values).toEqual((await a.view()).grid.values);
    a.dispose();
    b.dispose();
  });
});

describe('deep sigmoid network (6 × 8, SGD α = 0.03, batch 10, circle): stalls without BN, trains with it', () => {
  const deep = (batchNorm: boolean): MlpSpec => ({
    kind: 'mlp',
    data: { dataset: 'circle', n: 200, noise: 0, testRatio: 0.5, seed: 1 },
    features: ['x1', 'x2'],
    hidden: [8, 8, 8, 8, 8, 8],
    activation: 'sigmoid',
    seed: 1,
    batchNorm,
  });
  const h = hyper({ optimizer: 'sgd', learningRate: 0.03, batchSize: 10 });

  it('after 2000 steps: loss ≈ ln 2 without, < 0.2 with batch norm; first-layer gradients 1000× larger', async () => {
    const plain = new FusedMlpTask(deep(false), h);
    const bn = new FusedMlpTask(deep(true), h);
    plain.stepBatch(2000);
    bn.stepBatch(2000);
    const [p, b] = [await plain.view(), await bn.view()];
    // Measured: without 0.693 (accuracy 0.51), with 0.107 (accuracy 1.00); ‖∂L/∂W₁‖ 2.8e-5 vs 0.32.
    expect(p.trainLoss).toBeGreaterThan(0.69);
    expect(p.trainAccuracy).toBeLessThan(0.6);
    expect(b.trainLoss).toBeLessThan(0.2);
    expect(b.trainAccuracy).toBeGreaterThan(0.95);
    expect(b.gradNorms![0]! / p.gradNorms![0]!).toBeGreaterThan(1000);
  });

  it('the tfjs engine agrees over the first 300 steps', async () => {
    const fused = new FusedMlpTask(deep(true), h);
    const ref = new MlpTask(deep(true), h);
    const losses = fused.stepBatch(300);
    for (let i = 0; i < 300; i++) {
      const l = ref.step();
      if (i % 50 === 49) expect(losses[i]).toBeCloseTo((await l.data())[0]!, 4);
      l.dispose();
    }
    ref.dispose();
  });
});
