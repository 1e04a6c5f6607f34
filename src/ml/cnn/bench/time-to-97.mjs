#!/usr/bin/env node
/**
 * Time from Train to the first evaluation with ≥ 97 % test accuracy in the built app's CNN lab,
 * in headless Chromium. Not part of npm test. Serve a build first, e.g.
 *
 *   npx vite build --outDir dist-a && npx vite preview --outDir dist-a --port 4311 &
 *   node src/ml/cnn/bench/time-to-97.mjs http://127.0.0.1:4311/ 'model=cnn&batch=20&backend=wasm' 90
 *
 * Prints one JSON line: the backend the page used, ms from the Train click to the first
 * test-accuracy readout ≥ 0.97 (null if not within the limit), steps done, examples/s and
 * the load average.
 */
/* global process, console, performance, URLSearchParams, document -- a Node script; the callbacks run in the page */
import os from 'node:os';
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:4311/', params = 'model=cnn&batch=20&backend=wasm', seconds = '90'] = process.argv.slice(2);
const limitMs = Number(seconds) * 1000;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  await page.goto(`${base}#/cnn?${params}`);
  const lab = page.getByRole('region', { name: 'MNIST lab' });
  const train = lab.getByRole('button', { name: 'Train', exact: true });
  await train.waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Train');
    return b && !b.disabled;
  });
  const backend = (await page.getByTestId('status-backend').first().textContent())?.trim();
  await train.click();
  const started = await page.evaluate(() => performance.now());
  const reached = await page
    .waitForFunction(
      () => {
        const v = Number(document.querySelector('[data-testid="test-accuracy"]')?.getAttribute('data-value'));
        return Number.isFinite(v) && v >= 0.97 ? performance.now() : false;
      },
      null,
      { timeout: limitMs, polling: 20 },
    )
    .then((h) => h.jsonValue())
    .catch(() => null);
  const elapsed = (await page.evaluate(() => performance.now())) - started;
  const readout = page.getByTestId('test-accuracy');
  const step = Number(await page.getByTestId('status-step').first().getAttribute('data-value'));
  const batch = Number(new URLSearchParams(params).get('batch') ?? 64);
  console.log(
    JSON.stringify({
      params,
      backend,
      msTo97: reached === null ? null : Math.round(reached - started),
      limitMs,
      lastTestAccuracy: Number(await readout.getAttribute('data-value')),
      atStep: Number(await readout.getAttribute('data-step')),
      steps: step,
      examplesPerSec: Math.round((step * batch) / (elapsed / 1000)),
      loadavg: os.loadavg().map((v) => +v.toFixed(2)),
    }),
  );
} finally {
  await browser.close();
}
