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

  clear(): void {
    this.loss.clear();
    this.tokenAccuracy.clear();
    this.sequenceAccuracy.clear();
  }

  /**
   * Adds the view's evaluation if it is new; returns whether anything changed. An evaluation from
   * before the last one kept is a rewound view (the history stays: a branch run cuts it back
   * itself), or, with `restart` (a model built or loaded), the start of a new history.
   */
  add(view: Pick<TransformerView, 'eval'>, restart = false): boolean {
    const e = view.eval;
    const last = this.loss.last()?.x ?? -1;
    if (restart && e.step < last) this.clear();
    else if (e.step <= last) return false;
    this.loss.push(e.step, e.loss);
    this.tokenAccuracy.push(e.step, e.tokenAccuracy);
    this.sequenceAccuracy.push(e.step, e.sequenceAccuracy);
    return true;
  }
}
