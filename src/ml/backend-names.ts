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

/** "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x2503) Direct3D11 …)" → "NVIDIA GeForce RTX 3060". */
export function shortRenderer(renderer: string): string {
  if (/swiftshader/i.test(renderer)) return 'SwiftShader';
  const inner = renderer.replace(/^ANGLE \((.*)\)$/, '$1');
  const parts = inner.split(', ');
  const device = (parts.length > 1 ? parts[1]! : parts[0]!).replace(/\s*\(0x[0-9a-f]+\)/gi, '');
  return device.replace(/\s+(Direct3D|OpenGL|Vulkan|Metal).*$/i, '').trim() || inner;
}
