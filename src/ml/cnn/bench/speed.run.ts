/**
 * Seed-CNN training speed in Node, per backend, with a per-kernel CPU-time profile and the
 * time to 97 % test accuracy through the real TrainingLoop (its flushes, views, snapshots and
 * periodic evaluations included). Not part of npm test; run it with
 *
 *   npx vitest run --config src/ml/cnn/bench/vitest.config.ts
 *   BACKENDS=wasm,cpu STEPS=40 GOAL_SECONDS=90 npx vitest run --config src/ml/cnn/bench/vitest.config.ts
 *
 * Figures are wall time and this process's CPU time (user + system): on a shared, loaded
 * machine the CPU time is the steadier of the two. Record `uptime` beside them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { it } from 'vitest';
import { parseMnistPack } from '../../../datasets/mnist';
import { MnistTask, type MnistView } from '../../tasks/mnist-classifier';
import { TrainingLoop } from '../../train/loop';

const pack = parseMnistPack(new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', '..', 'public', 'data', 'mnist-10k.bin'))));
const BATCH = Number(process.env.BATCH ?? 20);
const STEPS = Number(process.env.STEPS ?? 40);
const GOAL_SECONDS = Number(process.env.GOAL_SECONDS ?? 0);
const LR = Number(process.env.LR ?? 1e-3);
const SEED = Number(process.env.SEED ?? 1);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

function makeTask(testCount = 200): MnistTask {
  return new MnistTask(
    { kind: 'mnist', model: { kind: 'seed-cnn' }, trainCount: 8000, testCount, seed: SEED, dataUrl: 'unused' },
    { learningRate: LR, batchSize: BATCH, optimizer: 'adam' },
    pack,
  );
}

/** CPU time per kernel name while `f` runs (every kernel of `backend` wrapped, then put back). */
async function profileKernels(backend: string, f: () => Promise<void>): Promise<Map<string, { ms: number; calls: number }>> {
  const by = new Map<string, { ms: number; calls: number }>();
  const stock = tf.getKernelsForBackend(backend);
  for (const k of stock) {
    tf.unregisterKernel(k.kernelName, backend);
    tf.registerKernel({
      ...k,
      kernelFunc: (args) => {
        const c0 = process.cpuUsage();
        const r = k.kernelFunc(args);
        const e = by.get(k.kernelName) ?? { ms: 0, calls: 0 };
        e.ms += cpuMs(c0);
        e.calls++;
        by.set(k.kernelName, e);
        return r;
      },
    });
  }
  try {
    await f();
  } finally {
    for (const k of stock) {
      tf.unregisterKernel(k.kernelName, backend);
      tf.registerKernel(k);
    }
  }
  return by;
}

async function steps(task: MnistTask, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const l = task.step();
    await l.data();
    l.dispose();
  }
}

it('seed CNN step speed and profile', async () => {
  setWasmPaths(`${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`);
  for (const backend of (process.env.BACKENDS ?? 'wasm,cpu').split(',')) {
    await tf.setBackend(backend);
    const task = makeTask();
    const n = backend === 'cpu' ? Math.min(STEPS, 10) : STEPS;
    await steps(task, 3);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await steps(task, n);
    const wall = (performance.now() - t0) / n;
    const cpu = cpuMs(c0) / n;
    const profile = await profileKernels(backend, () => steps(task, 5));
    const rows = [...profile].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((s, [, v]) => s + v.ms, 0) / 5;
    console.log(
      `${backend}, batch ${BATCH}, load ${loadavg()[0]!.toFixed(2)}: ${wall.toFixed(1)} ms/step wall = ${((BATCH * 1000) / wall).toFixed(0)} ex/s; ` +
        `${cpu.toFixed(1)} ms/step CPU = ${((BATCH * 1000) / cpu).toFixed(0)} ex/s per core; kernels ${total.toFixed(1)} ms/step CPU:\n` +
        rows
          .slice(0, 16)
          .map(([k, v]) => `  ${k.padEnd(22)} ${(v.ms / 5).toFixed(2).padStart(7)} ms  ×${v.calls / 5}`)
          .join('\n'),
    );
    task.dispose();
  }
});

it.runIf(GOAL_SECONDS > 0)('time to 97 % test accuracy through the training loop (2,000 test digits)', async () => {
  const backend = (process.env.BACKENDS ?? 'wasm').split(',')[0]!;
  await tf.setBackend(backend);
  const task = makeTask(2000);
  let steps = 0;
  let view: MnistView | null = null;
  const loop = new TrainingLoop<MnistView>(task, {
    emit: (e) => {
      if (e.type !== 'metrics') return;
      steps += e.batch.losses.length;
      view = e.batch.view;
    },
    now: () => performance.now(),
    yieldToEvents: () => new Promise((r) => setImmediate(r)),
    learningRate: () => LR,
  });
  const t0 = performance.now();
  let reached: { ms: number; step: number; acc: number } | null = null;
  const curve: string[] = [];
  let lastStep = -1;
  loop.start();
  while (performance.now() - t0 < GOAL_SECONDS * 1000 && !reached) {
    await new Promise((r) => setTimeout(r, 50));
    const e = (view as MnistView | null)?.evaluation;
    if (e && e.atStep !== lastStep) {
      lastStep = e.atStep;
      curve.push(`${((performance.now() - t0) / 1000).toFixed(0)}s/${e.atStep}:${(e.testAccuracy * 100).toFixed(1)}`);
    }
    if (e && e.testAccuracy >= 0.97) reached = { ms: performance.now() - t0, step: e.atStep, acc: e.testAccuracy };
  }
  await loop.pause();
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `${backend}, batch ${BATCH}, α ${LR}, seed ${SEED}: ${reached ? `97 % at ${(reached.ms / 1000).toFixed(1)} s (evaluation of step ${reached.step}: ${reached.acc})` : `not reached in ${GOAL_SECONDS} s`}; ` +
      `${steps} steps = ${((steps * BATCH) / secs).toFixed(0)} ex/s including evaluations; load ${loadavg()[0]!.toFixed(2)}\n` +
      `  evaluations (time/step:test accuracy %): ${curve.join(' ')}`,
  );
  task.dispose();
});
