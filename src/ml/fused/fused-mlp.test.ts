import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../datasets/rng';
import { useCpuBackend } from '../test-utils';
import { MlpTask, type MlpHyper, type MlpSpec } from '../tasks/mlp';
import { activate, dataLoss, initialWeights, layerWidths, MLP_ACTIVATIONS, type MlpActivation, type MlpOutput } from '../tasks/mlp-model';
import { DenseNet } from './dense-net';
import { FusedMlpTask } from './fused-mlp-task';

beforeAll(useCpuBackend);

const OUTPUTS: { output: MlpOutput; classes: number }[] = [
  { output: 'binary', classes: 2 },
  { output: 'multiclass', classes: 3 },
  { output: 'regression', classes: 0 },
];

/** max |a − b| / (max |b| + 1e-12) over two arrays: the relative error of a whole gradient. */
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
 * tfjs autodiff of the same network with the same dropout masks (regenerated from the same
 * seeded generator in the same order as DenseNet draws them: layer, row, unit).
 */
async function tfjsGrads(
  widths: number[],
  act: MlpActivation,
  out: MlpOutput,
  init: { W: Float32Array; b: Float32Array; shape: [number, number] }[],
  x: Float32Array,
  y: Float32Array,
  m: number,
  reg: { l1: number; l2: number; dropout: number; seed: number },
): Promise<{ loss: number; grads: Float32Array[] }> {
  const rng = createRng(reg.seed);
  const { value, grads } = tf.tidy(() => {
    const vars = init.flatMap((w) => [tf.tensor2d(w.W, w.shape), tf.tensor1d(w.b)]);
    const xb = tf.tensor2d(x, [m, widths[0]!]);
    const C = widths[widths.length - 1]!;
    const yb =
      out === 'multiclass' ? tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), C).toFloat() : tf.tensor2d(y, [m, 1]);
    // Masks drawn up front, in DenseNet's order.
    const masks: tf.Tensor[] = [];
    for (let l = 1; l + 1 < widths.length; l++) {
      const mk = new Float32Array(m * widths[l]!);
      for (let k = 0; k < mk.length; k++) mk[k] = rng.next() >= reg.dropout ? 1 / (1 - reg.dropout) : 0;
      masks.push(tf.tensor2d(mk, [m, widths[l]!]));
    }
    const f = (...ps: tf.Tensor[]) => {
      let h: tf.Tensor = xb;
      for (let l = 0; l + 1 < widths.length; l++) {
        const z = tf.add(tf.matMul(h as tf.Tensor2D, ps[2 * l] as tf.Tensor2D), ps[2 * l + 1]!);
        if (l + 2 === widths.length) {
          h = z;
        } else {
          h = activate(z, act);
          if (reg.dropout > 0) h = tf.mul(h, masks[l]!);
        }
      }
      let loss: tf.Tensor = dataLoss(out, h as tf.Tensor2D, yb as tf.Tensor2D);
      for (let l = 0; l + 1 < widths.length; l++) {
        const W = ps[2 * l]!;
        if (reg.l1) loss = tf.add(loss, tf.mul(reg.l1, tf.sum(tf.abs(W))));
        if (reg.l2) loss = tf.add(loss, tf.mul(reg.l2, tf.sum(tf.square(W))));
      }
      return loss as tf.Scalar;
    };
    return tf.valueAndGrads(f)(vars);
  });
  const loss = (await value.data())[0]!;
  const values = await Promise.all(grads.map((g) => g.data() as Promise<Float32Array>));
  tf.dispose([value, ...grads]);
  return { loss, grads: values };
}

describe('fused dense net: gradients equal tfjs autodiff (1e-5 relative)', () => {
  const regs = [
    { l1: 0, l2: 0, dropout: 0 },
    { l1: 0.003, l2: 0, dropout: 0 },
    { l1: 0, l2: 0.01, dropout: 0 },
    { l1: 0.001, l2: 0.003, dropout: 0.3 },
  ];
  for (const act of MLP_ACTIVATIONS) {
    for (const { output, classes } of OUTPUTS) {
      for (const r of regs) {
        it(`${act}, ${output}, l1 ${r.l1}, l2 ${r.l2}, dropout ${r.dropout}`, async () => {
          const widths = layerWidths(3, [5, 4], output === 'multiclass' ? classes : 1);
          const init = initialWeights(widths, act, 7);
          const m = 12;
          const data = createRng(11);
          const x = Float32Array.from({ length: m * 3 }, () => 4 * data.next() - 2);
          const y = Float32Array.from({ length: m }, () =>
            output === 'regression' ? data.normal() : Math.floor(data.next() * (classes || 2)),
          );
          const net = new DenseNet(widths, act, output, init);
          const seed = 99;
          const drop = r.dropout > 0 ? { rate: r.dropout, rng: createRng(seed) } : null;
          net.forward(x, m, null, drop);
          const loss = net.loss(y, m, null, true);
          net.backward(m, r.l1, r.l2);
          const ref = await tfjsGrads(widths, act, output, init, x, y, m, { ...r, seed });
          const penalty = net.penalty(r.l1, r.l2);
          expect(Math.abs(loss + penalty - ref.loss) / Math.abs(ref.loss)).toBeLessThan(1e-5);
          net.gradArrays().forEach((g, k) => expect(relErr(g, ref.grads[k]!), `parameter ${k}`).toBeLessThan(1e-5));
        });
      }
    }
  }
});

