import { expect, test } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';
import { longTasksSince, pageNow, recordLongTasks } from './fixtures/long-tasks';
import { trainingWorker, workerState } from './fixtures/worker-debug';

const LAB = 'Linear regression lab';

test.describe('foundation: gradient-descent lesson', () => {
  test('index lists the lessons; the lesson loads with no console errors and names the executor it measured', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await page.goto('./');
    for (const name of ['Gradient descent', 'Backpropagation', 'Convolutional networks', 'Recurrent networks', 'Attention and Transformers']) {
      await expect(page.getByRole('heading', { name })).toBeVisible();
    }
    await page.getByRole('link', { name: 'Gradient descent' }).first().click();
    await lesson.waitReady();
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toContainText(/Fused JS|WASM|CPU|WebGPU|WebGL/);
    const label = await badge.innerText();
    await expect(lesson.status).toContainText(label);
    // The popover, reached from the keyboard, lists every candidate with its measured speed and verdict.
    await badge.focus();
    await page.keyboard.press('Enter');
    const pop = page.getByRole('dialog', { name: 'How this executor was chosen' });
    await expect(pop).toBeVisible();
    await expect(pop).toContainText('Measured on this machine');
    // The regression lab's report (the page's optimizer race reports too once its engine starts).
    const report = pop.getByRole('region', { name: 'Linear regression' }).or(pop.locator('.executor-report').first()).first();
    for (const name of ['CPU', 'Fused JS', 'WASM']) await expect(report.getByRole('rowheader', { name, exact: true })).toHaveCount(1);
    await expect(report.locator('tbody tr[data-outcome="chosen"]')).toHaveCount(1);
    await expect(report.locator('tbody tr[data-outcome="chosen"]')).toContainText(label.split(' · ')[0]!);
    await page.keyboard.press('Escape');
    await expect(pop).toBeHidden();
    await expect(badge).toBeFocused();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('training streams steps and the loss falls by at least 90%, without leaking tensors', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/gradient-descent?backend=webgpu');
    await lesson.waitReady();
    const initial = await lesson.readout('full-loss');
    expect(initial).toBeGreaterThan(10); // w = b = 0 against y ≈ 3x + 2
    await lesson.button('Train').click();
    await lesson.waitForStep(50);
    // Tensor counts are compared while paused: a running loop holds a varying number of
    // not-yet-read loss scalars.
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    const worker = await trainingWorker(page);
    const early = await workerState(worker);
    expect(early.backend).toBe('webgpu');
    await lesson.button('Train').click();
    await lesson.waitForStep((await lesson.step()) + 300);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    const later = await workerState(worker);
    expect(later.numTensors).toBe(early.numTensors);
    const final = await lesson.readout('full-loss');
    expect(final).toBeLessThan(initial * 0.1);
    expect(Math.abs((await lesson.readout('param-w')) - 3)).toBeLessThan(0.5);
    // The chart draws a bounded, decimated series.
    const drawn = Number(await page.getByRole('region', { name: LAB }).locator('figure.chart').getAttribute('data-points'));
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThanOrEqual(1000);
    await lesson.expectNoGarbage();
  });

  test('setting the learning rate to its minimum mid-run slows the change of w by orders of magnitude', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    // Small batches keep w moving (the gradient stays noisy), so each step's Δw ≈ α·g.
    await lesson.open('/gradient-descent?batch=4&lr=0.1');
    await lesson.waitReady();
    await lesson.button('Train').click();
    const meanAbsStep = async () => {
      const samples: number[] = [];
      let lastStep = -1;
      while (samples.length < 8) {
        await lesson.waitForStep(lastStep + 1);
        lastStep = await lesson.step();
        samples.push(Math.abs(await lesson.readout('last-dw')));
      }
      return samples.reduce((a, b) => a + b, 0) / samples.length;
    };
    const fast = await meanAbsStep();
    await lesson.control('Learning rate').focus();
    await page.keyboard.press('Home');
    await expect(lesson.control('Learning rate')).toHaveAttribute('aria-valuetext', 'α = 0.0001');
    await lesson.waitForStep((await lesson.step()) + 20);
    const slow = await meanAbsStep();
    await lesson.button('Pause').click();
    expect(fast).toBeGreaterThan(1e-3);
    expect(fast / slow).toBeGreaterThan(100);
  });

  test('the main thread has no long task over 100 ms while training', async ({ page }) => {
    await recordLongTasks(page);
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/gradient-descent?batch=16');
    await lesson.waitReady();
    await page.waitForTimeout(1000);
    const t0 = await pageNow(page);
    await lesson.button('Train').click();
    await lesson.waitForStep(100);
    await page.waitForTimeout(6000);
    const tasks = await longTasksSince(page, t0);
    await lesson.button('Pause').click();
    const worst = Math.max(0, ...tasks.map((t) => t.duration));
    console.log(`long tasks while training: ${JSON.stringify(tasks.map((t) => [Math.round(t.start - t0), Math.round(t.duration)]))}`);
    expect(worst).toBeLessThanOrEqual(100);
  });

  test('a learning rate above 2/λmax makes SGD diverge: the run pauses and explains, with no NaN on screen', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/gradient-descent?lr=1&batch=200');
    await lesson.waitReady();
    await lesson.button('Train').click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('diverged');
    await expect(alert).toContainText('Try α = 0.1');
    await expect(lesson.status).toContainText('diverged');
    await lesson.expectNoGarbage();
    // One click recovers: reset with the suggested rate, then training works again.
    await page.getByRole('button', { name: 'Reset with α = 0.1' }).click();
    await expect(alert).toBeHidden();
    await expect(lesson.control('Learning rate')).toHaveAttribute('aria-valuetext', 'α = 0.1');
    await lesson.button('Train').click();
    await lesson.waitForStep(50);
    await lesson.expectNoGarbage();
  });

  test('Adam at learning rate 1 on noisy data converges or reports divergence — never NaN', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/gradient-descent?lr=1&opt=adam&noise=3');
    await lesson.waitReady();
    await lesson.button('Train').click();
    for (let i = 0; i < 10; i++) {
      await page.waitForTimeout(400);
      await lesson.expectNoGarbage();
    }
    const diverged = await page.getByRole('alert').isVisible();
    if (!diverged) expect(Number.isFinite(await lesson.loss())).toBe(true);
  });

  test('changing the optimiser while training takes effect without a restart', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/gradient-descent');
    await lesson.waitReady();
    await lesson.button('Train').click();
    await lesson.waitForStep(100);
    const before = await lesson.step();
    await lesson.control('Optimizer').selectOption('adam');
    await expect(page.getByText('Adam does not step along the raw gradient')).toBeVisible();
    expect(await lesson.step()).toBeGreaterThanOrEqual(before); // the count did not reset
    await expect(page).toHaveURL(/opt=adam/);
    await lesson.button('Pause').click();
  });

  test('bad URL values are clamped or ignored with a notice', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/gradient-descent?lr=50&batch=abc&opt=<b>x</b>&backend=quantum');
    await lesson.waitReady();
    const notes = page.getByLabel('Notices about this link');
    await expect(notes).toContainText('lr=50 is out of range; using 1');
    await expect(notes).toContainText('Ignored the value of batch');
    await expect(notes).toContainText('Ignored the value of backend');
    await expect(lesson.control('Learning rate')).toHaveAttribute('aria-valuetext', 'α = 1');
    await lesson.expectNoGarbage();
  });

  for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
    test(`?backend=${backend} trains on ${backend}`, async ({ page }) => {
      const lesson = new LessonPage(page, LAB);
      await lesson.open(`/gradient-descent?backend=${backend}`);
      await lesson.waitReady();
      await expect(page.getByTestId('backend-badge')).toContainText(backend === 'cpu' ? 'CPU' : backend === 'wasm' ? 'WASM' : 'WebGL');
      await lesson.button('Train').click();
      await lesson.waitForStep(50);
      await lesson.button('Pause').click();
      expect(Number.isFinite(await lesson.loss())).toBe(true);
      expect(lesson.consoleErrors).toEqual([]);
    });
  }

  test('screenshots at 1280×800 and 390×844', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await page.setViewportSize({ width: 1280, height: 800 });
    await lesson.open('/gradient-descent');
    await lesson.waitReady();
    await lesson.button('Train').click();
    await lesson.waitForStep(200);
    await lesson.button('Pause').click();
    await page.screenshot({ path: 'e2e/screenshots/gradient-descent-1280x800.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'e2e/screenshots/gradient-descent-390x844.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('losing the WebGPU device mid-run moves to another backend and continues from the last weights', async ({ page }) => {
  const lesson = new LessonPage(page, LAB);
  await lesson.open('/gradient-descent?lr=0.01&batch=200&backend=webgpu');
  await lesson.waitReady();
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU');
  await lesson.button('Train').click();
  await lesson.waitForStep(200);
  const worker = await trainingWorker(page);
  const stepBefore = await lesson.step();
  const wBefore = await lesson.readout('param-w');
  expect(await worker.evaluate(() => (self as unknown as { __playgroundDebug: { loseDevice(): boolean } }).__playgroundDebug.loseDevice())).toBe(true);
  await expect(page.getByTestId('backend-badge')).not.toContainText('WebGPU');
  await expect(page.getByRole('note')).toContainText('continued from the last weights');
  await lesson.waitForStep(stepBefore + 100);
  // It carried on from where it was: no reset of the step count or of w.
  expect(await lesson.step()).toBeGreaterThan(stepBefore);
  expect(Math.abs((await lesson.readout('param-w')) - wBefore)).toBeLessThan(1);
  expect((await workerState(worker)).backend).not.toBe('webgpu');
  await lesson.button('Pause').click();
  await lesson.expectNoGarbage();
});

for (const how of ['crash', 'close'] as const) {
  test(`a worker that ${how === 'crash' ? 'throws' : 'closes'} mid-training is replaced and resumes from its last weights`, async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/gradient-descent?lr=0.01&batch=200');
    await lesson.waitReady();
    await lesson.button('Train').click();
    await lesson.waitForStep(400); // past the first weight snapshot (every 2 s)
    await page.waitForTimeout(2500);
    const worker = await trainingWorker(page);
    await worker.evaluate((h) => (self as unknown as { __playgroundDebug: Record<string, () => void> }).__playgroundDebug[h]!(), how);
    await expect(lesson.status).toContainText('was restarted and resumed from step', { timeout: 60_000 });
    const resumedAt = Number(/resumed from step (\d+)/.exec(await lesson.status.innerText())![1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(await lesson.step()).toBe(resumedAt);
    // Its weights came back: w is far from the initial 0.
    expect(await lesson.readout('param-w')).toBeGreaterThan(1);
    await lesson.button('Train').click();
    await lesson.waitForStep(resumedAt + 50);
    await lesson.button('Pause').click();
    await lesson.expectNoGarbage();
  });
}

test('hostile URLs (before and inside the hash) render safely with notices and no script runs', async ({ page }) => {
  const lesson = new LessonPage(page, LAB);
  const evil = encodeURIComponent('"><img src=x onerror="window.__xss=1">');
  await page.goto(`./?lr=${evil}&noise=1e999#/gradient-descent?opt=__proto__&batch=${'9'.repeat(30)}&racers=constructor,adam&sx=NaN&kappa=-Infinity&lr=${evil}`);
  await expect(lesson.status).toBeVisible();
  await lesson.waitReady();
  const notes = page.getByLabel('Notices about this link');
  await expect(notes).toContainText('Ignored the value of opt');
  await expect(notes).toContainText('batch=1.00e+30 is out of range');
  await expect(notes).toContainText('Ignored the value of sx');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await lesson.expectNoGarbage();
  expect(lesson.consoleErrors).toEqual([]);
});
