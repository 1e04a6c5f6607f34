import { describe, expect, it } from 'vitest';
import type { BackendName } from './backend-names';
import { memoryCache } from './executor-cache';
import { compareProbe, isSoftwareAdapter, rankCandidates, type StepProbe } from './executor-ranking';
import { selectExecutor, type TrialResult, type TrialSkip } from './executor-selection';
import { planExecutors } from './executor-plan';

const probe = (loss: number, d: number[]): StepProbe => ({ loss, delta: { w: { shape: [d.length], values: Float32Array.from(d) } } });
const REF = probe(0.69, [0.01, -0.02, 0.03]);

function fakeTrials(speeds: Partial<Record<BackendName, { sps: number; probe?: StepProbe; label?: string } | TrialSkip>>) {
  const calls: BackendName[] = [];
  const trial = async (name: BackendName): Promise<TrialResult | TrialSkip> => {
    calls.push(name);
    const s = speeds[name];
    if (!s) return { skip: 'unavailable', reason: 'not in this browser' };
    if ('skip' in s) return s;
    const label = s.label ?? name;
    return { label, software: isSoftwareAdapter(label), probe: s.probe ?? REF, firstStepMs: 5, stepsPerSec: s.sps };
  };
  return { trial, calls };
}

let clock = 0;
const deps = (trial: (n: BackendName, deadline: number) => Promise<TrialResult | TrialSkip>, cache = memoryCache(), candidates: BackendName[] = ['cpu', 'fused', 'wasm', 'webgpu']) => ({
  candidates,
  trial,
  reference: async () => REF,
  cache,
  key: 'mlp|spiral',
  budgetMs: 1500,
  now: () => (clock += 1),
});

describe('executor selection by measurement', () => {
  it('picks the fastest correct candidate and says why the others lost', async () => {
    const { trial } = fakeTrials({ cpu: { sps: 100 }, fused: { sps: 20000 }, wasm: { sps: 300 } });
    const s = await selectExecutor(deps(trial));
    expect(s.winner).toBe('fused');
    expect(s.cached).toBe(false);
    const byName = Object.fromEntries(s.candidates.map((c) => [c.name, c]));
    expect(byName.fused!.outcome).toBe('chosen');
    expect(byName.wasm!.outcome).toBe('slower');
    expect(byName.wasm!.reason).toMatch(/67× slower/);
    expect(byName.webgpu!.outcome).toBe('unavailable');
  });

  it('excludes a candidate whose step returns wrong gradients, with the reason', async () => {
    const wrong = probe(0.69, [1e-44, 1e-44, 1e-44]);
    const { trial } = fakeTrials({ cpu: { sps: 100 }, webgpu: { sps: 5000, probe: wrong } });
    const s = await selectExecutor(deps(trial));
    expect(s.winner).toBe('cpu');
    const gpu = s.candidates.find((c) => c.name === 'webgpu')!;
    expect(gpu.outcome).toBe('excluded');
    expect(gpu.reason).toMatch(/wrong numbers: its update of w differs/);
  });

  it('excludes a candidate whose loss is wrong or not finite', () => {
    expect(compareProbe(probe(0.9, [0.01, -0.02, 0.03]), REF)).toMatch(/loss 0.90 differs/);
    expect(compareProbe(probe(NaN, [0.01, -0.02, 0.03]), REF)).toMatch(/NaN/);
    expect(compareProbe(probe(0.69 + 1e-5, [0.0101, -0.02, 0.03]), REF)).toBeNull();
  });

  it('a software GPU adapter loses a tie, but wins when clearly faster', () => {
    const base = { firstStepMs: 1, outcome: 'slower' as const };
    const tie = rankCandidates([
      { ...base, name: 'wasm', label: 'WASM', stepsPerSec: 100 },
      { ...base, name: 'webgpu', label: 'WebGPU · google SwiftShader', stepsPerSec: 105, software: true },
    ]);
    expect(tie.winner).toBe('wasm');
    expect(tie.reports.find((r) => r.name === 'webgpu')!.reason).toMatch(/software GPU adapter loses a tie/);
    const clear = rankCandidates([
      { ...base, name: 'wasm', label: 'WASM', stepsPerSec: 100 },
      { ...base, name: 'webgpu', label: 'WebGPU · google SwiftShader', stepsPerSec: 300, software: true },
    ]);
    expect(clear.winner).toBe('webgpu');
    expect(isSoftwareAdapter('WebGL · llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareAdapter('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareAdapter('WebGPU · nvidia ampere')).toBe(false);
  });

  it('uses the cache on the second start: no trial runs', async () => {
    const cache = memoryCache();
    const first = fakeTrials({ cpu: { sps: 100 }, fused: { sps: 9000 } });
    await selectExecutor(deps(first.trial, cache));
    expect(first.calls.length).toBeGreaterThan(0);
    const second = fakeTrials({ cpu: { sps: 100 }, fused: { sps: 9000 } });
    const s = await selectExecutor(deps(second.trial, cache));
    expect(second.calls).toEqual([]);
    expect(s).toMatchObject({ winner: 'fused', cached: true });
  });

  it('stops measuring when the time budget is spent and a candidate clearly wins', async () => {
    const slowClock = { t: 0 };
    const { trial } = fakeTrials({ cpu: { sps: 10 }, fused: { sps: 50_000 }, wasm: { sps: 99 } });
    const s = await selectExecutor({
      ...deps(async (n) => {
        slowClock.t += 1000;
        return trial(n);
      }),
      now: () => slowClock.t,
    });
    const wasm = s.candidates.find((c) => c.name === 'wasm')!;
    expect(wasm.reason).toMatch(/not measured/);
    expect(s.winner).toBe('fused');
  });

  it('past the budget, slow candidates do not stop the measuring (a heavy model on the CPU first)', async () => {
    const slowClock = { t: 0 };
    const { trial, calls } = fakeTrials({ cpu: { sps: 1.4 }, wasm: { sps: 16 } });
    const s = await selectExecutor({
      ...deps(async (n) => {
        slowClock.t += 1600;
        return trial(n);
      }, memoryCache(), ['cpu', 'wasm']),
      now: () => slowClock.t,
    });
    expect(calls).toEqual(['cpu', 'wasm']);
    expect(s.winner).toBe('wasm');
  });

  it('falls back to the CPU when no candidate works', async () => {
    const { trial } = fakeTrials({});
    const s = await selectExecutor(deps(trial));
    expect(s.winner).toBe('cpu');
  });
});

describe('planExecutors: what is measured, and overrides', () => {
  it('measures the fused engine first after the CPU reference when the model has fused kernels', () => {
    expect(planExecutors('auto', { fused: true, unsupported: [] })).toEqual({ measure: ['cpu', 'fused', 'webgpu', 'wasm', 'webgl'] });
    expect(planExecutors('auto', { fused: false, unsupported: ['wasm'] })).toEqual({ measure: ['cpu', 'webgpu', 'webgl'] });
  });
  it('an override wins without a race', () => {
    expect(planExecutors('wasm', { fused: true, unsupported: [] })).toEqual({ forced: 'wasm' });
    expect(planExecutors('fused', { fused: true, unsupported: [] })).toEqual({ forced: 'fused' });
  });
  it('an override the model cannot use is refused with a reason, and the race decides', () => {
    expect(planExecutors('fused', { fused: false, unsupported: [] })).toEqual({
      measure: ['cpu', 'webgpu', 'wasm', 'webgl'],
      refused: { name: 'fused', reason: 'this model has no fused kernels' },
    });
  });
});
