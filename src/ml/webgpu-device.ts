/**
 * The GPU device tfjs's WebGPU backend trains on: the high-performance adapter, with its own
 * limits asked for (tfjs's defaults are lower than most GPUs allow). No tfjs or wasm imports,
 * so the worker (backend.ts) and the Node GPU bench (scripts/gpu-bench) share it.
 */
export async function requestTrainingDevice(): Promise<{ adapter: GPUAdapter; device: GPUDevice }> {
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('WebGPU is exposed but no GPU adapter is available');
  const l = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: {
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
    },
  });
  return { adapter, device };
}
