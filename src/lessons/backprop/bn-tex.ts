/**
 * The batch-norm formulas of the MLP playground with one unit's live numbers (view.batchNorm):
 * train mode with the batch's μ_B and σ²_B, eval mode with the running averages, and the
 * running-average update. Pure strings; the page renders them with <Tex>.
 */
import { tex } from '../../format';
import type { BatchNormProbe } from '../../ml/tasks/mlp-view';

const n = (v: number) => tex(v, 4);
/** A number as a factor or a term after a sign: negatives in parentheses. */
const f = (v: number) => tex(v, 4, true);

export function bnStatsTex(p: BatchNormProbe): string {
  return String.raw`\mu_B = \tfrac1m \textstyle\sum_i z_i = ${n(p.batchMean)}, \qquad \sigma_B^2 = \tfrac1m \textstyle\sum_i (z_i - \mu_B)^2 = ${n(p.batchVar)}`;
}

export function bnTrainTex(p: BatchNormProbe, epsilon: number): string {
  return String.raw`\hat x = \frac{z - \mu_B}{\sqrt{\sigma_B^2 + \varepsilon}} = \frac{${n(p.z)} - ${f(p.batchMean)}}{\sqrt{${n(p.batchVar)} + ${n(epsilon)}}} = ${n(p.xhat)}, \qquad y = \gamma \hat x + \beta = ${n(p.gamma)} \cdot ${f(p.xhat)} + ${f(p.beta)} = ${n(p.y)}`;
}

export function bnEvalTex(p: BatchNormProbe, epsilon: number): string {
  return String.raw`\hat x = \frac{z - \hat\mu}{\sqrt{\hat\sigma^2 + \varepsilon}} = \frac{${n(p.z)} - ${f(p.runningMean)}}{\sqrt{${n(p.runningVar)} + ${n(epsilon)}}} = ${n(p.evalXhat)}, \qquad y = \gamma \hat x + \beta = ${n(p.gamma)} \cdot ${f(p.evalXhat)} + ${f(p.beta)} = ${n(p.evalY)}`;
}

export function bnRunningTex(momentum: number): string {
  const keep = n(momentum);
  const take = n(Math.round((1 - momentum) * 1e6) / 1e6);
  return String.raw`\hat\mu \leftarrow ${keep}\,\hat\mu + ${take}\,\mu_B, \qquad \hat\sigma^2 \leftarrow ${keep}\,\hat\sigma^2 + ${take}\,\sigma_B^2`;
}
