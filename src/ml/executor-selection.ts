/**
 * Choosing the executor for one model by measuring it: each candidate trains a few real steps
 * of this model; its first step is checked against the CPU reference; the fastest correct one
 * wins (a software GPU adapter never wins a tie); the result is cached per machine and model.
 * The trials themselves are injected (executor-trial.ts runs them on tfjs and the fused
 * engine), so the policy is tested with fakes in Node.
 */
import { BACKEND_LABELS, type BackendName, type CandidateReport } from './backend-names';
import type { SelectionCache } from './executor-cache';
import { compareProbe, rankCandidates, type StepProbe } from './executor-ranking';

/** What one candidate's trial measured. */
export interface TrialResult {
  label: string;
  software: boolean;
  /** The first step from the initial weights (for the check). */
  probe: StepProbe;
  firstStepMs: number;
  stepsPerSec: number;
}

/** A trial that could not run: the executor is missing, or it could not finish in time. */
export interface TrialSkip {
  skip: 'unavailable' | 'slower';
  reason: string;
  label?: string;
  software?: boolean;
  firstStepMs?: number;
  /** Worth measuring again next time (a GPU still compiling; its shader cache will be warm). */
  retry?: boolean;
}

export interface SelectionDeps {
  /** Candidates in the order they are measured ('cpu', the reference, should come first). */
  candidates: readonly BackendName[];
  /** Runs one candidate; must give up by `deadline` (a `now()` time) where it can. */
  trial: (name: BackendName, deadline: number) => Promise<TrialResult | TrialSkip>;
  /** The CPU reference probe, if the 'cpu' trial does not provide it (e.g. it is not a candidate). */
  reference: () => Promise<StepProbe>;
  cache: SelectionCache;
  key: string;
  /** Total time for all trials (ms); a candidate not reached in time is reported as such. */
  budgetMs: number;
  now: () => number;
}

export interface Selection {
  winner: BackendName;
  candidates: CandidateReport[];
  cached: boolean;
}

export const SELECTION_BUDGET_MS = 1500;
/** Past the budget, a candidate this fast ends the measuring (see selectExecutor). */
export const CLEAR_WIN_STEPS_PER_SEC = 1000;
/** The least a GPU candidate gets for its first step (shader compilation), even past the budget. */
export const GPU_FIRST_STEP_MS = 2500;

function isSkip(r: TrialResult | TrialSkip): r is TrialSkip {
  return 'skip' in r;
}

export async function selectExecutor(d: SelectionDeps): Promise<Selection> {
  const cached = await d.cache.get(d.key);
  if (cached && d.candidates.includes(cached.winner)) {
    return { winner: cached.winner, candidates: cached.candidates, cached: true };
  }
  const start = d.now();
  let ref: StepProbe | null = null;
  const getRef = async () => (ref ??= await d.reference());
  const reports: CandidateReport[] = [];
  let retry = false;
  for (const name of d.candidates) {
    const base = { name, label: BACKEND_LABELS[name], stepsPerSec: null, firstStepMs: null };
    const elapsed = d.now() - start;
    const left = d.budgetMs - elapsed;
    const best = Math.max(0, ...reports.filter((r) => r.outcome !== 'excluded').map((r) => r.stepsPerSec ?? 0));
    // A GPU is always given its chance (its first step compiles shaders): it is where a real
    // GPU wins by an order of magnitude on a CNN. A software adapter bows out in its trial.
    // Past the budget, the rest are skipped only when the best so far clearly wins (tfjs pays
    // about a millisecond per step in op overhead, so 1,000 steps/s is out of its reach), or
    // when three budgets are gone.
    const isGpu = name === 'webgpu' || name === 'webgl';
    const clearWin = best >= CLEAR_WIN_STEPS_PER_SEC || (best > 0 && elapsed > 3 * d.budgetMs);
    if (left <= 0 && clearWin && !isGpu) {
      reports.push({ ...base, outcome: 'slower', reason: `not measured: the ${d.budgetMs / 1000} s for measuring were spent` });
      continue;
    }
    let r: TrialResult | TrialSkip;
    try {
      // Past the budget with nothing working yet, the next candidate still gets a fair try.
      r = await d.trial(name, d.now() + Math.max(left, isGpu ? GPU_FIRST_STEP_MS : d.budgetMs / 3));
    } catch (e) {
      reports.push({ ...base, outcome: 'unavailable', reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (isSkip(r)) {
      retry ||= r.retry === true;
      reports.push({
        ...base,
        label: r.label ?? base.label,
        software: r.software,
        firstStepMs: r.firstStepMs ?? null,
        outcome: r.skip,
        reason: r.reason,
      });
      continue;
    }
    if (name === 'cpu') ref ??= r.probe;
    const wrong = name === 'cpu' ? null : compareProbe(r.probe, await getRef());
    reports.push({
      ...base,
      label: r.label,
      software: r.software,
      firstStepMs: round(r.firstStepMs),
      stepsPerSec: round(r.stepsPerSec),
      outcome: wrong ? 'excluded' : 'slower',
      reason: wrong ? `wrong numbers: ${wrong}` : undefined,
    });
  }
  const ranked = rankCandidates(reports);
  const winner = ranked.winner ?? 'cpu';
  const result: Selection = { winner, candidates: ranked.reports, cached: false };
  if (ranked.winner && !retry) await d.cache.set(d.key, { winner, candidates: ranked.reports, at: Date.now() });
  return result;
}

function round(v: number): number {
  return v >= 100 ? Math.round(v) : Math.round(v * 10) / 10;
}
