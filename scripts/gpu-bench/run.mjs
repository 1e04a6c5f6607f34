#!/usr/bin/env node
/**
 * Entry of the GPU bench (see README.md). Sets up WebGPU from Dawn's node binding (the
 * `webgpu` npm package) as navigator.gpu BEFORE the bundle (tfjs, its WebGPU backend and the
 * project's task classes) loads, then runs it and writes JSON.
 *
 *   node scripts/gpu-bench/run.mjs [--backends webgpu,cpu] [--seconds 3] [--only id,id]
 *        [--out file.json] [--mnist public/data/mnist-10k.bin] [--dawn flag,flag]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const { values: a } = parseArgs({
  options: {
    backends: { type: 'string', default: 'webgpu,cpu' },
    only: { type: 'string', default: '' },
    seconds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '5' },
    'warmup-seconds': { type: 'string', default: '1' },
    'read-every': { type: 'string', default: '10' },
    out: { type: 'string' },
    mnist: { type: 'string', default: path.join(ROOT, 'public', 'data', 'mnist-10k.bin') },
    bundle: { type: 'string', default: path.join(HERE, 'node_modules', '.bench', 'bench.cjs') },
    webgpu: { type: 'string', default: path.join(HERE, 'node_modules', 'webgpu', 'index.js') },
    dawn: { type: 'string', default: '' },
    note: { type: 'string', default: '' },
  },
});
const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
const log = (line) => console.log(`[${(performance.now() / 1000).toFixed(1)} s] ${line}`);
const backends = list(a.backends);

let gpu = null;
let webgpuError = null;
if (backends.includes('webgpu')) {
  try {
    const { create, globals } = await import(pathToFileURL(a.webgpu).href);
    Object.assign(globalThis, globals); // GPUBufferUsage, GPUMapMode, GPUShaderStage …
    gpu = create(list(a.dawn));
    // Node 20 has no navigator; newer Node has a read-only one without gpu.
    Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  } catch (e) {
    webgpuError = `could not load Dawn's node binding: ${e instanceof Error ? e.message : e}`;
    log(webgpuError);
  }
}

const { runBench } = createRequire(import.meta.url)(a.bundle);
const started = new Date().toISOString();
const results = await runBench({
  backends,
  only: list(a.only),
  seconds: Number(a.seconds),
  warmupSteps: Number(a.warmup),
  warmupSeconds: Number(a['warmup-seconds']),
  readEvery: Number(a['read-every']),
  mnistBytes: new Uint8Array(readFileSync(a.mnist)),
  log,
});
if (webgpuError) for (const r of results) if (r.backend === 'webgpu') r.error = `${webgpuError}; ${r.error ?? ''}`;

const report = {
  started,
  finished: new Date().toISOString(),
  note: a.note || undefined,
  bundle: globalThis.__GPU_BENCH_BUILD__,
  machine: {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model,
    cpus: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  options: { seconds: Number(a.seconds), warmupSteps: Number(a.warmup), warmupSeconds: Number(a['warmup-seconds']), readEvery: Number(a['read-every']), dawnFlags: list(a.dawn) },
  results,
};
const json = JSON.stringify(report, null, 2);
if (a.out) writeFileSync(a.out, json + '\n');
else console.log(json);
// dawn.node keeps the process alive while a reference to its GPU object exists.
if (gpu) delete globalThis.navigator.gpu;
process.exit(results.some((r) => r.ok) ? 0 : 1);
