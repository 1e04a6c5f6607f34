import { describe, expect, it } from 'vitest';
import { SerialRunner } from './serial-runner';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('SerialRunner', () => {
  it('runs calls one at a time, in order, and coalesces waiting rebuilds', async () => {
    const r = new SerialRunner();
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    void r.latest(job('init1'));
    void r.latest(job('init2')); // replaces init1, which has not started
    void r.run(job('step'));
    void r.latest(job('init3'));
    await r.latest(job('init4'));
    await r.run(async () => undefined);
    expect(log).toEqual(['start init2', 'end init2', 'start step', 'end step', 'start init4', 'end init4']);
  });

  it('keeps going after a failure', async () => {
    const r = new SerialRunner();
    await expect(r.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await r.run(async () => 7)).toBe(7);
  });
});
