import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../ml/test-utils';
import { LinearRegressionTask } from '../ml/tasks/linear-regression';
import { MlpTask, type MlpSpec } from '../ml/tasks/mlp';
import type { WeightSnapshot } from '../ml/tasks/task';
import { TrainingLoop, type LoopEvent } from '../ml/train/loop';
import { openIdbRunStore } from './idb-store';
import { decodeRunFile, encodeRunFile } from './run-file';
import { RunsManager } from './runs-manager';
import { MemoryRunStore } from './store';
import { meta } from './test-helpers';

beforeAll(useCpuBackend);

const bytes = (w: WeightSnapshot) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, [v.shape, [...new Uint8Array(v.values.buffer, v.values.byteOffset, v.values.byteLength)]]]));
const enc = (s: string) => new TextEncoder().encode(s).buffer;

const mlpSpec = { kind: 'mlp', data: { dataset: 'xor', n: 120, noise: 0, testRatio: 0.2, seed: 3 }, features: ['x1', 'x2'], hidden: [5], activation: 'tanh', seed: 3 } as MlpSpec;
const mlpHyper = { learningRate: 0.05, batchSize: 16, optimizer: 'adam' as const, l1: 0, l2: 0, dropout: 0 };

describe('run files', () => {
  it('round trip: settings, curves and final weights come back bit for bit', async () => {
    const task = new MlpTask(mlpSpec, mlpHyper);
    for (let i = 0; i < 20; i++) task.step().dispose();
    const w = await task.exportWeights();
    const text = encodeRunFile(meta({ settings: { lr: 0.05, feat: ['x1', 'x2'] } }), w, 20);
    const d = decodeRunFile(enc(text), 'mlp', 'mlp');
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.step).toBe(20);
    expect(d.meta.settings).toEqual({ lr: 0.05, feat: ['x1', 'x2'] });
    expect(d.meta.curves).toEqual(meta().curves);
    expect(d.meta.imported).toBe(true);
    expect(bytes(d.weights)).toEqual(bytes(w));
    task.dispose();
  });

  it('refuses a corrupted or foreign file with the reason', () => {
    const w = { w: { shape: [2], values: new Float32Array([1, 2]) } };
    const good = encodeRunFile(meta(), w, 3);
    const cases: [ArrayBuffer, string][] = [
      [new Uint8Array([0xff, 0xfe, 0x00]).buffer, 'errNotJson'],
      [enc('{"hello": 1}'), 'errNotRun'],
      [enc(good.slice(0, good.length - 40)), 'errNotJson'],
      [enc(good.replace('"dl-playground/run"', '"someone-else/run"')), 'errNotRun'],
      [enc(good.replace('"lab":"mlp"', '"lab":"cnn"')), 'errOtherLab'],
      // weights cut short: the model format's size check catches it
      [enc(good.replace(/"weights":"[^"]*"/, '"weights":"AACAPw=="')), 'errWeights'],
      [enc(good.replace(/"weights":"[^"]*"/, '"weights":"%%%"')), 'errNotRun'],
    ];
    for (const [b, code] of cases) {
      const d = decodeRunFile(b, 'mlp', 'mlp');
      expect(d.ok, code).toBe(false);
      if (!d.ok) expect(d.error.code).toBe(code);
    }
    // a model file of another kind inside
    const other = decodeRunFile(enc(good), 'mlp', 'linreg');
    expect(!other.ok && other.error.code).toBe('errWeights');
  });

  it('the manager says why a file was refused and adds nothing', async () => {
    const m = new RunsManager('mlp', 'mlp', () => Promise.resolve(new MemoryRunStore()));
    await m.ready;
    expect(await m.importFile(enc('not json'), 'x.json')).toEqual({ ok: false, code: 'errNotJson' });
    expect(m.getState().message).toMatchObject({ kind: 'error', key: 'errFileNotJson', values: { file: 'x.json' } });
    expect(m.getState().runs).toEqual([]);
    const file = enc(encodeRunFile(meta(), { w: { shape: [1], values: new Float32Array([7]) } }, 10));
    const r = await m.importFile(file, 'r.json');
    if (!r.ok) throw new Error(r.code);
    expect(r.meta.imported).toBe(true);
    expect(r.already).toBe(false);
    expect((await m.snapshots(r.meta.id)).map((s) => s.step)).toEqual([10]);
  });

  it('the same file twice (a course page sending it at each visit) is one run; the second time can pin it', async () => {
    const m = new RunsManager('mlp', 'mlp', () => Promise.resolve(new MemoryRunStore()));
    await m.ready;
    const file = enc(encodeRunFile(meta(), { w: { shape: [1], values: new Float32Array([7]) } }, 10));
    const first = await m.importFile(file, 'r.json');
    const second = await m.importFile(file, 'r.json', true);
    expect(first.ok && second.ok && second.already).toBe(true);
    expect(m.getState().runs).toHaveLength(1);
    expect(m.getState().runs[0]!.pinned).toBe(true);
    expect(m.getState().message).toMatchObject({ kind: 'ok', key: 'importedAlready' });
  });
});

describe('checkpoints', () => {
  it('a checkpoint is the model exactly at its step, and stored and restored it gives bit-identical weights', async () => {
    const task = new MlpTask(mlpSpec, mlpHyper);
    const checkpoints: { step: number; weights: WeightSnapshot }[] = [];
    const due = new Set([0, 7, 25]);
    const loop = new TrainingLoop(task, {
      emit: (e: LoopEvent<unknown>) => {
        if (e.type === 'checkpoint') checkpoints.push({ step: e.step, weights: e.weights });
      },
      now: () => performance.now(),
      yieldToEvents: () => Promise.resolve(),
      learningRate: () => 0.05,
      sleep: () => Promise.resolve(),
      checkpointDue: (s) => due.delete(s),
    });
    await loop.step(7);
    await loop.step(18);
    expect(checkpoints.map((c) => c.step)).toEqual([0, 7, 25]);
    // The checkpoint at 25 is the model after 25 steps, exactly.
    expect(bytes(checkpoints[2]!.weights)).toEqual(bytes(await task.exportWeights()));

    // Through IndexedDB (structured clone) and back.
    const store = await openIdbRunStore(new IDBFactory());
    for (const c of checkpoints) await store.putSnapshot({ run: 'r', ...c });
    const back = await store.snapshots('r');
    expect(back.map((c) => bytes(c.weights))).toEqual(checkpoints.map((c) => bytes(c.weights)));

    // Rewind to step 7 in another model: its weights are the checkpoint's, bit for bit.
    const other = new MlpTask(mlpSpec, mlpHyper);
    other.importWeights(back[1]!.weights);
    expect(bytes(await other.exportWeights())).toEqual(bytes(checkpoints[1]!.weights));
    task.dispose();
    other.dispose();
  });

  it('no checkpoints unless asked for', async () => {
    const task = new LinearRegressionTask({ kind: 'linreg', data: { n: 50, noise: 0.5, seed: 1 }, init: { w: 0, b: 0 } }, { learningRate: 0.1, batchSize: 10, optimizer: 'sgd' });
    const types: string[] = [];
    const loop = new TrainingLoop(task, { emit: (e) => types.push(e.type), now: () => performance.now(), yieldToEvents: () => Promise.resolve(), learningRate: () => 0.1 });
    await loop.step(5);
    expect(types).not.toContain('checkpoint');
    task.dispose();
  });
});
