/**
 * Steps/s of the playground's own task classes (src/ml/tasks, imported unchanged) on tfjs
 * backends in Node: 'webgpu' through Dawn's node binding (the `webgpu` npm package, set up by
 * run.mjs before this bundle loads) and 'cpu' for comparison. Losses are read with
 * `await data()` only: dataSync blocks WebGPU.
 *
 * Bundled to node_modules/.bench/bench.cjs by build.mjs; see README.md.
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { parseMnistPack, type MnistPack } from '../../src/datasets/mnist';
import { MnistTask } from '../../src/ml/tasks/mnist-classifier';
import { MlpTask } from '../../src/ml/tasks/mlp';
import { RnnTask } from '../../src/ml/tasks/rnn';
import { GAP_EXPERIMENT_HYPER } from '../../src/ml/tasks/rnn-experiment';
import { TransformerTask } from '../../src/ml/tasks/transformer';
import { DEFAULT_TRANSFORMER_HYPER } from '../../src/ml/tasks/transformer-spec';
import { requestTrainingDevice } from '../../src/ml/webgpu-device';

/** What a scenario needs from a task: one step returning a loss the caller owns, and dispose. */
interface Steppable {
  step(): tf.Scalar;
  examplesPerStep(): number;
  dispose(): void;
}

export interface Scenario {
  id: string;
  /** The setting in words, for the results file. */
  setting: string;
  make(pack: MnistPack): Steppable;
}

/** The lessons' heavy models at the settings their pages (or scripts/bench.mjs) use. */
export const SCENARIOS: readonly Scenario[] = [
  // 20: a small batch; 64: the CNN page's default; 512: its maximum.
  ...[20, 64, 512].map(
    (batch): Scenario => ({
      id: `mnist-seed-cnn-b${batch}`,
      setting: `seed CNN, Adam 1e-3, batch ${batch}, 8000 train / 200 test digits`,
      make: (pack) =>
        new MnistTask(
          { kind: 'mnist', model: { kind: 'seed-cnn' }, trainCount: 8000, testCount: 200, seed: 1, dataUrl: 'file' },
          { learningRate: 1e-3, batchSize: batch, optimizer: 'adam' },
          pack,
        ),
    }),
  ),
  // 32: the attention page's default batch; 512: its maximum.
  ...[32, 512].map(
    (batch): Scenario => ({
      id: `transformer-reverse-b${batch}`,
      setting: `reversal, T = 6, V = 8, 1 layer, 2 heads, d = 32, sinusoidal, Adam (default hyper), batch ${batch}`,
      make: () =>
        new TransformerTask(
          { kind: 'transformer', task: 'reverse', seqLen: 6, vocab: 8, layers: 1, heads: 2, dModel: 32, positional: 'sinusoidal', seed: 1 },
          { ...DEFAULT_TRANSFORMER_HYPER, batchSize: batch },
        ),
    }),
  ),
  {
    id: 'mlp-spiral-2-4-2-1',
    setting: 'spiral, 200 points (half test), features x1 x2, hidden [4, 2] tanh, Adam 0.03, batch 10 (page defaults)',
    make: () =>
      new MlpTask(
        {
          kind: 'mlp',
          data: { dataset: 'spiral', n: 200, noise: 0, testRatio: 0.5, seed: 1 },
          features: ['x1', 'x2'],
          hidden: [4, 2],
          activation: 'tanh',
          seed: 1,
        },
        { learningRate: 0.03, batchSize: 10, optimizer: 'adam', l1: 0, l2: 0, dropout: 0 },
      ),
  },
  // 32: the RNN page's default batch; 256: its maximum.
  ...[32, 256].map(
    (batch): Scenario => ({
      id: `rnn-recall-lstm-b${batch}`,
      setting: `recall, gap 20 (T = 22), K = 4, LSTM hidden 16, 1 layer, Adam 0.01, clip 1, batch ${batch}`,
      make: () =>
        new RnnTask(
          { kind: 'rnn', task: 'recall', cell: 'lstm', hidden: 16, layers: 1, seqLen: 22, seed: 1, recall: { gap: 20, symbols: 4 } },
          { ...GAP_EXPERIMENT_HYPER, batchSize: batch },
        ),
    }),
  ),
];

