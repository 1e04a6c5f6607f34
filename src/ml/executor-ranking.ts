/**
 * How the engine judges candidate executors: is one training step's result right (against
 * the CPU reference), and which correct candidate is fastest. Pure: no tfjs, no DOM.
 */
import type { BackendName, CandidateReport } from './backend-names';
import type { WeightSnapshot } from './tasks/task';

/** One training step from the initial weights: its loss and what it did to every weight. */
export interface StepProbe {
  loss: number;
  /** w₁ − w₀ per weight: for SGD −α·∂L/∂w; for any optimiser a function of the gradient. */
  delta: WeightSnapshot;
}

/**
 * Tolerances of the check. Backends sum in different orders (XNNPACK, shaders) and some GPUs
 * hold float16 textures, so exact equality is not expected; wrong kernels are off by orders of
 * magnitude (zeros, denormals, NaN), far outside these.
 *   loss:   |l − l_ref| ≤ 1e-3 · max(1, |l_ref|)
 *   update: ‖Δ − Δ_ref‖ ≤ 5e-2 · ‖Δ_ref‖ + 1e-6 for each weight tensor
 */
export const CHECK_TOLERANCE = { loss: 1e-3, update: 5e-2, updateAbs: 1e-6 } as const;

/** Null when the probe agrees with the reference; otherwise what differs, in words. */
export function compareProbe(probe: StepProbe, ref: StepProbe): string | null {
  if (!Number.isFinite(probe.loss)) return `its loss is ${probe.loss}`;
  if (Math.abs(probe.loss - ref.loss) > CHECK_TOLERANCE.loss * Math.max(1, Math.abs(ref.loss))) {
    return `its loss ${fmt(probe.loss)} differs from the CPU's ${fmt(ref.loss)}`;
  }
  for (const [name, r] of Object.entries(ref.delta)) {
    const p = probe.delta[name];
    if (!p || p.values.length !== r.values.length) return `its weight ${name} has another shape`;
    let diff = 0;
    let norm = 0;
    let finite = true;
    for (let i = 0; i < r.values.length; i++) {
      const a = p.values[i]!;
      if (!Number.isFinite(a)) finite = false;
      diff += (a - r.values[i]!) ** 2;
      norm += r.values[i]! ** 2;
    }
    if (!finite) return `its update of ${name} is not finite`;
    const rel = Math.sqrt(diff);
    if (rel > CHECK_TOLERANCE.update * Math.sqrt(norm) + CHECK_TOLERANCE.updateAbs) {
      return `its update of ${name} differs from the CPU's by ${fmt(rel / (Math.sqrt(norm) || 1) * 100)} %`;
    }
  }
  return null;
}

export function weightDelta(after: WeightSnapshot, before: WeightSnapshot): WeightSnapshot {
  const out: WeightSnapshot = {};
  for (const [name, a] of Object.entries(after)) {
    const b = before[name];
    out[name] = { shape: a.shape, values: a.values.map((v, i) => v - (b?.values[i] ?? 0)) };
  }
  return out;
}

/** SwiftShader, llvmpipe, lavapipe, Microsoft Basic Render: a GPU emulated on the CPU. */
export function isSoftwareAdapter(label: string): boolean {
  return /swiftshader|llvmpipe|lavapipe|softpipe|basic render|software/i.test(label);
}

/** Two speeds within this fraction of each other are a tie. */
export const TIE_MARGIN = 0.1;

/**
 * The fastest candidate that initialised and passed the check. A software GPU adapter never
 * wins a tie: within TIE_MARGIN of a hardware or CPU-side candidate, that one wins.
 * Returns the reports with outcome 'chosen' / 'slower' filled in, and the winner's name.
 */
export function rankCandidates(reports: readonly CandidateReport[]): { winner: BackendName | null; reports: CandidateReport[] } {
  const ok = reports.filter((r) => r.outcome !== 'excluded' && r.outcome !== 'unavailable' && r.stepsPerSec !== null);
  if (ok.length === 0) return { winner: null, reports: [...reports] };
  const sorted = [...ok].sort((a, b) => b.stepsPerSec! - a.stepsPerSec!);
  let best = sorted[0]!;
  if (best.software) {
    const rival = sorted.find((r) => !r.software && r.stepsPerSec! >= best.stepsPerSec! * (1 - TIE_MARGIN));
    if (rival) best = rival;
  }
  const out = reports.map((r): CandidateReport => {
    if (!ok.includes(r)) return r;
    if (r === best) return { ...r, outcome: 'chosen', reason: undefined };
    const ratio = best.stepsPerSec! / Math.max(r.stepsPerSec!, 1e-9);
    const reason =
      r.software && ratio < 1
        ? 'a software GPU adapter loses a tie'
        : `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}× slower than ${best.label}`;
    return { ...r, outcome: 'slower', reason };
  });
  return { winner: best.name, reports: out };
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 1 ? v.toPrecision(3) : v.toPrecision(2);
}
