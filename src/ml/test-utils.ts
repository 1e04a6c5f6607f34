import * as tf from '@tensorflow/tfjs';

/** Unit tests run on tfjs's plain-JS CPU backend in Node. */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export const yieldNow = (): Promise<void> => new Promise((r) => setImmediate(r));
