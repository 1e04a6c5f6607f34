import { SeriesBuffer } from '../../charts/series-buffer';
import type { MlpView } from '../../ml/tasks/mlp-view';

/** Colours beyond the six of the theme's palette (a 6-hidden-layer net has 7 weight matrices). */
const MAX_LAYERS = 7;

/**
 * The MLP's histories for the charts: full-set train and test loss, and each weight matrix's
 * gradient norm, sampled at every view the worker sends (≤ 20 a second).
 */
export class MlpHistory {
  readonly trainLoss = new SeriesBuffer(20_000);
  readonly testLoss = new SeriesBuffer(20_000);
  readonly gradNorms: SeriesBuffer[] = Array.from({ length: MAX_LAYERS }, () => new SeriesBuffer(20_000));
  /** Weight matrices in the current network. */
  layers = 0;
  version = 0;

  reset(view: MlpView): void {
    this.trainLoss.clear();
    this.testLoss.clear();
    for (const b of this.gradNorms) b.clear();
    this.layers = view.layers.length;
    this.ingest(view);
  }

  ingest(view: MlpView): void {
    this.trainLoss.push(view.step, view.trainLoss);
    if (view.testLoss !== null) this.testLoss.push(view.step, view.testLoss);
    if (view.gradNorms) {
      // A norm of exactly 0 (a dead ReLU layer) has no place on the log axis: the chart leaves a gap.
      view.gradNorms.forEach((g, i) => this.gradNorms[i]?.push(view.step, g));
    }
    this.version++;
  }
}
