/**
 * The issues' targets, measured beside the scenario table: the peers' speed on this machine in
 * the same run (TF Playground's engine, ConvNetJS), and time to a result with the executor the
 * engine picks by itself.
 */
// The callback passed to waitForFunction runs in the page.
/* global document */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLab, round, scenarioUrl } from './measure.mjs';

/** `node ../shared/peers/run.mjs <suite> <seconds>` → its JSON line, or null when the peers are not here. */
export function runPeer(root, suite, seconds = 5) {
  const script = path.resolve(root, '..', 'shared', 'peers', 'run.mjs');
  if (!existsSync(script)) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('node', [script, suite, String(seconds)], { timeout: 120_000 }, (err, stdout) => {
      if (err) return resolve({ error: String(err.message).split('\n')[0] });
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
      } catch {
        resolve({ error: `unreadable output: ${stdout.slice(0, 200)}` });
      }
    });
  });
}

/**
 * Time from Train to the first moment the readout `testId` (a data-value) reaches `threshold`,
 * with the executor the engine chose ('auto'). Also the time from page load to Train enabled.
 */
export async function timeToResult(browser, baseUrl, goal) {
  const t0 = Date.now();
  const { context, page, lab } = await openLab(browser, scenarioUrl(baseUrl, goal, 'auto'), goal);
  try {
    const readyMs = Date.now() - t0;
    const executor = await lab.backendLabel();
    await lab.button('Train').click();
    const started = await page.evaluate(() => performance.now());
    const limit = goal.limitMs;
    const reached = await page
      .waitForFunction(
        ({ testId, threshold }) => {
          const v = Number(document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('data-value'));
          return Number.isFinite(v) && v >= threshold ? performance.now() : false;
        },
        { testId: goal.testId, threshold: goal.threshold },
        { timeout: limit * 2, polling: 20 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    const value = Number(await page.getByTestId(goal.testId).first().getAttribute('data-value'));
    return {
      goal: goal.id,
      executor,
      pageLoadToTrainEnabledMs: readyMs,
      msToThreshold: reached === null ? null : Math.round(reached - started),
      limitMs: limit,
      met: reached !== null && reached - started <= limit,
      finalValue: round(value, 4),
      loadAvg1m: round(os.loadavg()[0], 2),
    };
  } finally {
    await context.close();
  }
}
