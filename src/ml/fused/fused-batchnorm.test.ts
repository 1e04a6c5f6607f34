/**
 * Batch norm on the fused engine: its hand-written forward and backward (through μ_B and σ²_B)
 * against tfjs autodiff of tf.moments + tf.batchNorm, and 100 seeded steps against MlpTask.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { useCpuBackend } from '../test-utils';
import { MlpTask, type MlpHyper, type MlpSpec } from '../tasks/mlp';
import { activate, BN_EPSILON, dataLoss, initialWeights, layerWidths, MLP_ACTIVATIONS, type MlpActivation, type MlpOutput } from '../tasks/mlp-model';
import { DenseNet } from './dense-net';
import { FusedMlpTask } from './fused-mlp-task';

beforeAll(useCpuBackend);

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return diff / (scale + 1e-12);
}

/**
 * tfjs autodiff of the network with batch norm in train mode on every hidden layer (no bias
 * there), written with tf.moments and tf.batchNorm, not with mlp-model.ts. Parameters in the
 * fused order: W, γ, β per hidden layer, then W, b of the output layer; γ, β given.
 */
async function reference(
  widths: number[],
  act: MlpActivation,
  out: MlpOutput,
  params: Float32Array[],
  x: Float32Array,
  y: Float32Array,
  m: number,
  dropout: { rate: number; seed: number } | null,
): Promise<{ loss: number; grads: Float32Array[]; raw: Float32Array }> {
  const rng = dropout ? createRng(dropout.seed) : null;
  const L = widths.length - 1;
  const { value, grads, raw } = tf.tidy(() => {
    const shapes = widths.slice(0, -1).flatMap((w, l) =>
      l < L - 1 ? [[w, widths[l + 1]!], [widths[l + 1]!], [widths[l + 1]!]] : [[w, widths[l + 1]!], [widths[l + 1]!]],
    );
    const vars = params.map((p, k) => tf.tensor(p, shapes[k]));
    const xb = tf.tensor2d(x, [m, widths[0]!]);
    const C = widths[L]!;
    const yb = out === 'multiclass' ? tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), C).toFloat() : tf.tensor2d(y, [m, 1]);
    const masks: tf.Tensor[] = [];
    for (let l = 1; l < L; l++) {
      const mk = new Float32Array(m * widths[l]!);
      if (rng && dropout) for (let k = 0; k < mk.length; k++) mk[k] = rng.next() >= dropout.rate ? 1 / (1 - dropout.rate) : 0;
      masks.push(tf.tensor2d(mk, [m, widths[l]!]));
    }
    const forward = (ps: tf.Tensor[]) => {
      let h: tf.Tensor = xb;
      for (let l = 0; l < L; l++) {
        const W = ps[3 * l]! as tf.Tensor2D;
        const z = tf.matMul(h as tf.Tensor2D, W);
        if (l === L - 1) return tf.add(z, ps[3 * l + 1]!);
        const { mean, variance } = tf.moments(z, 0);
        h = activate(tf.batchNorm(z, mean, variance, ps[3 * l + 2]!, ps[3 * l + 1]!, BN_EPSILON), act);
        if (dropout) h = tf.mul(h, masks[l]!);
      }
      return h;
    };
    const f = (...ps: tf.Tensor[]) => dataLoss(out, forward(ps) as tf.Tensor2D, yb as tf.Tensor2D);
    return { ...tf.valueAndGrads(f)(vars), raw: forward(vars) };
  });
  const loss = (await value.data())[0]!;
  const values = await Promise.all(grads.map((g) => g.data() as Promise<Float32Array>));
  const rawValues = (await raw.data()) as Float32Array;
  tf.dispose([value, raw, ...grads]);
  return { loss, grads: values, raw: rawValues };
}

