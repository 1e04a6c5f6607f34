import { SeriesBuffer } from '../../charts/series-buffer';
import type { TransformerView } from '../../ml/tasks/transformer-view';

/**
 * Held-out loss and accuracies, one point per evaluation at the step it was measured (the
 * engine re-measures every 25 steps; views in between repeat the last measurement).
 */
export class EvalHistory {
  readonly loss = new SeriesBuffer(20_000);
  readonly tokenAccuracy = new SeriesBuffer(20_000);
  readonly sequenceAccuracy = new SeriesBuffer(20_000);
  private lastStep = -1;

  clear(): void {
    this.loss.clear();
    this.tokenAccuracy.clear();
    this.sequenceAccuracy.clear();
    this.lastStep = -1;
  }

  /** Adds the view's evaluation if it is new; returns whether anything changed. */
  add(view: Pick<TransformerView, 'eval'>): boolean {
    const e = view.eval;
    if (e.step === this.lastStep) return false;
    if (e.step < this.lastStep) this.clear();
    this.lastStep = e.step;
    this.loss.push(e.step, e.loss);
    this.tokenAccuracy.push(e.step, e.tokenAccuracy);
    this.sequenceAccuracy.push(e.step, e.sequenceAccuracy);
    return true;
  }
}
