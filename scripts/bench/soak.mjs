/**
 * The soak run: one scenario trained for a long time on the backend "auto" picks,
 * with a reading every minute to show leaks (tensors, GPU bytes, JS heaps) and
 * unbounded growth (the chart's drawn points).
 */
import { WARMUP_MS, openLab, round, scenarioUrl } from './measure.mjs';
import { quietWorkersState, trainingWorkers, workersState } from './probe.mjs';

/**
 * Garbage-collect, then measure, the JS heaps of the page and of the training workers
 * through CDP, so readings show what is retained rather than when GC last ran.
 * Workers have no performance.memory: attach to each worker target (a non-flat
 * session, as Playwright's CDPSession cannot address flat child sessions) and use
 * HeapProfiler.collectGarbage + Runtime.getHeapUsage there. Readers yield null
 * where CDP is unavailable.
 */
async function heapReaders(context, page, workerCount) {
  const none = { page: async () => null, workers: async () => null };
  let cdp;
  try {
    cdp = await context.newCDPSession(page);
  } catch {
    return none;
  }
  const pageHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    return page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  };
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const targets = targetInfos.filter((i) => i.type === 'worker' && /training/i.test(i.url)).slice(-workerCount);
    if (!targets.length) return { ...none, page: pageHeap };
    const sessions = [];
    for (const t of targets) sessions.push((await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })).sessionId);
    const waiting = new Map();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const msg = JSON.parse(e.message);
      waiting.get(msg.id)?.(msg.result ?? null);
      waiting.delete(msg.id);
    });
    let id = 0;
    const call = async (sessionId, method) => {
      const reply = new Promise((resolve) => waiting.set(++id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      return Promise.race([reply, new Promise((resolve) => setTimeout(() => resolve(null), 5000))]);
    };
    /** Summed over the training workers. */
    const workersHeap = async () => {
      let total = 0;
      for (const sessionId of sessions) {
        await call(sessionId, 'HeapProfiler.collectGarbage');
        const used = (await call(sessionId, 'Runtime.getHeapUsage'))?.usedSize;
        if (typeof used !== 'number') return null;
        total += used;
      }
      return total;
    };
    return { page: pageHeap, workers: workersHeap };
  } catch {
    return { ...none, page: pageHeap };
  }
}

async function reading(lab, workers, heaps, startedAt) {
  await lab.pause();
  const s = await quietWorkersState(lab.page, workers);
  const r = {
    minute: round((Date.now() - startedAt) / 60_000, 2),
    step: await lab.step(),
    numTensors: s.numTensors,
    numBytesInGPU: s.numBytesInGPU,
    pageHeapBytes: await heaps.page(),
    workerHeapBytes: await heaps.workers(),
    chartPoints: await lab.chartPoints(),
  };
  await lab.resume();
  return r;
}

/**
 * Train `scenario` for `minutes` on the backend "auto" picks. Each minute it pauses
 * briefly — a running loop holds up to a few hundred unread loss scalars, so
 * running tensor counts wobble — reads, and resumes. Stops by itself.
 */
export async function soak(browser, baseUrl, scenario, { minutes, onReading }) {
  const { context, page, lab, errors } = await openLab(browser, scenarioUrl(baseUrl, scenario, null), scenario);
  try {
    const workers = await trainingWorkers(page);
    const heaps = await heapReaders(context, page, workers.length);
    const { backends } = await workersState(workers);
    const adapter = await lab.backendLabel();
    await lab.button('Train').click();
    await lab.firstStep();
    await page.waitForTimeout(WARMUP_MS);
    const startedAt = Date.now();
    const readings = [];
    for (let m = 0; m <= minutes; m++) {
      await page.waitForTimeout(Math.max(0, startedAt + m * 60_000 - Date.now()));
      const r = await reading(lab, workers, heaps, startedAt);
      const prev = readings.at(-1);
      r.stepsPerSec = prev ? round((r.step - prev.step) / ((r.minute - prev.minute) * 60)) : null;
      readings.push(r);
      onReading?.(r);
    }
    await lab.pause();
    return { scenario: scenario.id, backends, adapter, minutes, readings, consoleErrors: errors };
  } finally {
    await context.close();
  }
}