export interface BenchOptions {
  backends: string[];
  /** Scenario ids to run (all when empty). */
  only: string[];
  /** Length of each timed window, seconds. */
  seconds: number;
  /** Synced steps after the first one, before timing: at least this many … */
  warmupSteps: number;
  /** … and for at least this long (JIT and pipelines settle). */
  warmupSeconds: number;
  /** In the pipelined window, await a loss every this many steps. */
  readEvery: number;
  mnistBytes: Uint8Array;
  log: (line: string) => void;
}

export interface WindowResult {
  steps: number;
  seconds: number;
  stepsPerSec: number;
  examplesPerSec: number;
}

export interface ScenarioResult {
  id: string;
  setting: string;
  backend: string;
  examplesPerStep: number;
  buildMs: number;
  /** First step and the await of its loss: shader compilation and first uploads. */
  firstStepMs: number;
  warmupMs: number;
  /** Loss awaited every `readEvery` steps (what a training loop that reads now and then does). */
  pipelined: WindowResult;
  /** Every step's loss awaited before the next step (latency-bound). */
  synced: WindowResult;
  lastLoss: number;
  /** tf.memory().numTensors after the warm-up and after both windows: equal means no leak. */
  tensorsAfterWarmup: number;
  tensorsAfterRun: number;
  /** Uncaptured WebGPU errors during this scenario (0 on 'cpu'), and the first one's message. */
  gpuErrors: number;
  firstGpuError?: string;
}

export interface BackendResult {
  backend: string;
  ok: boolean;
  error?: string;
  adapter?: Record<string, string>;
  adapterLimits?: Record<string, number>;
  scenarios: ScenarioResult[];
  failures: { id: string; error: string }[];
}

/** WebGPU validation/OOM errors nobody caught (a failed kernel leaves stale buffers behind). */
const gpuErrors: { count: number; first: string | undefined } = { count: 0, first: undefined };

/** The factory of src/ml/backend.ts (same device request), plus error counting and adapter facts. */
function registerWebGpu(log: (line: string) => void): { info: Record<string, string>; limits: Record<string, number> } {
  // Filled in when tfjs first initialises the backend.
  const info: Record<string, string> = {};
  const limits: Record<string, number> = {};
  tf.removeBackend('webgpu');
  tf.registerBackend(
    'webgpu',
    async () => {
      const { adapter, device } = await requestTrainingDevice();
      const l = adapter.limits;
      device.onuncapturederror = (ev) => {
        gpuErrors.count++;
        gpuErrors.first ??= ev.error.message.slice(0, 400);
      };
      void device.lost.then((i) => log(`webgpu device lost: ${i.reason} ${i.message}`));
      for (const k of ['vendor', 'architecture', 'device', 'description'] as const) info[k] = adapter.info[k];
      for (const k of ['maxBufferSize', 'maxStorageBufferBindingSize', 'maxComputeWorkgroupStorageSize', 'maxComputeInvocationsPerWorkgroup'] as const) {
        limits[k] = l[k];
      }
      info.features = [...adapter.features].sort().join(' ');
      return new WebGPUBackend(device, adapter.info);
    },
    3,
  );
  return { info, limits };
}

async function readLoss(loss: tf.Scalar): Promise<number> {
  const v = (await loss.data())[0]!;
  loss.dispose();
  return v;
}

async function timeWindow(task: Steppable, seconds: number, readEvery: number): Promise<WindowResult & { lastLoss: number }> {
  let steps = 0;
  let lastLoss: number | undefined;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  for (;;) {
    const loss = task.step();
    steps++;
    if (steps % readEvery === 0) {
      lastLoss = await readLoss(loss);
      if (performance.now() >= deadline) break;
    } else {
      loss.dispose();
    }
  }
  const s = (performance.now() - t0) / 1000;
  return { steps, seconds: round(s, 3), stepsPerSec: round(steps / s, 2), examplesPerSec: round((steps * task.examplesPerStep()) / s, 1), lastLoss: lastLoss ?? NaN };
}

