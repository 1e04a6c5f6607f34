/**
 * The configurable CNN with and without batch norm in Node: steps per second (wall and this
 * process's CPU time) on each backend, and, with LEARN_STEPS > 0, the train loss and the test
 * accuracy (eval mode: running averages) along a short run. Not part of npm test:
 *
 *   npx vitest run --config src/ml/cnn/bench/vitest.config.ts src/ml/cnn/bench/batchnorm.run.ts
 *   BACKENDS=cpu STEPS=20 LEARN_STEPS=300 npx vitest run --config src/ml/cnn/bench/vitest.config.ts batchnorm
 *
 * Record `uptime` beside the figures: the machine is shared.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { it } from 'vitest';
import { parseMnistPack } from '../../../datasets/mnist';
import { MnistTask } from '../../tasks/mnist-classifier';
import type { CustomCnnSpec } from '../architecture';

const pack = parseMnistPack(new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', '..', 'public', 'data', 'mnist-10k.bin'))));
const BATCH = Number(process.env.BATCH ?? 64);
const STEPS = Number(process.env.STEPS ?? 20);
const LEARN_STEPS = Number(process.env.LEARN_STEPS ?? 0);
const LR = Number(process.env.LR ?? 1e-3);
const OPT = (process.env.OPT ?? 'adam') as 'adam' | 'sgd' | 'momentum';
const BACKENDS = (process.env.BACKENDS ?? 'cpu,wasm').split(',');
/** The lab's default custom CNN: 2 blocks of 16 3×3 'same' filters, max pooling, no dropout. */
const SPEC: CustomCnnSpec = { kind: 'custom-cnn', blocks: Number(process.env.BLOCKS ?? 2), filters: 16, kernel: 3, pooling: 'max', dropout: 0, padding: 'same' };

const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

function makeTask(batchNorm: boolean): MnistTask {
  return new MnistTask(
    { kind: 'mnist', model: { ...SPEC, batchNorm }, trainCount: 8000, testCount: 1000, seed: 1, dataUrl: 'unused' },
    { learningRate: LR, batchSize: BATCH, optimizer: OPT },
    pack,
  );
}

async function steps(task: MnistTask, n: number): Promise<number> {
  let last = NaN;
  for (let i = 0; i < n; i++) {
    const l = task.step();
    last = (await l.data())[0]!;
    l.dispose();
  }
  return last;
}

it('custom CNN: steps/s with and without batch norm', async () => {
  setWasmPaths(`${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`);
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; batch ${BATCH}, ${STEPS} timed steps, ${JSON.stringify(SPEC)}`);
  for (const backend of BACKENDS) {
    await tf.setBackend(backend);
    for (const bn of [false, true]) {
      const task = makeTask(bn);
      await steps(task, 3);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await steps(task, STEPS);
      const wall = performance.now() - t0;
      const cpu = cpuMs(c0);
      console.log(
        `${backend} ${bn ? 'BN ' : 'off'}: ${((1000 * STEPS) / wall).toFixed(2)} steps/s wall, ${(wall / STEPS).toFixed(0)} ms/step wall, ${(cpu / STEPS).toFixed(0)} ms/step CPU`,
      );
      task.dispose();
    }
  }
  if (LEARN_STEPS > 0) {
    await tf.setBackend(BACKENDS[0]!);
    for (const bn of [false, true]) {
      const task = makeTask(bn);
      const rows: string[] = [];
      let done = 0;
      for (const at of [25, 50, 100, 200, 300, 500, 1000].filter((s) => s <= LEARN_STEPS)) {
        const loss = await steps(task, at - done);
        done = at;
        const e = await task.evaluate();
        rows.push(`step ${at}: batch loss ${loss.toFixed(3)}, test acc ${(100 * e.testAccuracy).toFixed(1)} %, test loss ${e.testLoss.toFixed(3)}`);
      }
      console.log(`${bn ? 'BN ' : 'off'} (${OPT} α=${LR}): ${rows.join('; ')}`);
      task.dispose();
    }
  }
  console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
});
