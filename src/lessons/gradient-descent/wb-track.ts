import { PathBuffer } from '../../charts/path-buffer';

/**
 * The regression lab's (w, b) path, shared with the loss-surface explorer, which
 * draws it on the regression surface. A tiny external store: the lab writes it
 * and bumps the version; only a reader that subscribes (the explorer, while it
 * shows that surface) re-renders, so training the lab re-renders nothing else.
 */
export class WbTrack {
  readonly path = new PathBuffer(20_000);
  private version = 0;
  private readonly listeners = new Set<() => void>();

  changed(): void {
    this.version++;
    this.listeners.forEach((l) => l());
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getVersion = (): number => this.version;
}
