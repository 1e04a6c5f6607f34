/**
 * Main-thread handle on the training worker: starts it lazily, wraps it with
 * comlink, registers one event callback, and reports a worker that dies.
 */
import * as Comlink from 'comlink';
import type { EngineApi, EngineEvent, TaskKind } from './protocol';

export class EngineClient<K extends TaskKind> {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<EngineApi<K>> | null = null;
  private api_: EngineApi<K> | null = null;

  constructor(
    private readonly onEvent: (e: EngineEvent<K>) => void,
    private readonly onWorkerError: (message: string) => void,
  ) {}

  /** The engine's RPC surface; the worker starts on first use. */
  async api(): Promise<EngineApi<K>> {
    if (this.api_) return this.api_;
    const worker = new Worker(new URL('./training.worker.ts', import.meta.url), {
      type: 'module',
      name: 'training',
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.onWorkerError(e.message || 'The training worker stopped unexpectedly.');
    });
    worker.addEventListener('messageerror', () => this.onWorkerError('A message from the training worker was unreadable.'));
    const remote = Comlink.wrap<EngineApi<K>>(worker);
    await remote.subscribe(Comlink.proxy(this.onEvent));
    this.worker = worker;
    this.remote = remote;
    // Every EngineApi method already returns a Promise and takes plain cloneable data, so the
    // remote has exactly this shape; comlink's mapped types just cannot be simplified while K is generic.
    this.api_ = remote as unknown as EngineApi<K>;
    return this.api_;
  }

  /** Stop the worker and free everything it held (a new one starts on next use). */
  terminate(): void {
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.api_ = null;
  }
}
