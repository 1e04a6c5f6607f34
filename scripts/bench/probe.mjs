/**
 * What the benchmark reads from a lesson page: the DOM contract (a lab's status
 * region and transport buttons, the header's backend badge), in-page timers that
 * avoid CDP round-trip jitter, and the training workers' debug hook.
 *
 * A "lab" is the part of a page with its own Train button and status region. A page
 * with several (the gradient-descent lesson has the regression lab and the
 * loss-surface explorer) names the one to measure by its region's accessible name.
 *
 * The functions passed to addInitScript / evaluate run in the browser, hence the
 * browser globals below.
 */
/* global window, document, requestAnimationFrame, MutationObserver, Element, CSS, self */

export const BACKEND_LABELS = { fused: 'Fused JS', webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/**
 * Installed before navigation: records main-thread long tasks from page load on,
 * the time of the first click on the lab's Train, and the time its status step
 * counter first shows ≥ 1 after that (all on the page's performance.now() clock).
 */
export function benchInitScript(labName) {
  const b = { labName, longTasks: [], trainClickAt: null, firstStepAt: null };
  // The lab's region, named by aria-label or by the heading its aria-labelledby points at.
  b.root = () => {
    if (!labName) return document.body;
    const byLabel = document.querySelector(`[aria-label="${CSS.escape(labName)}"]`);
    if (byLabel) return byLabel;
    for (const el of document.querySelectorAll('[aria-labelledby]')) {
      const ids = el.getAttribute('aria-labelledby').split(/\s+/);
      const name = ids.map((id) => document.getElementById(id)?.textContent.trim() ?? '').join(' ');
      if (name === labName) return el;
    }
    return null;
  };
  b.step = () => Number(b.root()?.querySelector('[data-testid="status-step"]')?.getAttribute('data-value'));
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: counts stay at zero.
  }
  document.addEventListener(
    'click',
    (e) => {
      const btn = e.target instanceof Element ? e.target.closest('button') : null;
      if (!btn || btn.textContent.trim() !== 'Train' || !b.root()?.contains(btn) || b.trainClickAt !== null) return;
      b.trainClickAt = performance.now();
      const mo = new MutationObserver(() => {
        if (b.step() >= 1) {
          b.firstStepAt = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'] });
    },
    true,
  );
}

/** Page-side: watch `ms` milliseconds; step counter at both ends, rAF frames, long tasks started inside. */
function measureWindowInPage(ms) {
  const b = window.__bench;
  return new Promise((resolve) => {
    let frames = 0;
    let on = true;
    const tick = () => {
      if (!on) return;
      frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    const s0 = b.step();
    setTimeout(() => {
      const t1 = performance.now();
      const s1 = b.step();
      on = false;
      // Long-task entries are delivered asynchronously; give late ones a moment to arrive.
      setTimeout(() => {
        const tasks = b.longTasks.filter((e) => e.start >= t0 && e.start < t1);
        resolve({ t0, t1, s0, s1, frames, tasks });
      }, 300);
    }, ms);
  });
}

/** One lab of a page, found by its region name (or the whole page when there is no name). */
export class Lab {
  constructor(page, name) {
    this.page = page;
    this.root = name ? page.getByRole('region', { name, exact: true }) : page.locator('body');
  }

  button(name) {
    return this.root.getByRole('button', { name, exact: true });
  }

  async step() {
    return Number(await this.root.getByTestId('status-step').getAttribute('data-value'));
  }

  /** e.g. "WebGPU · google SwiftShader": the label of the backend the lab's engine uses. */
  async backendLabel() {
    return ((await this.root.getByTestId('status-backend').textContent()) ?? '').trim();
  }

  async chartPoints() {
    return Number(await this.root.locator('figure.chart').first().getAttribute('data-points'));
  }

  /** Wait until the engine has picked a backend and Train is clickable. */
  async waitReady(timeout = 90_000) {
    const train = this.button('Train');
    const backend = this.root.getByTestId('status-backend');
    const deadline = Date.now() + timeout;
    while (!(await train.isEnabled().catch(() => false)) || ['', 'starting…'].includes((await backend.textContent().catch(() => '')) ?? '')) {
      if (Date.now() > deadline) throw new Error(`the lab did not become ready within ${timeout / 1000} s`);
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Wait for the first step after Train was clicked. Returns { ms } from the click to the
   * counter showing ≥ 1, and { at }, that moment on the page's performance.now() clock.
   */
  async firstStep(timeout = 120_000) {
    await this.page.waitForFunction(() => window.__bench.firstStepAt !== null, null, { timeout, polling: 50 });
    return this.page.evaluate(() => ({ ms: window.__bench.firstStepAt - window.__bench.trainClickAt, at: window.__bench.firstStepAt }));
  }

  measureWindow(ms) {
    return this.page.evaluate(measureWindowInPage, ms);
  }

  pageNow() {
    return this.page.evaluate(() => performance.now());
  }

  async pause() {
    await this.button('Pause').click();
    await this.root.getByRole('status').filter({ hasText: 'paused' }).waitFor({ timeout: 60_000 });
  }

  async resume() {
    await this.button('Train').click();
    await this.root.getByRole('status').filter({ hasText: 'training' }).waitFor({ timeout: 60_000 });
  }
}

/**
 * The page's training workers: those exposing self.__playgroundDebug (one per lab
 * that has started its engine). Waits until there is at least one.
 */
export async function trainingWorkers(page, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = [];
    for (const w of page.workers()) {
      if (await w.evaluate(() => '__playgroundDebug' in self).catch(() => false)) found.push(w);
    }
    if (found.length) return found;
    await page.waitForTimeout(250);
  }
  throw new Error('no training worker (self.__playgroundDebug) found');
}

/**
 * { numTensors, numBytesInGPU } summed over the page's training workers, plus each
 * worker's backend. The debug hook does not say which lab a worker serves; the labs
 * not being measured stay idle, so their counts are constant and cancel out in growth.
 */
export async function workersState(workers) {
  const states = await Promise.all(workers.map((w) => w.evaluate(() => self.__playgroundDebug.state())));
  const gpu = states.filter((s) => s.numBytesInGPU !== null);
  return {
    numTensors: states.reduce((n, s) => n + s.numTensors, 0),
    numBytesInGPU: gpu.length ? gpu.reduce((n, s) => n + s.numBytesInGPU, 0) : null,
    backends: states.map((s) => s.backend),
  };
}

/**
 * The workers' state once they are quiet after a pause. The status says "paused" as
 * soon as the loop is told to stop, while its last loss read-back (one stacked
 * tensor) may still be in flight for a few tens of ms; read until two reads
 * 100 ms apart agree.
 */
export async function quietWorkersState(page, workers) {
  let prev = await workersState(workers);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const next = await workersState(workers);
    if (next.numTensors === prev.numTensors && next.numBytesInGPU === prev.numBytesInGPU) return next;
    prev = next;
  }
  return prev;
}

/**
 * The executor popover's rows (the header badge opens it): each candidate's label, measured
 * steps/s, first step and verdict, as the engine reported them.
 */
export async function executorCandidates(page) {
  const badge = page.getByTestId('backend-badge').first();
  await badge.click();
  const dialog = page.getByRole('dialog', { name: 'How this executor was chosen' });
  await dialog.waitFor({ timeout: 10_000 });
  const rows = await dialog.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent.trim());
      return { executor: cells[0], stepsPerSec: cells[1], firstStep: cells[2], verdict: cells[3] };
    }),
  );
  await page.keyboard.press('Escape');
  return rows;
}

/** Why the engine passed over `backend`, from the executor popover's verdicts. */
export async function skipReason(page, backend) {
  const rows = await executorCandidates(page).catch(() => []);
  const row = rows.find((r) => r.executor.startsWith(BACKEND_LABELS[backend]));
  return row ? row.verdict : 'the engine chose another executor';
}
