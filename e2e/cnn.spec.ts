import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './fixtures/lesson';
import { trainingWorker, workerState } from './fixtures/worker-debug';

const LAB = 'MNIST lab';
/** A small split and batch: a CNN step on SwiftShader WebGPU is slow, and evaluation covers the whole test set. */
const SMALL = '/cnn?train=500&test=200&batch=16';

async function filterChecksum(page: Page): Promise<string> {
  return (await page.getByTestId('filters').getAttribute('data-checksum')) ?? '';
}

/** Draw a "7" with the mouse: a top bar, then a diagonal down to the left. */
async function drawSeven(page: Page): Promise<void> {
  const canvas = page.getByTestId('draw-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(...at(0.25 + (0.5 * k) / 8, 0.2));
  for (let k = 1; k <= 10; k++) await page.mouse.move(...at(0.75 - (0.3 * k) / 10, 0.2 + (0.65 * k) / 10));
  await page.mouse.up();
}

test.describe('CNN lesson on real MNIST (WebGPU)', () => {
  test('training a few steps on WebGPU changes the filters, and the test accuracy appears and updates', async ({ page }) => {
    test.setTimeout(400_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const lesson = new LessonPage(page, LAB);
    // Forced: the engine's own measurement would pick a CPU-side executor on a software adapter.
    await lesson.open(`${SMALL}&backend=webgpu`);
    await lesson.waitReady();
    await expect(lesson.status).toContainText('WebGPU');
    await expect(page.getByTestId('sample-digits').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('filters')).toHaveAttribute('data-checksum', /^[0-9a-f]{8}$/);
    const before = await filterChecksum(page);
    await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-value', '');

    await lesson.button('Train').click();
    await lesson.waitForStep(3, 180_000);
    // The first evaluation on the 200 test digits: a real accuracy in [0, 1].
    await expect
      .poll(async () => (await page.getByTestId('test-accuracy').getAttribute('data-value')) ?? '', { timeout: 180_000 })
      .toMatch(/^(0|1|0\.\d+)(e-\d+)?$/);
    const firstAt = Number(await page.getByTestId('test-accuracy').getAttribute('data-step'));
    expect(firstAt).toBeGreaterThanOrEqual(1);
    await lesson.button('Pause').click();
    await expect(lesson.status).toContainText('paused');
    // A later step, then an evaluation on demand: the readout moves to the new step.
    await lesson.button('Step').click();
    await expect.poll(() => lesson.step(), { timeout: 120_000 }).toBeGreaterThan(firstAt);
    await page.getByRole('button', { name: 'Evaluate now' }).click();
    await expect
      .poll(async () => Number(await page.getByTestId('test-accuracy').getAttribute('data-step')), { timeout: 180_000 })
      .toBeGreaterThan(firstAt);
    expect(Number(await page.getByTestId('test-accuracy').getAttribute('data-step'))).toBe(await lesson.step());

    await expect.poll(() => filterChecksum(page)).not.toBe(before);
    const acc = await lesson.readout('test-accuracy');
    expect(acc).toBeGreaterThanOrEqual(0);
    expect(acc).toBeLessThanOrEqual(1);
    expect(Number.isFinite(await lesson.loss())).toBe(true);
    const worker = await trainingWorker(page, 'mnist');
    expect((await workerState(worker)).backend).toBe('webgpu');
    await expect(page.getByTestId('misclassified').or(page.getByText('Every test digit is classified correctly'))).toBeVisible();
    await lesson.expectNoGarbage();
    await page.screenshot({ path: 'e2e/screenshots/cnn-1280.png', fullPage: true });
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('a drawn digit gets ten probabilities that sum to 1; an empty canvas says to draw first', async ({ page }) => {
    test.setTimeout(240_000);
    const lesson = new LessonPage(page, LAB);
    await lesson.open(SMALL);
    await lesson.waitReady();
    await drawSeven(page);
    const bars = page.getByTestId('digit-probs');
    await expect(bars).toBeVisible({ timeout: 90_000 });
    const values = await bars.locator('li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-value'))));
    expect(values).toHaveLength(10);
    for (const p of values) {
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(Math.abs(values.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.01);
    await expect(page.getByTestId('digit-prediction')).toHaveText(/^[0-9]$/);
    await expect(page.getByRole('img', { name: /as the network sees it/ })).toBeVisible();

    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect(bars).toBeHidden();
    await page.getByRole('button', { name: 'Classify', exact: true }).click();
    await expect(page.getByTestId('draw-message')).toContainText('Draw a digit first');
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('the convolution explainer steps through windows with the output-size formula; bad URL values get notices', async ({ page }) => {
    const lesson = new LessonPage(page, LAB);
    await lesson.open('/cnn?model=custom&blocks=3&kernel=5&pad=valid&img=5000&test=200&train=500&xpad=bogus');
    const notes = page.getByLabel('Notices about this link');
    await expect(notes).toContainText('img is outside the 200 test digits');
    await expect(notes).toContainText('using 2');
    await expect(notes).toContainText('Ignored the value of xpad');
    const conv = page.getByRole('region', { name: 'Convolution explainer' });
    await conv.scrollIntoViewIfNeeded();
    const math = page.getByTestId('conv-window-math');
    const output = (name: RegExp) => conv.getByRole('img', { name });
    await expect(output(/^Output 4×4; cell 0, 0 is/)).toBeVisible();
    const first = await math.innerText();
    await conv.getByRole('button', { name: 'Next window' }).click();
    await expect(output(/^Output 4×4; cell 0, 1 is 1$/)).toBeVisible();
    expect(await math.innerText()).not.toBe(first);
    await conv.getByRole('combobox', { name: 'Padding', exact: true }).selectOption('same');
    await expect(page).toHaveURL(/xpad=same/);
    await expect(output(/^Output 6×6;/)).toBeVisible();
    await conv.getByRole('combobox', { name: 'Stride', exact: true }).selectOption('2');
    await expect(output(/^Output 3×3;/)).toBeVisible();
    await expect(conv).toContainText('window 2 of 9');
    await expect(page.getByTestId('params-cnn')).toHaveAttribute('data-value', '693962');
    await expect(page.getByTestId('params-mlp')).toHaveAttribute('data-value', '101770');
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('switching the Model rebuilds it in the worker: MLP and a custom CNN with their parameter counts', async ({ page }) => {
    test.setTimeout(240_000);
    const lesson = new LessonPage(page, LAB);
    await lesson.open(SMALL);
    await lesson.waitReady();
    await expect(page.getByTestId('param-count')).toHaveAttribute('data-value', '693962');
    await lesson.control('Model').selectOption('mlp');
    await expect(page).toHaveURL(/model=mlp/);
    await expect(page.getByTestId('param-count')).toHaveAttribute('data-value', '101770', { timeout: 90_000 });
    await expect(page.getByText('The MLP has no convolution filters')).toBeVisible();
    await lesson.control('Model').selectOption('custom');
    for (const label of ['Conv blocks', 'Filters', 'Kernel size', 'Pooling', 'Conv padding', 'Dropout']) {
      await expect(lesson.control(label)).toBeVisible();
    }
    // 2 blocks of 16 3×3 'same' filters: 160 + 2,320 + (7·7·16)·128 + 128 + 1,290.
    await expect(page.getByTestId('param-count')).toHaveAttribute('data-value', '104250', { timeout: 90_000 });
    await lesson.control('Pooling').selectOption('avg');
    await expect(page).toHaveURL(/pool=avg/);
    await lesson.waitReady();
    await lesson.button('Step').click();
    await lesson.waitForStep(1);
    await expect(page.getByRole('status')).toHaveCount(1);
    await lesson.expectNoGarbage();
    expect(lesson.consoleErrors).toEqual([]);
  });

  test('narrow screen (390×844): nothing overflows horizontally', async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const lesson = new LessonPage(page, LAB);
    await lesson.open(SMALL);
    await lesson.waitReady();
    await drawSeven(page);
    await expect(page.getByTestId('digit-probs')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('sample-digits').locator('canvas')).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: 'e2e/screenshots/cnn-390.png', fullPage: true });
    const overflow = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('main *')]
        // KaTeX's MathML copy is clipped to 1 px; display math scrolls inside its own box.
        .filter((el) => !el.closest('.katex-mathml, .tex-block') && el.getBoundingClientRect().right > w + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
      return { by: document.documentElement.scrollWidth - w, wide: wide.slice(0, 8) };
    });
    expect(overflow).toEqual({ by: 0, wide: [] });
    expect(lesson.consoleErrors).toEqual([]);
  });
});
