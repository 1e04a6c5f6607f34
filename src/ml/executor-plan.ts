/** Which executors the engine measures for a model, or which one the learner forced. Pure. */
import type { BackendChoice, BackendName } from './backend-names';

export type ExecutorPlan =
  | { forced: BackendName }
  | { measure: BackendName[]; refused?: { name: BackendName; reason: string } };

/**
 * 'cpu' is measured first: its step is the reference the others are checked against. Then the
 * fused engine (when the model has one), WebGPU (on a real GPU it is the one that can win big,
 * so it is measured before the budget runs low), WASM, and WebGL.
 */
export function planExecutors(
  choice: BackendChoice,
  model: { fused: boolean; unsupported: readonly BackendName[] },
): ExecutorPlan {
  const order: BackendName[] = ['cpu', 'fused', 'webgpu', 'wasm', 'webgl'];
  const usable = order.filter((b) => (b === 'fused' ? model.fused : b === 'cpu' || !model.unsupported.includes(b)));
  if (choice === 'auto') return { measure: usable };
  if (usable.includes(choice)) return { forced: choice };
  const reason = choice === 'fused' ? 'this model has no fused kernels' : 'this model cannot train on it';
  return { measure: usable, refused: { name: choice, reason } };
}
