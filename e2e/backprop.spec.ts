import { expect, test } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';
import { hashParam, value } from './fixtures/page-values';

test.describe('backprop lesson', () => {
  test('step through one forward and backward pass: the hand gradient equals autodiff and finite differences', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('/backprop');
    await expect(page.getByRole('status')).toHaveCount(1);
    const tiny = page.getByRole('region', { name: '1. Backprop, one number at a time' });
    const next = tiny.getByRole('button', { name: 'Next', exact: true });
    // Forward node by node, the loss, backward node by node, the update.
    const phases: string[] = [];
    while (await next.isEnabled()) {
      await next.click();
      phases.push((await page.getByTestId('tiny-step').getAttribute('data-phase')) ?? '');
    }
    expect(phases.slice(0, 6)).toEqual(['forward', 'forward', 'forward', 'forward', 'forward', 'loss']);
    expect(phases.at(-1)).toBe('update');
    expect(phases.filter((p) => p === 'backward')).toHaveLength(16);
    // The chain rule for the first weight, with its numbers, was shown on the way.
    await expect(tiny.getByText('Update: θ ← θ − α ∂L/∂θ')).toBeVisible();

    // Autodiff comes from tfjs in the worker; wait for it, then compare every parameter.
    await expect(page.getByTestId('auto-w11')).not.toHaveAttribute('data-value', '', { timeout: 90_000 });
    for (const p of ['w11', 'w12', 'b1', 'w21', 'w22', 'b2', 'v1', 'v2', 'c']) {
      const hand = page.getByTestId(`hand-${p}`);
      const auto = page.getByTestId(`auto-${p}`);
      // Same number to the displayed precision (5 significant digits) …
      expect(await hand.innerText()).toBe(await auto.innerText());
      // … and to float32 precision underneath.
      const h = await value(page, `hand-${p}`);
      const a = await value(page, `auto-${p}`);
      expect(Math.abs(h - a)).toBeLessThanOrEqual(1e-5 * Math.abs(h) + 1e-7);
      expect(Math.abs(h - (await value(page, `fd-${p}`)))).toBeLessThanOrEqual(1e-7);
      await expect(page.getByTestId(`agree-${p}`)).toHaveText('✓ agree');
    }

    // Apply the update: the loss falls, by hand and in the worker; the new weight is in the URL.
    const before = await value(page, 'hand-loss');
    await tiny.getByRole('button', { name: 'Apply update' }).click();
    await expect(page.getByTestId('tiny-update')).toContainText('The same step taken by tfjs in the worker');
    expect(await value(page, 'loss-before')).toBeCloseTo(before, 12);
    expect(await value(page, 'loss-after')).toBeLessThan(before);
    await expect(page).toHaveURL(/tw11=/);

    // Editing a weight updates every number, and autodiff follows.
    await page.getByLabel('w11', { exact: true }).fill('1.5');
    await expect(page).toHaveURL(/tw11=1\.5/);
    await tiny.getByRole('button', { name: 'Backward pass' }).click();
    await expect(page.getByTestId('agree-w11')).toHaveText('✓ agree', { timeout: 60_000 });
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('train XOR in the browser to at least 95 % accuracy; clicking the data adds a point', async ({ page }) => {
    const lesson = new LessonPage(page);
    // One hidden layer of 8 tanh units, Adam α = 0.03, batches of 32 (the core reaches 95 % in ~200 steps).
    await lesson.open('/backprop?ds=xor&layers=1&h1=8&act=tanh&opt=adam&lr=0.03&batch=32&test=0.2');
    await lesson.waitReady();
    // The engine measured the executors for this model: its own kernels beat tfjs's by orders of magnitude.
    await expect(page.getByRole('region', { name: 'MLP playground', exact: true }).getByTestId('status-backend')).toHaveText('Fused JS');
    const lab = page.getByRole('region', { name: 'MLP playground', exact: true });
    expect(await value(page, 'train-count')).toBe(160);
    await lesson.button('Train').click();
    const started = Date.now();
    await expect.poll(() => value(page, 'train-acc'), { timeout: 150_000, intervals: [500] }).toBeGreaterThanOrEqual(0.95);
    const steps = await lesson.step();
    console.log(`XOR: ≥ 95 % train accuracy after ${steps} steps, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    expect(await value(page, 'test-acc')).toBeGreaterThanOrEqual(0.85);
    // The charts drew something: loss and one gradient-norm series per weight matrix (2 here).
    await expect(lab.locator('figure.chart').nth(1).locator('figcaption')).toContainText('W2 (→ output)');
    await lesson.expectNoGarbage();

    // Click on the data: a point of the chosen class joins the training set and the URL.
    await lab.getByRole('combobox', { name: 'Class to add' }).selectOption('0');
    const plot = page.getByTestId('data-plot');
    const box = (await plot.boundingBox())!;
    await plot.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => hashParam(page, 'pts')).toMatch(/^-?[\d.]+,-?[\d.]+,0$/);
    await expect(page.getByTestId('train-count')).toHaveAttribute('data-value', '161');
    await expect(page.getByTestId('added-count')).toHaveAttribute('data-value', '1');
    // Shift-click on it removes it again.
    await plot.click({ position: { x: box.width / 2, y: box.height / 2 }, modifiers: ['Shift'] });
    await expect(page.getByTestId('train-count')).toHaveAttribute('data-value', '160');
    expect(hashParam(page, 'pts')).toBeNull();
    // The same with the keyboard: Enter adds at the cursor, Delete removes the nearest point.
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('train-count')).toHaveAttribute('data-value', '161');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('train-count')).toHaveAttribute('data-value', '160');
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('bad URL values are clamped or ignored with a notice; screenshots at 1280×800 and 390×844', async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await lesson.open('/backprop?h1=99&h2=8&act=gelu&pts=1,2,0;oops&tw11=abc&ds=spiral3&feat=x1,x2,sinx1,sinx2');
    const notes = page.getByLabel('Notices about this link');
    // One notice per bad key, naming it (the raw values are never echoed).
    await expect(notes).toContainText(/h1=99 is out of range; using 8/);
    await expect(notes).toContainText(/Ignored [^.]*\bact\b/);
    await expect(notes).toContainText('Ignored 1 malformed point in pts');
    await expect(notes).toContainText(/Ignored [^.]*\btw11\b/);
    await expect(notes).not.toContainText('gelu');
    await lesson.waitReady();
    await lesson.button('Train').click();
    await lesson.waitForStep(20);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    await page.getByRole('region', { name: '1. Backprop, one number at a time' }).getByRole('button', { name: 'Backward pass' }).click();
    await lesson.expectNoGarbage();
    await page.screenshot({ path: 'e2e/screenshots/backprop-1280x800.png' });
    await page.getByRole('region', { name: 'MLP playground', exact: true }).screenshot({ path: 'e2e/screenshots/backprop-lab-1280.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'e2e/screenshots/backprop-390x844.png' });
    await page.getByRole('region', { name: 'MLP playground', exact: true }).screenshot({ path: 'e2e/screenshots/backprop-lab-390.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(lesson.consoleErrors).toEqual([]);
  });
});
