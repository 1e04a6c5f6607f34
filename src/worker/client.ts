/**
 * Main-thread handle on the training worker: starts it lazily (exactly once,
 * however many calls race for it), wraps it with comlink, registers one event
 * callback, and reports a worker that dies.
 */
import * as Comlink from 'comlink';
import type { EngineApi, EngineEvent, TaskKind } from './protocol';

export class EngineClient<K extends TaskKind> {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<EngineApi<K>> | null = null;
  private starting: Promise<EngineApi<K>> | null = null;

  constructor(
    private readonly onEvent: (e: EngineEvent<K>) => void,
    private readonly onWorkerError: (message: string) => void,
  ) {}

  /** The engine's RPC surface; the worker starts on first use. */
  api(): Promise<EngineApi<K>> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<EngineApi<K>> {
    const worker = new Worker(new URL('./training.worker.ts', import.meta.url), {
      type: 'module',
      name: 'training',
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.onWorkerError(e.message || 'The training worker stopped unexpectedly.');
    });
    worker.addEventListener('messageerror', () =>
      this.onWorkerError('A message from the training worker was unreadable.'),
    );
    const remote = Comlink.wrap<EngineApi<K>>(worker);
    this.worker = worker;
    this.remote = remote;
    await remote.subscribe(Comlink.proxy(this.onEvent));
    // Every EngineApi method already returns a Promise and takes plain cloneable data, so the
    // remote has exactly this shape; comlink's mapped types just cannot be simplified while K is generic.
    return remote as unknown as EngineApi<K>;
  }

  /** Stop the worker and free everything it held (a new one starts on next use). */
  terminate(): void {
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.starting = null;
  }
}
