/**
 * The tiny 2 → 2 → 1 network of ml/backprop/tiny-net.ts as a worker task, so the backprop
 * lesson's "autodiff" column comes from tfjs in the training worker, and its "Update" is a real
 * tfjs step there too. Same graph, same loss L = ½(ŷ − t)², in float32 on the active backend.
 *
 * - spec: the example and the starting weights (changing them builds a new task);
 * - hyper: the learning rate α of plain gradient descent (live);
 * - step(): θ ← θ − α ∂L/∂θ on the nine variables; returns L *before* the update;
 * - view(): the weights now, and L and ∂L/∂θ at them by tf.valueAndGrads.
 */
import * as tf from '@tensorflow/tfjs';
import { autodiffLossAndGradients } from '../backprop/tiny-net-autodiff';
import {
  TINY_PARAMS,
  type TinyActivation,
  type TinyInput,
  type TinyParamName,
  type TinyParams,
} from '../backprop/tiny-net';
import type { TrainTask, WeightSnapshot } from './task';

export interface TinyNetSpec {
  kind: 'tiny-net';
  params: TinyParams;
  input: TinyInput;
  target: number;
  activation: TinyActivation;
}

export interface TinyNetHyper {
  learningRate: number;
}

export interface TinyNetView {
  /** Updates applied since the task was built. */
  step: number;
  /** The weights as the worker holds them (float32). */
  params: TinyParams;
  /** L at those weights, and ∂L/∂θ by reverse-mode autodiff (tf.valueAndGrads). */
  loss: number;
  grads: Record<TinyParamName, number>;
  learningRate: number;
  /** The example these numbers belong to (so the page can tell a stale view from a current one). */
  input: TinyInput;
  target: number;
  activation: TinyActivation;
}

let nextId = 0;

export class TinyNetTask implements TrainTask<TinyNetHyper, TinyNetView> {
  private readonly vars: Record<TinyParamName, tf.Variable>;
  private hyper: TinyNetHyper;
  private steps = 0;

  constructor(
    readonly spec: TinyNetSpec,
    hyper: TinyNetHyper,
  ) {
    const id = nextId++;
    this.hyper = { ...hyper };
    this.vars = {} as Record<TinyParamName, tf.Variable>;
    for (const n of TINY_PARAMS) {
      this.vars[n] = tf.tidy(() => tf.variable(tf.scalar(spec.params[n]), true, `tiny${id}_${n}`));
    }
  }

  examplesPerStep(): number {
    return 1;
  }

  setHyper(h: Partial<TinyNetHyper>): void {
    if (h.learningRate !== undefined && Number.isFinite(h.learningRate)) this.hyper.learningRate = h.learningRate;
  }

  /** L(θ) from the variables, the same graph as tiny-net-autodiff.ts. Call inside tidy. */
  private loss(): tf.Scalar {
    const { input: x, target, activation } = this.spec;
    const v = this.vars;
    const act = (z: tf.Tensor) => (activation === 'sigmoid' ? tf.sigmoid(z) : tf.tanh(z));
    const z1 = tf.addN([tf.mul(v.w11, x.x1), tf.mul(v.w12, x.x2), v.b1]);
    const z2 = tf.addN([tf.mul(v.w21, x.x1), tf.mul(v.w22, x.x2), v.b2]);
    const yhat = tf.addN([tf.mul(v.v1, act(z1)), tf.mul(v.v2, act(z2)), v.c]);
    return tf.mul(0.5, tf.square(tf.sub(yhat, target))) as tf.Scalar;
  }

  step(): tf.Scalar {
    const lr = this.hyper.learningRate;
    const list = TINY_PARAMS.map((n) => this.vars[n]);
    const { value, grads } = tf.variableGrads(() => this.loss(), list);
    tf.tidy(() => {
      for (const n of TINY_PARAMS) {
        const g = grads[this.vars[n].name];
        if (g) this.vars[n].assign(tf.sub(this.vars[n], tf.mul(g, lr)));
      }
    });
    tf.dispose(Object.values(grads));
    this.steps += 1;
    return value;
  }

  private async readParams(): Promise<TinyParams> {
    const packed = tf.tidy(() => tf.stack(TINY_PARAMS.map((n) => this.vars[n])));
    const data = await packed.data();
    packed.dispose();
    const p = {} as TinyParams;
    TINY_PARAMS.forEach((n, i) => (p[n] = data[i] ?? NaN));
    return p;
  }

  async view(): Promise<TinyNetView> {
    const params = await this.readParams();
    const { loss, grads } = await autodiffLossAndGradients(params, this.spec.input, this.spec.target, this.spec.activation);
    const { input, target, activation } = this.spec;
    return { step: this.steps, params, loss, grads, learningRate: this.hyper.learningRate, input, target, activation };
  }

  async exportWeights(): Promise<WeightSnapshot> {
    const p = await this.readParams();
    const out: WeightSnapshot = {};
    for (const n of TINY_PARAMS) out[n] = { shape: [], values: Float32Array.of(p[n]) };
    return out;
  }

  importWeights(w: WeightSnapshot): void {
    tf.tidy(() => {
      for (const n of TINY_PARAMS) {
        const v = w[n]?.values[0];
        if (v !== undefined) this.vars[n].assign(tf.scalar(v));
      }
    });
  }

  /** ŷ for each (x1, x2) pair of `input`, at the current weights. */
  async predict(input: Float32Array): Promise<Float32Array> {
    const m = input.length / 2;
    const out = tf.tidy(() => {
      const x = tf.tensor2d(input, [m, 2]);
      const v = this.vars;
      const act = (z: tf.Tensor) => (this.spec.activation === 'sigmoid' ? tf.sigmoid(z) : tf.tanh(z));
      const x1 = x.slice([0, 0], [m, 1]);
      const x2 = x.slice([0, 1], [m, 1]);
      const h1 = act(tf.addN([tf.mul(v.w11, x1), tf.mul(v.w12, x2), tf.mul(v.b1, tf.onesLike(x1))]));
      const h2 = act(tf.addN([tf.mul(v.w21, x1), tf.mul(v.w22, x2), tf.mul(v.b2, tf.onesLike(x1))]));
      return tf.addN([tf.mul(v.v1, h1), tf.mul(v.v2, h2), tf.mul(v.c, tf.onesLike(x1))]).reshape([m]);
    });
    const data = (await out.data()) as Float32Array;
    out.dispose();
    return data;
  }

  dispose(): void {
    tf.dispose(Object.values(this.vars));
  }
}
