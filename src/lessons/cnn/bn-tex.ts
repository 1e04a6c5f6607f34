/**
 * The batch-norm formulas of the MNIST lab with block 1, channel 1's live numbers
 * (view.batchNorm): the channel's statistics over every image and every position of the batch,
 * then the same per-value formulas as the MLP playground's (train mode, eval mode with the
 * running averages, the running-average update). Pure strings; the panel renders them with <Tex>.
 */
import { fmtInt, tex } from '../../format';
import type { BatchNormProbe } from '../../ml/tasks/mnist-view';
import { texThousands } from './tex';

export { bnEvalTex, bnRunningTex, bnTrainTex } from '../backprop/bn-tex';

const n = (v: number) => tex(v, 4);

/** μ_B and σ²_B of channel c over the batch's m images and the H×W positions of each map. */
export function cnnBnStatsTex(p: BatchNormProbe, count: number): string {
  const N = texThousands(fmtInt(count));
  return String.raw`\mu_B = \tfrac{1}{${N}} \textstyle\sum_{b,i,j} z_{b,i,j} = ${n(p.batchMean)}, \qquad \sigma_B^2 = \tfrac{1}{${N}} \textstyle\sum_{b,i,j} (z_{b,i,j} - \mu_B)^2 = ${n(p.batchVar)}`;
}
