/**
 * Executor names and labels, shared by the worker and the page (no tfjs import here). An
 * executor is one of tfjs's backends, or 'fused': the project's own Float32Array kernels for
 * small dense models (src/ml/fused), which skip tfjs's per-op overhead.
 */
export const BACKENDS = ['fused', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';
/** The executors that are tfjs backends. */
export type TfBackendName = Exclude<BackendName, 'fused'>;

export const BACKEND_LABELS: Record<BackendName, string> = {
  fused: 'Fused JS',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** What the measurement found out about one candidate executor, for the badge's popover. */
export interface CandidateReport {
  name: BackendName;
  /** e.g. "WebGPU · google SwiftShader" once it initialised. */
  label: string;
  /** Steady-state training steps per second of this model, or null when not measured. */
  stepsPerSec: number | null;
  /** The first step, compilation included (ms), or null when it did not run. */
  firstStepMs: number | null;
  outcome: 'chosen' | 'slower' | 'excluded' | 'unavailable';
  /** Why it lost, was excluded (e.g. wrong numbers) or is unavailable. */
  reason?: string;
  /** A software GPU adapter (SwiftShader, llvmpipe, Basic Render): never wins a tie. */
  software?: boolean;
}

export interface BackendInfo {
  name: BackendName;
  /** e.g. "WebGPU · google SwiftShader" or "WebGL · Google SwiftShader". */
  label: string;
  requested: BackendChoice;
  /** Backends tried before this one, and why each was passed over. */
  skipped: { name: BackendName; reason: string }[];
  /** The candidates measured for this model (absent when the choice was forced). */
  candidates?: CandidateReport[];
  /** True when the choice came from an earlier measurement on this machine (no new race). */
  cached?: boolean;
  /** The model (task kind) this executor was chosen for: a page with two labs has two. */
  model?: string;
}

/** "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x2503) Direct3D11 …)" → "NVIDIA GeForce RTX 3060". */
export function shortRenderer(renderer: string): string {
  if (/swiftshader/i.test(renderer)) return 'SwiftShader';
  const inner = renderer.replace(/^ANGLE \((.*)\)$/, '$1');
  const parts = inner.split(', ');
  const device = (parts.length > 1 ? parts[1]! : parts[0]!).replace(/\s*\(0x[0-9a-f]+\)/gi, '');
  return device.replace(/\s+(Direct3D|OpenGL|Vulkan|Metal).*$/i, '').trim() || inner;
}
