/** What the page says when a run blows up: the cause and something concrete to try. */
export interface Divergence {
  step: number;
  /** The last finite loss before it blew up, if any. */
  lastFiniteLoss: number | null;
  /**
   * runaway: the loss rose step after step to well above its usual level and above where the
   * run began; exploding: it grew a millionfold; non-finite: it overflowed.
   */
  reason: 'non-finite' | 'exploding' | 'runaway';
  /** A learning rate that is a safe next try (a tenth of the one that diverged). */
  suggestedLearningRate: number;
}

/** A loss this many times the smallest seen so far is treated as divergence before it overflows. */
export const EXPLOSION_FACTOR = 1e6;
/** A runaway loss is this many times the typical loss (a running median) … */
export const RUNAWAY_FACTOR = 100;
/** … after this many rises in a row (so RUNAWAY_RISES + 1 losses in increasing order) … */
export const RUNAWAY_RISES = 3;
/**
 * … and above the first loss of the run. The typical loss moves by this fraction of itself
 * per step towards each new loss: a running median that follows a falling loss (a factor of
 * 100 in about 45 steps) but cannot be dragged up by spikes or by the climb it must detect.
 */
const TYPICAL_RATE = 0.1;
/** The weights are worth keeping as "last good" while the last loss is at most this × typical. */
const CALM_FACTOR = 4;

export interface DivergenceCheck {
  /** Index of the first loss that shows divergence, or -1 if all are fine. */
  index: number;
  reason: Divergence['reason'];
}

/**
 * Watches a run's losses, batch after batch, for the moment they start running away.
 *
 * Above 2/λmax gradient descent overshoots further each step, so the loss grows
 * geometrically: a handful of rises in a row, soon far above both its usual level and
 * the loss the run began with. Mini-batch noise makes single spikes, never a climb of
 * four in a row to a hundred times the usual level and past the start (a one-point batch's
 * squared error would need a 6σ draw); and a model that
 * trains well stays below its starting loss, so spikes near a tiny loss do not count.
 * The older rule (a millionfold the best loss) stays as a backstop.
 */
export class DivergenceWatch {
  private start: number | null = null;
  private typical = Number.NaN;
  private bestLoss = Infinity;
  /** The last RUNAWAY_RISES accepted losses, oldest first. */
  private tail: number[] = [];

  /** Lowest finite loss accepted so far. */
  get best(): number {
    return this.bestLoss;
  }

  /**
   * Whether the run looks settled at the last loss accepted: no climb under way, so the
   * weights now are a safe point to go back to if it diverges later.
   */
  get calm(): boolean {
    const last = this.tail.at(-1);
    if (last === undefined) return true;
    return !(this.typical > 0) || last <= CALM_FACTOR * this.typical;
  }

  /** Checks a batch of losses in order; only the losses before a divergence are remembered. */
  check(losses: ArrayLike<number>): DivergenceCheck {
    for (let i = 0; i < losses.length; i++) {
      const l = losses[i]!;
      if (!Number.isFinite(l)) return { index: i, reason: 'non-finite' };
      if (this.isExploding(l)) return { index: i, reason: 'exploding' };
      if (this.isRunaway(l)) return { index: i, reason: 'runaway' };
      this.accept(l);
    }
    return { index: -1, reason: 'non-finite' };
  }

  private isExploding(l: number): boolean {
    const best = this.bestLoss;
    return best > 0 && Number.isFinite(best) && l > best * EXPLOSION_FACTOR && l > 1e6;
  }

  private isRunaway(l: number): boolean {
    if (this.start === null || !(this.typical > 0) || this.tail.length < RUNAWAY_RISES) return false;
    if (l <= this.start || l <= RUNAWAY_FACTOR * this.typical) return false;
    let prev = l;
    for (let k = this.tail.length - 1; k >= 0; k--) {
      const v = this.tail[k]!;
      if (!(v < prev)) return false;
      prev = v;
    }
    return true;
  }

  private accept(l: number): void {
    this.start ??= l;
    if (Number.isNaN(this.typical) || !(this.typical > 0)) this.typical = l;
    else if (l > this.typical) this.typical *= 1 + TYPICAL_RATE;
    else if (l < this.typical) this.typical = Math.max(l, this.typical * (1 - TYPICAL_RATE));
    if (l < this.bestLoss) this.bestLoss = l;
    this.tail.push(l);
    if (this.tail.length > RUNAWAY_RISES) this.tail.shift();
  }
}

export function suggestLearningRate(current: number, min = 1e-4): number {
  const s = current / 10;
  // Round to one significant figure so the suggestion reads well ("try 0.01").
  const p = Math.pow(10, Math.floor(Math.log10(s)));
  return Math.max(min, Math.round(s / p) * p);
}