async function runScenario(sc: Scenario, backend: string, pack: MnistPack, o: BenchOptions): Promise<ScenarioResult> {
  gpuErrors.count = 0;
  gpuErrors.first = undefined;
  const b0 = performance.now();
  const task = sc.make(pack);
  const buildMs = performance.now() - b0;
  try {
    const f0 = performance.now();
    await readLoss(task.step());
    const firstStepMs = performance.now() - f0;
    const w0 = performance.now();
    for (let i = 0; i < o.warmupSteps || performance.now() - w0 < o.warmupSeconds * 1000; i++) await readLoss(task.step());
    const warmupMs = performance.now() - w0;
    const tensorsAfterWarmup = tf.memory().numTensors;
    const pipelined = await timeWindow(task, o.seconds, o.readEvery);
    const synced = await timeWindow(task, o.seconds, 1);
    const tensorsAfterRun = tf.memory().numTensors;
    const strip = (w: WindowResult): WindowResult => ({ steps: w.steps, seconds: w.seconds, stepsPerSec: w.stepsPerSec, examplesPerSec: w.examplesPerSec });
    return {
      id: sc.id,
      setting: sc.setting,
      backend,
      examplesPerStep: task.examplesPerStep(),
      buildMs: round(buildMs, 1),
      firstStepMs: round(firstStepMs, 1),
      warmupMs: round(warmupMs, 1),
      pipelined: strip(pipelined),
      synced: strip(synced),
      lastLoss: round(synced.lastLoss, 5),
      tensorsAfterWarmup,
      tensorsAfterRun,
      gpuErrors: gpuErrors.count,
      ...(gpuErrors.first ? { firstGpuError: gpuErrors.first } : {}),
    };
  } finally {
    task.dispose();
  }
}

export async function runBench(o: BenchOptions): Promise<BackendResult[]> {
  const pack = parseMnistPack(o.mnistBytes);
  const adapter = typeof navigator !== 'undefined' && navigator.gpu ? registerWebGpu(o.log) : undefined;
  const scenarios = SCENARIOS.filter((s) => o.only.length === 0 || o.only.includes(s.id));
  const out: BackendResult[] = [];
  for (const backend of o.backends) {
    const r: BackendResult = { backend, ok: false, scenarios: [], failures: [] };
    out.push(r);
    try {
      if (!tf.findBackendFactory(backend)) throw new Error(`backend ${backend} is not registered (no navigator.gpu?)`);
      if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) throw new Error(`backend ${backend} failed to initialise`);
      await tf.ready();
      r.ok = true;
      if (backend === 'webgpu' && adapter) {
        r.adapter = { ...adapter.info };
        r.adapterLimits = { ...adapter.limits };
      }
      o.log(`backend ${backend} ready${r.adapter ? ` (${JSON.stringify(r.adapter)})` : ''}`);
    } catch (e) {
      r.error = e instanceof Error ? e.message : String(e);
      o.log(`backend ${backend}: ${r.error}`);
      continue;
    }
    for (const sc of scenarios) {
      try {
        const s = await runScenario(sc, backend, pack, o);
        r.scenarios.push(s);
        o.log(
          `${backend} ${sc.id}: first ${s.firstStepMs} ms, pipelined ${s.pipelined.stepsPerSec} steps/s ` +
            `(${s.pipelined.examplesPerSec} ex/s), synced ${s.synced.stepsPerSec} steps/s, loss ${s.lastLoss}, ` +
            `tensors ${s.tensorsAfterWarmup}→${s.tensorsAfterRun}, gpu errors ${s.gpuErrors}`,
        );
      } catch (e) {
        const error = e instanceof Error ? `${e.message}` : String(e);
        r.failures.push({ id: sc.id, error });
        o.log(`${backend} ${sc.id} FAILED: ${error}`);
      }
    }
  }
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
