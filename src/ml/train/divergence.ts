/** What the page says when a run blows up: the cause and something concrete to try. */
export interface Divergence {
  step: number;
  /** The last finite loss before it blew up, if any. */
  lastFiniteLoss: number | null;
  /**
   * runaway: the loss (smoothed) rose step after step to well above its usual level and ten
   * times where the run began; exploding: it grew a millionfold; non-finite: it overflowed.
   */
  reason: 'non-finite' | 'exploding' | 'runaway';
  /** A learning rate that is a safe next try (a tenth of the one that diverged). */
  suggestedLearningRate: number;
}

/** A loss this many times the smallest seen so far is treated as divergence before it overflows. */
export const EXPLOSION_FACTOR = 1e6;
/** A runaway loss is this many times the typical loss (a running median) … */
export const RUNAWAY_FACTOR = 100;
/**
 * … and this many times the run's first loss: a mini-batch holding a point the model gets badly
 * wrong can lift the loss a few times above where the run began, but never tenfold for a
 * stretch of steps; a diverging run passes that within a few steps of its climb.
 */
export const RUNAWAY_START_FACTOR = 10;
/** … after this many rises in a row (so RUNAWAY_RISES + 1 losses in increasing order) … */
export const RUNAWAY_RISES = 3;
/**
 * … and above the first loss of the run. The typical loss moves by this fraction of itself
 * per step towards each new loss: a running median that follows a falling loss (a factor of
 * 100 in about 45 steps) but cannot be dragged up by spikes or by the climb it must detect.
 */
const TYPICAL_RATE = 0.1;
/**
 * The climb is looked for in a smoothed loss, an exponential moving average with this weight
 * on each new batch loss (a memory of ~5 steps): a diverging run's loss grows geometrically
 * and so does its average, while one unlucky mini-batch moves the average by a fifth of its
 * spike and then decays. On raw batch losses a converged classifier trained at 100,000
 * steps/s met "four rises to 100× the usual level" by chance within seconds.
 */
const SMOOTHING = 0.2;
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
  /** The last accepted batch loss (null before the first). */
  private lastLoss: number | null = null;
  /** Smoothed loss (see SMOOTHING), NaN before the first loss. */
  private smooth = Number.NaN;
  /** The smoothed loss after each of the last RUNAWAY_RISES accepted losses, oldest first. */
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
    const last = this.lastLoss;
    if (last === null) return true;
    return !(this.typical > 0) || last <= CALM_FACTOR * this.typical;
  }

  private smoothed(l: number): number {
    return Number.isNaN(this.smooth) ? l : (1 - SMOOTHING) * this.smooth + SMOOTHING * l;
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
    const m = this.smoothed(l);
    if (m <= RUNAWAY_START_FACTOR * this.start || m <= RUNAWAY_FACTOR * this.typical) return false;
    let prev = m;
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
    this.smooth = this.smoothed(l);
    this.lastLoss = l;
    this.tail.push(this.smooth);
    if (this.tail.length > RUNAWAY_RISES) this.tail.shift();
  }
}

export function suggestLearningRate(current: number, min = 1e-4): number {
  const s = current / 10;
  // Round to one significant figure so the suggestion reads well ("try 0.01").
  const p = Math.pow(10, Math.floor(Math.log10(s)));
  return Math.max(min, Math.round(s / p) * p);
}
