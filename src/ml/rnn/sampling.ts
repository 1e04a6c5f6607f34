/**
 * Seeded sampling from softmax(logits / τ) without one readback per character, by the Gumbel-max
 * trick: if G_k are independent Gumbel(0, 1) draws, G_k = −ln(−ln U_k) with U_k uniform, then
 *     arg max_k (logits_k / τ + G_k)  ~  softmax(logits / τ).
 * The noise comes from the project's Rng on the JS side (reproducible; not tf.multinomial's own
 * unseeded generator) and is uploaded once for the whole sample, so the autoregressive loop runs
 * on the device and the sampled ids come back in a single readback.
 */
import type { Rng } from '../../datasets/rng';

export const MIN_TEMPERATURE = 0.05;
export const MAX_TEMPERATURE = 5;

export const clampTemperature = (t: number): number =>
  Number.isFinite(t) ? Math.min(MAX_TEMPERATURE, Math.max(MIN_TEMPERATURE, t)) : 1;

/** n independent Gumbel(0, 1) draws. */
export function gumbelNoise(n: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    out[i] = -Math.log(-Math.log(u));
  }
  return out;
}

/** softmax(logits / τ) in float64 (the distribution the Gumbel-max sample follows). */
export function softmaxT(logits: ArrayLike<number>, temperature: number): Float64Array {
  const t = clampTemperature(temperature);
  const z = Float64Array.from(logits, (v) => v / t);
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** One Gumbel-max draw on the JS side (the device version is in tasks/rnn-generate.ts). */
export function gumbelArgMax(logits: ArrayLike<number>, temperature: number, noise: ArrayLike<number>): number {
  const t = clampTemperature(temperature);
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < logits.length; k++) {
    const s = logits[k]! / t + noise[k]!;
    if (s > bestScore) {
      bestScore = s;
      best = k;
    }
  }
  return best;
}
