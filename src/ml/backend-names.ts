/** Backend names and labels, shared by the worker and the page (no tfjs import here). */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

export interface BackendInfo {
  name: BackendName;
  /** e.g. "WebGPU · google SwiftShader" or "WebGL · Google SwiftShader". */
  label: string;
  requested: BackendChoice;
  /** Backends tried before this one, and why each was passed over. */
  skipped: { name: BackendName; reason: string }[];
}
