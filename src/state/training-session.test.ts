import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fake worker client: init takes `initMs`; start and pause are recorded. */
const calls: string[] = [];
let initMs = 0;
vi.mock('../worker/client', () => ({
  EngineClient: class {
    api() {
      return Promise.resolve({
        init: () => new Promise((done) => setTimeout(() => (calls.push('init'), done({})), initMs)),
        start: () => (calls.push('start'), Promise.resolve()),
        pause: () => (calls.push('pause'), Promise.resolve()),
        ping: () => Promise.resolve(0),
      });
    }
    terminate() {}
  },
}));
vi.mock('./backend-status', () => ({ setBackendStatus: () => undefined }));

const { TrainingSession } = await import('./training-session');

const spec = { kind: 'linreg' } as never;
const hyper = {} as never;

describe('TrainingSession: a Train click around a model rebuild', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'performance'] });
    calls.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  const settle = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('is honoured on the new model even when the rebuild takes longer than a second', async () => {
    initMs = 2500;
    const s = new TrainingSession<'linreg'>();
    void s.train();
    await settle(50);
    void s.init(spec, hyper, 'cpu');
    await settle(3000);
    expect(calls).toEqual(['start', 'init', 'start']);
    s.dispose();
  });

  it('is honoured when it came while the rebuild was in flight', async () => {
    initMs = 800;
    const s = new TrainingSession<'linreg'>();
    void s.init(spec, hyper, 'cpu');
    await settle(300);
    void s.train();
    await settle(1000);
    expect(calls.at(-1)).toBe('start');
    expect(calls.indexOf('init')).toBeLessThan(calls.lastIndexOf('start'));
    expect(calls.filter((c) => c === 'start')).toHaveLength(2);
    s.dispose();
  });

  it('is not honoured after Pause, nor when it is older than a second before the rebuild', async () => {
    initMs = 100;
    const s = new TrainingSession<'linreg'>();
    void s.train();
    await settle(10);
    void s.pause();
    void s.init(spec, hyper, 'cpu');
    await settle(500);
    expect(calls).toEqual(['start', 'pause', 'init']);

    calls.length = 0;
    void s.train();
    await settle(1500);
    void s.init(spec, hyper, 'cpu');
    await settle(500);
    expect(calls).toEqual(['start', 'init']);
    s.dispose();
  });
});