const hyper = (h: Partial<MlpHyper> = {}): MlpHyper => ({
  learningRate: 0.03,
  batchSize: 10,
  optimizer: 'adam',
  l1: 0,
  l2: 0,
  dropout: 0,
  ...h,
});

const spec = (dataset: MlpSpec['data']['dataset'], activation: MlpActivation, hidden = [4, 2]): MlpSpec => ({
  kind: 'mlp',
  data: { dataset, n: 200, noise: 0.1, testRatio: 0.3, seed: 3 },
  features: ['x1', 'x2'],
  hidden,
  activation,
  seed: 5,
  gridSize: 12,
  neuronGridSize: 6,
});

describe('fused MLP task vs the tfjs MlpTask: 100 seeded steps agree', () => {
  const cases: [MlpSpec['data']['dataset'], MlpActivation, MlpHyper['optimizer'], Partial<MlpHyper>][] = [
    ['spiral', 'tanh', 'sgd', { learningRate: 0.1 }],
    ['circle', 'relu', 'momentum', { l2: 0.001 }],
    ['spiral3', 'sigmoid', 'adam', { l1: 0.001 }],
    ['plane', 'linear', 'adam', {}],
  ];
  for (const [ds, act, opt, extra] of cases) {
    it(`${ds}, ${act}, ${opt}`, async () => {
      const h = hyper({ optimizer: opt, ...extra });
      const ref = new MlpTask(spec(ds, act), h);
      const fused = new FusedMlpTask(spec(ds, act), h);
      const before = tf.memory().numTensors;
      const losses = fused.stepBatch(100);
      expect(tf.memory().numTensors).toBe(before);
      const refLosses: number[] = [];
      for (let i = 0; i < 100; i++) {
        const l = ref.step();
        refLosses.push((await l.data())[0]!);
        l.dispose();
      }
      for (let i = 0; i < 100; i++) expect(losses[i]).toBeCloseTo(refLosses[i]!, 4);
      const [a, b] = [await fused.exportWeights(), await ref.exportWeights()];
      for (const k of Object.keys(b)) expect(relErr(a[k]!.values, b[k]!.values), k).toBeLessThan(1e-4);
      const [va, vb] = [await fused.view(), await ref.view()];
      expect(va.trainLoss).toBeCloseTo(vb.trainLoss, 4);
      expect(va.testLoss!).toBeCloseTo(vb.testLoss!, 4);
      expect(va.trainAccuracy).toBe(vb.trainAccuracy);
      expect(va.penalty).toBeCloseTo(vb.penalty, 5);
      expect(va.batchLoss!).toBeCloseTo(vb.batchLoss!, 4);
      expect(relErr(va.gradNorms!, vb.gradNorms!)).toBeLessThan(1e-3);
      expect(relErr(va.grid.values, vb.grid.values)).toBeLessThan(1e-4);
      expect(relErr(va.neurons!.values, vb.neurons!.values)).toBeLessThan(1e-4);
      expect(va.epoch).toBe(vb.epoch);
      expect(va.step).toBe(100);
      const p = [0.5, -1, 2, 3];
      expect(relErr(await fused.predict(Float32Array.from(p)), await ref.predict(Float32Array.from(p)))).toBeLessThan(1e-4);
      ref.dispose();
    });
  }

  it('live learning rate, optimiser and batch changes apply at the next step, as on tfjs', async () => {
    const ref = new MlpTask(spec('xor', 'tanh'), hyper({ optimizer: 'sgd' }));
    const fused = new FusedMlpTask(spec('xor', 'tanh'), hyper({ optimizer: 'sgd' }));
    const changes: Partial<MlpHyper>[] = [{ learningRate: 0.3 }, { optimizer: 'momentum' }, { batchSize: 25 }, { optimizer: 'adam', learningRate: 0.01 }];
    for (const c of changes) {
      ref.setHyper(c);
      fused.setHyper(c);
      for (let i = 0; i < 10; i++) ref.step().dispose();
      fused.stepBatch(10);
    }
    const [a, b] = [await fused.exportWeights(), await ref.exportWeights()];
    for (const k of Object.keys(b)) expect(relErr(a[k]!.values, b[k]!.values), k).toBeLessThan(1e-4);
    expect((await fused.view()).hyper).toEqual((await ref.view()).hyper);
    ref.dispose();
  });

  it('import of exported weights reproduces predictions exactly', async () => {
    const a = new FusedMlpTask(spec('circle', 'relu'), hyper());
    a.stepBatch(50);
    const b = new FusedMlpTask(spec('circle', 'relu'), hyper());
    b.importWeights(await a.exportWeights());
    const pts = Float32Array.from([0, 0, 1, 2, -3, 4]);
    expect(await b.predict(pts)).toEqual(await a.predict(pts));
  });
});
