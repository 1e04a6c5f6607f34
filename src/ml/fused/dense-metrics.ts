/** What the MLP view reports from raw outputs, on plain arrays (mirrors mlp-model.ts). */
import type { MlpOutput } from '../tasks/mlp-model';

/** ‖a‖₂ (Frobenius for a matrix). */
export function frobenius(a: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * a[k]!;
  return Math.sqrt(s);
}

/** p(class 1) = σ(s) (binary), softmax rows (multiclass) or ŷ itself (regression), as a new array. */
export function outputProbabilities(out: MlpOutput, raw: Float32Array, n: number, C: number): Float32Array {
  const res = new Float32Array(n * C);
  if (out === 'regression') {
    res.set(raw.subarray(0, n * C));
  } else if (out === 'binary') {
    for (let r = 0; r < n; r++) res[r] = 1 / (1 + Math.exp(-raw[r]!));
  } else {
    for (let r = 0; r < n; r++) {
      const o = r * C;
      let max = -Infinity;
      for (let k = 0; k < C; k++) max = Math.max(max, raw[o + k]!);
      let sum = 0;
      for (let k = 0; k < C; k++) sum += Math.exp(raw[o + k]! - max);
      for (let k = 0; k < C; k++) res[o + k] = Math.exp(raw[o + k]! - max) / sum;
    }
  }
  return res;
}

/** Points whose predicted class (logit > 0, or the first arg-max) equals their label. */
export function countCorrect(out: MlpOutput, raw: Float32Array, labels: Float32Array, n: number, C: number): number {
  let correct = 0;
  for (let r = 0; r < n; r++) {
    let pred: number;
    if (out === 'binary') {
      pred = raw[r]! > 0 ? 1 : 0;
    } else {
      pred = 0;
      for (let k = 1; k < C; k++) if (raw[r * C + k]! > raw[r * C + pred]!) pred = k;
    }
    if (pred === labels[r]) correct++;
  }
  return correct;
}
