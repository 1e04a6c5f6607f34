/**
 * Orders the engine calls of one training session. The engine's init() is not re-entrant
 * (two overlapping inits would build two models), and reset()/step() need a built model, so
 * every call goes through one chain. `latest` coalesces: while one rebuild waits its turn, a
 * newer one replaces it (only the last of a burst of slider moves is built).
 */
export class SerialRunner {
  private chain: Promise<unknown> = Promise.resolve();
  /** The rebuild still waiting at the end of the chain, if any (a later run() seals it). */
  private slot: { fn: () => Promise<unknown> } | null = null;

  latest(fn: () => Promise<unknown>): Promise<void> {
    if (this.slot) {
      this.slot.fn = fn;
    } else {
      const slot = { fn };
      this.slot = slot;
      this.chain = this.chain
        .then(() => {
          if (this.slot === slot) this.slot = null;
          return slot.fn();
        })
        .catch(() => undefined);
    }
    return this.chain.then(() => undefined);
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.slot = null;
    const p = this.chain.then(fn);
    this.chain = p.catch(() => undefined);
    return p;
  }
}