describe('fused batch norm: forward and gradients equal tfjs autodiff (1e-5 relative)', () => {
  const outputs: { output: MlpOutput; classes: number }[] = [
    { output: 'binary', classes: 2 },
    { output: 'multiclass', classes: 3 },
    { output: 'regression', classes: 0 },
  ];
  for (const act of MLP_ACTIVATIONS) {
    for (const { output, classes } of outputs) {
      for (const rate of [0, 0.3]) {
        it(`${act}, ${output}, dropout ${rate}`, async () => {
          const widths = layerWidths(3, [5, 4], output === 'multiclass' ? classes : 1);
          const init = initialWeights(widths, act, 7);
          const m = 12;
          const data = createRng(11);
          const x = Float32Array.from({ length: m * 3 }, () => 4 * data.next() - 2);
          const y = Float32Array.from({ length: m }, () => (output === 'regression' ? data.normal() : Math.floor(data.next() * (classes || 2))));
          const net = new DenseNet(widths, act, output, init, true);
          // γ and β away from 1 and 0, so their part of the gradient is tested too.
          net.bn.forEach((bn) => {
            if (!bn) return;
            for (let j = 0; j < bn.gamma.length; j++) {
              bn.gamma[j] = 0.5 + data.next();
              bn.beta[j] = data.next() - 0.5;
            }
          });
          const seed = 99;
          const drop = rate > 0 ? { rate, rng: createRng(seed) } : null;
          const raw = net.forward(x, m, null, drop, undefined, true).slice();
          const loss = net.loss(y, m, null, true);
          net.backward(m, 0, 0);
          const ref = await reference(widths, act, output, net.paramArrays().map((p) => p.slice()), x, y, m, rate > 0 ? { rate, seed } : null);
          expect(relErr(raw, ref.raw)).toBeLessThan(1e-5);
          expect(Math.abs(loss - ref.loss) / Math.abs(ref.loss)).toBeLessThan(1e-5);
          // With a linear activation, BN of the next layer removes any shift: β of every hidden layer
          // but the last has an exactly zero gradient, which both sides give as float noise.
          const scale = Math.max(...ref.grads.map((g) => Math.max(...g.map(Math.abs))));
          net.gradArrays().forEach((g, k) => {
            const zero = Math.max(...ref.grads[k]!.map(Math.abs)) < 1e-6 * scale;
            if (zero) expect(Math.max(...g.map(Math.abs)), `parameter ${k} (zero)`).toBeLessThan(1e-5 * scale);
            else expect(relErr(g, ref.grads[k]!), `parameter ${k}`).toBeLessThan(1e-5);
          });
        });
      }
    }
  }

  it('eval mode uses the running averages: equals tf.layers.batchNormalization (inference)', async () => {
    const widths = [2, 3, 1];
    const net = new DenseNet(widths, 'linear', 'regression', initialWeights(widths, 'linear', 3), true);
    const bn = net.bn[0]!;
    bn.gamma.set([1.5, 0.7, -0.4]);
    bn.beta.set([0.1, -0.2, 0.3]);
    bn.mean.set([0.3, -1, 2]);
    bn.variance.set([0.5, 2, 0.01]);
    const x = Float32Array.from([1, 2, -0.5, 0.25, 3, -2]);
    const acts: Float32Array[] = [];
    net.forward(x, 3, null, null, acts, false);
    const layer = tf.layers.batchNormalization({ axis: -1, epsilon: BN_EPSILON, momentum: 0.99 });
    const z = tf.tidy(() => tf.matMul(tf.tensor2d(x, [3, 2]), tf.tensor2d(net.layers[0]!.W, [2, 3])));
    layer.build(z.shape);
    layer.setWeights([tf.tensor1d(bn.gamma), tf.tensor1d(bn.beta), tf.tensor1d(bn.mean), tf.tensor1d(bn.variance)]);
    const yRef = layer.apply(z, { training: false }) as tf.Tensor;
    expect(relErr(acts[0]!, (await yRef.data()) as Float32Array)).toBeLessThan(1e-5);
    tf.dispose([z, yRef, ...layer.getWeights()]);
  });
});

const hyper = (h: Partial<MlpHyper> = {}): MlpHyper => ({ learningRate: 0.03, batchSize: 10, optimizer: 'adam', l1: 0, l2: 0, dropout: 0, ...h });

