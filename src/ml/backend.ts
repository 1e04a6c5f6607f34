/**
 * Compute-backend selection for the training worker: WebGPU → WebGL → WASM → CPU,
 * taking the first one that *really* initialises (tfjs falls back silently, so we
 * check what it gave us), with an override. Worker-only: touches navigator.gpu.
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { requestTrainingDevice } from './webgpu-device';
import { BACKEND_LABELS, shortRenderer, type BackendChoice, type BackendInfo, type BackendName, type TfBackendName } from './backend-names';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const AUTO_ORDER: readonly TfBackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

let gpuDevice: GPUDevice | null = null;
let gpuAdapterInfo: GPUAdapterInfo | null = null;
let onDeviceLost: ((reason: string) => void) | null = null;

/** Called when the WebGPU device is lost (driver reset, tab in background too long, test hook). */
export function setDeviceLostHandler(fn: (reason: string) => void): void {
  onDeviceLost = fn;
}

/** Test hook: destroy the GPU device as a driver crash would. */
export function destroyGpuDevice(): boolean {
  if (!gpuDevice) return false;
  gpuDevice.destroy();
  return true;
}

/**
 * tfjs 4.22 never listens to `device.lost`. Re-register the 'webgpu' backend
 * with a factory that keeps the device and watches it (the kernels stay
 * registered under the name, so removing and re-adding the factory is safe).
 */
function registerWatchedWebGpu(): void {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) return;
  tf.removeBackend('webgpu');
  tf.registerBackend(
    'webgpu',
    async () => {
      const { adapter, device } = await requestTrainingDevice();
      gpuDevice = device;
      gpuAdapterInfo = adapter.info;
      void device.lost.then((info) => {
        if (gpuDevice === device) gpuDevice = null;
        onDeviceLost?.(info.message || info.reason || 'device lost');
      });
      return new WebGPUBackend(device, adapter.info);
    },
    3,
  );
}

registerWatchedWebGpu();

function describeWebGpu(): string {
  const info = gpuAdapterInfo;
  if (!info) return BACKEND_LABELS.webgpu;
  const arch = info.architecture === 'swiftshader' ? 'SwiftShader' : info.architecture;
  const detail = [info.vendor, arch || info.device || info.description].filter(Boolean).join(' ');
  return detail ? `${BACKEND_LABELS.webgpu} · ${detail}` : BACKEND_LABELS.webgpu;
}

function describeWebGl(): string {
  try {
    // MathBackendWebGL exposes its GL context through gpgpu; renderer names are only a label.
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
    return renderer ? `${BACKEND_LABELS.webgl} · ${shortRenderer(renderer)}` : BACKEND_LABELS.webgl;
  } catch {
    return BACKEND_LABELS.webgl;
  }
}

/** The executor's label with its device, e.g. "WebGPU · google SwiftShader". */
export function describe(name: BackendName): string {
  if (name === 'webgpu') return describeWebGpu();
  if (name === 'webgl') return describeWebGl();
  return BACKEND_LABELS[name];
}

/** Make `name` tfjs's backend; null when it works, else why not. */
export async function tryBackend(name: TfBackendName): Promise<string | null> {
  try {
    if (!tf.findBackendFactory(name)) return 'not available in this browser';
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok || tf.getBackend() !== name) return 'failed to initialise';
    // Prove it computes: a tiny op read back asynchronously (never dataSync on WebGPU).
    const t = tf.tensor1d([1, 2, 3]).mul(2);
    const v = await t.data();
    t.dispose();
    if (v[2] !== 6) return 'returned wrong results';
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export interface SelectOptions {
  /** Backends the current model cannot train on (e.g. WASM lacks Conv2DBackpropFilter). */
  exclude?: readonly BackendName[];
}

/** Pick and initialise a backend; the preferred one first, then the automatic order. */
export async function selectBackend(choice: BackendChoice, opts: SelectOptions = {}): Promise<BackendInfo> {
  const excluded = new Set(opts.exclude ?? []);
  const first = choice === 'auto' || choice === 'fused' ? [] : [choice];
  const order = [...first, ...AUTO_ORDER.filter((b) => b !== choice)];
  const skipped: BackendInfo['skipped'] = [];
  for (const name of order) {
    if (excluded.has(name) && name !== 'cpu') {
      skipped.push({ name, reason: 'cannot train this model' });
      continue;
    }
    const failure = await tryBackend(name);
    if (failure === null) return { name, label: describe(name), requested: choice, skipped };
    skipped.push({ name, reason: failure });
  }
  throw new Error('No compute backend could be initialised');
}

/** After a failure mid-run: drop the broken backend and choose again among the rest. */
export async function fallBackFrom(broken: BackendName, opts: SelectOptions = {}): Promise<BackendInfo> {
  try {
    tf.removeBackend(broken);
  } catch {
    // Removing a dead backend can throw while it frees GPU buffers; it is gone either way.
  }
  return selectBackend('auto', { exclude: [...(opts.exclude ?? []), broken] });
}

/**
 * What identifies this machine for the executor cache: CPU threads, the browser, and the WebGPU
 * adapter (asked for directly, without starting tfjs's WebGPU backend).
 */
export async function machineKey(): Promise<string> {
  const parts: string[] = [];
  if (typeof navigator !== 'undefined') {
    parts.push(String(navigator.hardwareConcurrency ?? ''), navigator.userAgent ?? '');
    try {
      const adapter = 'gpu' in navigator && navigator.gpu ? await navigator.gpu.requestAdapter() : null;
      const i = adapter?.info;
      parts.push(i ? [i.vendor, i.architecture, i.device, i.description].join('/') : 'no-webgpu');
    } catch {
      parts.push('webgpu-error');
    }
  }
  return parts.join('|');
}
