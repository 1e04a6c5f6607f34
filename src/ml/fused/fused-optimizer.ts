/**
 * The optimisers of the fused engine: the same update rules tfjs 4.22 applies (read from
 * tfjs-core's optimizers, see the table in ../train/optimizers.ts), on plain Float32Arrays.
 * g is the gradient, slots start at 0, t counts steps from 1:
 *   sgd       θ ← θ − α g
 *   momentum  v ← β v + g;            θ ← θ − α v
 *   nesterov  v ← β v + g;            θ ← θ − α (g + β v)
 *   rmsprop   s ← ρ s + (1 − ρ) g²;   θ ← θ − α g / √(s + ε)
 *   adam      m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
 *             θ ← θ − α · (m / (1 − Πβ₁)) / (√(v / (1 − Πβ₂)) + ε)
 * No tfjs, no DOM: runs in the worker and in Node tests.
 */
import type { RaceOptimizerName } from '../train/optimizer-names';

export interface FusedOptimizerSettings {
  learningRate: number;
  /** β of Momentum and Nesterov. */
  momentum: number;
  /** ρ of RMSProp. */
  rmsDecay: number;
  beta1: number;
  beta2: number;
  /** ε of RMSProp and Adam (tfjs's float32 default is 1e-7). */
  epsilon: number;
}

export class FusedOptimizer {
  private readonly s: FusedOptimizerSettings;
  /** One or two slot arrays per parameter (velocity; Adam's m and v; RMSProp's s). */
  private readonly slotA: Float32Array[];
  private readonly slotB: Float32Array[];
  /** Π β₁ and Π β₂ of the steps taken (Adam's bias correction, exact when β changes live). */
  private beta1Product = 1;
  private beta2Product = 1;

  constructor(
    readonly name: RaceOptimizerName,
    settings: FusedOptimizerSettings,
    sizes: readonly number[],
  ) {
    this.s = { ...settings };
    const needsA = name !== 'sgd';
    const needsB = name === 'adam';
    this.slotA = sizes.map((n) => new Float32Array(needsA ? n : 0));
    this.slotB = sizes.map((n) => new Float32Array(needsB ? n : 0));
  }

  get settings(): Readonly<FusedOptimizerSettings> {
    return this.s;
  }

  update(next: Partial<FusedOptimizerSettings>): void {
    Object.assign(this.s, next);
  }

  /** θ_k ← update(θ_k, g_k) for every parameter array k, in place. */
  apply(params: readonly Float32Array[], grads: readonly Float32Array[]): void {
    const { learningRate: lr, momentum: mu, rmsDecay: rho, beta1, beta2, epsilon: eps } = this.s;
    if (this.name === 'adam') {
      // float32 like tfjs's accBeta variables, so the bias correction rounds as theirs does.
      this.beta1Product = Math.fround(this.beta1Product * beta1);
      this.beta2Product = Math.fround(this.beta2Product * beta2);
    }
    const c1 = Math.fround(1 - this.beta1Product);
    const c2 = Math.fround(1 - this.beta2Product);
    for (let k = 0; k < params.length; k++) {
      const p = params[k]!;
      const g = grads[k]!;
      const a = this.slotA[k]!;
      const b = this.slotB[k]!;
      const n = p.length;
      switch (this.name) {
        case 'sgd':
          for (let i = 0; i < n; i++) p[i] = p[i]! - lr * g[i]!;
          break;
        case 'momentum':
          for (let i = 0; i < n; i++) {
            const v = (a[i] = mu * a[i]! + g[i]!);
            p[i] = p[i]! - lr * v;
          }
          break;
        case 'nesterov':
          for (let i = 0; i < n; i++) {
            const v = (a[i] = mu * a[i]! + g[i]!);
            p[i] = p[i]! - lr * (g[i]! + mu * v);
          }
          break;
        case 'rmsprop':
          for (let i = 0; i < n; i++) {
            const gi = g[i]!;
            const s = (a[i] = rho * a[i]! + (1 - rho) * gi * gi);
            p[i] = p[i]! - (lr * gi) / Math.sqrt(s + eps);
          }
          break;
        case 'adam':
          for (let i = 0; i < n; i++) {
            const gi = g[i]!;
            const m = (a[i] = beta1 * a[i]! + (1 - beta1) * gi);
            const v = (b[i] = beta2 * b[i]! + (1 - beta2) * gi * gi);
            // Rounded to float32 step by step, as tfjs's chain of float32 ops is.
            const mHat = Math.fround(m / c1);
            const den = Math.fround(Math.fround(Math.sqrt(Math.fround(v / c2))) + eps);
            p[i] = p[i]! - Math.fround(Math.fround(lr * mHat) / den);
          }
          break;
      }
    }
  }
}