const spec = (dataset: MlpSpec['data']['dataset'], activation: MlpActivation, hidden = [4, 3]): MlpSpec => ({
  kind: 'mlp',
  data: { dataset, n: 200, noise: 0.1, testRatio: 0.3, seed: 3 },
  features: ['x1', 'x2'],
  hidden,
  activation,
  seed: 5,
  batchNorm: true,
  gridSize: 12,
  neuronGridSize: 6,
});

describe('fused MLP with batch norm vs the tfjs MlpTask: 100 seeded steps agree', () => {
  const cases: [MlpSpec['data']['dataset'], MlpActivation, MlpHyper['optimizer'], Partial<MlpHyper>][] = [
    ['spiral', 'tanh', 'sgd', { learningRate: 0.1 }],
    ['circle', 'relu', 'momentum', { l2: 0.001 }],
    ['spiral3', 'sigmoid', 'adam', { l1: 0.001 }],
    // Not linear: there β of layer 1 has a zero gradient (BN of layer 2 removes any shift), and
    // Adam turns the two engines' different float noise into full-size steps.
    ['plane', 'tanh', 'adam', {}],
    // A batch of one: σ²_B = 0, x̂ = 0, y = β (ε keeps it finite).
    ['xor', 'relu', 'sgd', { batchSize: 1 }],
  ];
  for (const [ds, act, opt, extra] of cases) {
    it(`${ds}, ${act}, ${opt}`, async () => {
      const h = hyper({ optimizer: opt, ...extra });
      const ref = new MlpTask(spec(ds, act), h);
      const fused = new FusedMlpTask(spec(ds, act), h);
      const losses = fused.stepBatch(100);
      for (let i = 0; i < 100; i++) {
        const l = ref.step();
        expect(losses[i]).toBeCloseTo((await l.data())[0]!, 4);
        l.dispose();
      }
      const [a, b] = [await fused.exportWeights(), await ref.exportWeights()];
      expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
      expect(Object.keys(b)).toEqual(expect.arrayContaining(['gamma0', 'beta0', 'mean0', 'var0', 'gamma1', 'var1', 'W2', 'b2']));
      expect(Object.keys(b)).not.toContain('b0');
      for (const k of Object.keys(b)) expect(relErr(a[k]!.values, b[k]!.values), k).toBeLessThan(1e-4);
      const [va, vb] = [await fused.view(), await ref.view()];
      expect(va.trainLoss).toBeCloseTo(vb.trainLoss, 4);
      expect(va.trainAccuracy).toBe(vb.trainAccuracy);
      expect(relErr(va.gradNorms!, vb.gradNorms!)).toBeLessThan(1e-3);
      expect(relErr(va.grid.values, vb.grid.values)).toBeLessThan(1e-4);
      expect(relErr(va.neurons!.values, vb.neurons!.values)).toBeLessThan(1e-4);
      const [pa, pb] = [va.batchNorm!.probe!, vb.batchNorm!.probe!];
      expect(relErr(Object.values(pa), Object.values(pb))).toBeLessThan(1e-4);
      expect(va.batchNorm!.epsilon).toBe(vb.batchNorm!.epsilon);
      ref.dispose();
    });
  }

  it('export → import carries γ, β and the running averages: identical eval-mode predictions', async () => {
    const a = new FusedMlpTask(spec('circle', 'sigmoid'), hyper());
    a.stepBatch(80);
    const w = await a.exportWeights();
    expect([...w.mean0!.values].some((v) => v !== 0)).toBe(true);
    const b = new FusedMlpTask(spec('circle', 'sigmoid'), hyper());
    b.importWeights(w);
    const pts = Float32Array.from([0, 0, 1, 2, -3, 4, 5, -5]);
    expect(await b.predict(pts)).toEqual(await a.predict(pts));
    // Into the tfjs engine: the same predictions to float rounding.
    const c = new MlpTask(spec('circle', 'sigmoid'), hyper());
    c.importWeights(w);
    expect(relErr(await c.predict(pts), await a.predict(pts))).toBeLessThan(1e-5);
    c.dispose();
  });
});
