/**
 * One candidate's trial: build this model on the executor, take one step from the initial
 * weights (the probe the check compares with the CPU's), then time real steps for a moment.
 * Worker-side: switches tfjs's backend.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, tryBackend } from '../ml/backend';
import type { BackendName } from '../ml/backend-names';
import { isSoftwareAdapter, weightDelta, type StepProbe } from '../ml/executor-ranking';
import type { TrialResult, TrialSkip } from '../ml/executor-selection';
import type { TrainTask } from '../ml/tasks/task';

// The trial is generic over every task kind; it only steps, times and reads weights.
type AnyTask = TrainTask<Record<string, unknown>, unknown, unknown>;

export interface TrialModel {
  /** Builds the model for the executor (tfjs task, or the fused one), with `hyper`. */
  build(executor: BackendName, hyper: unknown): AnyTask;
  /** The hyperparameters the check step uses (e.g. without dropout, whose masks differ by engine). */
  checkHyper: unknown;
  hyper: unknown;
}

/** Steady-state timing window per candidate (ms). */
const MEASURE_MS = 250;

const now = () => performance.now();

class Timeout extends Error {
  constructor() {
    super('timed out');
  }
}

function before<T>(p: Promise<T>, deadline: number): Promise<T> {
  const left = deadline - now();
  if (left <= 0) return p;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), left);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** One step's loss: from the host engine directly, or read back from the device. */
async function oneStep(task: AnyTask): Promise<number> {
  if (task.stepBatch) return task.stepBatch(1)[0]!;
  const loss = task.step();
  try {
    return (await loss.data())[0]!;
  } finally {
    loss.dispose();
  }
}

/** Steps per second over about MEASURE_MS (at least one step), ending by `deadline` if it can. */
async function timeSteps(task: AnyTask, deadline: number, firstStepMs: number): Promise<number> {
  // A slow model (hundreds of ms a step) is timed over one more step, not a window.
  const window = firstStepMs > 150 ? 0 : Math.max(30, Math.min(MEASURE_MS, deadline - now()));
  const t0 = now();
  let steps = 0;
  if (task.stepBatch) {
    let n = 1;
    do {
      task.stepBatch(n);
      steps += n;
      n = Math.min(n * 2, 4096);
    } while (now() - t0 < window);
    return steps / ((now() - t0) / 1000);
  }
  const pending: tf.Scalar[] = [];
  try {
    do {
      pending.push(task.step());
      steps++;
      // On a GPU, step() only queues work: sync every few steps so the clock sees it done.
      if (steps % 4 === 0) await before(pending[pending.length - 1]!.data(), deadline + 2 * MEASURE_MS);
    } while (now() - t0 < window);
    await before(pending[pending.length - 1]!.data(), deadline + 2 * MEASURE_MS);
  } finally {
    tf.dispose(pending);
  }
  return steps / ((now() - t0) / 1000);
}

export async function runTrial(name: BackendName, model: TrialModel, deadline: number): Promise<TrialResult | TrialSkip> {
  let label: string;
  if (name !== 'fused') {
    const failure = await tryBackend(name);
    if (failure) return { skip: 'unavailable', reason: failure };
    label = describe(name);
  } else {
    // The fused engine needs no tfjs backend; the CPU one serves the odd scalar it hands out.
    await tryBackend('cpu');
    label = 'Fused JS';
  }
  const software = isSoftwareAdapter(label);
  if (software) {
    // A GPU emulated on the CPU runs on the same cores as WASM and the CPU, with a GPU's
    // overheads on top, and compiling its shaders takes seconds to minutes (WebGL's blocks the
    // worker; WebGPU's keeps the CPU busy after we would give up). Not worth a learner's CPU.
    return {
      skip: 'unavailable',
      reason: 'software GPU adapter (emulated on this CPU): not measured; choose it in the header to try it',
      label,
      software,
    };
  }
  const task = model.build(name, model.checkHyper);
  let keep = false;
  try {
    const w0 = await task.exportWeights();
    const t0 = now();
    const first = oneStep(task);
    let loss: number;
    try {
      loss = await before(first, deadline);
    } catch (e) {
      if (!(e instanceof Timeout)) throw e;
      // The step is still running on the device: free the model once it is done.
      keep = true;
      void first.catch(() => undefined).finally(() => task.dispose());
      return {
        skip: 'slower',
        reason: `first step not done after ${((deadline - t0) / 1000).toFixed(1)} s (compiling)`,
        label,
        software,
        retry: true,
      };
    }
    const firstStepMs = now() - t0;
    const probe: StepProbe = { loss, delta: weightDelta(await task.exportWeights(), w0) };
    task.setHyper(model.hyper as Record<string, unknown>);
    let stepsPerSec: number;
    try {
      stepsPerSec = await timeSteps(task, deadline, firstStepMs);
    } catch (e) {
      if (!(e instanceof Timeout)) throw e;
      keep = true;
      // Queued steps still hold tensors: let the device finish before freeing the model.
      void task.exportWeights().catch(() => undefined).finally(() => task.dispose());
      return { skip: 'slower', reason: 'its steps did not finish within the time for measuring', label, software, firstStepMs };
    }
    return { label, software, probe, firstStepMs, stepsPerSec };
  } finally {
    if (!keep) task.dispose();
  }
}
