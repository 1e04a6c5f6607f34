#!/usr/bin/env node
/**
 * Asks Dawn's node binding for a WebGPU adapter and prints it as one JSON line
 * (device.sh tries a few driver settings with it before the bench).
 *   node scripts/gpu-bench/probe.mjs [dawn-flag,dawn-flag]
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const flags = (process.argv[2] ?? '').split(',').filter(Boolean);
let out;
try {
  const { create, globals } = await import(pathToFileURL(path.join(HERE, 'node_modules', 'webgpu', 'index.js')).href);
  Object.assign(globalThis, globals);
  const gpu = create(flags);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) out = { ok: false, flags, error: 'no adapter' };
  else {
    const { vendor, architecture, device, description } = adapter.info;
    out = { ok: true, flags, vendor, architecture, device, description, maxBufferSize: adapter.limits.maxBufferSize };
  }
} catch (e) {
  out = { ok: false, flags, error: e instanceof Error ? e.message : String(e) };
}
console.log(JSON.stringify(out));
process.exit(0);
