/// <reference lib="webworker" />
/**
 * Thin entry of the training worker: the only place tfjs trains. It exposes the
 * engine over comlink and a debug hook for end-to-end tests.
 */
import * as Comlink from 'comlink';
import { destroyGpuDevice } from '../ml/backend';
import { Engine } from './engine';
import type { TaskKind } from './protocol';

const engine = new Engine<TaskKind>();

/** Read by Playwright through worker.evaluate(); module scope is not global, so it lives on self. */
(self as unknown as { __playgroundDebug: unknown }).__playgroundDebug = {
  state: () => engine.debugState(),
  loseDevice: () => destroyGpuDevice(),
  /** An uncaught exception, as a bug in a kernel would raise. */
  crash: () => {
    setTimeout(() => {
      throw new Error('Simulated worker crash (test hook)');
    });
  },
  /** The worker ends itself, as the browser does when it runs out of memory. */
  close: () => setTimeout(() => self.close()),
};

Comlink.expose(engine);
