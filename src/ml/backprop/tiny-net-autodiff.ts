/**
 * The tiny 2 → 2 → 1 network of tiny-net.ts written in tfjs ops, so the page can set the
 * hand-stepped gradients beside the ones reverse-mode autodiff (tf.grads) finds. Same
 * graph, same loss L = ½(ŷ − t)², but in float32 on whichever backend is active.
 */
import * as tf from '@tensorflow/tfjs';
import { TINY_PARAMS, type TinyActivation, type TinyInput, type TinyParamName, type TinyParams } from './tiny-net';

export interface AutodiffResult {
  loss: number;
  grads: Record<TinyParamName, number>;
}

/** L(θ) with the nine parameters as scalar tensors in TINY_PARAMS order. */
function lossFn(x: TinyInput, target: number, a: TinyActivation) {
  const act = (z: tf.Tensor): tf.Tensor => (a === 'sigmoid' ? tf.sigmoid(z) : tf.tanh(z));
  return (...p: tf.Tensor[]): tf.Scalar => {
    const q = (n: TinyParamName): tf.Tensor => {
      const t = p[TINY_PARAMS.indexOf(n)];
      if (!t) throw new Error(`tiny net: parameter ${n} missing`);
      return t;
    };
    const z1 = tf.addN([tf.mul(q('w11'), x.x1), tf.mul(q('w12'), x.x2), q('b1')]);
    const z2 = tf.addN([tf.mul(q('w21'), x.x1), tf.mul(q('w22'), x.x2), q('b2')]);
    const yhat = tf.addN([tf.mul(q('v1'), act(z1)), tf.mul(q('v2'), act(z2)), q('c')]);
    return tf.mul(0.5, tf.square(tf.sub(yhat, target))) as tf.Scalar;
  };
}

/**
 * ∂L/∂θ for every parameter by tf.valueAndGrads, read back with one `await data()`.
 * Every tensor it makes is freed before it resolves.
 */
export async function autodiffLossAndGradients(
  params: TinyParams,
  input: TinyInput,
  target: number,
  activation: TinyActivation,
): Promise<AutodiffResult> {
  const packed = tf.tidy(() => {
    const args = TINY_PARAMS.map((n) => tf.scalar(params[n]));
    const { value, grads } = tf.valueAndGrads(lossFn(input, target, activation))(args);
    return tf.stack([value, ...grads]);
  });
  const data = await packed.data();
  packed.dispose();
  const grads = {} as Record<TinyParamName, number>;
  TINY_PARAMS.forEach((n, i) => (grads[n] = data[i + 1] ?? NaN));
  return { loss: data[0] ?? NaN, grads };
}

/** ∂L/∂θ for every parameter by autodiff (see autodiffLossAndGradients). */
export async function autodiffGradients(
  params: TinyParams,
  input: TinyInput,
  target: number,
  activation: TinyActivation,
): Promise<Record<TinyParamName, number>> {
  return (await autodiffLossAndGradients(params, input, target, activation)).grads;
}
