/**
 * One benchmark run: a scenario on a backend, in a fresh page (and browser context).
 */
import os from 'node:os';
import { BACKEND_LABELS, Lab, benchInitScript, executorCandidates, quietWorkersState, skipReason, trainingWorkers, workersState } from './probe.mjs';

const VIEWPORT = { width: 1280, height: 800 };
/** Warm-up after the first step before the steady window (shader compiles, JIT). */
export const WARMUP_MS = 2000;
/** After resuming from the paused tensor reading, let the loop get back to speed. */
const RESUME_SETTLE_MS = 500;

export const round = (v, digits = 1) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);

export function scenarioUrl(baseUrl, scenario, backend) {
  const q = new URLSearchParams(scenario.params);
  if (backend && backend !== 'auto') q.set('backend', backend);
  return `${baseUrl}#${scenario.route}?${q}`;
}

/** Examples per training step: the hint if given, else the scenario's `batch` parameter. */
export function examplesPerStep(scenario) {
  if (scenario.examplesPerStepHint) return scenario.examplesPerStepHint;
  const b = Number(new URLSearchParams(scenario.params).get('batch'));
  return Number.isFinite(b) && b > 0 ? b : null;
}

/** A fresh context and page on the scenario's URL, its lab ready to train. */
export async function openLab(browser, url, scenario) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(benchInitScript, scenario.lab ?? null);
  await page.goto(url);
  const lab = new Lab(page, scenario.lab);
  await lab.waitReady();
  return { context, page, lab, errors };
}

/**
 * Measure `scenario` on `backend`. Returns a row; `available: false` with a reason
 * when the engine fell back to another backend. Throws when the page never became
 * ready (a real failure).
 */
export async function runScenario(browser, baseUrl, scenario, backend, { seconds }) {
  const row = { scenario: scenario.id, route: scenario.route, params: scenario.params, backend };
  const { context, page, lab, errors } = await openLab(browser, scenarioUrl(baseUrl, scenario, backend), scenario);
  try {
    const workers = await trainingWorkers(page);
    const label = await lab.backendLabel();
    const { backends } = await workersState(workers);
    // 'auto' is whatever the engine's measurement picked.
    if (backend !== 'auto' && (!backends.includes(backend) || !label.startsWith(BACKEND_LABELS[backend]))) {
      return { ...row, available: false, usedInstead: [...new Set(backends)].join(', '), reason: await skipReason(page, backend) };
    }
    const candidates = backend === 'auto' ? await executorCandidates(page).catch(() => null) : null;

    await lab.button('Train').click();
    const first = await lab.firstStep();
    await page.waitForTimeout(Math.max(0, first.at + WARMUP_MS - (await lab.pageNow())));

    // Tensor counts are read while paused: a running loop holds a varying number of unread loss scalars.
    await lab.pause();
    const before = await quietWorkersState(page, workers);
    await lab.resume();
    await page.waitForTimeout(RESUME_SETTLE_MS);
    const w = await lab.measureWindow(seconds * 1000);
    await lab.pause();
    const after = await quietWorkersState(page, workers);

    const dt = (w.t1 - w.t0) / 1000;
    const stepsPerSec = (w.s1 - w.s0) / dt;
    const eps = examplesPerStep(scenario);
    return {
      ...row,
      available: true,
      adapter: label,
      ...(candidates ? { candidates } : {}),
      ...(scenario.epochSize && eps ? { epochsPerSec: round((stepsPerSec * eps) / scenario.epochSize) } : {}),
      workers: backends.length,
      timeToFirstStepMs: Math.round(first.ms),
      windowSec: round(dt, 2),
      steps: w.s1 - w.s0,
      stepsPerSec: round(stepsPerSec),
      examplesPerSec: eps ? Math.round(stepsPerSec * eps) : null,
      longTasks: {
        count: w.tasks.length,
        totalMs: Math.round(w.tasks.reduce((s, t) => s + t.duration, 0)),
        worstMs: Math.round(Math.max(0, ...w.tasks.map((t) => t.duration))),
      },
      fps: round(w.frames / dt),
      tensors: { before: before.numTensors, after: after.numTensors, growth: after.numTensors - before.numTensors },
      numBytesInGPU: before.numBytesInGPU === null ? null : { before: before.numBytesInGPU, after: after.numBytesInGPU },
      finalStep: await lab.step(),
      // Other processes on the machine slow every number here; keep the load beside them.
      loadAvg1m: round(os.loadavg()[0], 2),
      consoleErrors: errors,
    };
  } finally {
    await context.close();
  }
}
